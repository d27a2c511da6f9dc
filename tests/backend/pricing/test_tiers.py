"""Tiered prices: volume and graduated, inclusive bounds, flat fees, zero units."""

from decimal import Decimal

import pytest

from backend.pricing.tiers import graduated_parts, tier_index, tiered_amount
from tests.backend.pricing.builders import SEMANTICS_TIERS, D, tiers


def amount(mode: str, qty: int | Decimal, ts=SEMANTICS_TIERS, currency: str = "USD"):
    return tiered_amount(ts, mode, qty, currency=currency)


def test_semantics_page_example():
    assert amount("graduated", 1500) == D("650.00")  # 100 + 450 + 100
    assert amount("volume", 1500) == D("300.00")  # 1,500 × 0.20


@pytest.mark.parametrize(
    ("qty", "graduated", "volume"),
    [
        (0, "0", "0"),  # zero units cost nothing
        (1, "1.00", "1.00"),
        (99, "99.00", "99.00"),
        (100, "100.00", "100.00"),  # exactly at up_to: still the first tier
        (101, "100.50", "50.50"),  # one above: the second tier
        (1000, "550.00", "500.00"),
        (1001, "550.20", "200.20"),
        (1_000_000, "200350.00", "200000.00"),  # deep in the largest (unbounded) tier
    ],
)
def test_boundaries(qty, graduated, volume):
    assert amount("graduated", qty) == D(graduated)
    assert amount("volume", qty) == D(volume)


FEES = tiers((10, "0", 500), (50, "2.00", 1000), (None, "1.00"))


@pytest.mark.parametrize(
    ("qty", "graduated", "volume"),
    [
        (0, "0", "0"),  # no flat fee at zero units
        (1, "5.00", "5.00"),
        (10, "5.00", "5.00"),
        (11, "17.00", "32.00"),  # graduated: fee of tier 1 + 1 unit + fee of tier 2
        (50, "95.00", "110.00"),
        (51, "96.00", "51.00"),  # the last tier has no fee
        (60, "105.00", "60.00"),
    ],
)
def test_flat_fees(qty, graduated, volume):
    assert amount("graduated", qty, FEES) == D(graduated)
    assert amount("volume", qty, FEES) == D(volume)


@pytest.mark.parametrize("qty", [0, 1, 7, 10**9])
def test_a_single_tier_is_the_same_in_both_modes(qty):
    single = tiers((None, "0.35", 200))
    expected = D(0) if qty == 0 else D("0.35") * qty + D("2.00")
    assert amount("graduated", qty, single) == amount("volume", qty, single) == expected


@pytest.mark.parametrize(
    ("currency", "expected"),
    [("JPY", D("505")), ("USD", D("10")), ("KWD", D("5.5")), ("BHD", D("5.5"))],
)
def test_flat_fees_are_converted_by_the_currency_exponent(currency, expected):
    # 5 units at 1 plus a flat fee of 500 minor units: ¥500, $5.00, 0.500 KD
    assert amount("volume", 5, tiers((None, "1", 500)), currency) == expected


def test_fractional_usage_is_priced_exactly():
    # 100.5 units: 100 at $1.00, 0.5 at $0.50; the second tier holds part of a unit
    assert amount("graduated", D("100.5")) == D("100.25")
    assert amount("volume", D("100.5")) == D("50.25")
    with_fee = tiers((1, "0", 100), (None, "1", 300))
    assert amount("graduated", D("0.5"), with_fee) == D("1.00")  # a part unit uses the tier
    assert amount("graduated", D("1.5"), with_fee) == D("4.50")


@pytest.mark.parametrize(
    ("qty", "index"), [(0, 0), (1, 0), (100, 0), (101, 1), (1000, 1), (1001, 2), (10**12, 2)]
)
def test_tier_index(qty, index):
    assert tier_index(SEMANTICS_TIERS, qty) == index


def test_graduated_parts():
    assert graduated_parts(SEMANTICS_TIERS, 0) == []
    assert graduated_parts(SEMANTICS_TIERS, 100) == [(0, 100)]
    assert graduated_parts(SEMANTICS_TIERS, 101) == [(0, 100), (1, 1)]
    assert graduated_parts(SEMANTICS_TIERS, 1500) == [(0, 100), (1, 900), (2, 500)]


def test_refusals():
    with pytest.raises(ValueError, match="quantity"):
        amount("graduated", -1)
    with pytest.raises(ValueError, match="quantity"):
        tier_index(SEMANTICS_TIERS, -1)
    with pytest.raises(ValueError, match="tiers_mode"):
        amount("stairstep", 5)
    with pytest.raises(ValueError, match="unbounded"):
        amount("volume", 5, tiers((10, "1")))
    with pytest.raises(ValueError, match="unbounded"):
        tier_index(tiers((10, "1")), 11)
    with pytest.raises(ValueError, match="overlap"):
        amount("volume", 5, tiers((10, "1"), (10, "1"), (None, "1")))
