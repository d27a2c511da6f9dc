"""Pure usage periods (no I/O): when a metered feature's usage resets.

A period is half-open, [start, end): usage at exactly `end` belongs to the next period. Periods
are anchored either to the subscription's start (its time of day, weekday or day of month) or
to the calendar (midnight UTC, Monday, the 1st, January 1st). Monthly and yearly periods keep
the anchor's day where the month has it (Jan 31 -> Feb 28 -> Mar 31), always counted from the
anchor so a short month never shifts later periods.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from backend.subscriptions.proration import add_months

ResetPeriod = Literal["day", "week", "month", "year"]
Anchoring = Literal["subscription", "calendar"]
RESET_PERIODS: tuple[str, ...] = ("day", "week", "month", "year")


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _calendar_anchor() -> datetime:
    # 2024-01-01 was a Monday at midnight UTC: a calendar anchor for every period kind.
    return datetime(2024, 1, 1, tzinfo=UTC)


def _fixed(anchor: datetime, step: timedelta, at: datetime) -> tuple[datetime, datetime]:
    n = (at - anchor) // step
    start = anchor + n * step
    return start, start + step


def _by_months(anchor: datetime, months: int, at: datetime) -> tuple[datetime, datetime]:
    n = ((at.year - anchor.year) * 12 + at.month - anchor.month) // months
    start = add_months(anchor, n * months)
    while start > at:
        n -= 1
        start = add_months(anchor, n * months)
    while (end := add_months(anchor, (n + 1) * months)) <= at:
        n += 1
        start = end
    return start, end


def usage_period(reset: str, at: datetime, anchor: datetime | None = None,
                 anchoring: Anchoring = "subscription") -> tuple[datetime, datetime]:
    """The period [start, end) of `reset` ("day", "week", "month", "year") that holds `at`.

    `anchor` is the subscription's start; calendar anchoring (or no anchor) uses midnight UTC,
    Mondays, the 1st of the month and January 1st.
    """
    at = _utc(at)
    base = _utc(anchor) if anchor is not None and anchoring == "subscription" \
        else _calendar_anchor()
    if reset == "day":
        return _fixed(base, timedelta(days=1), at)
    if reset == "week":
        return _fixed(base, timedelta(weeks=1), at)
    if reset == "month":
        return _by_months(base, 1, at)
    if reset == "year":
        return _by_months(base, 12, at)
    raise ValueError(f"unknown reset period {reset!r}")
