"""Caption data for every model: what one price buys, blocks, included units (no wording)."""

import pytest

from backend.pricing.captions import UnitCaption, unit_caption_parts, whole_minor
from tests.backend.pricing.builders import SEMANTICS_TIERS, D, spec, tiers


def test_flat():
    c = unit_caption_parts(spec("flat", "EUR", "annual", amount_minor=29000))
    assert c == UnitCaption(model="flat", currency="EUR", billing_period="annual",
                            feature_id=None, per="period", price=D("290.00"), price_minor=29000)


def test_per_unit_with_limits():
    c = unit_caption_parts(spec("per_unit", unit_amount=D("12.50"), feature_id="seats",
                                min_quantity=1, max_quantity=50))
    assert (c.per, c.price, c.price_minor, c.feature_id) == ("unit", D("12.50"), 1250, "seats")
    assert (c.min_quantity, c.max_quantity, c.in_arrears) == (1, 50, False)


def test_sub_cent_usage_has_no_whole_minor_price():
    c = unit_caption_parts(spec("usage", unit_amount=D("0.0004")))
    assert (c.per, c.price, c.price_minor, c.in_arrears) == ("unit", D("0.0004"), None, True)


def test_usage_per_block():  # "$2 per 1,000 API calls"
    c = unit_caption_parts(spec("usage", unit_amount=D(2), block_size=1000))
    assert (c.per, c.block_size, c.price, c.price_minor) == ("block", 1000, D(2), 200)


def test_overage_reports_included_units():  # "10,000 included, then $5 per 1,000"
    c = unit_caption_parts(spec("overage", unit_amount=D(5), block_size=1000, free_units=10_000))
    assert (c.per, c.block_size, c.included_units, c.in_arrears) == ("block", 1000, 10_000, True)


def test_package():
    c = unit_caption_parts(spec("package", "JPY", amount_minor=500, block_size=100,
                                free_units=50))
    assert (c.per, c.price, c.price_minor, c.block_size, c.included_units) \
        == ("block", D(500), 500, 100, 50)


def test_tiered_gives_the_first_tier_and_mode():
    c = unit_caption_parts(spec("tiered", tiers=SEMANTICS_TIERS, tiers_mode="graduated"))
    assert (c.per, c.price, c.tiers_mode) == ("unit", D("1.00"), "graduated")


@pytest.mark.parametrize(
    ("kw", "price"),
    [({}, D("9.900")), ({"tiers": tiers((4, "9"), (None, "8"))}, D(9))],
)
def test_credit_pack(kw, price):
    c = unit_caption_parts(spec("credit_pack", "KWD", amount_minor=9900, credits=250, **kw))
    assert (c.per, c.price, c.credits, c.in_arrears) == ("pack", price, 250, False)
    assert c.tiers_mode == ("volume" if kw else None)


@pytest.mark.parametrize(
    ("amount", "currency", "minor"),
    [(D("0.0004"), "USD", None), (D("0.01"), "USD", 1), (D("1.5"), "JPY", None),
     (D(3), "JPY", 3), (D("0.001"), "BHD", 1), (D("0.0015"), "BHD", None)],
)
def test_whole_minor(amount, currency, minor):
    assert whole_minor(amount, currency) == minor
