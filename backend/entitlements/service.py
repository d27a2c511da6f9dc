"""Entitlement checks, usage reports and atomic consumption.

A check reads the customer (with its entitlements revision), the cached combined entitlements
and, for metered features, the current period's usage counter. Usage changes go through the
counters: reports add (delta) or set (fluctuating levels), `consume` adds only while the result
stays within a hard limit, in one conditional UPDATE, so concurrent consumers never pass it.
Every change is also written to `usage_reports` with its idempotency key, so a retried report
or consumption counts once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from backend.entitlements.combine import Effective
from backend.entitlements.decide import Decision, decide, denied
from backend.entitlements.hot import HotReads
from backend.entitlements.periods import usage_period
from backend.entitlements.repository import EntitlementRepository
from backend.entitlements.schemas import EntitlementState, UsagePeriod
from backend.entitlements.sources import FeatureInfo, Snapshot, SnapshotCache
from backend.kit.clock import now
from backend.models import Customer

NO_RESET = datetime(1970, 1, 1, tzinfo=UTC)  # the one "period" of usage that never resets


@dataclass(frozen=True)
class Ctx:
    session: Session
    env: int
    cache: SnapshotCache

    @property
    def repo(self) -> EntitlementRepository:
        return EntitlementRepository(self.session, self.env)


@dataclass(frozen=True)
class Subject:
    """A customer and what they may use, read once per request."""

    customer: Customer | None
    features: dict[str, FeatureInfo]
    snapshot: Snapshot | None


def load(ctx: Ctx, customer_ref: str, at: datetime | None = None) -> Subject:
    """The customer and what they may use: one query, the rest from the caches."""
    repo = ctx.repo
    customer, revision = repo.customer_and_catalog_revision(customer_ref)
    features = ctx.cache.features(repo, revision)
    if customer is None:
        return Subject(None, features, None)
    return Subject(customer, features, ctx.cache.get(repo, customer, revision, at or now()))


def period_of(feature: FeatureInfo, effective: Effective | None, anchor: datetime | None,
              at: datetime) -> tuple[datetime, datetime | None]:
    """The usage period [start, end) a metered feature's usage at `at` counts in."""
    if feature.meter_type == "fluctuating" or effective is None or not effective.reset_period:
        return NO_RESET, None
    return usage_period(effective.reset_period, at, anchor)


def _state(feature: FeatureInfo, decision: Decision, effective: Effective | None,
           period: tuple[datetime, datetime | None] | None) -> EntitlementState:
    shown = None
    if period is not None and period[1] is not None and effective is not None:
        shown = UsagePeriod(start=period[0], end=period[1],
                            reset_period=effective.reset_period)  # type: ignore[arg-type]
    return EntitlementState(
        feature_id=feature.ref, feature_type=feature.type,  # type: ignore[arg-type]
        feature_name=feature.display_name, unit=feature.unit, unit_plural=feature.unit_plural,
        has_access=decision.has_access, denial_reason=decision.reason,  # type: ignore[arg-type]
        limit=decision.limit, unlimited=decision.unlimited, soft_limit=decision.soft_limit,
        current_usage=decision.current_usage, requested_usage=decision.requested_usage,
        enum_values=list(decision.enum_values) if decision.enum_values is not None else None,
        usage_period=shown, sources=list(effective.sources) if effective else [],
    )


def _unknown(feature_ref: str, reason: str) -> EntitlementState:
    return EntitlementState(feature_id=feature_ref, feature_type="boolean", has_access=False,
                            denial_reason=reason)  # type: ignore[arg-type]


def evaluate(ctx: Ctx | None, subject: Subject, feature_ref: str, *, requested_usage: int | None = None,
             requested_value: str | None = None, at: datetime | None = None,
             usage: int | None = None,
             usage_of: Callable[[FeatureInfo, datetime], int] | None = None) -> EntitlementState:
    """The customer's access to one feature now (or at `at`). Usage is `usage` if given, else
    `usage_of(feature, period_start)`, else read from the database."""
    at = at or now()
    feature = subject.features.get(feature_ref)
    if feature is None:
        return _unknown(feature_ref, "feature_not_found")
    customer, snap = subject.customer, subject.snapshot
    if customer is None or snap is None:
        return _state(feature, denied("customer_not_found"), None, None)
    if customer.archived_at is not None:
        return _state(feature, denied("customer_archived"), None, None)
    effective = snap.effective.get(feature_ref)
    if effective is None:
        reason = "no_feature_entitlement" if snap.has_subscription else "no_active_subscription"
        return _state(feature, denied(reason), None, None)
    period = None
    if feature.type == "metered":
        period = period_of(feature, effective, snap.anchors.get(feature_ref), at)
        if usage is None and usage_of is not None:
            usage = usage_of(feature, period[0])
        elif usage is None:
            assert ctx is not None, "usage comes from the database"
            usage = ctx.repo.usage(customer.id, feature.id, period[0])
    decision = decide(feature.type, effective, usage=usage or 0,
                      requested_usage=requested_usage, requested_value=requested_value)
    return _state(feature, decision, effective, period)


