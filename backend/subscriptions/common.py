"""What the subscription operations share: their plan and outcome, reading, events, charging."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from backend.catalog.repository import CatalogRepository
from backend.customers.repository import CustomerRepository
from backend.errors import Conflict, Invalid, NotFound, ProblemError
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import Coupon, Customer, Invoice, Package, Payment, Subscription
from backend.payments import service as payments
from backend.subscriptions import billing
from backend.subscriptions.billing import Config, Ctx, Draft, Priced
from backend.subscriptions.repository import LIVE_STATUSES, SubscriptionRepository
from backend.subscriptions.schemas import (
    Preview,
    SubscriptionPublic,
)


class PaymentDeclined(ProblemError):
    status, slug, title = 402, "payment-declined", "Payment declined"


@dataclass(frozen=True)
class Plan:
    """What an operation will do, as a preview shows it and as apply carries it out."""

    preview: Preview
    immediate: Draft
    config: Config | None = None
    priced: Priced | None = None
    period: tuple[datetime, datetime] | None = None
    coupon_change: tuple[Coupon | None] | None = None  # (the new coupon or None) when it changes


@dataclass(frozen=True)
class Outcome:
    subscription: Subscription
    plan: Plan
    invoice: Invoice | None = None
    declined: Payment | None = None
    fallback: Subscription | None = None


# -- reading ----------------------------------------------------------------------------------
def subscription_public(sub: Subscription, customer_ref: str, coupon: Coupon | None) -> SubscriptionPublic:
    return SubscriptionPublic(
        id=sub.ref, customer_id=customer_ref, product_id=sub.plan.product.ref,
        plan_id=sub.plan.ref, plan_version=sub.plan.version, billing_period=sub.billing_period,  # type: ignore[arg-type]
        currency=sub.currency, status=sub.status,  # type: ignore[arg-type]
        quantities=sub.quantities or {}, addons=sub.addons or [],
        coupon_code=coupon.code if coupon else None, coupon_periods_left=sub.coupon_periods_left,
        trial_end=sub.trial_end, current_period_start=sub.current_period_start,
        current_period_end=sub.current_period_end, cancel_at_period_end=sub.cancel_at_period_end,
        cancel_reason=sub.cancel_reason, cancel_comment=sub.cancel_comment,
        canceled_at=sub.canceled_at, scheduled_change=sub.scheduled_change,
        started_at=sub.started_at, ended_at=sub.ended_at,
    )


def public(ctx: Ctx, sub: Subscription) -> SubscriptionPublic:
    repo = SubscriptionRepository(ctx.session, ctx.env)
    return subscription_public(sub, repo.customer_ref(sub.customer_id),
                               billing.coupon_by_ref(ctx, sub.coupon_ref))


def get(ctx: Ctx, ref: str, *, lock: bool = False) -> Subscription:
    sub = SubscriptionRepository(ctx.session, ctx.env).get(ref, lock=lock)
    if sub is None:
        raise NotFound(f"No subscription '{ref}' in this environment")
    return sub


def customer_of(ctx: Ctx, ref: str) -> Customer:
    customer = CustomerRepository(ctx.session, ctx.env).get(ref)
    if customer is None:
        raise NotFound(f"No customer '{ref}' in this environment")
    return customer


def customer_by_pk(ctx: Ctx, pk: int) -> Customer:
    return ctx.session.get(Customer, pk)  # type: ignore[return-value]


def config_of(sub: Subscription) -> Config:
    return Config(sub.plan.ref, sub.plan.version, sub.billing_period, sub.currency, sub.country,
                  dict(sub.quantities or {}),
                  tuple((a["addon_id"], a["quantity"]) for a in sub.addons or []))


def _plan_row(ctx: Ctx, ref: str, version: int) -> Package:
    row = CatalogRepository(ctx.session, ctx.env).package_version("plan", ref, version)
    assert row is not None, "the estimate resolved this plan version"
    return row


def _coupon_applies_next(sub_periods_left: int | None) -> bool:
    return sub_periods_left is None or sub_periods_left > 0


def _periods_for(coupon: Coupon | None) -> int | None:
    if coupon is None or coupon.duration == "forever":
        return None
    return 1 if coupon.duration == "once" else coupon.duration_periods


def _start_at(start_at: datetime | None, at: datetime) -> datetime:
    """When a new subscription starts: now, or a later `start_at`. Backdating is refused (a
    minute's grace for clocks that differ: such a start means now)."""
    if start_at is None:
        return at
    if start_at.tzinfo is None:
        start_at = start_at.replace(tzinfo=at.tzinfo)
    if start_at < at - timedelta(minutes=1):
        raise Invalid("A subscription cannot start in the past", field="start_at")
    return max(start_at, at)


def charge(ctx: Ctx, customer: Customer, draft: Draft, what: str) -> Payment | None:
    if draft.total_minor <= 0:
        return None
    return payments.charge(ctx.session, ctx.env, customer, draft.total_minor, draft.currency,
                           idempotency_key=random_token("subchg_", 16), description=what)


TRIAL_ENDING_NOTICE = timedelta(days=3)


def notify_trial_ending(ctx: Ctx, sub: Subscription, customer: Customer) -> bool:
    """Record `trial.ending` when the trial ends within the notice period (callers make sure
    it is recorded once per subscription)."""
    if sub.status != "trialing" or sub.trial_end is None or \
            sub.trial_end - TRIAL_ENDING_NOTICE > now():
        return False
    emit(ctx, "trial.ending", sub, customer, trial_end=sub.trial_end.isoformat())
    return True


def emit(ctx: Ctx, type_: str, sub: Subscription, customer: Customer, **extra: Any) -> None:
    data = {"subscription": subscription_public(sub, customer.ref,
                                                billing.coupon_by_ref(ctx, sub.coupon_ref)), **extra}
    record(ctx.session, ctx.env, type_, data, customer_ref=customer.ref,
           subject=("subscription", sub.ref))


def _live(sub: Subscription) -> None:
    if sub.status not in LIVE_STATUSES:
        raise Conflict(f"Subscription '{sub.ref}' is {sub.status}")
