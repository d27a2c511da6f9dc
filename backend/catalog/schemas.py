"""API shapes of the catalog: Create / Update / Public families per resource."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from backend.kit.ids import REF_PATTERN
from backend.kit.metadata import MetadataDict
from backend.pricing.model import PriceSpec

FeatureType = Literal["boolean", "configuration", "metered", "enum"]
MeterType = Literal["incremental", "fluctuating"]
ResetPeriod = Literal["day", "week", "month", "year"]
PricingType = Literal["free", "paid", "custom"]

Ref = Field(pattern=REF_PATTERN, description="Your identifier, unique in the environment")
Name = Field(min_length=1, max_length=200)
Metadata = Field(default_factory=dict, description="Free-form string keys and JSON values")
# Column ranges (PostgreSQL INTEGER and BIGINT), so no input overflows the database.
INT32_MAX, INT64_MAX = 2**31 - 1, 2**63 - 1


def _reject_null(cls: type, value: Any) -> Any:
    """PATCH: a field may be left out, but not set to null when the column needs a value."""
    if value is None:
        raise ValueError("may be left out but not set to null")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


# -- products --------------------------------------------------------------------------------
class ProductSettings(_Strict):
    """What happens around a product's subscriptions."""

    on_subscription_end: Literal["fallback_plan", "no_access"] = Field(
        "no_access", description="After a subscription ends: move to a free plan, or no access"
    )
    fallback_plan_id: str | None = Field(
        None, description="The free plan to fall back to (default: the lowest-ordered free plan)"
    )
    downgrades: Literal["end_of_period", "immediate"] = Field(
        "end_of_period", description="When a downgrade takes effect"
    )


class ProductCreate(_Strict):
    id: str = Ref
    display_name: str = Name
    description: str | None = Field(None, max_length=2000)
    settings: ProductSettings = Field(default_factory=ProductSettings)
    metadata: MetadataDict = Metadata


class ProductUpdate(_Strict):
    display_name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    settings: ProductSettings | None = None
    metadata: MetadataDict | None = None

    _not_null = field_validator("display_name", "settings", mode="before")(_reject_null)


class ProductPublic(BaseModel):
    id: str
    display_name: str
    description: str | None
    settings: ProductSettings
    metadata: dict[str, Any]
    archived: bool
    created_at: datetime
    updated_at: datetime


# -- features --------------------------------------------------------------------------------
class FeatureCreate(_Strict):
    id: str = Ref
    display_name: str = Name
    description: str | None = Field(None, max_length=2000)
    type: FeatureType
    meter_type: MeterType | None = Field(None, description="Metered features only")
    unit: str | None = Field(None, max_length=64, description="Singular, e.g. 'seat'")
    unit_plural: str | None = Field(None, max_length=64, description="Plural, e.g. 'seats'")
    enum_values: list[str] | None = Field(None, description="Allowed values of an enum feature")
    metadata: MetadataDict = Metadata

    @model_validator(mode="after")
    def _by_type(self) -> "FeatureCreate":
        if self.type == "enum":
            if not self.enum_values:
                raise ValueError("enum_values: an enum feature needs at least one value")
        elif self.enum_values is not None:
            raise ValueError("enum_values: only enum features have values")
        if self.type == "metered":
            self.meter_type = self.meter_type or "incremental"
        elif self.meter_type is not None:
            raise ValueError("meter_type: only metered features have a meter type")
        if self.type == "boolean" and (self.unit or self.unit_plural):
            raise ValueError("unit: boolean features have no unit")
        if self.unit and not self.unit_plural:
            self.unit_plural = self.unit
        return self

    @field_validator("enum_values")
    @classmethod
    def _unique_values(cls, v: list[str] | None) -> list[str] | None:
        if v is not None and len(set(v)) != len(v):
            raise ValueError("values must be unique")
        return v


class FeatureUpdate(_Strict):
    display_name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    unit: str | None = Field(None, max_length=64)
    unit_plural: str | None = Field(None, max_length=64)
    enum_values: list[str] | None = None
    metadata: MetadataDict | None = None

    _not_null = field_validator("display_name", mode="before")(_reject_null)


