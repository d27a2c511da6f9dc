"""Totals: sums of rounded lines, coupons off the recurring part, usage billed separately."""

import pytest

from backend.pricing.discounts import Discount, DiscountError
from backend.pricing.lines import price_line
from backend.pricing.totals import CurrencyMismatchError, Totals, summarize
from tests.backend.pricing.builders import SEMANTICS_TIERS, D, spec

PLAN = price_line(spec("flat", amount_minor=2900), description="Pro")
SEATS = price_line(spec("per_unit", unit_amount=D("0.333"), feature_id="seats"), quantity=3)
PACK = price_line(spec("credit_pack", amount_minor=1000, credits=100), quantity=2)
CALLS = price_line(spec("usage", unit_amount=D("0.0004")), usage=12345)
TIERED_USAGE = price_line(spec("tiered", tiers=SEMANTICS_TIERS, tiers_mode="graduated"),
                          usage=1500)


def test_lines_without_discount():
    totals = summarize([PLAN, SEATS, PACK, CALLS, TIERED_USAGE])
    assert totals == Totals(currency="USD", recurring_minor=3000, one_off_minor=2000,
                            subtotal_minor=5000, discount_minor=0, total_minor=5000,
                            usage_minor=494 + 65000)


def test_subtotal_sums_rounded_lines():
    # 3 × $0.333 = $0.999 → 100¢ on its own line; the plan adds 2,900¢
    assert summarize([PLAN, SEATS]).subtotal_minor == PLAN.amount_minor + SEATS.amount_minor


def test_percentage_coupon_applies_to_the_recurring_part_only():
    totals = summarize([PLAN, SEATS, PACK, CALLS], Discount(percent_off=D(10)))
    assert totals.discount_minor == 300  # 10% of 3,000; not of the credit pack nor the usage
    assert totals.total_minor == 5000 - 300


def test_full_discount_leaves_one_offs_due():
    totals = summarize([PLAN, PACK], Discount(percent_off=D(100)))
    assert (totals.discount_minor, totals.total_minor) == (2900, 2000)
    assert summarize([PLAN], Discount(percent_off=D(100))).total_minor == 0


def test_fixed_coupon_is_capped_and_needs_the_currency():
    big = Discount(amounts_off={"USD": 10_000})
    totals = summarize([PLAN], big)
    assert (totals.discount_minor, totals.total_minor) == (2900, 0)
    with pytest.raises(DiscountError):
        summarize([PLAN], Discount(amounts_off={"EUR": 100}))


def test_currency_rules():
    euro = price_line(spec("flat", "EUR", amount_minor=100))
    with pytest.raises(CurrencyMismatchError, match="EUR, USD"):
        summarize([PLAN, euro])
    with pytest.raises(CurrencyMismatchError):
        summarize([PLAN], currency="EUR")
    with pytest.raises(CurrencyMismatchError, match="none"):
        summarize([])
    assert summarize([], currency="jpy") == Totals("JPY", 0, 0, 0, 0, 0, 0)
    assert summarize([PLAN], currency="usd").total_minor == 2900


def test_three_decimal_currency():
    lines = [price_line(spec("per_unit", "BHD", unit_amount=D("0.0004")), quantity=12345),
             price_line(spec("flat", "BHD", amount_minor=5500))]
    totals = summarize(lines, Discount(percent_off=D("12.5")))
    assert totals.subtotal_minor == 4938 + 5500
    assert totals.discount_minor == 1305  # 1304.75 → 1305
    assert totals.total_minor == 10438 - 1305
