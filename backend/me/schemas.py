"""API shapes of the customer portal: one read with everything the portal widget shows."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from backend.payments.schemas import PaymentMethodPublic
from backend.paywall.schemas import Money, PaywallEntitlement, PaywallProduct
from backend.pricing.model import BillingPeriod
from backend.subscriptions.schemas import CreditBalance, InvoiceLinePublic, Status


class ScheduledUpdate(BaseModel):
    kind: Literal["cancellation", "plan", "billing_period", "quantity", "addons"]
    description: str = Field(description="e.g. 'Downgrade to the Plus plan'")
    effective_at: datetime


class PortalAddon(BaseModel):
    id: str
    display_name: str
    quantity: int
    entitlements: list[PaywallEntitlement]


class PortalCoupon(BaseModel):
    code: str
    name: str
    periods_left: int | None = Field(description="Invoices it still discounts; null: forever")


class UpcomingBill(BaseModel):
    date: datetime
    total: Money
    lines: list[InvoiceLinePublic]


class PortalSubscription(BaseModel):
    id: str
    plan_id: str
    plan_name: str
    plan_version: int
    pricing_type: str
    status: Status
    billing_period: BillingPeriod
    currency: str
    trial_end: datetime | None
    trial_days_left: int | None
    current_period_start: datetime | None
    current_period_end: datetime | None
    quantities: dict[str, int]
    quantity_labels: list[str] = Field(description="e.g. '12 seats'")
    addons: list[PortalAddon]
    coupon: PortalCoupon | None
    cancel_at_period_end: bool
    upcoming_bill: UpcomingBill | None = Field(
        description="The next recurring invoice (with scheduled changes and credit applied); "
                    "null when nothing will be billed")
    scheduled: list[ScheduledUpdate]
    entitlements: list[PaywallEntitlement]


class PortalCustomer(BaseModel):
    id: str
    name: str | None
    email: str | None


class PortalPromotion(BaseModel):
    """A promotional entitlement in force: a feature granted outside the subscription."""

    id: str
    feature_id: str
    label: str = Field(description="e.g. 'SAML single sign-on' or '5,000 AI credits'")
    ends_at: datetime | None


class CancelReasonOption(BaseModel):
    value: str
    label: str


class Portal(BaseModel):
    customer: PortalCustomer
    product: PaywallProduct
    subscription: PortalSubscription | None = Field(
        description="The live subscription to the product, if any")
    fallback_plan_name: str | None = Field(
        description="The plan the customer moves to when the subscription ends")
    default_payment_method: PaymentMethodPublic | None
    credit_balance: list[CreditBalance]
    promotions: list[PortalPromotion] = Field(default_factory=list)
    cancel_reasons: list[CancelReasonOption]
