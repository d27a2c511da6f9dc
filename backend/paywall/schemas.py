"""What a pricing table needs for one product, ready to render in any locale."""

from typing import Literal

from pydantic import BaseModel, Field

from backend.themes.schemas import ThemeRef

BillingPeriod = Literal["monthly", "quarterly", "annual"]
PriceModel = Literal["flat", "per_unit", "tiered", "package", "usage", "overage", "credit_pack"]
PricingType = Literal["free", "paid", "custom"]
Intent = Literal[
    "subscribe",  # anonymous visitor or a customer without a subscription
    "start_trial",
    "upgrade",
    "downgrade",
    "switch_period",  # the current plan, billed on the other period
    "current",  # the current plan on its current period: nothing to do
    "contact_us",  # custom plan, price on request
]


class Money(BaseModel):
    """An exact amount in minor units of an ISO 4217 currency, with its display form."""

    amount_minor: int
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    formatted: str


class PaywallTier(BaseModel):
    up_to: int | None = Field(description="Inclusive; null for the last, unbounded tier")
    unit_amount: str = Field(description="Formatted price per unit, e.g. '$0.50'")
    unit_amount_decimal: str = Field(description="The same, exact, in major units")
    monthly_unit_amount: str = Field(description="Per unit per month (annual ÷ 12, half-up)")
    flat_amount: Money | None = None


class PriceComponent(BaseModel):
    """One priced element of a plan for a period: the flat fee, seats, tiers, usage..."""

    model: PriceModel
    feature_id: str | None = None
    unit: str | None = None
    unit_plural: str | None = None
    amount: Money | None = Field(None, description="flat: per period; package: per block; pack price")
    unit_amount: str | None = Field(None, description="Formatted per-unit price")
    unit_amount_decimal: str | None = None
    monthly_unit_amount: str | None = Field(None, description="Per unit per month (annual ÷ 12)")
    tiers: list[PaywallTier] | None = None
    tiers_mode: Literal["volume", "graduated"] | None = None
    min_quantity: int | None = None
    max_quantity: int | None = None
    default_quantity: int | None = Field(None, description="What the displayed total assumes")
    block_size: int | None = None
    free_units: int | None = None
    credits: int | None = None
    caption: str = Field(description="e.g. 'per seat', 'per 1,000 API calls'")
    billed_in_arrears: bool = Field(False, description="Usage charged after the period")


class PaywallPrice(BaseModel):
    billing_period: BillingPeriod
    amount: Money = Field(description="Charged per billing period at the default quantities")
    monthly_equivalent: Money = Field(description="amount per month (annual ÷ 12, half-up)")
    starts_at: bool = Field(False, description="More may be charged (quantities, usage)")
    components: list[PriceComponent] = Field(default_factory=list)


class PaywallEntitlement(BaseModel):
    feature_id: str
    feature_name: str
    feature_type: Literal["boolean", "configuration", "metered", "enum"]
    unit: str | None = None
    unit_plural: str | None = None
    limit: int | None = None
    unlimited: bool = False
    enum_values: list[str] | None = None
    reset_period: str | None = None
    label: str = Field(description="Human text, e.g. '10 seats' or 'Unlimited projects'")
    inherited: bool = Field(False, description="Comes from the base plan")


class PlanAction(BaseModel):
    """What the call-to-action of a plan card does for one billing period."""

    intent: Intent
    enabled: bool = True


class PaywallPlan(BaseModel):
    id: str
    display_name: str
    description: str | None = None
    order: int
    highlighted: bool
    pricing_type: PricingType
    base_plan_id: str | None = None
    base_plan_name: str | None = None
    trial_days: int | None = None
    prices: list[PaywallPrice] = Field(description="Prices in the paywall's currency")
    entitlements: list[PaywallEntitlement] = Field(
        description="Resolved entitlements; inherited ones are flagged"
    )
    compatible_addon_ids: list[str]
    is_current: bool = False
    actions: dict[str, PlanAction] = Field(description="Per billing period")
    savings_percent: int = Field(0, description="Annual versus twelve monthly payments")


class PaywallAddon(BaseModel):
    id: str
    display_name: str
    description: str | None = None
    max_quantity: int | None = None
    prices: list[PaywallPrice]
    entitlements: list[PaywallEntitlement]


class PaywallProduct(BaseModel):
    id: str
    display_name: str
    description: str | None = None


class PaywallCustomer(BaseModel):
    id: str
    name: str | None = None
    current_plan_id: str | None = None
    current_billing_period: BillingPeriod | None = None
    subscription_status: str | None = None


class Paywall(BaseModel):
    product: PaywallProduct
    currency: str
    locale: str
    billing_periods: list[BillingPeriod] = Field(description="Periods offered by any plan")
    default_billing_period: BillingPeriod
    savings_percent: int = Field(description="Best annual saving over all plans, whole percent")
    plans: list[PaywallPlan]
    addons: list[PaywallAddon]
    customer: PaywallCustomer | None = None
    theme: ThemeRef | None = Field(None, description="The published theme of the paywall")
