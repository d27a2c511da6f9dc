"""Exact Decimal arithmetic for the pricing engine (no I/O).

Amounts stay exact until the one rounding per line: arithmetic runs in a wide context that
*raises* `decimal.Inexact` instead of rounding silently, and `round_line` rounds once, half-up,
to the currency's minor unit.
"""

from contextlib import AbstractContextManager
from decimal import (
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)

from backend.kit.money import to_minor

PRECISION = 120  # digits; far beyond INT64_MAX units × the largest unit price
_EXACT = Context(prec=PRECISION, rounding=ROUND_HALF_UP,
                 traps=[InvalidOperation, DivisionByZero, Overflow, Inexact])
_ROUNDING = Context(prec=PRECISION, rounding=ROUND_HALF_UP,
                    traps=[InvalidOperation, DivisionByZero, Overflow])

Units = int | Decimal


def exact() -> AbstractContextManager[Context]:
    """A Decimal context in which any loss of precision raises instead of rounding."""
    return localcontext(_EXACT)


def round_line(amount: Decimal, currency: str) -> int:
    """Round an exact major-unit amount once, half-up, to integer minor units."""
    with localcontext(_ROUNDING):
        return to_minor(amount, currency)


def round_half_up(value: Decimal) -> int:
    """Round a Decimal to the nearest integer, halves away from zero."""
    with localcontext(_ROUNDING):
        return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def ceil_div(units: Units, size: int) -> int:
    """ceil(units ÷ size) for non-negative units, exactly (no float, no rounded division)."""
    if isinstance(units, int):
        return -(-units // size)
    with exact():
        whole, rest = divmod(units, size)
    return int(whole) + (1 if rest else 0)
