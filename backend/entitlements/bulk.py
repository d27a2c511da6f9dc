"""Bulk usage ingestion: thousands of reports in a few statements.

Reports are resolved to (customer, feature, period) first; their idempotency keys are claimed
in one INSERT ... ON CONFLICT DO NOTHING, so a key seen before (in this batch or an
earlier one) counts once; the accepted deltas are summed per counter and applied with one
UPDATE per counter. Absolute (`set`) reports are applied in order after the deltas of their
counter. Unknown customers or features fail the whole batch with the index of the first bad
report, so nothing is half-recorded.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from backend.entitlements.hot import touch
from backend.entitlements.schemas import BulkUsageResult, UsageRecorded, UsageReport
from backend.entitlements.service import Ctx, Subject, load, period_of
from backend.entitlements.usage import record_alerts
from backend.errors import Invalid
from backend.kit.clock import now

Key = tuple[int, int, datetime]  # customer, feature, period start


def ingest(ctx: Ctx, reports: list[UsageReport]) -> BulkUsageResult:
    """Record a batch of usage reports; duplicates (by idempotency key) count once."""
    subjects: dict[str, Subject] = {}
    rows, targets = [], []
    at_default = now()
    for i, body in enumerate(reports):
        subject = subjects.get(body.customer_id)
        if subject is None:
            subject = subjects[body.customer_id] = load(ctx, body.customer_id, at_default)
        if subject.customer is None:
            raise Invalid(f"reports[{i}]: no customer '{body.customer_id}'",
                          field=f"reports.{i}.customer_id")
        feature = subject.features.get(body.feature_id)
        if feature is None or feature.type != "metered":
            raise Invalid(f"reports[{i}]: '{body.feature_id}' is no metered feature",
                          field=f"reports.{i}.feature_id")
        snap = subject.snapshot
        effective = snap.effective.get(feature.ref) if snap else None
        at = body.timestamp or at_default
        start, end = period_of(feature, effective, snap.anchors.get(feature.ref) if snap else None,
                               at)
        targets.append((subject, feature, start, end))
        rows.append({"environment_id": ctx.env, "customer_id": subject.customer.id,
                     "feature_id": feature.id, "kind": body.behavior, "amount": body.value,
                     "value_after": 0, "period_start": start, "occurred_at": at,
                     "idempotency_key": body.idempotency_key})
    accepted = _claim(ctx, rows)
    repo = ctx.repo
    for subject, feature, start, end in {(t[0].customer.id, t[1].id, t[2]): t  # type: ignore[union-attr]
                                         for t in targets}.values():
        repo.ensure_counter(subject.customer.id, feature.id, start, end)  # type: ignore[union-attr]
    deltas: dict[Key, int] = defaultdict(int)
    levels: dict[Key, int] = {}
    for i in accepted:
        row = rows[i]
        key = (row["customer_id"], row["feature_id"], row["period_start"])
        if row["kind"] == "set":
            levels[key] = row["amount"]
            deltas.pop(key, None)
        else:
            deltas[key] += row["amount"]
    values: dict[Key, int] = {}
    for subject in subjects.values():
        if subject.customer is not None:
            touch(ctx.session, ctx.env, subject.customer.ref)
    for key, level in levels.items():
        values[key] = repo.set_usage(*key, level)
    for key, delta in deltas.items():
        value = repo.add_usage(*key, delta)
        assert value is not None
        values[key] = value
    results = []
    for i, (subject, feature, start, end) in enumerate(targets):
        key = (subject.customer.id, feature.id, start)  # type: ignore[union-attr]
        value = values.get(key)
        if value is None:
            value = repo.usage(*key)
        results.append(UsageRecorded(customer_id=subject.customer.ref,  # type: ignore[union-attr]
                                     feature_id=feature.ref, current_usage=value,
                                     period_start=start if end else None,
                                     duplicate=i not in accepted))
    for subject, feature, start, _ in {(t[0].customer.id, t[1].id, t[2]): t  # type: ignore[union-attr]
                                       for t in targets}.values():
        key = (subject.customer.id, feature.id, start)  # type: ignore[union-attr]
        if key in values:
            record_alerts(ctx, subject, feature, start, values[key])
    return BulkUsageResult(accepted=len(accepted), duplicates=len(rows) - len(accepted),
                           results=results)


def _claim(ctx: Ctx, rows: list[dict]) -> set[int]:  # type: ignore[type-arg]
    """Insert the report rows; the indexes of those whose key was new or that had none.
    Within the batch the first report with a key wins."""
    first: dict[str, int] = {}
    candidates: list[int] = []
    for i, row in enumerate(rows):
        key = row["idempotency_key"]
        if key is None:
            candidates.append(i)
        elif key not in first:
            first[key] = i
            candidates.append(i)
    if not candidates:
        return set()
    won = ctx.repo.claim_reports([rows[i] for i in candidates])
    return {i for i in candidates if rows[i]["idempotency_key"] is None
            or rows[i]["idempotency_key"] in won}
