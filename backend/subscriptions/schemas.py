"""API shapes of subscriptions, their previews (immediate + next invoice) and invoices."""

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.estimates.schemas import AddonChoice, Quantity
from backend.paywall.schemas import Money
from backend.pricing.model import BillingPeriod

CancelReason = Literal["too_expensive", "missing_features", "switched_service", "unused",
                       "customer_service", "low_quality", "other"]
Status = Literal["scheduled", "trialing", "active", "past_due", "canceled", "expired"]
InvoiceStatus = Literal["open", "paid", "void", "uncollectible"]


class SubscriptionChoice(BaseModel):
    """What a subscription is for; a customer's own checkout sends exactly this."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    plan_id: str
    version: int | None = Field(None, ge=1, description="Default: the latest published version")
    billing_period: BillingPeriod
    currency: str | None = Field(None, min_length=3, max_length=3)
    country: str | None = Field(None, min_length=2, max_length=2)
    quantities: dict[str, Quantity] = Field(default_factory=dict)
    addons: list[AddonChoice] = Field(default_factory=list)
    coupon_code: str | None = Field(None, max_length=64)
    trial: bool = Field(False, description="Start with the plan's trial (if it has one)")


class SubscriptionCreate(SubscriptionChoice):
    customer_id: str
    start_at: datetime | None = Field(
        None, description="Start later (status `scheduled`, nothing charged now); never in the past")


class SubscriptionUpdate(BaseModel):
    """Fields left out keep their current value."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    plan_id: str | None = None
    billing_period: BillingPeriod | None = None
    quantities: dict[str, Quantity] | None = None
    addons: list[AddonChoice] | None = None
    coupon_code: str | None = Field(
        None, max_length=64, description='A code from the next invoice on; "" removes the coupon')
    effective: Literal["default", "immediately", "period_end"] = Field(
        "default", description="default: upgrades now, downgrades and period changes at period end")


class CancelRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    at: Literal["period_end", "immediately"] = "period_end"
    reason: CancelReason
    comment: str | None = Field(None, max_length=1000)


class MigrateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    at: Literal["immediately", "period_end"] = "period_end"


class MigrationCounts(BaseModel):
    """What a plan-wide migration did: subscriptions moved now, scheduled, or declined."""

    plan_id: str
    version: int
    migrated: int
    scheduled: int
    failed: int


class InvoiceLinePublic(BaseModel):
    kind: str
    description: str
    quantity: str | None = None
    amount: Money


class InvoiceDraft(BaseModel):
    """An invoice as it will be (preview) or was (apply) issued."""

    lines: list[InvoiceLinePublic]
    subtotal: Money
    discount: Money
    total: Money
    period_start: datetime | None = None
    period_end: datetime | None = None


class Preview(BaseModel):
    change: Literal["create", "upgrade", "downgrade", "period_change", "migration", "no_change"]
    effective: Literal["immediately", "period_end", "start_at"]
    effective_at: datetime
    immediate: InvoiceDraft = Field(description="Charged (or credited) now")
    next_invoice: InvoiceDraft | None = Field(description="The next recurring invoice, if any")


class SubscriptionPublic(BaseModel):
    id: str
    customer_id: str
    product_id: str
    plan_id: str
    plan_version: int
    billing_period: BillingPeriod
    currency: str
    status: Status
    quantities: dict[str, int]
    addons: list[AddonChoice]
    coupon_code: str | None
    coupon_periods_left: int | None
    trial_end: datetime | None
    current_period_start: datetime | None
    current_period_end: datetime | None
    cancel_at_period_end: bool
    cancel_reason: str | None
    cancel_comment: str | None
    canceled_at: datetime | None
    scheduled_change: dict[str, Any] | None
    started_at: datetime
    ended_at: datetime | None


class InvoicePublic(BaseModel):
    id: str
    number: int
    customer_id: str
    subscription_id: str | None
    reason: str
    status: InvoiceStatus
    currency: str
    lines: list[InvoiceLinePublic]
    subtotal: Money
    discount: Money
    total: Money
    period_start: datetime | None
    period_end: datetime | None
    payment_id: str | None
    paid_at: datetime | None
    created_at: datetime


class ChangeResult(BaseModel):
    subscription: SubscriptionPublic
    preview: Preview
    invoice: InvoicePublic | None = None
    fallback_subscription: SubscriptionPublic | None = Field(
        None, description="The fallback plan's subscription started when this one ended")


class CreditBalance(BaseModel):
    """A customer's credit in one currency: the sum of its ledger entries."""

    currency: str
    amount_minor: int
    formatted: str


class CreditBalances(BaseModel):
    customer_id: str
    data: list[CreditBalance]
