"""Due subscription transitions at period end, run by the test clock (and, later, a scheduler):
scheduled cancellations end, trials convert or end, scheduled changes apply, periods renew
(charging the default payment method; a decline makes the subscription past due, and a period
spent past due expires it), scheduled subscriptions start, and trials near their end are announced
(`trial.ending`).

Registered with `backend.testclock.transitions` on import. Each step is idempotent: a processed
subscription's period end moves past the window (or it leaves the live statuses).
"""

from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from backend.config import get_settings
from backend.kit.lru import LruCache
from backend.models import Payment, Subscription
from backend.payments.provider import PaymentMethodRequired
from backend.payments.repository import PaymentRepository
from backend.subscriptions import billing, ending, service
from backend.subscriptions.billing import Ctx
from backend.subscriptions.proration import period_bounds
from backend.subscriptions.repository import SubscriptionRepository
from backend.testclock.transitions import Transition, register

_cache: LruCache = LruCache(max_entries=64)


def _ctx(session: Session, environment_id: int) -> Ctx:
    settings = get_settings()
    return Ctx(session, environment_id, settings, _cache, settings.default_locale)


def _end(ctx: Ctx, sub: Subscription, at: datetime, status: str, event: str) -> Transition:
    sub.status, sub.ended_at = status, at
    if status == "canceled":
        sub.canceled_at = at
    sub.cancel_at_period_end, sub.scheduled_change = False, None
    ctx.session.flush()
    customer = service.customer_by_pk(ctx, sub.customer_id)
    fallback = ending.start_fallback(ctx, sub, customer, at)
    ref = fallback.ref if fallback else None
    service.emit(ctx, event, sub, customer, fallback_subscription_id=ref)
    return Transition(event, at, sub.ref, {"fallback_subscription_id": ref} if ref else {})


def _start(ctx: Ctx, sub: Subscription, at: datetime) -> list[Transition]:
    """A scheduled subscription starts: its trial begins, or its first period is charged."""
    if sub.trial_end is None:
        return _renew(ctx, sub, at, starting=True)
    customer = service.customer_by_pk(ctx, sub.customer_id)
    sub.status, sub.current_period_start, sub.current_period_end = "trialing", at, sub.trial_end
    ctx.session.flush()
    service.emit(ctx, "subscription.started", sub, customer)
    service.emit(ctx, "trial.started", sub, customer)
    out = [Transition("subscription.started", at, sub.ref), Transition("trial.started", at, sub.ref)]
    if service.notify_trial_ending(ctx, sub, customer):
        out.append(Transition("trial.ending", at, sub.ref))
    return out


def _renew(ctx: Ctx, sub: Subscription, at: datetime, starting: bool = False) -> list[Transition]:
    customer = service.customer_by_pk(ctx, sub.customer_id)
    was_trial = sub.status == "trialing"
    out: list[Transition] = []
    if was_trial and PaymentRepository(ctx.session, ctx.env).default_method(customer.id) is None:
        out.append(_end(ctx, sub, at, "expired", "trial.ended"))
        return out
    config = service.config_of(sub)
    if sub.scheduled_change:
        change = sub.scheduled_change
        config = replace(config, plan_id=change["plan_id"], version=change["version"],
                         billing_period=change["billing_period"],
                         quantities=dict(change["quantities"]),
                         addons=tuple((a["addon_id"], a["quantity"]) for a in change["addons"]))
    coupon = billing.coupon_by_ref(ctx, sub.coupon_ref)
    discounted = sub.coupon_periods_left is None or sub.coupon_periods_left > 0
    priced = billing.price(ctx, config, coupon if discounted else None)
    config = replace(config, version=priced.plan_version)
    period = period_bounds(at, config.billing_period, 0)
    draft = billing.settle(ctx, customer.id, billing.recurring(priced, *period))
    payment: Payment | None = None
    failed = False
    if draft.total_minor > 0:
        try:
            payment = service.charge(ctx, customer, draft, f"Subscription {sub.ref} renewal")
            failed = payment is not None and payment.status != "succeeded"
        except PaymentMethodRequired:
            failed = True
    if sub.scheduled_change:
        service.apply_config(ctx, sub, config, priced)
        sub.scheduled_change = None
    sub.current_period_start, sub.current_period_end = period
    sub.period_paid = not failed
    if coupon is not None and discounted and sub.coupon_periods_left is not None:
        sub.coupon_periods_left -= 1
    ctx.session.flush()
    if draft.lines:
        billing.issue(ctx, customer, sub, draft,
                      "subscription_create" if starting else "subscription_cycle", payment,
                      status="open" if failed else "paid")
    if was_trial:
        out.append(Transition("trial.ended", at, sub.ref))
        service.emit(ctx, "trial.ended", sub, customer)
    if failed:
        sub.status = "past_due"
        out.append(Transition("subscription.past_due", at, sub.ref))
        service.emit(ctx, "subscription.past_due", sub, customer)
    else:
        sub.status = "active"
        event = "subscription.started" if starting else "subscription.renewed"
        out.append(Transition(event, at, sub.ref))
        service.emit(ctx, event, sub, customer)
    return out


def run_due(session: Session, environment_id: int, start: datetime, end: datetime) -> list[Transition]:
    ctx = _ctx(session, environment_id)
    out: list[Transition] = []
    for sub in SubscriptionRepository(session, environment_id).due(end):
        at = sub.current_period_end
        assert at is not None
        if sub.cancel_at_period_end:
            out.append(_end(ctx, sub, at, "canceled", "subscription.canceled"))
        elif sub.status == "past_due":
            out.append(_end(ctx, sub, at, "expired", "subscription.expired"))
        elif sub.status == "scheduled":
            out += _start(ctx, sub, at)
        else:
            out += _renew(ctx, sub, at)
    return out


def next_due(session: Session, environment_id: int, after: datetime) -> datetime | None:
    return SubscriptionRepository(session, environment_id).next_due(after)


def run_trial_ending(session: Session, environment_id: int, start: datetime,
                     end: datetime) -> list[Transition]:
    """`trial.ending` once per trial, `TRIAL_ENDING_NOTICE` before it ends (or at once)."""
    ctx = _ctx(session, environment_id)
    out: list[Transition] = []
    repo = SubscriptionRepository(session, environment_id)
    for sub in repo.trials_ending(end + service.TRIAL_ENDING_NOTICE):
        if service.notify_trial_ending(ctx, sub, service.customer_by_pk(ctx, sub.customer_id)):
            out.append(Transition("trial.ending", end, sub.ref))
    return out


def next_trial_ending(session: Session, environment_id: int, after: datetime) -> datetime | None:
    notice = service.TRIAL_ENDING_NOTICE
    due = SubscriptionRepository(session, environment_id).next_trial_end(after + notice)
    return due - notice if due is not None else None


register("subscriptions.period_end", run_due, next_due=next_due)
register("subscriptions.trial_ending", run_trial_ending, next_due=next_trial_ending)
