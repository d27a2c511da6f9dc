"""Worked examples for every price model, with boundaries and 0/2/3-decimal currencies."""

from decimal import Decimal
from fractions import Fraction

import pytest

from backend.pricing.lines import Line, credits_granted, price_line, starting_price
from backend.pricing.quantity import QuantityError
from tests.backend.pricing.builders import SEMANTICS_TIERS, D, half_up_minor, spec, tiers

# -- flat ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("currency", "amount_minor", "amount"),
    [("USD", 2900, D("29.00")), ("JPY", 1000, D(1000)), ("KWD", 12345, D("12.345")),
     ("BHD", 1, D("0.001")), ("EUR", 0, D(0))],
)
def test_flat(currency, amount_minor, amount):
    line = price_line(spec("flat", currency, "annual", amount_minor=amount_minor),
                      description="Pro")
    assert line == Line(description="Pro", kind="recurring", model="flat", feature_id=None,
                        quantity=1, unit_amount=None, amount=amount, amount_minor=amount_minor,
                        currency=currency, billing_period="annual", billable_units=1)


def test_flat_ignores_quantity():
    assert price_line(spec("flat", amount_minor=2900), quantity=7).amount_minor == 2900


# -- per unit --------------------------------------------------------------------------------

SEATS = spec("per_unit", unit_amount=D("12.50"), feature_id="seats", min_quantity=2,
             max_quantity=10)


def test_per_unit():
    line = price_line(SEATS, quantity=3, description="Seats")
    assert (line.kind, line.feature_id, line.quantity) == ("recurring", "seats", 3)
    assert (line.unit_amount, line.amount, line.amount_minor) == (D("12.50"), D("37.50"), 3750)


@pytest.mark.parametrize(("qty", "minor"), [(2, 2500), (10, 12500)])
def test_per_unit_limits_are_inclusive(qty, minor):
    assert price_line(SEATS, quantity=qty).amount_minor == minor


def test_per_unit_defaults_to_the_minimum_or_one():
    assert price_line(SEATS).quantity == 2
    assert price_line(spec("per_unit", unit_amount=D(3))).quantity == 1
    assert price_line(spec("per_unit", unit_amount=D(3), min_quantity=0)).quantity == 1


def test_per_unit_zero_quantity_costs_nothing_when_allowed():
    line = price_line(spec("per_unit", unit_amount=D(3)), quantity=0)
    assert (line.amount, line.amount_minor) == (0, 0)


@pytest.mark.parametrize(
    ("qty", "field", "message"),
    [(1, "quantity", "at least 2"), (11, "quantity", "at most 10"), (-1, "quantity", "negative"),
     (D("2.5"), "quantity", "whole number"), (True, "quantity", "whole number"),
     (3.0, "quantity", "whole number")],
)
def test_per_unit_rejects_invalid_quantities(qty, field, message):
    with pytest.raises(QuantityError, match=message) as err:
        price_line(SEATS, quantity=qty)
    assert err.value.field == field
    assert isinstance(err.value, ValueError)


def test_per_unit_is_not_priced_by_usage():
    with pytest.raises(QuantityError) as err:
        price_line(SEATS, usage=3)
    assert err.value.field == "usage"


@pytest.mark.parametrize(
    ("currency", "unit", "qty", "amount", "minor"),
    [
        ("USD", "0.005", 1, "0.005", 1),  # half a cent rounds up
        ("USD", "0.004999", 1, "0.004999", 0),
        ("USD", "0.0004", 12345, "4.9380", 494),
        ("JPY", "0.5", 1, "0.5", 1),
        ("JPY", "99.5", 3, "298.5", 299),
        ("JPY", "99.4", 3, "298.2", 298),
        ("KWD", "0.0005", 1, "0.0005", 1),  # half a fils rounds up
        ("KWD", "1.2345", 2, "2.4690", 2469),
        ("BHD", "0.0004", 12345, "4.9380", 4938),
        ("EUR", "0.333", 3, "0.999", 100),
    ],
)
def test_per_unit_currencies_and_sub_minor_prices(currency, unit, qty, amount, minor):
    line = price_line(spec("per_unit", currency, unit_amount=D(unit)), quantity=qty)
    assert line.amount == D(amount)
    assert line.amount_minor == minor


