"""Test helpers: price specs in one line, an independent exact oracle, hypothesis strategies."""

import math
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

from backend.kit.money import exponent
from backend.pricing.model import FEATURE_MODELS, PriceSpec, Tier

CURRENCIES = ["JPY", "USD", "EUR", "KWD", "BHD"]  # 0, 2, 2, 3, 3 decimals


def D(value: str | int) -> Decimal:
    return Decimal(value)


def spec(model: str, currency: str = "USD", period: str = "monthly", **kw: object) -> PriceSpec:
    """A validated PriceSpec; feature-priced models get a feature unless one is given."""
    if model in FEATURE_MODELS:
        kw.setdefault("feature_id", "api_calls")
    return PriceSpec(billing_period=period, currency=currency, model=model, **kw)  # type: ignore[arg-type]


def tiers(*rows: tuple) -> list[Tier]:
    """Tiers from (up_to, unit_amount[, flat_amount_minor]) rows; up_to None = unbounded."""
    return [Tier(up_to=r[0], unit_amount=D(r[1]), flat_amount_minor=r[2] if len(r) > 2 else 0)
            for r in rows]


# The worked example of the semantics page: ≤100 @ $1.00, ≤1,000 @ $0.50, beyond @ $0.20.
SEMANTICS_TIERS = tiers((100, "1.00"), (1000, "0.50"), (None, "0.20"))


def half_up_minor(major: Fraction, currency: str) -> int:
    """Oracle: an exact non-negative major amount rounded half-up to minor units."""
    assert major >= 0
    return math.floor(major * 10 ** exponent(currency) + Fraction(1, 2))


def minor_to_major(amount_minor: int, currency: str) -> Fraction:
    return Fraction(amount_minor, 10 ** exponent(currency))


def oracle_tiered(ts: list[Tier], mode: str, qty: int | Decimal, currency: str) -> Fraction:
    """Tier arithmetic re-derived with Fractions: bounds as [lower, upper) ranges per tier."""
    q = Fraction(qty)
    if q == 0:
        return Fraction(0)
    lowers = [Fraction(0)] + [Fraction(t.up_to) for t in ts[:-1]]  # type: ignore[arg-type]
    if mode == "volume":
        i = max(k for k, low in enumerate(lowers) if q > low)
        return Fraction(ts[i].unit_amount) * q + minor_to_major(ts[i].flat_amount_minor, currency)
    total = Fraction(0)
    for t, low in zip(ts, lowers, strict=True):
        high = Fraction(t.up_to) if t.up_to is not None else q
        inside = max(Fraction(0), min(q, high) - low)
        if inside > 0:
            total += Fraction(t.unit_amount) * inside + minor_to_major(t.flat_amount_minor, currency)
    return total


currencies = st.sampled_from(CURRENCIES)
unit_prices = st.decimals(min_value=0, max_value=1000, places=4)
small_unit_prices = st.decimals(min_value=0, max_value=Decimal("0.01"), places=6)
quantities = st.integers(min_value=0, max_value=10**6)
fees = st.integers(min_value=0, max_value=100_000)


@st.composite
def tier_lists(draw: st.DrawFn, max_tiers: int = 5) -> list[Tier]:
    bounds = sorted(draw(st.sets(st.integers(1, 10_000), max_size=max_tiers - 1)))
    ups: list[int | None] = [*bounds, None]
    return [Tier(up_to=u, unit_amount=draw(unit_prices), flat_amount_minor=draw(fees)) for u in ups]
