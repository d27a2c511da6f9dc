"""Usage history for charts: one point per hour, day, week or month (UTC) with the usage at the
end of the bucket, and whether a new usage period began in it. Pure bucketing, plus the read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel

from backend.entitlements.service import Ctx
from backend.errors import Invalid, NotFound
from backend.kit.buckets import floor, step

Bucket = Literal["hour", "day", "week", "month"]
MAX_POINTS = 1000


class UsagePoint(BaseModel):
    start: datetime
    end: datetime
    usage: int
    reset: bool


class UsageHistory(BaseModel):
    customer_id: str
    feature_id: str
    bucket: Bucket
    points: list[UsagePoint]


@dataclass(frozen=True)
class Change:
    at: datetime
    value_after: int
    period_start: datetime


def series(changes: Iterable[Change], start: datetime, end: datetime, bucket: str,
           before: Change | None = None) -> list[UsagePoint]:
    """Points from the bucket holding `start` up to `end`; `before` is the last change earlier
    than `start` (the level the series starts from)."""
    ordered = sorted(changes, key=lambda c: c.at)
    points, i = [], 0
    value = before.value_after if before else 0
    period = before.period_start if before else None
    cursor = floor(start, bucket)
    while cursor < end and len(points) < MAX_POINTS:
        nxt = step(cursor, bucket)
        reset = False
        while i < len(ordered) and ordered[i].at < nxt:
            change = ordered[i]
            if period is not None and change.period_start != period:
                reset = True
            value, period = change.value_after, change.period_start
            i += 1
        points.append(UsagePoint(start=cursor, end=nxt, usage=value, reset=reset))
        cursor = nxt
    return points


def history(ctx: Ctx, customer_ref: str, feature_ref: str, start: datetime, end: datetime,
            bucket: str) -> UsageHistory:
    repo = ctx.repo
    if end <= start:
        raise Invalid("'to' must be after 'from'", field="to")
    customer = repo.customer(customer_ref)
    if customer is None:
        raise NotFound(f"No customer '{customer_ref}' in this environment")
    feature = repo.features().get(feature_ref)
    if feature is None or feature.type != "metered":
        raise NotFound(f"No metered feature '{feature_ref}' in this environment")
    rows = repo.history(customer.id, feature.id, floor(start, bucket), end)
    earlier = repo.history(customer.id, feature.id, datetime(1970, 1, 1, tzinfo=UTC),
                           floor(start, bucket))
    changes = [Change(r.occurred_at, r.value_after, r.period_start) for r in rows]
    before = Change(earlier[-1].occurred_at, earlier[-1].value_after, earlier[-1].period_start) \
        if earlier else None
    return UsageHistory(customer_id=customer.ref, feature_id=feature.ref,
                        bucket=bucket,  # type: ignore[arg-type]
                        points=series(changes, start, end, bucket, before))