class FeaturePublic(BaseModel):
    id: str
    display_name: str
    description: str | None
    type: FeatureType
    meter_type: MeterType | None
    unit: str | None
    unit_plural: str | None
    enum_values: list[str] | None
    metadata: dict[str, Any]
    archived: bool
    created_at: datetime
    updated_at: datetime


# -- packages (plans and add-ons) ------------------------------------------------------------
class EntitlementIn(_Strict):
    feature_id: str
    limit: int | None = Field(None, ge=0, le=INT64_MAX,
                              description="Configuration value or metered limit")
    unlimited: bool = False
    soft_limit: bool = Field(False, description="Metered: allow usage above the limit")
    reset_period: ResetPeriod | None = Field(None, description="Metered: when usage resets")
    enum_values: list[str] | None = None
    display_name: str | None = Field(None, max_length=200, description="Overrides the label")
    hidden: bool = Field(False, description="Hidden from widgets")

    @model_validator(mode="after")
    def _limit_or_unlimited(self) -> "EntitlementIn":
        if self.unlimited and self.limit is not None:
            raise ValueError("limit: give a limit or unlimited, not both")
        return self


class EntitlementPublic(EntitlementIn):
    model_config = ConfigDict(extra="ignore")


PriceIn = PriceSpec


class PricePublic(PriceSpec):
    model_config = ConfigDict(extra="ignore")
    amount: str | None = Field(None, description="amount_minor in major units, exact ('29.00')")


def _unique_features(entitlements: list[EntitlementIn] | None) -> None:
    if entitlements is None:
        return
    ids = [e.feature_id for e in entitlements]
    if len(set(ids)) != len(ids):
        raise ValueError("entitlements: each feature may appear once")


def _unique_prices(prices: list[PriceIn] | None) -> None:
    if prices is None:
        return
    keys = [(p.billing_period, p.currency, p.country, p.model, p.feature_id) for p in prices]
    if len(set(keys)) != len(keys):
        raise ValueError(
            "prices: one price per billing period, currency, country, model and feature"
        )


class _PackageFields(_Strict):
    description: str | None = Field(None, max_length=2000)
    entitlements: list[EntitlementIn] = Field(default_factory=list)
    prices: list[PriceIn] = Field(default_factory=list)
    metadata: MetadataDict = Metadata

    @model_validator(mode="after")
    def _lists(self) -> "_PackageFields":
        _unique_features(self.entitlements)
        _unique_prices(self.prices)
        return self


class PlanCreate(_PackageFields):
    id: str = Ref
    product_id: str
    display_name: str = Name
    order: int = Field(0, ge=-INT32_MAX, le=INT32_MAX,
                       description="Position in the pricing table, ascending")
    highlighted: bool = False
    hidden: bool = Field(False, description="Kept out of the paywall")
    pricing_type: PricingType = "paid"
    base_plan_id: str | None = Field(None, description="Inherit this plan's entitlements")
    trial_days: int | None = Field(None, ge=1, le=365)
    trial_requires_payment_method: bool = Field(
        False, description="Whether starting the trial needs a payment method"
    )
    compatible_addon_ids: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _prices_match_pricing_type(self) -> "PlanCreate":
        check_prices_for_pricing_type(self.pricing_type, self.prices)
        return self


def check_prices_for_pricing_type(pricing_type: str, prices: list[PriceIn]) -> None:
    if pricing_type == "paid" and not prices:
        raise ValueError("prices: a paid plan needs at least one price")
    if pricing_type in ("free", "custom") and prices:
        raise ValueError(f"prices: a {pricing_type} plan has no prices")


