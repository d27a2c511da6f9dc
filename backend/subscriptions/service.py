"""Subscription rules: create, change (upgrade now / downgrade at period end), cancel, undo.

Preview and apply share one planning function per operation (`plan_create`, `plan_update`,
`ending.plan_cancel`): it returns the immediate invoice draft and the next recurring one; applying
charges exactly the planned draft's total. A declined charge changes nothing: the apply
functions return the failed `Payment` (kept, as `payments.service.charge` records it) and the
endpoint reports it as a 402 problem without rolling back.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from backend.catalog.repository import CatalogRepository
from backend.coupons import service as coupons
from backend.customers.repository import CustomerRepository
from backend.errors import Conflict, Invalid, NotFound, ProblemError
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import Coupon, Customer, Invoice, Package, Payment, Subscription
from backend.payments import service as payments
from backend.payments.provider import PaymentMethodRequired
from backend.payments.repository import PaymentRepository
from backend.subscriptions import billing
from backend.subscriptions.billing import Config, Ctx, Draft, Priced
from backend.subscriptions.proration import period_bounds
from backend.subscriptions.repository import LIVE_STATUSES, SubscriptionRepository
from backend.subscriptions.schemas import (
    Preview,
    SubscriptionCreate,
    SubscriptionPublic,
    SubscriptionUpdate,
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


# -- create -----------------------------------------------------------------------------------
def plan_create(ctx: Ctx, body: SubscriptionCreate) -> tuple[Plan, Customer, Coupon | None, bool]:
    customer = customer_of(ctx, body.customer_id)
    config = Config(body.plan_id, body.version, body.billing_period,
                    body.currency.upper() if body.currency else None,
                    (body.country or customer.billing_country or None),
                    dict(body.quantities), tuple((a.addon_id, a.quantity) for a in body.addons))
    priced = billing.price(ctx, config, None)
    coupon = None
    if body.coupon_code:
        try:
            coupon = coupons.validate_code(ctx.session, ctx.env, body.coupon_code, priced.plan_id,
                                           priced.currency)
        except coupons.CouponRejected as exc:
            raise coupons.CouponRejected(exc.reason, exc.detail, field="coupon_code") from exc
        priced = billing.price(ctx, config, coupon)
    config = replace(config, version=priced.plan_version, currency=priced.currency)
    plan_row = _plan_row(ctx, priced.plan_id, priced.plan_version)
    at = now()
    trial = bool(body.trial and plan_row.trial_days)
    periods = _periods_for(coupon)
    if trial:
        trial_end = at + timedelta(days=plan_row.trial_days or 0)
        immediate = billing.empty(priced.currency, at, trial_end)
        period = (at, trial_end)
        next_draft = billing.recurring(priced, trial_end,
                                       period_bounds(trial_end, config.billing_period, 0)[1])
    else:
        period = period_bounds(at, config.billing_period, 0)
        immediate = billing.settle(ctx, customer.id, billing.recurring(priced, *period))
        left = None if periods is None else periods - 1
        next_draft = billing.recurring(priced, period[1],
                                       period_bounds(at, config.billing_period, 1)[1],
                                       discounted=_coupon_applies_next(left))
    preview = Preview(change="create", effective="immediately", effective_at=at,
                      immediate=billing.draft_public(immediate, ctx.locale),
                      next_invoice=billing.draft_public(next_draft, ctx.locale))
    return Plan(preview, immediate, config, priced, period), customer, coupon, trial


def charge(ctx: Ctx, customer: Customer, draft: Draft, what: str) -> Payment | None:
    if draft.total_minor <= 0:
        return None
    return payments.charge(ctx.session, ctx.env, customer, draft.total_minor, draft.currency,
                           idempotency_key=random_token("subchg_", 16), description=what)


def create(ctx: Ctx, body: SubscriptionCreate) -> Outcome:
    plan, customer, coupon, trial = plan_create(ctx, body)
    assert plan.config is not None and plan.priced is not None and plan.period is not None
    plan_row = _plan_row(ctx, plan.priced.plan_id, plan.priced.plan_version)
    PaymentRepository(ctx.session, ctx.env).lock_customer(customer.id)  # one create at a time
    if CustomerRepository(ctx.session, ctx.env).live_subscription(customer.id, plan_row.product_id):
        raise Conflict("The customer already has a live subscription to this product")
    if trial and plan_row.trial_requires_payment_method and \
            PaymentRepository(ctx.session, ctx.env).default_method(customer.id) is None:
        raise PaymentMethodRequired("This plan's trial needs a payment method; add a card first")
    at = plan.preview.effective_at
    sub = Subscription(
        environment_id=ctx.env, ref=random_token("sub_", 12), customer_id=customer.id,
        product_id=plan_row.product_id, plan_id=plan_row.id, plan=plan_row,
        billing_period=plan.config.billing_period, currency=plan.priced.currency,
        country=plan.config.country, status="trialing" if trial else "active", started_at=at,
        current_period_start=plan.period[0], current_period_end=plan.period[1],
        quantities=dict(plan.config.quantities), addons=plan.config.as_dict()["addons"],
        coupon_ref=coupon.ref if coupon else None, trial_end=plan.period[1] if trial else None,
    )
    periods = _periods_for(coupon)
    sub.coupon_periods_left = periods if trial or periods is None else periods - 1
    payment = charge(ctx, customer, plan.immediate, f"{plan_row.display_name} subscription")
    if payment is not None and payment.status != "succeeded":
        return Outcome(sub, plan, declined=payment)
    CustomerRepository(ctx.session, ctx.env).add(sub)
    if coupon is not None:
        coupons.redeem(ctx.session, ctx.env, coupon, customer_ref=customer.ref)
    invoice = None
    if not trial and plan.immediate.lines:
        invoice = billing.issue(ctx, customer, sub, plan.immediate, "subscription_create", payment)
    emit(ctx, "subscription.created", sub, customer)
    if trial:
        emit(ctx, "trial.started", sub, customer)
    return Outcome(sub, plan, invoice)


def emit(ctx: Ctx, type_: str, sub: Subscription, customer: Customer, **extra: Any) -> None:
    data = {"subscription": subscription_public(sub, customer.ref,
                                                billing.coupon_by_ref(ctx, sub.coupon_ref)), **extra}
    record(ctx.session, ctx.env, type_, data, customer_ref=customer.ref,
           subject=("subscription", sub.ref))


# -- update -----------------------------------------------------------------------------------
def _live(sub: Subscription) -> None:
    if sub.status not in LIVE_STATUSES:
        raise Conflict(f"Subscription '{sub.ref}' is {sub.status}")


def plan_update(ctx: Ctx, sub: Subscription, body: SubscriptionUpdate) -> Plan:
    _live(sub)
    at = now()
    old_cfg = config_of(sub)
    new_cfg = replace(
        old_cfg, plan_id=body.plan_id or old_cfg.plan_id,
        version=None if body.plan_id and body.plan_id != old_cfg.plan_id else old_cfg.version,
        billing_period=body.billing_period or old_cfg.billing_period,
        quantities=dict(body.quantities) if body.quantities is not None else old_cfg.quantities,
        addons=tuple((a.addon_id, a.quantity) for a in body.addons)
        if body.addons is not None else old_cfg.addons,
    )
    coupon = billing.coupon_by_ref(ctx, sub.coupon_ref)
    if not _coupon_applies_next(sub.coupon_periods_left) and sub.status != "trialing":
        coupon = None
    old, new = billing.price(ctx, old_cfg, coupon), billing.price(ctx, new_cfg, coupon)
    new_cfg = replace(new_cfg, version=new.plan_version)
    new_row = _plan_row(ctx, new.plan_id, new.plan_version)
    if new_row.product_id != sub.product_id:
        raise Invalid("A subscription changes to plans of its own product", field="plan_id")
    if new_cfg == old_cfg:
        raise Invalid("Nothing to change: the subscription already has these choices")
    if new_cfg.billing_period != old_cfg.billing_period:
        change = "period_change"
    elif new.total_minor > old.total_minor:
        change = "upgrade"
    elif new.total_minor < old.total_minor:
        change = "downgrade"
    else:
        change = "no_change"
    default = "immediately"
    if change == "period_change" or (change == "downgrade" and (
            sub.plan.product.settings or {}).get("downgrades", "end_of_period") != "immediate"):
        default = "period_end"
    effective = default if body.effective == "default" else body.effective
    start, end = sub.current_period_start, sub.current_period_end
    assert start is not None and end is not None
    paid = 0 if sub.status == "trialing" or not sub.period_paid else old.total_minor
    period: tuple[datetime, datetime] = (start, end)
    if effective == "period_end":
        immediate = billing.empty(new.currency)
        next_draft = billing.recurring(new, end, period_bounds(end, new_cfg.billing_period, 0)[1])
        effective_at = end
    elif sub.status == "trialing":
        immediate = billing.empty(new.currency)
        next_draft = billing.recurring(new, end, period_bounds(end, new_cfg.billing_period, 0)[1])
        effective_at = at
    elif change == "period_change":
        period = period_bounds(at, new_cfg.billing_period, 0)
        credit = billing.proration(paid, None, start, end, at, _label(old), _label(new))
        full = billing.recurring(new, *period)
        immediate = Draft(new.currency, credit.lines + full.lines, at, period[1])
        next_draft = billing.recurring(new, period[1], period_bounds(at, new_cfg.billing_period, 1)[1])
        effective_at = at
    else:
        immediate = billing.proration(paid, new, start, end, at, _label(old), _label(new))
        next_draft = billing.recurring(new, end, period_bounds(end, new_cfg.billing_period, 0)[1])
        effective_at = at
    immediate = billing.settle(ctx, sub.customer_id, immediate)
    preview = Preview(change=change, effective=effective, effective_at=effective_at,  # type: ignore[arg-type]
                      immediate=billing.draft_public(immediate, ctx.locale),
                      next_invoice=billing.draft_public(next_draft, ctx.locale))
    return Plan(preview, immediate, new_cfg, new, period)


def _label(p: Priced) -> str:
    return p.lines[0].description if p.lines else p.plan_id


def update(ctx: Ctx, sub: Subscription, body: SubscriptionUpdate) -> Outcome:
    PaymentRepository(ctx.session, ctx.env).lock_customer(sub.customer_id)  # the credit balance
    plan = plan_update(ctx, sub, body)
    assert plan.config is not None and plan.priced is not None and plan.period is not None
    customer = customer_by_pk(ctx, sub.customer_id)
    if plan.preview.effective == "period_end":
        sub.scheduled_change = plan.config.as_dict()
        ctx.session.flush()
        emit(ctx, "subscription.change_scheduled", sub, customer)
        return Outcome(sub, plan)
    payment = charge(ctx, customer, plan.immediate, f"Subscription {sub.ref} change")
    if payment is not None and payment.status != "succeeded":
        return Outcome(sub, plan, declined=payment)
    apply_config(ctx, sub, plan.config, plan.priced)
    sub.current_period_start, sub.current_period_end = plan.period
    if sub.status == "trialing":
        sub.current_period_end = sub.trial_end
    else:
        sub.period_paid = True  # the rest of the period is paid for at the new price
    sub.scheduled_change = None
    ctx.session.flush()
    invoice = None
    if plan.immediate.lines:
        invoice = billing.issue(ctx, customer, sub, plan.immediate, "subscription_update", payment)
    emit(ctx, "subscription.updated", sub, customer, change=plan.preview.change)
    return Outcome(sub, plan, invoice)


def apply_config(ctx: Ctx, sub: Subscription, config: Config, priced: Priced) -> None:
    row = _plan_row(ctx, priced.plan_id, priced.plan_version)
    sub.plan_id, sub.plan = row.id, row
    sub.billing_period = config.billing_period
    sub.quantities = dict(config.quantities)
    sub.addons = config.as_dict()["addons"]


# -- cancel and undo --------------------------------------------------------------------------
