"""Recording usage: reports (delta or absolute level), atomic check-and-consume, refunds, and
the once-per-period threshold events.

Every change lands in the usage period of its own timestamp (a late event counts where it
happened). A report with an idempotency key that was used before changes nothing and says so.
"""

from __future__ import annotations

from datetime import datetime

from backend.credits.service import charge_usage
from backend.entitlements.hot import touch
from backend.entitlements.schemas import (
    ConsumeRequest,
    ConsumeResult,
    UsageRecorded,
    UsageReport,
)
from backend.entitlements.service import Ctx, Subject, evaluate, load, period_of
from backend.entitlements.sources import FeatureInfo
from backend.errors import Invalid, NotFound
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import Customer, Feature

THRESHOLD_PERCENT = 80


def _metered(subject: Subject, feature_ref: str, field: str = "feature_id") -> FeatureInfo:
    feature = subject.features.get(feature_ref)
    if feature is None:
        raise NotFound(f"No feature '{feature_ref}' in this environment")
    if feature.type != "metered":
        raise Invalid(f"'{feature_ref}' is a {feature.type} feature; usage is reported for "
                      "metered features", field=field)
    return feature


def _customer(subject: Subject, ref: str) -> Customer:
    if subject.customer is None:
        raise NotFound(f"No customer '{ref}' in this environment")
    return subject.customer


def record_alerts(ctx: Ctx, subject: Subject, feature: FeatureInfo, period_start: datetime,
            value: int) -> None:
    """Record `entitlement.usage_threshold` (80%) and `.usage_exceeded` (100%) once a period."""
    effective = subject.snapshot.effective.get(feature.ref) if subject.snapshot else None
    if effective is None or effective.unlimited or not effective.limit:
        return
    percent = value * 100 // effective.limit
    customer = subject.customer
    assert customer is not None
    for kind, at_least, event in (("threshold_80", THRESHOLD_PERCENT, "entitlement.usage_threshold"),
                                  ("exceeded", 100, "entitlement.usage_exceeded")):
        if percent >= at_least and ctx.repo.claim_alert(customer.id, feature.id, period_start,
                                                         kind, at_least):
            record(ctx.session, ctx.env, event, {
                "feature_id": feature.ref, "threshold_percent": at_least, "usage": value,
                "limit": effective.limit, "period_start": period_start,
            }, customer_ref=customer.ref, subject=("feature", feature.ref))


def report(ctx: Ctx, body: UsageReport, subject: Subject | None = None) -> UsageRecorded:
    """Add to (delta) or set (level) a metered feature's usage in its timestamp's period."""
    subject = subject or load(ctx, body.customer_id)
    customer = _customer(subject, body.customer_id)
    feature = _metered(subject, body.feature_id)
    at = body.timestamp or now()
    snap = subject.snapshot
    effective = snap.effective.get(feature.ref) if snap else None
    start, end = period_of(feature, effective, snap.anchors.get(feature.ref) if snap else None, at)
    repo = ctx.repo
    repo.ensure_counter(customer.id, feature.id, start, end)
    report_id = repo.claim_report({
        "customer_id": customer.id, "feature_id": feature.id, "kind": body.behavior,
        "amount": body.value, "value_after": 0, "period_start": start, "occurred_at": at,
        "idempotency_key": body.idempotency_key})
    if report_id is None:
        return UsageRecorded(customer_id=customer.ref, feature_id=feature.ref,
                             current_usage=repo.usage(customer.id, feature.id, start),
                             period_start=start if end else None, duplicate=True)
    before = repo.usage(customer.id, feature.id, start) if body.behavior == "set" else 0
    if body.behavior == "set":
        value = repo.set_usage(customer.id, feature.id, start, body.value)
    else:
        value = repo.add_usage(customer.id, feature.id, start, body.value)
        assert value is not None
    added = value - before if body.behavior == "set" else body.value
    charge_usage(ctx.session, ctx.env, customer.ref, feature.ref, added,
                 body.idempotency_key or random_token("rep_", 16), at)
    repo.settle_report(report_id, value)
    touch(ctx.session, ctx.env, customer.ref)
    record_alerts(ctx, subject, feature, start, value)
    return UsageRecorded(customer_id=customer.ref, feature_id=feature.ref, current_usage=value,
                         period_start=start if end else None)


