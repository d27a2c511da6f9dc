"""Coupons: a percentage rounded once half-up, or a fixed amount per currency, capped."""

from decimal import Decimal

import pytest

from backend.pricing.discounts import Discount, DiscountError, discount_minor
from tests.backend.pricing.builders import D


@pytest.mark.parametrize(
    ("subtotal", "currency", "percent", "off"),
    [
        (2900, "USD", D(20), 580),
        (999, "USD", D(15), 150),  # 149.85 → 150
        (4, "USD", D("12.5"), 1),  # 0.5 → 1, half up
        (3, "USD", D("12.5"), 0),  # 0.375 → 0
        (1234, "JPY", D(10), 123),  # ¥123.4 → ¥123
        (1235, "JPY", D(10), 124),  # ¥123.5 → ¥124
        (12345, "KWD", D("33.3333"), 4115),  # 4114.99… → 4115
        (2900, "USD", D(100), 2900),
        (2900, "USD", 50, 1450),  # an int percentage is fine
        (0, "USD", D(50), 0),
        (-500, "USD", D(50), 0),  # a credit balance is never "discounted" further
    ],
)
def test_percentage(subtotal, currency, percent, off):
    assert discount_minor(subtotal, currency, Discount(percent_off=percent)) == off


def test_fixed_amount_per_currency():
    coupon = Discount(amounts_off={"usd": 500, "JPY": 700}, name="WELCOME")
    assert coupon.amounts_off == {"USD": 500, "JPY": 700}
    assert discount_minor(2900, "USD", coupon) == 500
    assert discount_minor(2900, "usd", coupon) == 500
    assert discount_minor(400, "USD", coupon) == 400  # never more than the subtotal
    assert discount_minor(0, "JPY", coupon) == 0


def test_fixed_amount_without_the_currency_is_refused():
    coupon = Discount(amounts_off={"USD": 500}, name="WELCOME")
    with pytest.raises(DiscountError, match="'WELCOME' has no amount in EUR") as err:
        discount_minor(2900, "EUR", coupon)
    assert err.value.field == "currency"
    with pytest.raises(DiscountError, match="has no amount in EUR"):
        discount_minor(0, "EUR", Discount(amounts_off={"USD": 500}))


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({}, "percent_off"),
        ({"percent_off": D(10), "amounts_off": {"USD": 1}}, "percent_off"),
        ({"percent_off": D(0)}, "percent_off"),
        ({"percent_off": D("100.01")}, "percent_off"),
        ({"percent_off": D(-5)}, "percent_off"),
        ({"percent_off": D("NaN")}, "percent_off"),
        ({"percent_off": 12.5}, "percent_off"),
        ({"percent_off": True}, "percent_off"),
        ({"amounts_off": {}}, "amounts_off"),
        ({"amounts_off": {"ZZZ": 100}}, "amounts_off"),
        ({"amounts_off": {"USD": 0}}, "amounts_off"),
        ({"amounts_off": {"USD": -100}}, "amounts_off"),
        ({"amounts_off": {"USD": 1.5}}, "amounts_off"),
    ],
)
def test_invalid_discounts(kw, field):
    with pytest.raises(DiscountError) as err:
        Discount(**kw)
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}: ")


def test_percent_is_stored_as_decimal():
    assert isinstance(Discount(percent_off=25).percent_off, Decimal)
