"""Totals of priced lines (pure): sums of rounded lines, a coupon off the recurring part."""

from collections.abc import Iterable
from dataclasses import dataclass

from backend.pricing.discounts import Discount, discount_minor
from backend.pricing.lines import Line


class CurrencyMismatchError(ValueError):
    """Lines in more than one currency cannot be totalled."""


@dataclass(frozen=True)
class Totals:
    """Minor-unit totals. `total_minor` is due now; usage is billed in arrears, separately."""

    currency: str
    recurring_minor: int  # recurring lines, charged in advance for the period
    one_off_minor: int  # one-off lines (credit packs)
    subtotal_minor: int  # recurring + one_off
    discount_minor: int  # the coupon, taken off the recurring part only
    total_minor: int  # subtotal − discount, never below 0
    usage_minor: int  # usage lines, billed in arrears (not in subtotal, not discounted)


def summarize(lines: Iterable[Line], discount: Discount | None = None, *,
              currency: str | None = None) -> Totals:
    """Total rounded lines; all must share one currency (`currency`, needed when no lines)."""
    lines = list(lines)
    currencies = {line.currency for line in lines} | ({currency.upper()} if currency else set())
    if len(currencies) != 1:
        found = ", ".join(sorted(currencies)) or "none"
        raise CurrencyMismatchError(f"currency: lines must share one currency (found {found})")
    (cur,) = currencies
    by_kind = {"recurring": 0, "one_off": 0, "usage": 0}
    for line in lines:
        by_kind[line.kind] += line.amount_minor
    subtotal = by_kind["recurring"] + by_kind["one_off"]
    off = discount_minor(by_kind["recurring"], cur, discount) if discount else 0
    return Totals(
        currency=cur, recurring_minor=by_kind["recurring"], one_off_minor=by_kind["one_off"],
        subtotal_minor=subtotal, discount_minor=off, total_minor=max(subtotal - off, 0),
        usage_minor=by_kind["usage"],
    )
