"""Which of a package's prices apply to a customer: localised by country or region, else default.

A country's own prices win over its region's (the smaller region first: EZ before EU), which win
over the default prices (no country). Localised prices replace the default set for that billing
period as a whole (all its currencies), never price by price, so a plan is never half-localised.
"""

from collections.abc import Iterable, Sequence
from typing import TypeVar

from backend.kit.regions import REGIONS, currencies_of
from backend.pricing.model import PriceSpec

P = TypeVar("P", bound=PriceSpec)


def _rank(price_country: str | None, country: str | None) -> tuple[int, int] | None:
    """(0, 0) = exact country, (1, size) = region containing it (the smaller region, e.g. EZ
    inside EU, is the more specific), (2, 0) = default; None = does not apply."""
    if price_country is None:
        return (2, 0)
    if country is None:
        return None
    if price_country == country:
        return (0, 0)
    region = REGIONS.get(price_country, frozenset())
    return (1, len(region)) if country in region else None


def applicable(prices: Iterable[P], country: str | None) -> list[P]:
    """The prices a customer in `country` sees: the best-ranked set per billing period."""
    best: dict[str, tuple[int, int]] = {}
    ranked: list[tuple[tuple[int, int], P]] = []
    for p in prices:
        rank = _rank(p.country, country)
        if rank is None:
            continue
        ranked.append((rank, p))
        best[p.billing_period] = min(best.get(p.billing_period, rank), rank)
    return [p for rank, p in ranked if rank == best[p.billing_period]]


def currencies(prices: Sequence[PriceSpec]) -> list[str]:
    """Currencies offered, in first-seen order."""
    return list(dict.fromkeys(p.currency for p in prices))


def for_period(prices: Iterable[P], billing_period: str, currency: str) -> list[P]:
    return [p for p in prices if p.billing_period == billing_period and p.currency == currency]


class CurrencyUnavailable(ValueError):
    """The asked-for currency has no prices here."""


def choose_currency(wanted: str | None, subscribed: str | None, country: str | None,
                    offered: Sequence[str], default: str) -> str:
    """The currency to price in: the one asked for, else the customer's subscription currency,
    else their country's currency, else the default, else the first offered."""
    if wanted:
        if offered and wanted not in offered:
            raise CurrencyUnavailable(f"No prices in {wanted} here; offered: {', '.join(offered)}")
        return wanted
    if subscribed in offered:
        return subscribed  # type: ignore[return-value]
    for currency in currencies_of(country) if country else []:
        if currency in offered:
            return currency
    if default in offered or not offered:
        return default
    return offered[0]
