"""Pure credit usage series (no I/O): UTC buckets for a time range and consumption summed into
them per feature, zero-filled, for the usage chart."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from backend.subscriptions.proration import add_months

RANGES: dict[str, tuple[str, int]] = {  # range -> (bucket, how many buckets)
    "24h": ("hour", 24), "7d": ("day", 7), "30d": ("day", 30), "12m": ("month", 12),
}


def floor(at: datetime, bucket: str) -> datetime:
    """The start of the UTC bucket that holds `at` (weeks start on Monday)."""
    at = at.astimezone(UTC)
    if bucket == "hour":
        return at.replace(minute=0, second=0, microsecond=0)
    day = at.replace(hour=0, minute=0, second=0, microsecond=0)
    if bucket == "day":
        return day
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown bucket {bucket!r}")


def step(start: datetime, bucket: str) -> datetime:
    """The start of the bucket after the one starting at `start`."""
    if bucket == "month":
        return add_months(start, 1)
    return start + {"hour": timedelta(hours=1), "day": timedelta(days=1),
                    "week": timedelta(weeks=1)}[bucket]


def range_window(range_: str, now: datetime) -> tuple[str, datetime, datetime]:
    """(bucket, start, end) of a named range ending with the bucket that holds `now`."""
    bucket, count = RANGES[range_]
    end = step(floor(now, bucket), bucket)
    start = end
    for _ in range(count):
        start = _back(start, bucket)
    return bucket, start, end


def _back(start: datetime, bucket: str) -> datetime:
    if bucket == "month":
        return add_months(start, -1)
    return start - {"hour": timedelta(hours=1), "day": timedelta(days=1),
                    "week": timedelta(weeks=1)}[bucket]


def bucket_starts(start: datetime, end: datetime, bucket: str, limit: int = 1000) -> list[datetime]:
    """Every bucket start from the one holding `start` up to `end` (exclusive)."""
    out, cursor = [], floor(start, bucket)
    while cursor < end:
        out.append(cursor)
        if len(out) > limit:
            raise ValueError(f"more than {limit} buckets; choose a larger bucket")
        cursor = step(cursor, bucket)
    return out


def summarise(consumed: Iterable[tuple[str | None, datetime, Decimal]], starts: list[datetime],
              bucket: str) -> dict[str | None, list[Decimal]]:
    """Sum (feature, at, credits) into the buckets, per feature; values outside are ignored."""
    index = {s: i for i, s in enumerate(starts)}
    out: dict[str | None, list[Decimal]] = {}
    for feature, at, credits in consumed:
        i = index.get(floor(at, bucket))
        if i is None:
            continue
        row = out.setdefault(feature, [Decimal(0)] * len(starts))
        row[i] += credits
    return out
