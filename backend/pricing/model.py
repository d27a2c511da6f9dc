"""The price models Tollgate computes, as validated plain values (no I/O).

Conventions: a whole amount charged per period or per block is integer **minor units**
(`amount_minor`, `flat_amount_minor`); a price per unit may be fractional and is a `Decimal` in
**major units** (`unit_amount`, e.g. "0.0004" dollars per API call). Every price carries its ISO
4217 currency. Tiers use inclusive `up_to` bounds; the last tier is unbounded (`up_to: null`).
"""

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from backend.kit.money import is_currency
from backend.kit.regions import is_price_region

INT64_MAX = 2**63 - 1
MAX_UNIT = Decimal("1000000000")
# At most 12 decimals (as Stripe): with MAX_UNIT and INT64_MAX units a product stays far inside
# the exact context's precision (backend.pricing.exact), so pricing never raises Inexact.
UNIT_PLACES = 12

BillingPeriod = Literal["monthly", "quarterly", "annual"]
PriceModel = Literal["flat", "per_unit", "tiered", "package", "usage", "overage", "credit_pack"]
TiersMode = Literal["volume", "graduated"]

# Which models need a feature (the quantity or usage they price comes from it).
FEATURE_MODELS = {"per_unit", "tiered", "package", "usage", "overage"}
# Which models are charged in arrears from measured usage (not in advance).
USAGE_MODELS = {"usage", "overage"}

class Tier(BaseModel):
    model_config = ConfigDict(extra="forbid")

    up_to: int | None = Field(None, ge=1, le=INT64_MAX, description="Inclusive; null = no bound")
    unit_amount: Decimal = Field(Decimal(0), ge=0, le=MAX_UNIT, decimal_places=UNIT_PLACES,
                                 description="Price per unit in major units")
    flat_amount_minor: int = Field(0, ge=0, le=INT64_MAX, description="Fee for using this tier")


class PriceSpec(BaseModel):
    """One price of a plan or add-on for a billing period and currency."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    billing_period: BillingPeriod
    currency: str = Field(description="ISO 4217 code, e.g. USD")
    model: PriceModel = "flat"
    country: str | None = Field(None, description="Localised price for this country or region")
    amount_minor: int | None = Field(
        None, ge=0, le=INT64_MAX,
        description="flat: per period; package / credit_pack: per block or pack",
    )
    unit_amount: Decimal | None = Field(
        None, ge=0, le=MAX_UNIT, decimal_places=UNIT_PLACES,
        description="per_unit / usage / overage: per unit (major units)",
    )
    feature_id: str | None = Field(None, description="The feature whose quantity or usage is priced")
    min_quantity: int | None = Field(None, ge=0, le=INT64_MAX)
    max_quantity: int | None = Field(None, ge=1, le=INT64_MAX)
    tiers: list[Tier] | None = None
    tiers_mode: TiersMode | None = None
    block_size: int | None = Field(None, ge=1, le=INT64_MAX, description="Units per block")
    free_units: int | None = Field(None, ge=0, le=INT64_MAX,
                                   description="package: free units; overage: included units")
    credits: int | None = Field(None, ge=1, le=INT64_MAX, description="credit_pack: credits per pack")

    @field_validator("currency")
    @classmethod
    def _iso_4217(cls, v: str) -> str:
        v = v.upper()
        if not is_currency(v):
            raise ValueError(f"'{v}' is not an ISO 4217 currency code")
        return v

    @field_validator("country")
    @classmethod
    def _region(cls, v: str | None) -> str | None:
        if v is None:
            return v
        v = v.upper()
        if not is_price_region(v):
            raise ValueError(f"'{v}' is neither an ISO 3166-1 country code nor a region (EU, EZ)")
        return v

    @model_validator(mode="after")
    def _shape(self) -> "PriceSpec":
        check_shape(self)
        return self


def _need(cond: bool, message: str) -> None:
    if not cond:
        raise ValueError(message)


def check_tiers(tiers: list[Tier]) -> None:
    """Tiers must be ascending by `up_to`, non-overlapping, and end with an unbounded tier."""
    _need(len(tiers) >= 1, "tiers: give at least one tier")
    bounds = [t.up_to for t in tiers]
    _need(bounds[-1] is None, "tiers: the last tier must be unbounded (up_to: null)")
    _need(all(b is not None for b in bounds[:-1]), "tiers: only the last tier may be unbounded")
    finite = [b for b in bounds[:-1] if b is not None]
    _need(all(a < b for a, b in zip(finite, finite[1:])),
          "tiers: up_to must increase strictly (tiers may not overlap)")


def check_shape(p: PriceSpec) -> None:
    """Reject nonsense for the chosen model (each message starts with the offending field)."""
    m = p.model
    if m in FEATURE_MODELS:
        _need(p.feature_id is not None, f"feature_id: a {m} price prices a feature; name it")
    else:
        _need(p.feature_id is None or m == "credit_pack", f"feature_id: a {m} price has no feature")
    if m in ("flat", "package", "credit_pack"):
        _need(p.amount_minor is not None, f"amount_minor: a {m} price needs an amount")
    else:
        _need(p.amount_minor is None, f"amount_minor: a {m} price has no amount_minor")
    if m in ("per_unit", "usage", "overage"):
        _need(p.unit_amount is not None, f"unit_amount: a {m} price needs a unit amount")
    else:
        _need(p.unit_amount is None, f"unit_amount: a {m} price has no unit amount")
    if m == "tiered":
        _need(p.tiers is not None, "tiers: a tiered price needs tiers")
        check_tiers(p.tiers or [])
        p.tiers_mode = p.tiers_mode or "volume"
    elif m == "credit_pack" and p.tiers is not None:
        check_tiers(p.tiers)
        p.tiers_mode = p.tiers_mode or "volume"
    else:
        _need(p.tiers is None and p.tiers_mode is None, f"tiers: a {m} price has no tiers")
    if m == "package":
        _need(p.block_size is not None, "block_size: a package price needs a block size")
    if m == "credit_pack":
        _need(p.credits is not None, "credits: a credit pack needs the credits it grants")
    else:
        _need(p.credits is None, "credits: only credit packs grant credits")
    if p.free_units is not None:
        _need(m in ("package", "overage"), "free_units: only package and overage prices have free units")
    if p.block_size is not None:
        _need(m in ("package", "usage", "overage"), f"block_size: a {m} price has no blocks")
    if p.min_quantity is not None or p.max_quantity is not None:
        limit = "min_quantity" if p.min_quantity is not None else "max_quantity"
        _need(m in ("per_unit", "tiered", "credit_pack"),
              f"{limit}: a {m} price has no quantity limits")
    if p.min_quantity is not None and p.max_quantity is not None:
        _need(p.min_quantity <= p.max_quantity,
              "max_quantity: must be at least min_quantity (limits are inverted)")
