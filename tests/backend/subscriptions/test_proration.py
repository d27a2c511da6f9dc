"""Pure proration: the worked example, month-end anchors, and properties."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.subscriptions.proration import (
    fraction_left,
    period_bounds,
    period_containing,
    prorate,
    prorate_minor,
)

START = datetime(2026, 4, 1, tzinfo=UTC)
END = START + timedelta(days=30)


def test_worked_example_thirty_to_ninety_one_third_in():
    p = prorate(3000, 9000, START, END, START + timedelta(days=10))
    assert [line.amount_minor for line in p.lines] == [-2000, 6000]
    assert p.total_minor == 4000


def test_each_line_rounds_once_half_up():
    # one third of 1 cent is 0.33 → 0; half of 1 cent is 0.5 → 1, and −0.5 → −1
    assert prorate_minor(1, fraction_left(START, START + timedelta(seconds=2), START + timedelta(seconds=1))) == 1
    assert prorate_minor(-1, fraction_left(START, START + timedelta(seconds=2), START + timedelta(seconds=1))) == -1
    assert prorate_minor(1, fraction_left(START, START + timedelta(seconds=3), START + timedelta(seconds=2))) == 0


def test_month_end_anchor_keeps_its_day():
    anchor = datetime(2027, 1, 31, 9, 30, tzinfo=UTC)
    assert period_bounds(anchor, "monthly", 0) == (anchor, datetime(2027, 2, 28, 9, 30, tzinfo=UTC))
    assert period_bounds(anchor, "monthly", 1)[1] == datetime(2027, 3, 31, 9, 30, tzinfo=UTC)
    leap = datetime(2028, 1, 31, tzinfo=UTC)
    assert period_bounds(leap, "monthly", 0)[1] == datetime(2028, 2, 29, tzinfo=UTC)
    assert period_bounds(anchor, "quarterly", 0)[1] == datetime(2027, 4, 30, 9, 30, tzinfo=UTC)
    assert period_bounds(anchor, "annual", 1) == (datetime(2028, 1, 31, 9, 30, tzinfo=UTC),
                                                  datetime(2029, 1, 31, 9, 30, tzinfo=UTC))
    with pytest.raises(ValueError):
        period_bounds(anchor, "weekly", 0)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)),
       st.sampled_from(["monthly", "quarterly", "annual"]), st.integers(0, 400))
def test_periods_are_contiguous_and_found(anchor, period, n):
    start, end = period_bounds(anchor, period, n)
    assert start < end == period_bounds(anchor, period, n + 1)[0]
    assert period_containing(anchor, period, start) == (start, end)
    assert period_containing(anchor, period, end - timedelta(seconds=1)) == (start, end)


@given(st.integers(0, 10**12), st.integers(0, 10**12), st.integers(1, 10**8), st.data())
def test_proration_properties(old, new, length, data):
    end = START + timedelta(seconds=length)
    at = START + timedelta(seconds=data.draw(st.integers(-10, length + 10)))
    p = prorate(old, new, START, end, at)
    assert 0 <= p.fraction <= 1
    assert 0 <= -p.credit.amount_minor <= old  # never credit more than was paid
    assert 0 <= p.charge.amount_minor <= new
    assert sum(line.amount_minor for line in p.lines) == p.total_minor
