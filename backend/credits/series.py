"""Pure credit usage series (no I/O): UTC buckets for a time range and consumption summed into
them per feature, zero-filled, for the usage chart."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from backend.kit.buckets import floor, step

RANGES: dict[str, tuple[str, int]] = {  # range -> (bucket, how many buckets)
    "24h": ("hour", 24), "7d": ("day", 7), "30d": ("day", 30), "12m": ("month", 12),
}


def range_window(range_: str, now: datetime) -> tuple[str, datetime, datetime]:
    """(bucket, start, end) of a named range ending with the bucket that holds `now`."""
    bucket, count = RANGES[range_]
    end = step(floor(now, bucket), bucket)
    return bucket, step(end, bucket, -count), end


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
