"""Money: minor units per ISO 4217, half-up rounding once, locale formatting."""

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.kit.money import (
    divide_minor,
    exponent,
    format_money,
    from_minor,
    is_currency,
    normalize_locale,
    to_minor,
)

NBSP = "\u00a0"
CURRENCIES = st.sampled_from(["USD", "EUR", "JPY", "KWD", "GBP", "CHF", "BHD", "CLP"])


@pytest.mark.parametrize(
    ("currency", "digits"), [("JPY", 0), ("USD", 2), ("EUR", 2), ("KWD", 3), ("BHD", 3), ("CLP", 0)]
)
def test_exponent(currency, digits):
    assert exponent(currency) == digits


def test_currency_codes():
    assert is_currency("USD") and is_currency("JPY") and is_currency("KWD")
    assert not is_currency("usd") and not is_currency("XAU") and not is_currency("ABC")
    assert not is_currency("XXX")


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [
        ("0.005", "USD", 1),  # half a cent rounds up
        ("0.00499", "USD", 0),
        ("-0.005", "USD", -1),  # away from zero
        ("29", "USD", 2900),
        ("1234.5", "JPY", 1235),
        ("1234.4", "JPY", 1234),
        ("1.2345", "KWD", 1235),
        ("0.0004", "USD", 0),
        ("2.675", "USD", 268),  # exact decimal, unlike the float 2.675
    ],
)
def test_to_minor_rounds_half_up_once(amount, currency, minor):
    assert to_minor(Decimal(amount), currency) == minor


@given(st.integers(min_value=-(10**15), max_value=10**15), CURRENCIES)
def test_from_minor_round_trips(minor, currency):
    major = from_minor(minor, currency)
    assert to_minor(major, currency) == minor
    assert major * (Decimal(10) ** exponent(currency)) == minor


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6, allow_nan=False), CURRENCIES)
def test_to_minor_is_within_half_a_unit(amount, currency):
    scaled = amount * (Decimal(10) ** exponent(currency))
    minor = to_minor(amount, currency)
    assert abs(minor - scaled) <= Decimal("0.5")
    if abs(minor - scaled) == Decimal("0.5"):
        assert abs(minor) > abs(scaled)  # ties go away from zero


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=36))
def test_divide_minor_half_up(amount, divisor):
    result = divide_minor(amount, divisor)
    assert abs(Decimal(result) - Decimal(amount) / divisor) <= Decimal("0.5")
    if (2 * amount) % (2 * divisor) == divisor:  # an exact half
        assert result * divisor > amount


@pytest.mark.parametrize(
    ("minor", "currency", "locale", "text"),
    [
        (123450, "USD", "en_US", "$1,234.50"),
        (123450, "EUR", "de_DE", f"1.234,50{NBSP}€"),
        (1235, "JPY", "en_US", "¥1,235"),
        (2900, "USD", "en_US", "$29"),  # whole amounts drop the decimals
        (29000, "USD", "en_US", "$290"),
        (7500, "EUR", "de_DE", f"75{NBSP}€"),
        (6250, "EUR", "de_DE", f"62,50{NBSP}€"),
        (2417, "USD", "en_US", "$24.17"),
        (5, "USD", "en_US", "$0.05"),
        (0, "USD", "en_US", "$0"),
        (-2900, "USD", "en_US", "-$29"),
        (2900, "EUR", "fr_FR", f"29{NBSP}€"),
        (1234567, "KWD", "en_US", "KWD1,234.567"),
        (100000000, "USD", "de-DE", f"1.000.000{NBSP}$"),
        (2900, "USD", "not-a-locale", "$29"),
    ],
)
def test_format_money(minor, currency, locale, text):
    assert format_money(minor, currency, locale) == text


@given(st.integers(min_value=0, max_value=10**12))
def test_formatted_digits_match_the_amount(minor):
    digits = re.sub(r"\D", "", format_money(minor, "USD", "en_US"))
    if minor % 100 == 0:
        assert digits == str(minor // 100)  # no decimals
    else:
        assert int(digits) == minor and digits.endswith(f"{minor % 100:02d}")


def test_normalize_locale():
    assert normalize_locale("de-DE") == "de_DE"
    assert normalize_locale("en") == "en"
    assert normalize_locale(None) == "en_US"
    assert normalize_locale("", "fr_FR") == "fr_FR"
    assert normalize_locale("xx-YY") == "en_US"