class PlanUpdate(_Strict):
    display_name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    order: int | None = Field(None, ge=-INT32_MAX, le=INT32_MAX)
    highlighted: bool | None = None
    hidden: bool | None = None
    pricing_type: PricingType | None = None
    base_plan_id: str | None = None
    trial_days: int | None = Field(None, ge=1, le=365)
    trial_requires_payment_method: bool | None = None
    compatible_addon_ids: list[str] | None = None
    entitlements: list[EntitlementIn] | None = Field(None, description="Replaces the list")
    prices: list[PriceIn] | None = Field(None, description="Replaces the list")
    metadata: MetadataDict | None = None

    _not_null = field_validator(
        "display_name", "order", "highlighted", "hidden", "pricing_type", mode="before"
    )(_reject_null)

    @model_validator(mode="after")
    def _lists(self) -> "PlanUpdate":
        _unique_features(self.entitlements)
        _unique_prices(self.prices)
        return self


class PlanPublic(BaseModel):
    id: str
    product_id: str
    display_name: str
    description: str | None
    order: int
    highlighted: bool
    hidden: bool
    pricing_type: PricingType
    base_plan_id: str | None
    trial_days: int | None
    trial_requires_payment_method: bool
    version: int
    status: Literal["draft", "published", "superseded"]
    published_at: datetime | None
    compatible_addon_ids: list[str]
    entitlements: list[EntitlementPublic]
    prices: list[PricePublic]
    metadata: dict[str, Any]
    archived: bool
    created_at: datetime
    updated_at: datetime


class AddonCreate(_PackageFields):
    id: str = Ref
    product_id: str
    display_name: str = Name
    max_quantity: int | None = Field(None, ge=1, le=INT32_MAX,
                                     description="Most units one subscription may buy")
    requires_addon_ids: list[str] = Field(
        default_factory=list, description="Add-ons a subscription must also have to buy this one"
    )

    @model_validator(mode="after")
    def _priced(self) -> "AddonCreate":
        if not self.prices:
            raise ValueError("prices: an add-on needs at least one price")
        return self


class AddonUpdate(_Strict):
    display_name: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, max_length=2000)
    max_quantity: int | None = Field(None, ge=1, le=INT32_MAX)
    requires_addon_ids: list[str] | None = None
    entitlements: list[EntitlementIn] | None = Field(None, description="Replaces the list")
    prices: list[PriceIn] | None = Field(None, min_length=1, description="Replaces the list")
    metadata: MetadataDict | None = None

    _not_null = field_validator("display_name", "prices", mode="before")(_reject_null)

    @model_validator(mode="after")
    def _lists(self) -> "AddonUpdate":
        _unique_features(self.entitlements)
        _unique_prices(self.prices)
        return self


class AddonPublic(BaseModel):
    id: str
    product_id: str
    display_name: str
    description: str | None
    max_quantity: int | None
    requires_addon_ids: list[str]
    entitlements: list[EntitlementPublic]
    prices: list[PricePublic]
    metadata: dict[str, Any]
    archived: bool
    created_at: datetime
    updated_at: datetime


# -- plan versions ---------------------------------------------------------------------------
VersionStatus = Literal["draft", "published", "superseded"]


class PlanVersionSummary(BaseModel):
    version: int
    status: VersionStatus
    published_at: datetime | None
    created_at: datetime


class PriceChange(BaseModel):
    key: dict[str, Any] = Field(description="billing_period, currency, country, model, feature_id")
    change: Literal["added", "removed", "changed"]
    before: PricePublic | None
    after: PricePublic | None


class EntitlementValues(BaseModel):
    limit: int | None
    unlimited: bool
    enum_values: list[str] | None
    soft_limit: bool
    reset_period: ResetPeriod | None
    display_name: str | None
    hidden: bool


class EntitlementChange(BaseModel):
    feature_id: str
    change: Literal["added", "removed", "changed"]
    changed_fields: list[str] = Field(description="For a change: which values differ")
    before: EntitlementValues | None
    after: EntitlementValues | None


class FieldChange(BaseModel):
    field: str
    before: Any
    after: Any


class PlanDiff(BaseModel):
    plan_id: str
    from_version: int
    to_version: int
    to_status: VersionStatus
    fields: list[FieldChange]
    prices: list[PriceChange]
    entitlements: list[EntitlementChange]
