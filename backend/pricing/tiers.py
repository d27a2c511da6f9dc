"""Tiered prices, volume and graduated, with inclusive `up_to` bounds (pure, exact)."""

from collections.abc import Sequence
from decimal import Decimal

from backend.kit.money import from_minor
from backend.pricing.exact import Units, exact
from backend.pricing.model import Tier, TiersMode, check_tiers


def tier_index(tiers: Sequence[Tier], qty: Units) -> int:
    """Index of the tier a total quantity falls in (bounds inclusive; 0 units → first tier)."""
    if qty < 0:
        raise ValueError(f"quantity: must not be negative (got {qty})")
    for i, tier in enumerate(tiers):
        if tier.up_to is None or qty <= tier.up_to:
            return i
    raise ValueError("tiers: the last tier must be unbounded (up_to: null)")


def graduated_parts(tiers: Sequence[Tier], qty: Units) -> list[tuple[int, Units]]:
    """(tier index, units inside it) for every tier holding units of `qty`, lowest first."""
    parts: list[tuple[int, Units]] = []
    lower: Units = 0
    for i, tier in enumerate(tiers):
        upper = qty if tier.up_to is None else min(qty, tier.up_to)
        if upper > lower:
            parts.append((i, upper - lower))
        if tier.up_to is None or qty <= tier.up_to:
            break
        lower = tier.up_to
    return parts


def tiered_amount(tiers: Sequence[Tier], mode: TiersMode, qty: Units, *, currency: str) -> Decimal:
    """The exact price (major units) of `qty` units; flat fees are converted with `currency`.

    volume: every unit at the tier the total falls in, plus that tier's flat fee.
    graduated: each tier prices the units inside it, plus the flat fee of each tier holding units.
    Zero units cost nothing, flat fees included.
    """
    check_tiers(list(tiers))
    if qty < 0:
        raise ValueError(f"quantity: must not be negative (got {qty})")
    if qty == 0:
        return Decimal(0)
    with exact():
        if mode == "volume":
            tier = tiers[tier_index(tiers, qty)]
            return tier.unit_amount * qty + from_minor(tier.flat_amount_minor, currency)
        if mode == "graduated":
            total = Decimal(0)
            for i, units in graduated_parts(tiers, qty):
                total += tiers[i].unit_amount * units + from_minor(tiers[i].flat_amount_minor, currency)
            return total
    raise ValueError(f"tiers_mode: must be 'volume' or 'graduated', not {mode!r}")
