"""Usage periods: half-open, anchored to the subscription or the calendar, month ends kept."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.entitlements.periods import RESET_PERIODS, usage_period


def utc(*args):
    return datetime(*args, tzinfo=UTC)


ANCHOR = utc(2026, 1, 31, 15, 30)


@pytest.mark.parametrize("reset,at,expected", [
    ("day", utc(2026, 3, 5, 16), (utc(2026, 3, 5, 15, 30), utc(2026, 3, 6, 15, 30))),
    ("day", utc(2026, 3, 5, 15), (utc(2026, 3, 4, 15, 30), utc(2026, 3, 5, 15, 30))),
    ("week", utc(2026, 2, 8), (utc(2026, 2, 7, 15, 30), utc(2026, 2, 14, 15, 30))),
    ("month", utc(2026, 2, 15), (utc(2026, 1, 31, 15, 30), utc(2026, 2, 28, 15, 30))),
    ("month", utc(2026, 3, 1), (utc(2026, 2, 28, 15, 30), utc(2026, 3, 31, 15, 30))),
    ("year", utc(2027, 6, 1), (utc(2027, 1, 31, 15, 30), utc(2028, 1, 31, 15, 30))),
])
def test_subscription_anchored_periods(reset, at, expected):
    assert usage_period(reset, at, ANCHOR) == expected


@pytest.mark.parametrize("reset,expected", [
    ("day", (utc(2026, 11, 24), utc(2026, 11, 25))),
    ("week", (utc(2026, 11, 23), utc(2026, 11, 30))),  # Monday to Monday
    ("month", (utc(2026, 11, 1), utc(2026, 12, 1))),
    ("year", (utc(2026, 1, 1), utc(2027, 1, 1))),
])
def test_calendar_anchored_periods(reset, expected):
    assert usage_period(reset, utc(2026, 11, 24, 9), ANCHOR, "calendar") == expected
    assert usage_period(reset, utc(2026, 11, 24, 9)) == expected  # no anchor: the calendar


def test_the_reset_instant_belongs_to_the_new_period():
    start, end = usage_period("month", utc(2026, 2, 10), ANCHOR)
    assert usage_period("month", end, ANCHOR)[0] == end
    assert usage_period("month", end - timedelta(microseconds=1), ANCHOR) == (start, end)


def test_naive_times_are_utc():
    assert usage_period("day", datetime(2026, 5, 5, 12)) == (utc(2026, 5, 5), utc(2026, 5, 6))


def test_unknown_period_is_refused():
    with pytest.raises(ValueError):
        usage_period("fortnight", utc(2026, 1, 1))


moments = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1),
                       timezones=st.just(UTC))


@given(st.sampled_from(RESET_PERIODS), moments, moments, st.sampled_from(["subscription",
                                                                           "calendar"]))
def test_every_moment_lies_in_exactly_one_period(reset, anchor, at, anchoring):
    start, end = usage_period(reset, at, anchor, anchoring)
    assert start <= at < end
    assert usage_period(reset, end, anchor, anchoring)[0] == end  # periods tile time
    assert usage_period(reset, start, anchor, anchoring) == (start, end)
    if reset == "day":
        assert end - start == timedelta(days=1)
    if reset == "week":
        assert end - start == timedelta(weeks=1)
