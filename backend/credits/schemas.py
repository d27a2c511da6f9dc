"""API shapes of prepaid credits: currencies, grants, consumption, the ledger, balances, usage
series and automatic recharge. Credit amounts are exact `Decimal`s with at most six decimal
places, sent as JSON strings ("1250.5"); money is integer minor units with an ISO 4217 code."""

from datetime import datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from backend.kit.ids import REF_PATTERN
from backend.kit.metadata import MetadataDict
from backend.paywall.schemas import Money

SCALE = 6  # decimal places a credit amount may have
MAX_CREDITS = Decimal(10) ** 12
GrantType = Literal["paid", "promotional", "recurring", "recharge"]
GrantStatus = Literal["active", "scheduled", "depleted", "expired", "voided"]
EntryType = Literal["grant", "consume", "expire", "void", "recharge", "overdraft", "settlement"]
ThresholdType = Literal["credits", "amount"]
UsageRange = Literal["24h", "7d", "30d", "12m"]
Bucket = Literal["hour", "day", "week", "month"]


def _exact(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError("must be a finite number")
    if -value.as_tuple().exponent > SCALE:  # type: ignore[operator]
        raise ValueError(f"at most {SCALE} decimal places")
    if abs(value) >= MAX_CREDITS:
        raise ValueError("must be below 1,000,000,000,000")
    return value


def _positive(value: Decimal) -> Decimal:
    if _exact(value) <= 0:
        raise ValueError("must be greater than 0")
    return value


def _not_negative(value: Decimal) -> Decimal:
    if _exact(value) < 0:
        raise ValueError("must be 0 or more")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class CreditPrice(_Strict):
    """What one credit costs when bought (credit packs, automatic recharge)."""

    amount: Decimal = Field(description="Major units per credit, e.g. '0.002'")
    currency: str = Field(pattern=r"^[A-Z]{3}$")

    _amount = field_validator("amount")(_positive)


class PlanAllowance(_Strict):
    """Credits a plan includes every month (annual plans too), granted at each month's start."""

    plan_id: str
    credits_per_month: Decimal
    rollover_cap: Decimal | None = Field(
        None, description="Unused credits carried into the next month, up to this many; "
                          "none: unused credits expire at the month's end")

    _credits = field_validator("credits_per_month")(_positive)
    _cap = field_validator("rollover_cap")(lambda v: v if v is None else _not_negative(v))


class _CurrencyFields(_Strict):
    symbol: str | None = Field(None, max_length=8)
    allow_overdraft: bool = Field(False, description="Consumption beyond the balance is kept as "
                                  "a debt and settled from the next grant, instead of refused")
    price: CreditPrice | None = None
    purchase_options: list[int] = Field(
        default_factory=list, max_length=6,
        description="Credit amounts offered in the 'Add credits' checkout, e.g. [1000, 5000]")
    feature_costs: dict[str, Decimal] = Field(
        default_factory=dict, description="Feature id -> credits one unit of usage costs")
    plan_allowances: list[PlanAllowance] = Field(default_factory=list)

    @field_validator("feature_costs")
    @classmethod
    def _costs(cls, value: dict[str, Decimal]) -> dict[str, Decimal]:
        return {k: _positive(v) for k, v in value.items()}

    @field_validator("purchase_options")
    @classmethod
    def _options(cls, value: list[int]) -> list[int]:
        if any(not 0 < v < MAX_CREDITS for v in value):
            raise ValueError("each option is a positive number of credits")
        return sorted(set(value))


class CreditCurrencyCreate(_CurrencyFields):
    id: str = Field(pattern=REF_PATTERN)
    name: str = Field(min_length=1, max_length=100)
    unit_singular: str = Field(min_length=1, max_length=50)
    unit_plural: str = Field(min_length=1, max_length=50)


class CreditCurrencyUpdate(_Strict):
    name: str | None = Field(None, min_length=1, max_length=100)
    symbol: str | None = Field(None, max_length=8)
    unit_singular: str | None = Field(None, min_length=1, max_length=50)
    unit_plural: str | None = Field(None, min_length=1, max_length=50)
    allow_overdraft: bool | None = None
    price: CreditPrice | None = None
    purchase_options: list[int] | None = None
    feature_costs: dict[str, Decimal] | None = Field(None, description="Replaces the map")
    plan_allowances: list[PlanAllowance] | None = Field(None, description="Replaces the list")

    _costs = field_validator("feature_costs")(
        lambda v: v if v is None else {k: _positive(c) for k, c in v.items()})
    _options = field_validator("purchase_options")(
        lambda v: v if v is None else _CurrencyFields._options(v))


class CreditCurrencyPublic(BaseModel):
    id: str
    name: str
    symbol: str | None
    unit_singular: str
    unit_plural: str
    allow_overdraft: bool
    price: CreditPrice | None
    purchase_options: list[int]
    feature_costs: dict[str, Decimal]
    plan_allowances: list[PlanAllowance]
    created_at: datetime


class GrantCreate(_Strict):
    customer_id: str
    currency_id: str
    amount: Decimal
    type: GrantType = "promotional"
    display_name: str | None = Field(None, max_length=200)
    priority: int = Field(100, ge=0, le=1000, description="Lower numbers burn first")
    effective_at: datetime | None = Field(None, description="Default: now")
    expires_at: datetime | None = None
    cost: Money | None = Field(None, description="What the customer paid (paid grants)")
    metadata: MetadataDict = Field(default_factory=dict)
    idempotency_key: str | None = Field(None, min_length=1, max_length=255)

    _amount = field_validator("amount")(_positive)

    @model_validator(mode="after")
    def _times(self) -> "GrantCreate":
        if self.expires_at and self.effective_at and self.expires_at <= self.effective_at:
            raise ValueError("expires_at: must be after effective_at")
        if self.cost is not None and self.type != "paid":
            raise ValueError("cost: only paid grants have a cost")
        return self


class GrantVoid(_Strict):
    reason: str = Field(min_length=1, max_length=500)


class GrantPublic(BaseModel):
    id: str
    customer_id: str
    currency_id: str
    type: GrantType
    status: GrantStatus
    display_name: str | None
    amount: Decimal
    consumed: Decimal
    remaining: Decimal = Field(description="What can still be burned (0 once expired/voided)")
    priority: int
    effective_at: datetime
    expires_at: datetime | None
    voided_at: datetime | None
    void_reason: str | None
    cost: Money | None
    subscription_id: str | None = Field(description="Recurring grants: the subscription")
    metadata: dict
    created_at: datetime


class ConsumeCredits(_Strict):
    """Burn credits: a direct `amount`, or `quantity` units of a feature that costs credits."""

    customer_id: str
    currency_id: str | None = Field(None, description="Default: the feature's credit currency")
    amount: Decimal | None = None
    feature_id: str | None = None
    quantity: Decimal | None = None
    idempotency_key: str | None = Field(None, min_length=1, max_length=255)
    metadata: MetadataDict = Field(default_factory=dict)

    _amount = field_validator("amount", "quantity")(lambda v: v if v is None else _positive(v))

    @model_validator(mode="after")
    def _one_way(self) -> "ConsumeCredits":
        if (self.amount is None) == (self.feature_id is None):
            raise ValueError("amount: give an amount, or a feature_id (and quantity), not both")
        if self.amount is not None and self.quantity is not None:
            raise ValueError("quantity: only with a feature_id")
        if self.amount is not None and self.currency_id is None:
            raise ValueError("currency_id: needed with a direct amount")
        return self


class NextExpiry(BaseModel):
    at: datetime
    amount: Decimal


class CurrencyBrief(BaseModel):
    id: str
    name: str
    symbol: str | None
    unit_singular: str
    unit_plural: str


class CreditBalance(BaseModel):
    """A customer's credits in one currency, as the ledger sums them now."""

    customer_id: str
    currency: CurrencyBrief
    current: Decimal = Field(description="The ledger's sum now; negative while in overdraft")
    granted: Decimal = Field(description="All credits granted so far (effective grants)")
    consumed: Decimal
    expired: Decimal
    voided: Decimal
    overdraft: Decimal = Field(description="Consumption not yet settled by a grant")
    in_force: Decimal = Field(description="Credits of grants in force now (the progress bar's "
                                          "whole)")
    scheduled: Decimal = Field(description="Credits of grants that start later")
    next_expiry: NextExpiry | None
    as_of: datetime


class LedgerEntryPublic(BaseModel):
    id: int
    type: EntryType
    amount: Decimal = Field(description="Signed effect on the balance")
    grant_id: str | None
    feature_id: str | None
    consumption_id: str | None
    note: str | None
    at: datetime


class RechargePublic(BaseModel):
    id: str
    status: Literal["succeeded", "failed"]
    credits: Decimal
    cost: Money | None
    failure: str | None
    grant_id: str | None
    at: datetime


class ConsumptionResult(BaseModel):
    id: str
    customer_id: str
    currency_id: str
    amount: Decimal
    feature_id: str | None
    duplicate: bool = False
    overdraft: Decimal = Decimal(0)
    entries: list[LedgerEntryPublic]
    balance: CreditBalance
    recharge: RechargePublic | None = None


class UsagePoint(BaseModel):
    start: datetime
    value: Decimal


class UsageSeries(BaseModel):
    feature_id: str | None = Field(description="None: direct consumption without a feature")
    feature_name: str
    total: Decimal
    points: list[UsagePoint]


class CreditUsage(BaseModel):
    customer_id: str
    currency: CurrencyBrief
    bucket: Bucket
    start: datetime
    end: datetime
    total: Decimal
    buckets: list[datetime] = Field(description="Every bucket's start, zero-filled in series")
    series: list[UsageSeries]


class AutoRechargeSettings(_Strict):
    enabled: bool
    threshold_type: ThresholdType = "credits"
    threshold: Decimal = Field(description="Credits, or money in the price currency's major units")
    target_balance: Decimal = Field(description="Credits to recharge up to")
    monthly_limit: Decimal | None = Field(None, description="Most spent per calendar month "
                                          "(UTC), in the price currency's major units")
    grant_expiry_days: int | None = Field(None, ge=1, le=3660)

    _threshold = field_validator("threshold")(_not_negative)
    _target = field_validator("target_balance")(_positive)
    _limit = field_validator("monthly_limit")(lambda v: v if v is None else _positive(v))


class AutoRechargeWrite(AutoRechargeSettings):
    customer_id: str
    currency_id: str


class AutoRechargePublic(BaseModel):
    customer_id: str
    currency: CurrencyBrief
    price: CreditPrice | None
    configured: bool = Field(description="False: defaults, never saved")
    enabled: bool
    threshold_type: ThresholdType
    threshold: Decimal
    target_balance: Decimal
    monthly_limit: Money | None
    grant_expiry_days: int | None
    spent_this_month: Money | None
    last_recharge: RechargePublic | None
    updated_at: datetime | None


class PurchaseCredits(_Strict):
    """Buy credits now with the default card, at the currency's price."""

    currency_id: str
    credits: Decimal

    _credits = field_validator("credits")(_positive)


class PurchaseForCustomer(PurchaseCredits):
    customer_id: str


class PurchaseResult(BaseModel):
    grant: GrantPublic
    cost: Money
    balance: CreditBalance
