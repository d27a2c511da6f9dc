"""Ending subscriptions: cancel (at period end or now, with credit), undo, and what follows.

`plan_cancel` is the preview; `cancel` applies exactly that plan. When a subscription ends,
the product's rule decides whether the customer falls back to its free plan.
"""

from dataclasses import replace
from datetime import datetime

from backend.catalog.repository import CatalogRepository
from backend.catalog.schemas import ProductSettings
from backend.customers.repository import CustomerRepository
from backend.errors import Conflict
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import Customer, Package, Subscription
from backend.payments.repository import PaymentRepository
from backend.subscriptions import billing
from backend.subscriptions.billing import Ctx
from backend.subscriptions.proration import period_bounds
from backend.subscriptions.schemas import CancelRequest, Preview
from backend.subscriptions.service import (
    Outcome,
    Plan,
    _label,
    _live,
    config_of,
    customer_by_pk,
    emit,
)


def plan_cancel(ctx: Ctx, sub: Subscription, body: CancelRequest) -> Plan:
    _live(sub)
    at = now()
    cfg = config_of(sub)
    coupon = billing.coupon_by_ref(ctx, sub.coupon_ref) if sub.status != "trialing" else None
    old = billing.price(ctx, cfg, coupon)
    start, end = sub.current_period_start, sub.current_period_end
    assert start is not None and end is not None
    if sub.status == "scheduled":  # it never started: it ends now, nothing to credit
        immediate, effective_at = billing.empty(old.currency), at
        body = body.model_copy(update={"at": "immediately"})
    elif body.at == "period_end":
        immediate, effective_at = billing.empty(old.currency), end
    else:
        paid = 0 if sub.status == "trialing" or not sub.period_paid else old.total_minor
        immediate = billing.proration(paid, None, start, end, at, _label(old), "")
        immediate = billing.settle(ctx, sub.customer_id, replace(immediate, currency=old.currency))
        effective_at = at
    preview = Preview(change="no_change", effective=body.at, effective_at=effective_at,  # type: ignore[arg-type]
                      immediate=billing.draft_public(immediate, ctx.locale), next_invoice=None)
    return Plan(preview, immediate)


def cancel(ctx: Ctx, sub: Subscription, body: CancelRequest) -> Outcome:
    PaymentRepository(ctx.session, ctx.env).lock_customer(sub.customer_id)  # the credit balance
    plan = plan_cancel(ctx, sub, body)
    customer = customer_by_pk(ctx, sub.customer_id)
    sub.cancel_reason, sub.cancel_comment = body.reason, body.comment
    if plan.preview.effective == "period_end":
        if sub.cancel_at_period_end:
            raise Conflict("This subscription is already set to cancel at its period end")
        sub.cancel_at_period_end = True
        ctx.session.flush()
        emit(ctx, "subscription.cancel_scheduled", sub, customer)
        return Outcome(sub, plan)
    at = now()
    started = sub.status != "scheduled"
    sub.status, sub.canceled_at, sub.ended_at = "canceled", at, at
    sub.cancel_at_period_end, sub.scheduled_change = False, None
    ctx.session.flush()
    invoice = None
    if plan.immediate.credit_earned_minor > 0:
        invoice = billing.issue(ctx, customer, sub, plan.immediate, "subscription_cancel", None)
    fallback = start_fallback(ctx, sub, customer, at) if started else None
    emit(ctx, "subscription.canceled", sub, customer,
         fallback_subscription_id=fallback.ref if fallback else None)
    return Outcome(sub, plan, invoice, fallback=fallback)


# -- what follows an ended subscription -------------------------------------------------------
def fallback_plan(ctx: Ctx, sub: Subscription) -> Package | None:
    """The free plan an ended subscription falls back to, per its product's settings (None for
    `no_access`, when the product has no live free plan, or when `sub` is on that plan)."""
    settings = ProductSettings.model_validate(sub.plan.product.settings or {})
    if settings.on_subscription_end != "fallback_plan":
        return None
    repo = CatalogRepository(ctx.session, ctx.env)
    plan: Package | None = None
    if settings.fallback_plan_id:
        plan = repo.package("plan", settings.fallback_plan_id)
        if plan is not None and (plan.archived_at is not None or plan.product_id != sub.product_id):
            plan = None
    if plan is None:
        plan = next((p for p in repo.product_packages(sub.product_id, "plan")
                     if p.pricing_type == "free"), None)
    if plan is None or plan.ref == sub.plan.ref:
        return None
    return plan


def start_fallback(ctx: Ctx, ended: Subscription, customer: Customer,
                   at: datetime) -> Subscription | None:
    """Start the product's fallback plan for the customer of `ended` (same transaction), with
    its `subscription.created` event; None when the product's rule is no access."""
    plan = fallback_plan(ctx, ended)
    if plan is None:
        return None
    repo = CustomerRepository(ctx.session, ctx.env)
    if repo.live_subscription(customer.id, plan.product_id) is not None:
        return None
    sub = Subscription(
        environment_id=ctx.env, ref=random_token("sub_", 12), customer_id=customer.id,
        product_id=plan.product_id, plan_id=plan.id, plan=plan,
        billing_period=ended.billing_period, currency=ended.currency, country=ended.country,
        status="active", started_at=at, current_period_start=at,
        current_period_end=period_bounds(at, ended.billing_period, 0)[1],
        quantities={}, addons=[], period_paid=False,
    )
    repo.add(sub)
    emit(ctx, "subscription.created", sub, customer, fallback_from=ended.ref)
    return sub


def undo(ctx: Ctx, sub: Subscription) -> Subscription:
    """Remove a scheduled cancellation and a scheduled change."""
    _live(sub)
    if not sub.cancel_at_period_end and sub.scheduled_change is None:
        raise Conflict("Nothing is scheduled for this subscription")
    sub.cancel_at_period_end, sub.scheduled_change = False, None
    sub.cancel_reason = sub.cancel_comment = None
    ctx.session.flush()
    emit(ctx, "subscription.change_canceled", sub, customer_by_pk(ctx, sub.customer_id))
    return sub
