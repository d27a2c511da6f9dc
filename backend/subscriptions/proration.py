"""Pure proration and billing periods (no I/O; `now` always comes in as an argument).

Proration is by the second: for a change at t inside [start, end),
`fraction = (end − t) / (end − start)`. The unused part of the old items is credited
(−old × fraction) and the new items are charged (+new × fraction), each line rounded once,
half-up, to the currency's minor unit.
"""

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

MONTHS = {"monthly": 1, "quarterly": 3, "annual": 12}


def add_months(anchor: datetime, months: int) -> datetime:
    """`anchor` moved by whole months, keeping its day where the month has it (Jan 31 → Feb 28/29
    → Mar 31: always counted from the anchor, so a short month never shifts later periods)."""
    total = anchor.month - 1 + months
    year, month = anchor.year + total // 12, total % 12 + 1
    day = min(anchor.day, calendar.monthrange(year, month)[1])
    return anchor.replace(year=year, month=month, day=day)


def period_bounds(anchor: datetime, billing_period: str, n: int) -> tuple[datetime, datetime]:
    """The n-th (0-based) billing period [start, end) of a subscription anchored at `anchor`."""
    step = MONTHS.get(billing_period)
    if step is None:
        raise ValueError(f"unknown billing period {billing_period!r}")
    if n < 0:
        raise ValueError("period index must be zero or more")
    return add_months(anchor, step * n), add_months(anchor, step * (n + 1))


def period_containing(anchor: datetime, billing_period: str, at: datetime) -> tuple[datetime, datetime]:
    """The period [start, end) that holds `at` (the first one when `at` precedes the anchor)."""
    step = MONTHS[billing_period]
    months = max((at.year - anchor.year) * 12 + at.month - anchor.month, 0)
    n = max(months // step - 1, 0)
    while True:
        start, end = period_bounds(anchor, billing_period, n)
        if at < end:
            return start, end
        n += 1


def _seconds(delta: timedelta) -> int:
    return delta.days * 86_400 + delta.seconds  # whole seconds; microseconds dropped


def fraction_left(start: datetime, end: datetime, at: datetime) -> Fraction:
    """The unused share of [start, end) at `at`, by the second, clamped to [0, 1]."""
    length = _seconds(end - start)
    if length <= 0:
        raise ValueError("a period must be at least one second long")
    left = min(max(_seconds(end - at), 0), length)
    return Fraction(left, length)


def prorate_minor(amount_minor: int, fraction: Fraction) -> int:
    """`amount_minor × fraction`, rounded once half-up (away from zero on .5) to minor units."""
    exact = Decimal(amount_minor * fraction.numerator) / Decimal(fraction.denominator)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ProrationLine:
    kind: str  # "proration_credit" | "proration_charge"
    description: str
    amount_minor: int


@dataclass(frozen=True)
class Proration:
    fraction: Fraction
    credit: ProrationLine
    charge: ProrationLine

    @property
    def lines(self) -> list[ProrationLine]:
        return [self.credit, self.charge]

    @property
    def total_minor(self) -> int:
        return self.credit.amount_minor + self.charge.amount_minor


def prorate(old_minor: int, new_minor: int, start: datetime, end: datetime, at: datetime,
            old_label: str = "previous items", new_label: str = "new items") -> Proration:
    """Credit for the unused time of what was paid (`old_minor`) and charge for the new items."""
    f = fraction_left(start, end, at)
    credit = ProrationLine("proration_credit", f"Unused time on {old_label}", -prorate_minor(old_minor, f))
    charge = ProrationLine("proration_charge", f"Remaining time on {new_label}", prorate_minor(new_minor, f))
    return Proration(f, credit, charge)
