"""Subscription rules: create (now or at a later `start_at`), change (upgrade now / downgrade at
period end / coupon / migration to the plan's latest version); cancel and undo live in `ending`.

Preview and apply share one planning function per operation (`plan_create`, `plan_update`,
`ending.plan_cancel`): it returns the immediate invoice draft and the next recurring one; applying
charges exactly the planned draft's total. A declined charge changes nothing: the apply
functions return the failed `Payment` (kept, as `payments.service.charge` records it) and the
endpoint reports it as a 402 problem without rolling back.
"""

from dataclasses import replace
from datetime import datetime, timedelta

from backend.coupons import service as coupons
from backend.customers.repository import CustomerRepository
from backend.errors import Conflict, Invalid
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import Coupon, Customer, Subscription
from backend.payments.provider import PaymentMethodRequired
from backend.payments.repository import PaymentRepository
from backend.subscriptions import billing
from backend.subscriptions.billing import Config, Ctx, Draft, Priced
from backend.subscriptions.common import (
    TRIAL_ENDING_NOTICE,
    Outcome,
    PaymentDeclined,
    Plan,
    _coupon_applies_next,
    _live,
    _periods_for,
    _plan_row,
    _start_at,
    charge,
    config_of,
    customer_by_pk,
    customer_of,
    emit,
    get,
    notify_trial_ending,
    public,
    subscription_public,
)
from backend.subscriptions.proration import period_bounds
from backend.subscriptions.schemas import (
    Preview,
    SubscriptionCreate,
    SubscriptionUpdate,
)

__all__ = [
    "PaymentDeclined", "Plan", "Outcome", "subscription_public", "public", "get",
    "customer_of", "customer_by_pk", "config_of", "charge", "TRIAL_ENDING_NOTICE",
    "notify_trial_ending", "emit", "plan_create", "create", "plan_update", "update",
    "apply_config",
]


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
    start = _start_at(body.start_at, at)
    trial = bool(body.trial and plan_row.trial_days)
    if trial and CustomerRepository(ctx.session, ctx.env).had_trial(customer.id, plan_row.product_id):
        raise Conflict("The customer already had a trial of this product; subscribe without one",
                       reason="trial_already_used")
    periods = _periods_for(coupon)
    if trial:
        trial_end = start + timedelta(days=plan_row.trial_days or 0)
        immediate = billing.empty(priced.currency, start, trial_end)
        period = (start, trial_end)
        next_draft = billing.recurring(priced, trial_end,
                                       period_bounds(trial_end, config.billing_period, 0)[1])
    elif start > at:
        immediate = billing.empty(priced.currency, at, start)
        period = (start, start)
        next_draft = billing.recurring(priced, start, period_bounds(start, config.billing_period, 0)[1])
    else:
        period = period_bounds(at, config.billing_period, 0)
        immediate = billing.settle(ctx, customer.id, billing.recurring(priced, *period))
        left = None if periods is None else periods - 1
        next_draft = billing.recurring(priced, period[1],
                                       period_bounds(at, config.billing_period, 1)[1],
                                       discounted=_coupon_applies_next(left))
    preview = Preview(change="create", effective="start_at" if start > at else "immediately",
                      effective_at=start,
                      immediate=billing.draft_public(immediate, ctx.locale),
                      next_invoice=billing.draft_public(next_draft, ctx.locale))
    return Plan(preview, immediate, config, priced, period), customer, coupon, trial


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
    start = plan.period[0]
    scheduled = start > now()
    status = "scheduled" if scheduled else "trialing" if trial else "active"
    sub = Subscription(
        environment_id=ctx.env, ref=random_token("sub_", 12), customer_id=customer.id,
        product_id=plan_row.product_id, plan_id=plan_row.id, plan=plan_row,
        billing_period=plan.config.billing_period, currency=plan.priced.currency,
        country=plan.config.country, status=status, started_at=start,
        current_period_start=start, current_period_end=start if scheduled else plan.period[1],
        quantities=dict(plan.config.quantities), addons=plan.config.as_dict()["addons"],
        coupon_ref=coupon.ref if coupon else None, trial_end=plan.period[1] if trial else None,
        period_paid=not scheduled,
    )
    periods = _periods_for(coupon)
    sub.coupon_periods_left = periods if trial or scheduled or periods is None else periods - 1
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
    if trial and not scheduled:
        emit(ctx, "trial.started", sub, customer)
        notify_trial_ending(ctx, sub, customer)
    return Outcome(sub, plan, invoice)


def _live_started(sub: Subscription) -> None:
    _live(sub)
    if sub.status == "scheduled":
        raise Conflict(f"Subscription '{sub.ref}' has not started yet; cancel it and create "
                       "another instead")


def _new_coupon(ctx: Ctx, sub: Subscription, code: str | None, plan_id: str,
                currency: str) -> Coupon | None:
    """The coupon a change asks for ("" for none), validated like on create."""
    if not code:
        return None
    try:
        found = coupons.validate_code(ctx.session, ctx.env, code, plan_id, currency)
    except coupons.CouponRejected as exc:
        raise coupons.CouponRejected(exc.reason, exc.detail, field="coupon_code") from exc
    if found.ref == sub.coupon_ref:
        raise Invalid("The subscription already has this coupon", field="coupon_code")
    return found


