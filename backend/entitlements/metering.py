"""Pure metering (no I/O): which raw events a meter counts, and what a batch of events does to
each customer's usage counter in each usage period.

Aggregations: `count` (one per matching event), `sum` (of a numeric dimension), `max` (the
largest value seen), `unique_count` (distinct values of a dimension) and `latest` (the value of
the most recent event, by its timestamp). A meter's filters name dimension values an event must
have (one value, or any of a list).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

AGGREGATIONS = ("count", "sum", "max", "unique_count", "latest")
NEEDS_FIELD = ("sum", "max", "unique_count", "latest")


@dataclass(frozen=True)
class MeterSpec:
    feature_id: str
    event_name: str
    aggregation: str
    field: str | None = None
    filters: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class RawEvent:
    customer_id: str
    name: str
    dimensions: dict[str, Any]
    at: datetime


@dataclass
class Change:
    """What a batch does to one counter."""

    add: int = 0
    maximum: int | None = None
    uniques: set[str] = dataclasses.field(default_factory=set)
    latest: tuple[datetime, int] | None = None


class NotANumber(ValueError):
    """A sum, max or latest meter met a dimension value that is no whole number."""


def matches(meter: MeterSpec, event: RawEvent) -> bool:
    if event.name != meter.event_name:
        return False
    for key, wanted in meter.filters.items():
        have = event.dimensions.get(key)
        allowed = wanted if isinstance(wanted, list) else [wanted]
        if have is None or str(have) not in {str(a) for a in allowed}:
            return False
    if meter.aggregation in NEEDS_FIELD and meter.field not in event.dimensions:
        return False
    return True


def number(value: Any) -> int:
    """A dimension value as a whole number ('12', 12 and 12.0 are 12)."""
    if isinstance(value, bool):
        raise NotANumber(f"{value!r} is no number")
    try:
        exact = Decimal(str(value))
    except InvalidOperation as exc:
        raise NotANumber(f"{value!r} is no number") from exc
    if exact != exact.to_integral_value():
        raise NotANumber(f"{value!r} is not a whole number")
    return int(exact)


def aggregate(meter: MeterSpec, events: Iterable[RawEvent],
              period_of: Callable[[RawEvent], datetime]) -> dict[tuple[str, datetime], Change]:
    """Per (customer, period start): what the matching events change."""
    out: dict[tuple[str, datetime], Change] = {}
    for event in events:
        if not matches(meter, event):
            continue
        change = out.setdefault((event.customer_id, period_of(event)), Change())
        value = event.dimensions.get(meter.field) if meter.field else None
        if meter.aggregation == "count":
            change.add += 1
        elif meter.aggregation == "sum":
            change.add += number(value)
        elif meter.aggregation == "max":
            n = number(value)
            change.maximum = n if change.maximum is None else max(change.maximum, n)
        elif meter.aggregation == "unique_count":
            change.uniques.add(str(value))
        elif meter.aggregation == "latest":
            n = number(value)
            if change.latest is None or event.at >= change.latest[0]:
                change.latest = (event.at, n)
    return out
