"""UTC time buckets for charts: hour, day, week (from Monday) and month."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.subscriptions.proration import add_months

STEPS = {"hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(weeks=1)}


def floor(at: datetime, bucket: str) -> datetime:
    """The start of the UTC bucket that holds `at`."""
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


def step(start: datetime, bucket: str, count: int = 1) -> datetime:
    """The bucket start `count` buckets after (or, negative, before) `start`."""
    if bucket == "month":
        return add_months(start, count)
    return start + STEPS[bucket] * count
