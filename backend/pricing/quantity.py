"""Quantities and usage a price is computed for: validation (at write) and clamping (display)."""

from decimal import Decimal

from backend.pricing.exact import Units
from backend.pricing.model import PriceSpec


class QuantityError(ValueError):
    """An invalid quantity or usage; `field` names the offending input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def quantity_bounds(spec: PriceSpec) -> tuple[int, int | None]:
    """The inclusive (minimum, maximum) quantity of a price; maximum None = unbounded."""
    return spec.min_quantity or 0, spec.max_quantity


def default_quantity(spec: PriceSpec) -> int:
    """The quantity priced when none is given: the minimum, at least 1."""
    return spec.min_quantity or 1


def validate_quantity(spec: PriceSpec, qty: object) -> int:
    """Return `qty` if it is a whole number within the price's limits, else raise QuantityError."""
    if isinstance(qty, bool) or not isinstance(qty, int):
        raise QuantityError("quantity", f"must be a whole number, not {qty!r}")
    if qty < 0:
        raise QuantityError("quantity", f"must not be negative (got {qty})")
    low, high = quantity_bounds(spec)
    if qty < low:
        raise QuantityError("quantity", f"must be at least {low} (got {qty})")
    if high is not None and qty > high:
        raise QuantityError("quantity", f"must be at most {high} (got {qty})")
    return qty


def clamp_quantity(spec: PriceSpec, qty: int) -> int:
    """The nearest allowed quantity (for a quantity input while typing; never for writes)."""
    low, high = quantity_bounds(spec)
    qty = max(qty, low)
    return qty if high is None else min(qty, high)


def validate_usage(usage: object) -> Units:
    """Return measured usage if it is a non-negative int or finite Decimal, else QuantityError."""
    if isinstance(usage, bool) or not isinstance(usage, int | Decimal):
        raise QuantityError("usage", f"must be an int or a Decimal, not {usage!r}")
    if isinstance(usage, Decimal) and not usage.is_finite():
        raise QuantityError("usage", f"must be a finite number (got {usage})")
    if usage < 0:
        raise QuantityError("usage", f"must not be negative (got {usage})")
    return usage
