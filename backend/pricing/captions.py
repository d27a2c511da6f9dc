"""What a UI needs to caption a price ("per seat", "per 1,000 API calls", "100 included"), as
plain data: no wording, no locale (the widget's texts turn this into words)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from backend.kit.money import exponent, from_minor
from backend.pricing.model import USAGE_MODELS, BillingPeriod, PriceModel, PriceSpec, TiersMode

Per = Literal["period", "unit", "block", "pack"]


@dataclass(frozen=True)
class UnitCaption:
    """The price of one `per` (a period, a unit, a block of `block_size` units, a pack)."""

    model: PriceModel
    currency: str
    billing_period: BillingPeriod
    feature_id: str | None
    per: Per
    price: Decimal  # major units; tiered: the first tier's unit price ("from")
    price_minor: int | None  # the same in minor units when whole (None for e.g. $0.0004)
    block_size: int | None = None  # units in a block (per == "block")
    included_units: int | None = None  # package: free units; overage: included before charging
    credits: int | None = None  # credit_pack: credits per pack
    tiers_mode: TiersMode | None = None  # set when the price depends on the tier
    in_arrears: bool = False  # usage / overage: billed after the period from measured usage
    min_quantity: int | None = None
    max_quantity: int | None = None


def whole_minor(amount: Decimal, currency: str) -> int | None:
    """`amount` (major units) in minor units if that is a whole number, else None."""
    scaled = amount.scaleb(exponent(currency))
    return int(scaled) if scaled == scaled.to_integral_value() else None


def unit_caption_parts(spec: PriceSpec) -> UnitCaption:
    """The data for a price's caption: what one price buys, block size, included units."""
    m = spec.model
    per: Per
    if m == "flat":
        per, price = "period", from_minor(spec.amount_minor or 0, spec.currency)
    elif m == "package":
        per, price = "block", from_minor(spec.amount_minor or 0, spec.currency)
    elif m == "credit_pack":
        per = "pack"
        price = (spec.tiers[0].unit_amount if spec.tiers
                 else from_minor(spec.amount_minor or 0, spec.currency))
    elif m == "tiered":
        per, price = "unit", (spec.tiers or [])[0].unit_amount
    else:  # per_unit, usage, overage: unit_amount is per block when block_size is set
        per = "block" if spec.block_size else "unit"
        price = spec.unit_amount or Decimal(0)
    return UnitCaption(
        model=m, currency=spec.currency, billing_period=spec.billing_period,
        feature_id=spec.feature_id, per=per, price=price,
        price_minor=whole_minor(price, spec.currency), block_size=spec.block_size,
        included_units=spec.free_units, credits=spec.credits,
        tiers_mode=spec.tiers_mode if spec.tiers else None, in_arrears=m in USAGE_MODELS,
        min_quantity=spec.min_quantity, max_quantity=spec.max_quantity,
    )
