"""Card number checks (pure): Luhn, separators, brands, expiry."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.payments.cards import brand_of, full_year, is_expired, luhn_valid, normalize_number
from tests.backend.payments.conftest import TEST_CARDS


@pytest.mark.parametrize("number", [*TEST_CARDS, "378282246310005", "4111111111111111"])
def test_known_numbers_pass_luhn(number):
    assert luhn_valid(number)


def test_separators_are_dropped_and_errors_never_echo_the_number():
    assert normalize_number(" 4242 4242-4242 4242 ") == "4242424242424242"
    for bad in ("4242424242424241", "4242 4242 4242 424x", "42424242", "4" * 20, ""):
        with pytest.raises(ValueError) as refused:
            normalize_number(bad)
        assert bad.strip() == "" or bad.replace(" ", "") not in str(refused.value)


@given(st.text(alphabet="0123456789", min_size=11, max_size=18), st.integers(1, 9))
def test_changing_one_digit_breaks_the_check(body, delta):
    check = next(d for d in "0123456789" if luhn_valid(body + d))
    number = body + check
    changed = number[:-1] + str((int(number[-1]) + delta) % 10)
    assert luhn_valid(number) and not luhn_valid(changed)


@pytest.mark.parametrize(("number", "brand"), [
    ("4242424242424242", "visa"), ("5555555555554444", "mastercard"),
    ("2223003122003222", "mastercard"), ("378282246310005", "amex"),
    ("6011111111111117", "unknown"),
])
def test_brand(number, brand):
    assert brand_of(number) == brand


def test_expiry():
    assert full_year(28) == 2028 and full_year(2031) == 2031
    assert not is_expired(3, 2026, 2026, 3)  # valid through the end of its month
    assert is_expired(2, 2026, 2026, 3)
    assert is_expired(12, 2025, 2026, 1)
    assert not is_expired(1, 2027, 2026, 12)