def test_rounding_happens_once_per_line_not_per_unit():
    # 3 × $0.333 rounded per unit would be 3 × 33 = 99 cents; rounded once it is 100
    line = price_line(spec("per_unit", unit_amount=D("0.333")), quantity=3)
    assert line.amount_minor == 100


def test_huge_amounts_stay_exact():
    unit, qty = D("999999999.999999"), 2**63 - 1
    line = price_line(spec("per_unit", "KWD", unit_amount=unit), quantity=qty)
    exact = Fraction(unit) * qty
    assert Fraction(line.amount) == exact  # not rounded to the default 28 digits
    assert unit * qty != line.amount  # (which the default context would have done)
    assert line.amount_minor == half_up_minor(exact, "KWD")


# -- tiered ----------------------------------------------------------------------------------

GRADUATED = spec("tiered", tiers=SEMANTICS_TIERS, tiers_mode="graduated")
VOLUME = spec("tiered", tiers=SEMANTICS_TIERS, tiers_mode="volume")


@pytest.mark.parametrize(
    ("qty", "graduated", "volume", "tier"),
    [(0, 0, 0, None), (100, 10000, 10000, 0), (101, 10050, 5050, 1), (1000, 55000, 50000, 1),
     (1001, 55020, 20020, 2), (1500, 65000, 30000, 2)],
)
def test_tiered_lines(qty, graduated, volume, tier):
    g, v = price_line(GRADUATED, quantity=qty), price_line(VOLUME, quantity=qty)
    assert (g.amount_minor, v.amount_minor) == (graduated, volume)
    assert (g.tier, g.unit_amount) == (None, None)
    assert v.tier == tier
    assert v.unit_amount == (None if tier is None else SEMANTICS_TIERS[tier].unit_amount)


def test_tiered_mode_defaults_to_volume():
    assert spec("tiered", tiers=SEMANTICS_TIERS).tiers_mode == "volume"
    assert price_line(spec("tiered", tiers=SEMANTICS_TIERS), quantity=1500).amount_minor == 30000


def test_tiered_by_quantity_is_recurring_and_by_usage_is_usage():
    assert price_line(GRADUATED, quantity=1500).kind == "recurring"
    line = price_line(GRADUATED, usage=1500)
    assert (line.kind, line.quantity, line.amount_minor) == ("usage", 1500, 65000)


def test_tiered_needs_exactly_one_of_quantity_or_usage():
    with pytest.raises(QuantityError, match="needs a quantity or a usage"):
        price_line(GRADUATED)
    with pytest.raises(QuantityError, match="not both"):
        price_line(GRADUATED, quantity=1, usage=1)


def test_tiered_quantity_limits_apply_to_quantity_not_to_measured_usage():
    limited = spec("tiered", tiers=SEMANTICS_TIERS, min_quantity=5, max_quantity=50)
    with pytest.raises(QuantityError, match="at most 50"):
        price_line(limited, quantity=51)
    assert price_line(limited, usage=51).amount_minor == 5100  # 51 × $1.00


def test_tiered_with_sub_cent_tiers_rounds_once():
    # graduated: 1,000 × $0.0004 + 234 × $0.0003 = 0.4 + 0.0702 = $0.4702 → 47¢
    ts = tiers((1000, "0.0004"), (None, "0.0003"))
    line = price_line(spec("tiered", tiers=ts, tiers_mode="graduated"), usage=1234)
    assert (line.amount, line.amount_minor) == (D("0.4702"), 47)


@pytest.mark.parametrize(("currency", "minor"), [("JPY", 650), ("KWD", 650000), ("BHD", 650000)])
def test_tiered_in_other_currencies(currency, minor):
    line = price_line(spec("tiered", currency, tiers=SEMANTICS_TIERS, tiers_mode="graduated"),
                      quantity=1500)
    assert line.amount_minor == minor