def plan_update(ctx: Ctx, sub: Subscription, body: SubscriptionUpdate, *,
                migrate: bool = False) -> Plan:
    """Preview and apply of a change; `migrate` moves to the plan's latest published version."""
    _live_started(sub)
    at = now()
    old_cfg = config_of(sub)
    new_cfg = replace(
        old_cfg, plan_id=body.plan_id or old_cfg.plan_id,
        version=None if migrate or (body.plan_id and body.plan_id != old_cfg.plan_id)
        else old_cfg.version,
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
    coupon_change: tuple[Coupon | None] | None = None
    if body.coupon_code is not None:
        coupon_change = (_new_coupon(ctx, sub, body.coupon_code, new.plan_id, new.currency),)
        if coupon_change[0] is None and sub.coupon_ref is None:
            raise Invalid("The subscription has no coupon to remove", field="coupon_code")
    if migrate and new_cfg.version == old_cfg.version:
        raise Conflict(f"Subscription '{sub.ref}' is already on the latest version of its plan")
    if new_cfg == old_cfg and coupon_change is None:
        raise Invalid("Nothing to change: the subscription already has these choices")
    repriced = new if coupon_change is None else billing.price(ctx, new_cfg, coupon_change[0])
    if migrate:
        change = "migration"
    elif new_cfg.billing_period != old_cfg.billing_period:
        change = "period_change"
    elif new.total_minor > old.total_minor:
        change = "upgrade"
    elif new.total_minor < old.total_minor:
        change = "downgrade"
    else:
        change = "no_change"
    new = repriced
    default = "immediately"
    if change == "period_change" or (change == "downgrade" and (
            sub.plan.product.settings or {}).get("downgrades", "end_of_period") != "immediate"):
        default = "period_end"
    effective = default if body.effective == "default" else body.effective
    if new_cfg == old_cfg:  # only the coupon changes: from the next invoice on
        effective = "immediately"
    start, end = sub.current_period_start, sub.current_period_end
    assert start is not None and end is not None
    paid = 0 if sub.status == "trialing" or not sub.period_paid else old.total_minor
    period: tuple[datetime, datetime] = (start, end)
    if effective == "period_end":
        immediate = billing.empty(new.currency)
        next_draft = billing.recurring(new, end, period_bounds(end, new_cfg.billing_period, 0)[1])
        effective_at = end
    elif sub.status == "trialing" or new_cfg == old_cfg:
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
    return Plan(preview, immediate, new_cfg, new, period, coupon_change)


def _label(p: Priced) -> str:
    return p.lines[0].description if p.lines else p.plan_id


def update(ctx: Ctx, sub: Subscription, body: SubscriptionUpdate, *,
           migrate: bool = False) -> Outcome:
    PaymentRepository(ctx.session, ctx.env).lock_customer(sub.customer_id)  # the credit balance
    plan = plan_update(ctx, sub, body, migrate=migrate)
    assert plan.config is not None and plan.priced is not None and plan.period is not None
    customer = customer_by_pk(ctx, sub.customer_id)
    if plan.preview.effective == "period_end":
        _change_coupon(ctx, sub, customer, plan)
        sub.scheduled_change = plan.config.as_dict()
        ctx.session.flush()
        emit(ctx, "subscription.change_scheduled", sub, customer, change=plan.preview.change)
        return Outcome(sub, plan)
    payment = charge(ctx, customer, plan.immediate, f"Subscription {sub.ref} change")
    if payment is not None and payment.status != "succeeded":
        return Outcome(sub, plan, declined=payment)
    _change_coupon(ctx, sub, customer, plan)
    if plan.config != config_of(sub):
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
    if migrate:
        emit(ctx, "subscription.migrated", sub, customer, change="migration")
    else:
        emit(ctx, "subscription.updated", sub, customer, change=plan.preview.change)
    return Outcome(sub, plan, invoice)


def _change_coupon(ctx: Ctx, sub: Subscription, customer: Customer, plan: Plan) -> None:
    """Put the plan's new coupon (or none) on the subscription, redeeming a new code."""
    if plan.coupon_change is None:
        return
    coupon = plan.coupon_change[0]
    sub.coupon_ref = coupon.ref if coupon else None
    sub.coupon_periods_left = _periods_for(coupon)
    if coupon is not None:
        coupons.redeem(ctx.session, ctx.env, coupon, customer_ref=customer.ref)


def apply_config(ctx: Ctx, sub: Subscription, config: Config, priced: Priced) -> None:
    row = _plan_row(ctx, priced.plan_id, priced.plan_version)
    sub.plan_id, sub.plan = row.id, row
    sub.billing_period = config.billing_period
    sub.quantities = dict(config.quantities)
    sub.addons = config.as_dict()["addons"]
