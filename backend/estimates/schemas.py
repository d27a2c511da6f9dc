"""API shapes of a price estimate: what a subscription would be charged, line by line."""

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.paywall.schemas import Money
from backend.pricing.model import INT64_MAX, UNIT_PLACES, BillingPeriod, PriceModel

INT32_MAX = 2**31 - 1
# Bounded like the catalog's quantities and unit prices, so exact pricing and formatting hold.
Quantity = Annotated[int, Field(le=INT64_MAX)]
Usage = Annotated[Decimal, Field(le=INT64_MAX, decimal_places=UNIT_PLACES)]


class AddonChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")

    addon_id: str
    quantity: int = Field(1, ge=1, le=INT32_MAX)


class EstimateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    plan_id: str
    version: int | None = Field(None, ge=1, description="Default: the latest published version")
    billing_period: BillingPeriod
    currency: str | None = Field(None, min_length=3, max_length=3)
    country: str | None = Field(None, min_length=2, max_length=2, description="Picks localised prices")
    customer_id: str | None = Field(None, description="Use the customer's country (secret key)")
    locale: str | None = Field(None, max_length=35)
    quantities: dict[str, Quantity] = Field(
        default_factory=dict, description="Units of per-unit / tiered features, e.g. {'seats': 5}"
    )
    addons: list[AddonChoice] = Field(default_factory=list)
    usage: dict[str, Usage] = Field(
        default_factory=dict, description="Expected usage per metered feature per period"
    )
    coupon_code: str | None = Field(None, max_length=64)


class EstimateLine(BaseModel):
    description: str
    kind: Literal["recurring", "usage", "one_off"]
    model: PriceModel
    package_id: str
    feature_id: str | None = None
    quantity: str
    unit_amount: str | None = Field(None, description="Formatted price per unit, if any")
    amount: Money


class AppliedCoupon(BaseModel):
    code: str
    name: str
    duration: str
    duration_periods: int | None = None


class Estimate(BaseModel):
    plan_id: str
    plan_version: int
    billing_period: BillingPeriod
    currency: str
    country: str | None
    locale: str
    lines: list[EstimateLine]
    subtotal: Money = Field(description="Recurring and one-off lines, charged in advance")
    discount: Money | None = None
    coupon: AppliedCoupon | None = None
    total: Money = Field(description="Due now for the period: subtotal less discount, never below 0")
    usage: Money = Field(description="Estimated usage charges, billed at the end of the period")
    total_with_usage: Money
    monthly_equivalent: Money = Field(description="total per month")
    credits_granted: int | None = None