# -- package / block -------------------------------------------------------------------------

PACKAGE = spec("package", amount_minor=1000, block_size=1000, free_units=500)


@pytest.mark.parametrize(
    ("units", "blocks", "billable"),
    [(0, 0, 0), (499, 0, 0), (500, 0, 0),  # free units exactly used up
     (501, 1, 1), (1500, 1, 1000), (1501, 2, 1001),  # one unit over a block
     (10_500, 10, 10_000)],
)
def test_package(units, blocks, billable):
    line = price_line(PACKAGE, quantity=units)
    assert (line.blocks, line.billable_units) == (blocks, billable)
    assert line.amount_minor == 1000 * blocks
    assert line.unit_amount == D("10.00")  # price of one block


@pytest.mark.parametrize(("units", "blocks"), [(0, 0), (1, 1), (1000, 1), (1001, 2), (2000, 2)])
def test_package_without_free_units(units, blocks):
    line = price_line(spec("package", amount_minor=250, block_size=1000), quantity=units)
    assert line.amount_minor == 250 * blocks


def test_package_by_usage_is_billed_in_arrears_and_takes_fractions():
    line = price_line(spec("package", "JPY", amount_minor=100, block_size=10), usage=D("10.5"))
    assert (line.kind, line.blocks, line.amount, line.amount_minor) == ("usage", 2, D(200), 200)


# -- usage -----------------------------------------------------------------------------------


def test_usage_sub_cent_unit_price():
    line = price_line(spec("usage", unit_amount=D("0.0004")), usage=12345)
    assert (line.kind, line.amount, line.amount_minor) == ("usage", D("4.938"), 494)


@pytest.mark.parametrize("usage", [None, 0, D(0)])
def test_no_usage_costs_nothing(usage):
    line = price_line(spec("usage", unit_amount=D("0.0004")), usage=usage)
    assert (line.amount, line.amount_minor) == (0, 0)


def test_usage_accepts_fractional_measurements():
    line = price_line(spec("usage", "EUR", unit_amount=D("0.10")), usage=D("2.55"))
    assert (line.amount, line.amount_minor) == (D("0.255"), 26)


@pytest.mark.parametrize(("usage", "blocks"), [(0, 0), (1, 1), (1000, 1), (1001, 2), (5000, 5)])
def test_usage_per_block(usage, blocks):
    line = price_line(spec("usage", unit_amount=D("2.00"), block_size=1000), usage=usage)
    assert (line.blocks, line.amount_minor, line.unit_amount) == (blocks, 200 * blocks, D(2))


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [({"quantity": 3}, "quantity", "priced by usage"), ({"usage": -1}, "usage", "negative"),
     ({"usage": 1.5}, "usage", "int or a Decimal"), ({"usage": D("NaN")}, "usage", "finite"),
     ({"usage": D("Infinity")}, "usage", "finite"), ({"usage": False}, "usage", "int")],
)
def test_usage_refusals(kw, field, message):
    with pytest.raises(QuantityError, match=message) as err:
        price_line(spec("usage", unit_amount=D(1)), **kw)
    assert err.value.field == field


# -- overage ---------------------------------------------------------------------------------

OVERAGE = spec("overage", unit_amount=D("0.01"), free_units=1000)


@pytest.mark.parametrize(
    ("usage", "billable", "minor"),
    [(0, 0, 0), (999, 0, 0), (1000, 0, 0), (1001, 1, 1), (1500, 500, 500)],
)
def test_overage_per_unit(usage, billable, minor):
    line = price_line(OVERAGE, usage=usage)
    assert (line.kind, line.quantity, line.billable_units) == ("usage", usage, billable)
    assert line.amount_minor == minor


@pytest.mark.parametrize(
    ("usage", "blocks"), [(10_000, 0), (10_001, 1), (11_000, 1), (11_001, 2), (12_001, 3)]
)
def test_overage_per_block(usage, blocks):
    blocky = spec("overage", unit_amount=D(5), block_size=1000, free_units=10_000)
    line = price_line(blocky, usage=usage)
    assert (line.blocks, line.amount_minor) == (blocks, 500 * blocks)


