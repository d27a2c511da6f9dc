"""Recurring flat prices: monthly equivalents and the annual saving."""

from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from backend.pricing.recurring import annual_savings_percent, monthly_equivalent

AMOUNTS = st.integers(min_value=0, max_value=10**12)


@pytest.mark.parametrize(
    ("monthly", "annual", "percent"),
    [
        (2900, 29000, 17),  # $29 vs $290: 16.67% -> 17
        (7900, 79000, 17),
        (1000, 12000, 0),  # no discount
        (1000, 13000, 0),  # dearer annually: never negative
        (1000, 0, 100),  # free annually
        (0, 1000, 0),  # free monthly: nothing to save against
        (1000, 9000, 25),
        (1000, 11940, 1),  # 0.5% rounds half up
        (1000, 11941, 0),
    ],
)
def test_savings_examples(monthly, annual, percent):
    assert annual_savings_percent(monthly, annual) == percent


@given(AMOUNTS, AMOUNTS)
def test_savings_is_a_whole_percentage_between_0_and_100(monthly, annual):
    saving = annual_savings_percent(monthly, annual)
    assert isinstance(saving, int) and 0 <= saving <= 100
    if annual >= 12 * monthly:
        assert saving == 0
    else:
        exact = Fraction(12 * monthly - annual, 12 * monthly) * 100
        assert abs(saving - exact) <= Fraction(1, 2)


@given(st.integers(min_value=1, max_value=10**9), AMOUNTS, AMOUNTS)
def test_savings_grow_as_the_annual_price_falls(monthly, a, b):
    assume(a <= b)
    assert annual_savings_percent(monthly, a) >= annual_savings_percent(monthly, b)


@pytest.mark.parametrize(
    ("amount", "period", "per_month"),
    [
        (29000, "annual", 2417),
        (2900, "monthly", 2900),
        (7500, "quarterly", 2500),
        (75000, "annual", 6250),
        (6, "annual", 1),
        (5, "annual", 0),
        (0, "annual", 0),
    ],
)
def test_monthly_equivalent_examples(amount, period, per_month):
    assert monthly_equivalent(amount, period) == per_month


@given(AMOUNTS, st.sampled_from(["monthly", "quarterly", "annual"]))
def test_monthly_equivalent_is_within_half_a_minor_unit(amount, period):
    months = {"monthly": 1, "quarterly": 3, "annual": 12}[period]
    per_month = monthly_equivalent(amount, period)
    error = Fraction(per_month) - Fraction(amount, months)
    assert abs(error) <= Fraction(1, 2)
    assert abs(per_month * months - amount) <= months // 2  # round trip within half a unit a month
    if error == Fraction(1, 2) or error == -Fraction(1, 2):
        assert error > 0  # half-up


def test_unknown_period_is_refused():
    with pytest.raises(KeyError):
        monthly_equivalent(100, "weekly")
