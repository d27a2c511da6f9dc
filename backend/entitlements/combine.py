"""Pure combination of a customer's entitlement sources into one entitlement per feature.

Sources: the plan (with what it inherits), its add-ons, and promotional grants. A plan's limit
and its add-ons' limits add up (an add-on's amount times its quantity); between that and each
promotional grant the most generous wins: unlimited beats any limit, a higher limit a lower
one, and a soft limit a hard one at the same limit. Enum values are united.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Grant:
    """One source's entitlement to a feature."""

    feature_id: str
    source: str  # "plan", "addon:<id>", "promotion:<id>"
    limit: int | None = None
    unlimited: bool = False
    soft_limit: bool = False
    reset_period: str | None = None
    enum_values: tuple[str, ...] | None = None
    quantity: int = 1


@dataclass(frozen=True)
class Effective:
    """What a customer may use of one feature, and where it comes from."""

    feature_id: str
    limit: int | None = None
    unlimited: bool = False
    soft_limit: bool = False
    reset_period: str | None = None
    enum_values: tuple[str, ...] | None = None
    sources: tuple[str, ...] = field(default_factory=tuple)


def _rank(e: Effective) -> tuple[int, int, int]:
    return (1 if e.unlimited else 0, e.limit or 0, 1 if e.soft_limit else 0)


def _as_effective(g: Grant, limit: int | None) -> Effective:
    return Effective(g.feature_id, limit, g.unlimited, g.soft_limit, g.reset_period,
                     g.enum_values, (g.source,))


def _subscription(grants: list[Grant]) -> Effective | None:
    """The plan plus its add-ons for one feature: limits add, unlimited anywhere wins."""
    if not grants:
        return None
    plan = next((g for g in grants if g.source == "plan"), None)
    first = plan or grants[0]
    unlimited = any(g.unlimited for g in grants)
    numeric = [g for g in grants if g.limit is not None]
    limit = None if unlimited or not numeric else sum(
        g.limit * (g.quantity if g.source != "plan" else 1) for g in numeric)  # type: ignore[operator]
    values = _union(g.enum_values for g in grants)
    reset = next((g.reset_period for g in grants if g.reset_period), None)
    return Effective(first.feature_id, limit, unlimited, any(g.soft_limit for g in grants), reset,
                     values, tuple(g.source for g in grants))


def _union(sets: Iterable[tuple[str, ...] | None]) -> tuple[str, ...] | None:
    out: list[str] = []
    seen = False
    for values in sets:
        if values is not None:
            seen = True
            out.extend(v for v in values if v not in out)
    return tuple(out) if seen else None


def _more_generous(a: Effective, b: Effective) -> Effective:
    best = b if _rank(b) > _rank(a) else a
    values = _union([a.enum_values, b.enum_values])
    return Effective(best.feature_id, best.limit, best.unlimited, best.soft_limit,
                     best.reset_period or a.reset_period or b.reset_period, values,
                     a.sources + tuple(s for s in b.sources if s not in a.sources))


def combine(grants: Iterable[Grant]) -> dict[str, Effective]:
    """One `Effective` per feature granted by any source, in the order features first appear."""
    by_feature: dict[str, list[Grant]] = {}
    for g in grants:
        if g.quantity > 0:
            by_feature.setdefault(g.feature_id, []).append(g)
    out: dict[str, Effective] = {}
    for feature, items in by_feature.items():
        promotions = [g for g in items if g.source.startswith("promotion")]
        result = _subscription([g for g in items if not g.source.startswith("promotion")])
        for promo in promotions:
            candidate = _as_effective(promo, promo.limit)
            result = candidate if result is None else _more_generous(result, candidate)
        assert result is not None
        out[feature] = result
    return out