def test_overage_without_included_amount_charges_everything():
    assert price_line(spec("overage", unit_amount=D("0.01")), usage=3).amount_minor == 3


# -- credit packs ----------------------------------------------------------------------------

PACK = spec("credit_pack", amount_minor=1000, credits=100)


def test_credit_pack():
    line = price_line(PACK, quantity=3)
    assert (line.kind, line.quantity, line.credits) == ("one_off", 3, 300)
    assert (line.unit_amount, line.amount_minor) == (D("10.00"), 3000)
    assert price_line(PACK).quantity == 1
    assert price_line(PACK, quantity=0).amount_minor == 0


def test_credit_pack_may_name_its_credit_feature():
    line = price_line(spec("credit_pack", amount_minor=1, credits=1, feature_id="ai"))
    assert line.feature_id == "ai"


PACK_TIERS = tiers((4, "10.00"), (9, "9.00"), (None, "8.00"))


@pytest.mark.parametrize(
    ("packs", "minor", "tier"), [(1, 1000, 0), (4, 4000, 0), (5, 4500, 1), (9, 8100, 1),
                                 (10, 8000, 2)]
)
def test_credit_pack_volume_tiers_by_number_of_packs(packs, minor, tier):
    tiered = spec("credit_pack", amount_minor=1000, credits=100, tiers=PACK_TIERS)
    line = price_line(tiered, quantity=packs)
    assert (line.amount_minor, line.tier, line.credits) == (minor, tier, 100 * packs)


def test_credit_pack_graduated_tiers_and_limits():
    tiered = spec("credit_pack", "JPY", amount_minor=1000, credits=50, tiers_mode="graduated",
                  tiers=tiers((2, "1000"), (None, "800")), max_quantity=5)
    assert price_line(tiered, quantity=3).amount_minor == 2800
    with pytest.raises(QuantityError, match="at most 5"):
        price_line(tiered, quantity=6)
    with pytest.raises(QuantityError):
        price_line(tiered, usage=1)


def test_credits_granted():
    assert credits_granted(PACK, 7) == 700
    assert credits_granted(PACK, 0) == 0
    assert credits_granted(SEATS, 7) == 0


# -- starting price --------------------------------------------------------------------------


def test_starting_price_of_each_model():
    assert starting_price(spec("flat", amount_minor=2900)).amount_minor == 2900
    assert starting_price(SEATS).amount_minor == 2500  # the minimum, 2 seats
    assert starting_price(spec("per_unit", unit_amount=D(3), min_quantity=0)).quantity == 1
    assert starting_price(GRADUATED).amount_minor == 100  # one unit
    fee = spec("tiered", tiers=tiers((10, "0.50", 2000), (None, "0.25")))
    assert starting_price(fee).amount_minor == 2050  # one unit, with the tier's flat fee
    assert starting_price(spec("tiered", tiers=SEMANTICS_TIERS, min_quantity=150)).amount_minor \
        == 7500  # volume: 150 × $0.50
    package = starting_price(PACKAGE)
    assert (package.amount_minor, package.blocks, package.quantity) == (1000, 1, 1500)
    assert starting_price(spec("usage", unit_amount=D("0.0004"))) is None
    assert starting_price(OVERAGE) is None
    pack = starting_price(PACK, description="100 credits")
    assert (pack.amount_minor, pack.credits, pack.description) == (1000, 100, "100 credits")


def test_lines_carry_price_identity():
    line = price_line(spec("per_unit", "EUR", "quarterly", unit_amount=D(4), feature_id="seats"),
                      quantity=2, description="Seats")
    assert (line.currency, line.billing_period, line.model, line.feature_id, line.description) \
        == ("EUR", "quarterly", "per_unit", "seats", "Seats")
    assert isinstance(line.amount, Decimal) and isinstance(line.amount_minor, int)