def check(ctx: Ctx, hot: HotReads, customer_ref: str, feature_ref: str, *,
          requested_usage: int | None = None, requested_value: str | None = None) -> EntitlementState:
    """A check answered from the per-process read model (one query on a miss, none after)."""
    repo = ctx.repo
    entry = hot.entry(repo, customer_ref)
    at = now()
    features = ctx.cache.features(repo, entry.catalog_revision)
    snap = ctx.cache.get(repo, entry.customer, entry.catalog_revision, at) \
        if entry.customer is not None else None
    entry.subject = Subject(entry.customer, features, snap)
    return evaluate(ctx, entry.subject, feature_ref,
                    requested_usage=requested_usage, requested_value=requested_value, at=at,
                    usage_of=lambda f, start: hot.usage(repo, entry, f.id, start))


def check_from_memory(hot: HotReads, environment_id: int, at: datetime, customer_ref: str,
                      feature_ref: str, *, requested_usage: int | None = None,
                      requested_value: str | None = None) -> EntitlementState | None:
    """The check answered without the database, or None when something must be read."""
    entry = hot.cached_entry(environment_id, customer_ref)
    subject: Subject | None = entry.subject if entry is not None else None
    if entry is None or subject is None:
        return None
    snap = subject.snapshot
    if snap is not None and snap.valid_until is not None and at >= snap.valid_until:
        return None
    missing: list[bool] = []

    def usage_of(feature: FeatureInfo, start: datetime) -> int:
        known = entry.usage.get((feature.id, start))
        if known is None:
            missing.append(True)
            return 0
        return known

    state = evaluate(None, subject, feature_ref, requested_usage=requested_usage,
                     requested_value=requested_value, at=at, usage_of=usage_of)
    return None if missing else state


def answer_from_memory(hot: HotReads, environment_id: int, at: datetime, customer_ref: str,
                       feature_ref: str, *, requested_usage: int | None = None,
                       requested_value: str | None = None) -> bytes | None:
    """The check's JSON from memory: repeated identical checks reuse the serialised answer
    while its usage period lasts (any change drops the customer's entry, answers included)."""
    entry = hot.cached_entry(environment_id, customer_ref)
    if entry is None:
        return None
    key = (feature_ref, requested_usage, requested_value)
    memo = entry.answers.get(key)
    if memo is not None and (memo[1] is None or memo[1][0] <= at < memo[1][1]):
        return memo[0]
    state = check_from_memory(hot, environment_id, at, customer_ref, feature_ref,
                              requested_usage=requested_usage, requested_value=requested_value)
    if state is None:
        return None
    body = state.model_dump_json().encode()
    snap = entry.subject.snapshot if entry.subject is not None else None
    if snap is None or snap.valid_until is None:
        period = (state.usage_period.start, state.usage_period.end) if state.usage_period \
            else None
        entry.answers[key] = (body, period)
    return body


def entitlements(ctx: Ctx, subject: Subject, at: datetime | None = None) -> list[EntitlementState]:
    """Every feature the customer is entitled to, with current usage (one usage query)."""
    at = at or now()
    snap, customer = subject.snapshot, subject.customer
    if snap is None or customer is None:
        return []
    periods: dict[str, tuple[datetime, datetime | None]] = {}
    for ref, effective in snap.effective.items():
        feature = subject.features.get(ref)
        if feature is not None and feature.type == "metered":
            periods[ref] = period_of(feature, effective, snap.anchors.get(ref), at)
    usages = ctx.repo.usages(customer.id, [(subject.features[r].id, p[0])
                                           for r, p in periods.items()])
    out = []
    for ref in snap.effective:
        feature = subject.features.get(ref)
        if feature is None:
            continue
        usage = usages.get((feature.id, periods[ref][0]), 0) if ref in periods else 0
        out.append(evaluate(ctx, subject, ref, at=at, usage=usage))
    return out
