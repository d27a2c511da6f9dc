"""Property tests of the pricing engine (hypothesis), against an exact Fraction oracle."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backend.pricing.discounts import Discount, discount_minor
from backend.pricing.exact import ceil_div
from backend.pricing.lines import Line, price_line
from backend.pricing.model import Tier
from backend.pricing.quantity import clamp_quantity, validate_quantity
from backend.pricing.tiers import tier_index, tiered_amount
from backend.pricing.totals import summarize
from tests.backend.pricing.builders import (
    currencies,
    fees,
    half_up_minor,
    minor_to_major,
    oracle_tiered,
    quantities,
    small_unit_prices,
    spec,
    tier_lists,
    unit_prices,
)

FAST = settings(max_examples=200, deadline=None)
modes = st.sampled_from(["volume", "graduated"])
blocks = st.integers(min_value=1, max_value=5000)
usages = st.one_of(quantities, st.decimals(min_value=0, max_value=10**6, places=3))


# -- tiers -----------------------------------------------------------------------------------


@FAST
@given(tier_lists(), quantities, quantities, currencies)
def test_graduated_is_monotone_in_quantity(ts, a, b, currency):
    low, high = sorted((a, b))
    assert (tiered_amount(ts, "graduated", low, currency=currency)
            <= tiered_amount(ts, "graduated", high, currency=currency))


@FAST
@given(unit_prices, fees, quantities, currencies)
def test_one_tier_volume_equals_graduated(unit, fee, qty, currency):
    ts = [Tier(up_to=None, unit_amount=unit, flat_amount_minor=fee)]
    assert (tiered_amount(ts, "volume", qty, currency=currency)
            == tiered_amount(ts, "graduated", qty, currency=currency))


@FAST
@given(tier_lists(), modes, st.one_of(quantities, st.decimals(0, 20_000, places=2)), currencies)
def test_tiered_matches_the_exact_oracle(ts, mode, qty, currency):
    amount = tiered_amount(ts, mode, qty, currency=currency)
    assert Fraction(amount) == oracle_tiered(ts, mode, qty, currency)


@FAST
@given(tier_lists(), quantities)
def test_tier_index_respects_inclusive_bounds(ts, qty):
    i = tier_index(ts, qty)
    assert ts[i].up_to is None or qty <= ts[i].up_to
    assert i == 0 or qty > ts[i - 1].up_to


@FAST
@given(tier_lists(), modes, quantities, currencies)
def test_tiered_zero_costs_nothing_and_amounts_are_non_negative(ts, mode, qty, currency):
    assert tiered_amount(ts, mode, 0, currency=currency) == 0
    assert tiered_amount(ts, mode, qty, currency=currency) >= 0


# -- every model against the oracle: exact amount, rounded once -------------------------------


@st.composite
def priced(draw: st.DrawFn) -> tuple[Line, Fraction]:
    """A line of a random model with its exact amount from the oracle."""
    cur = draw(currencies)
    model = draw(st.sampled_from(["flat", "per_unit", "tiered", "package", "usage", "overage",
                                  "credit_pack"]))
    unit = draw(st.one_of(unit_prices, small_unit_prices))
    if model == "flat":
        amount = draw(fees)
        return price_line(spec("flat", cur, amount_minor=amount)), minor_to_major(amount, cur)
    if model == "per_unit":
        q = draw(quantities)
        return price_line(spec("per_unit", cur, unit_amount=unit), quantity=q), Fraction(unit) * q
    if model == "tiered":
        ts, mode, q = draw(tier_lists()), draw(modes), draw(quantities)
        line = price_line(spec("tiered", cur, tiers=ts, tiers_mode=mode), quantity=q)
        return line, oracle_tiered(ts, mode, q, cur)
    if model == "package":
        price, size, free, q = draw(fees), draw(blocks), draw(quantities), draw(quantities)
        line = price_line(spec("package", cur, amount_minor=price, block_size=size,
                               free_units=free), quantity=q)
        n = max(0, -(-(q - free) // size))
        return line, minor_to_major(price, cur) * n
    if model in ("usage", "overage"):
        used, size = draw(usages), draw(st.none() | blocks)
        free = draw(quantities) if model == "overage" else None
        line = price_line(spec(model, cur, unit_amount=unit, block_size=size, free_units=free),
                          usage=used)
        billable = max(Fraction(0), Fraction(used) - (free or 0))
        charged = billable if size is None else -(-billable // size)
        return line, Fraction(unit) * charged
    packs, price = draw(st.integers(0, 1000)), draw(fees)
    line = price_line(spec("credit_pack", cur, amount_minor=price, credits=10), quantity=packs)
    return line, minor_to_major(price, cur) * packs


@FAST
@given(priced())
def test_every_line_is_exact_then_rounded_once_half_up(case):
    line, exact = case
    assert Fraction(line.amount) == exact
    assert line.amount_minor == half_up_minor(exact, line.currency)


@FAST
@given(st.lists(priced(), min_size=1, max_size=8), currencies)
def test_totals_are_sums_of_rounded_lines(cases, currency):
    # lines of several currencies cannot be summed: keep those in one currency
    lines = [line for line, _ in cases if line.currency == currency]
    assume(lines)
    totals = summarize(lines)
    assert totals.subtotal_minor == sum(x.amount_minor for x in lines if x.kind != "usage")
    assert totals.usage_minor == sum(x.amount_minor for x in lines if x.kind == "usage")
    assert totals.total_minor == totals.subtotal_minor


# -- models ----------------------------------------------------------------------------------


@FAST
@given(unit_prices, quantities, quantities, currencies)
def test_per_unit_is_linear_in_quantity(unit, a, b, currency):
    p = spec("per_unit", currency, unit_amount=unit)

    def amount(q: int) -> Decimal:
        return price_line(p, quantity=q).amount

    assert amount(a + b) == amount(a) + amount(b)
    assert amount(a) == unit * a
    assert abs(price_line(p, quantity=a + b).amount_minor
               - price_line(p, quantity=a).amount_minor
               - price_line(p, quantity=b).amount_minor) <= 1  # two roundings vs one


@FAST
@given(fees, blocks, quantities, quantities, quantities)
def test_package_is_monotone(price, size, free, a, b):
    p = spec("package", amount_minor=price, block_size=size, free_units=free)
    low, high = sorted((a, b))
    assert price_line(p, quantity=low).amount_minor <= price_line(p, quantity=high).amount_minor


@FAST
@given(unit_prices, st.none() | blocks, quantities, st.data())
def test_overage_is_zero_up_to_the_included_amount(unit, size, included, data):
    used = data.draw(st.integers(0, included))
    p = spec("overage", unit_amount=unit, block_size=size, free_units=included)
    line = price_line(p, usage=used)
    assert (line.amount, line.amount_minor, line.billable_units) == (0, 0, 0)
    assert price_line(p, usage=included + 1).billable_units == 1


@FAST
@given(st.one_of(quantities, st.decimals(0, 10**6, places=3)), blocks)
def test_ceil_div_is_exact(units, size):
    assert ceil_div(units, size) == -(-Fraction(units) // size)


@FAST
@given(st.none() | st.integers(0, 100), st.none() | st.integers(1, 200), st.integers(-50, 300))
def test_a_clamped_quantity_is_always_valid(low, high, qty):
    assume(low is None or high is None or low <= high)
    p = spec("per_unit", unit_amount=Decimal(1), min_quantity=low, max_quantity=high)
    clamped = clamp_quantity(p, qty)
    assert validate_quantity(p, clamped) == clamped
    if (low is None or qty >= low) and qty >= 0 and (high is None or qty <= high):
        assert clamped == qty


# -- discounts -------------------------------------------------------------------------------

percents = st.decimals(min_value=Decimal("0.0001"), max_value=100, places=4)
discounts = st.one_of(
    percents.map(lambda p: Discount(percent_off=p)),
    st.dictionaries(currencies, st.integers(1, 10**7), min_size=1).map(
        lambda a: Discount(amounts_off=a)),
)


@FAST
@given(st.integers(-10**6, 10**12), currencies, discounts)
def test_a_discount_never_exceeds_the_subtotal(subtotal, currency, discount):
    assume(discount.amounts_off is None or currency in discount.amounts_off)
    off = discount_minor(subtotal, currency, discount)
    assert 0 <= off <= max(subtotal, 0)
    if discount.percent_off is not None and subtotal >= 0:
        exact = Fraction(subtotal) * Fraction(discount.percent_off) / 100
        assert off == half_up_minor(exact, "JPY")  # rounded once, half-up, to whole minor units


@FAST
@given(st.lists(priced(), min_size=1, max_size=6), discounts)
def test_no_total_goes_below_zero_after_a_coupon(cases, discount):
    currency = cases[0][0].currency
    lines = [line for line, _ in cases if line.currency == currency]
    assume(discount.amounts_off is None or currency in discount.amounts_off)
    totals = summarize(lines, discount)
    assert 0 <= totals.discount_minor <= totals.recurring_minor
    assert totals.total_minor == totals.subtotal_minor - totals.discount_minor >= 0


@FAST
@given(st.integers(0, 10**12), currencies)
def test_a_full_percentage_discount_leaves_nothing(subtotal, currency):
    assert discount_minor(subtotal, currency, Discount(percent_off=Decimal(100))) == subtotal
    line = price_line(spec("flat", currency, amount_minor=subtotal))
    assert summarize([line], Discount(percent_off=Decimal(100))).total_minor == 0