def consume(ctx: Ctx, body: ConsumeRequest) -> ConsumeResult:
    """Decide and record in one step: the amount is added only if the hard limit allows it."""
    subject = load(ctx, body.customer_id)
    at = now()
    if subject.customer is None or body.feature_id not in subject.features:
        state = evaluate(ctx, subject, body.feature_id, requested_usage=body.amount, at=at)
        return ConsumeResult(consumed=False, entitlement=state)
    customer, feature = subject.customer, _metered(subject, body.feature_id)
    repo = ctx.repo
    if body.idempotency_key:
        earlier = repo.report_by_key(body.idempotency_key)
        if earlier is not None:
            state = evaluate(ctx, subject, feature.ref, requested_usage=0, at=at)
            return ConsumeResult(consumed=earlier.kind == "consume", entitlement=state,
                                 consumption_id=body.idempotency_key, duplicate=True)
    state = evaluate(ctx, subject, feature.ref, requested_usage=body.amount, at=at)
    if not state.has_access:
        return ConsumeResult(consumed=False, entitlement=state)
    snap = subject.snapshot
    assert snap is not None
    effective = snap.effective[feature.ref]
    start, end = period_of(feature, effective, snap.anchors.get(feature.ref), at)
    repo.ensure_counter(customer.id, feature.id, start, end)
    key = body.idempotency_key or random_token("cons_", 16)
    report_id = repo.claim_report({
        "customer_id": customer.id, "feature_id": feature.id, "kind": "consume",
        "amount": body.amount, "value_after": 0, "period_start": start, "occurred_at": at,
        "idempotency_key": key})
    if report_id is None:  # the same key, consumed concurrently: count it once
        state = evaluate(ctx, subject, feature.ref, requested_usage=0, at=at)
        return ConsumeResult(consumed=True, entitlement=state, consumption_id=key,
                             duplicate=True)
    hard = not (effective.unlimited or effective.soft_limit)
    value = repo.add_usage(customer.id, feature.id, start, body.amount,
                           ceiling=(effective.limit or 0) if hard else None)
    if value is None:  # concurrent consumers took what was left
        repo.drop_report(report_id)
        state = evaluate(ctx, subject, feature.ref, requested_usage=body.amount, at=at)
        return ConsumeResult(consumed=False, entitlement=state)
    charge_usage(ctx.session, ctx.env, customer.ref, feature.ref, body.amount, key, at)
    repo.settle_report(report_id, value)
    touch(ctx.session, ctx.env, customer.ref)
    record_alerts(ctx, subject, feature, start, value)
    state = evaluate(ctx, subject, feature.ref, requested_usage=0, at=at, usage=value)
    return ConsumeResult(consumed=True, entitlement=state, consumption_id=key)


def refund(ctx: Ctx, consumption_id: str) -> UsageRecorded:
    """Give a consumption back (work that failed after it): its amount leaves the usage of the
    period it was consumed in. A second refund of the same consumption changes nothing."""
    repo = ctx.repo
    original = repo.report_by_key(consumption_id)
    if original is None or original.kind != "consume":
        raise NotFound(f"No consumption '{consumption_id}' in this environment")
    customer = ctx.session.get(Customer, original.customer_id)
    feature = ctx.session.get(Feature, original.feature_id)
    assert customer is not None and feature is not None
    report_id = repo.claim_report({
        "customer_id": customer.id, "feature_id": feature.id, "kind": "refund",
        "amount": -original.amount, "value_after": 0, "period_start": original.period_start,
        "occurred_at": now(), "idempotency_key": f"refund:{consumption_id}"[:255]})
    claimed = report_id is not None
    if report_id is not None:
        value = repo.add_usage(customer.id, feature.id, original.period_start, -original.amount)
        repo.settle_report(report_id, value or 0)
        touch(ctx.session, ctx.env, customer.ref)
    else:
        value = repo.usage(customer.id, feature.id, original.period_start)
    return UsageRecorded(customer_id=customer.ref, feature_id=feature.ref,
                         current_usage=value or 0, period_start=original.period_start,
                         duplicate=not claimed)
