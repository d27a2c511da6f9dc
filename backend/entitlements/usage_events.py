"""Raw usage events and the meters that turn them into usage.

A batch of events is stored once per idempotency key (a retried or duplicate event is kept
once and counted once); then every meter aggregates the new events per customer and usage
period (an event counts in the period of its own timestamp) and the counters move accordingly.
Each moved counter gets a `meter` usage report, so history, change streams and the read model
see it, and the threshold events fire as for direct reports.
"""

from __future__ import annotations

from datetime import datetime

from backend.entitlements.hot import touch
from backend.entitlements.metering import MeterSpec, NotANumber, RawEvent, aggregate
from backend.entitlements.schemas import MeterCreate, MeterPublic, UsageEventIn, UsageEventsResult
from backend.entitlements.service import Ctx, Subject, load, period_of
from backend.entitlements.usage import record_alerts
from backend.errors import Conflict, Invalid, NotFound
from backend.kit.clock import now
from backend.models.usage import Meter


def _spec(meter: Meter, feature_ref: str) -> MeterSpec:
    return MeterSpec(feature_ref, meter.event_name, meter.aggregation, meter.field,
                     dict(meter.filters or {}))


def meter_public(meter: Meter, feature_ref: str) -> MeterPublic:
    return MeterPublic(feature_id=feature_ref, event_name=meter.event_name,
                       aggregation=meter.aggregation,  # type: ignore[arg-type]
                       field=meter.field, filters=dict(meter.filters or {}),
                       created_at=meter.created_at)


def create_meter(ctx: Ctx, body: MeterCreate) -> MeterPublic:
    repo = ctx.repo
    feature = repo.features().get(body.feature_id)
    if feature is None:
        raise Invalid(f"No feature '{body.feature_id}' in this environment", field="feature_id")
    if feature.type != "metered":
        raise Invalid(f"'{body.feature_id}' is a {feature.type} feature; meters count usage of "
                      "metered features", field="feature_id")
    if repo.meter_for(feature.id) is not None:
        raise Conflict(f"Feature '{body.feature_id}' already has a meter")
    meter = Meter(environment_id=ctx.env, feature_id=feature.id, event_name=body.event_name,
                  aggregation=body.aggregation, field=body.field, filters=dict(body.filters),
                  created_at=now())
    repo.add(meter)
    return meter_public(meter, feature.ref)


def list_meters(ctx: Ctx) -> list[MeterPublic]:
    refs = {f.id: ref for ref, f in ctx.repo.features().items()}
    return [meter_public(m, refs.get(m.feature_id, "")) for m in ctx.repo.meters()]


def delete_meter(ctx: Ctx, feature_ref: str) -> None:
    feature = ctx.repo.features().get(feature_ref)
    meter = ctx.repo.meter_for(feature.id) if feature else None
    if meter is None:
        raise NotFound(f"Feature '{feature_ref}' has no meter")
    ctx.session.delete(meter)
    ctx.session.flush()


def ingest(ctx: Ctx, events: list[UsageEventIn]) -> UsageEventsResult:
    """Store the events once and apply every meter to the new ones (all or nothing)."""
    at_default = now()
    subjects: dict[str, Subject] = {}
    for i, e in enumerate(events):
        if e.customer_id not in subjects:
            subjects[e.customer_id] = load(ctx, e.customer_id, at_default)
        if subjects[e.customer_id].customer is None:
            raise Invalid(f"events[{i}]: no customer '{e.customer_id}'",
                          field=f"events.{i}.customer_id")
    first: dict[str, UsageEventIn] = {}
    for e in events:
        first.setdefault(e.idempotency_key, e)
    stored = ctx.repo.claim_events([
        {"customer_ref": e.customer_id, "name": e.event_name, "dimensions": e.dimensions,
         "occurred_at": e.timestamp or at_default, "idempotency_key": key}
        for key, e in first.items()])
    fresh = [RawEvent(e.customer_id, e.event_name, e.dimensions, e.timestamp or at_default)
             for key, e in first.items() if key in stored]
    changed = _apply_meters(ctx, subjects, fresh, events)
    return UsageEventsResult(accepted=len(stored), duplicates=len(events) - len(stored),
                             counters_changed=changed)


def _apply_meters(ctx: Ctx, subjects: dict[str, Subject], fresh: list[RawEvent],
                  events: list[UsageEventIn]) -> int:
    repo, changed = ctx.repo, 0
    features = next(iter(subjects.values())).features if subjects else {}
    refs = {f.id: ref for ref, f in features.items()}
    for meter in repo.meters():
        ref = refs.get(meter.feature_id)
        if ref is None:
            continue
        feature = features[ref]

        def period(event: RawEvent, ref: str = ref, feature=feature) -> datetime:
            snap = subjects[event.customer_id].snapshot
            effective = snap.effective.get(ref) if snap else None
            return period_of(feature, effective, snap.anchors.get(ref) if snap else None,
                             event.at)[0]

        try:
            changes = aggregate(_spec(meter, ref), fresh, period)
        except NotANumber as exc:
            index = next(i for i, e in enumerate(events)
                         if meter.field and e.dimensions.get(meter.field) is not None)
            raise Invalid(f"{exc} (the {meter.aggregation} of '{meter.field}' for "
                          f"'{ref}')", field=f"events.{index}.dimensions.{meter.field}") from exc
        for (customer_ref, start), change in changes.items():
            subject = subjects[customer_ref]
            customer = subject.customer
            assert customer is not None
            snap = subject.snapshot
            effective = snap.effective.get(ref) if snap else None
            end = period_of(feature, effective, snap.anchors.get(ref) if snap else None,
                            start)[1]
            repo.ensure_counter(customer.id, feature.id, start, end)
            amount = change.add + (repo.add_uniques(meter.id, customer.id, start, change.uniques)
                                   if change.uniques else 0)
            if amount:
                repo.add_usage(customer.id, feature.id, start, amount)
            if change.maximum is not None:
                repo.raise_usage(customer.id, feature.id, start, change.maximum)
            if change.latest is not None:
                repo.latest_usage(customer.id, feature.id, start, *change.latest)
            value = repo.usage(customer.id, feature.id, start)
            repo.claim_report({"customer_id": customer.id, "feature_id": feature.id,
                               "kind": "meter", "amount": amount, "value_after": value,
                               "period_start": start, "occurred_at": now(),
                               "idempotency_key": None})
            touch(ctx.session, ctx.env, customer_ref)
            record_alerts(ctx, subject, feature, start, value)
            changed += 1
    return changed

