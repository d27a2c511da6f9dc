"""Coupon discounts on a subtotal (pure): a percentage rounded once half-up, or a fixed amount
per currency; never more than the subtotal, so a total never goes below zero."""

from dataclasses import dataclass
from decimal import Decimal

from backend.kit.money import is_currency
from backend.pricing.exact import exact, round_half_up


class DiscountError(ValueError):
    """A discount that is invalid or does not apply; `field` names the offending input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Discount:
    """Exactly one of `percent_off` (0 < p ≤ 100) or `amounts_off` (currency → minor units > 0)."""

    percent_off: Decimal | None = None
    amounts_off: dict[str, int] | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if (self.percent_off is None) == (self.amounts_off is None):
            raise DiscountError("percent_off", "give either percent_off or amounts_off")
        if self.percent_off is not None:
            object.__setattr__(self, "percent_off", _percent(self.percent_off))
        if self.amounts_off is not None:
            object.__setattr__(self, "amounts_off", _amounts(self.amounts_off))


def _percent(p: object) -> Decimal:
    if isinstance(p, bool) or not isinstance(p, int | Decimal):
        raise DiscountError("percent_off", f"must be an int or a Decimal, not {p!r}")
    p = Decimal(p)
    if not p.is_finite() or not 0 < p <= 100:
        raise DiscountError("percent_off", f"must be above 0 and at most 100 (got {p})")
    return p


def _amounts(amounts: dict[str, int]) -> dict[str, int]:
    if not amounts:
        raise DiscountError("amounts_off", "give an amount in at least one currency")
    clean: dict[str, int] = {}
    for code, amount in amounts.items():
        cur = code.upper()
        if not is_currency(cur):
            raise DiscountError("amounts_off", f"'{code}' is not an ISO 4217 currency code")
        if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
            raise DiscountError("amounts_off", f"{cur}: must be a positive whole number of minor "
                                               f"units (got {amount!r})")
        clean[cur] = amount
    return clean


def discount_minor(subtotal_minor: int, currency: str, discount: Discount) -> int:
    """The discount off `subtotal_minor` in minor units: 0 ≤ result ≤ max(subtotal, 0).

    A percentage is rounded once, half-up; a fixed amount must exist in `currency`
    (else DiscountError) and is capped at the subtotal.
    """
    if discount.percent_off is not None:
        with exact():
            off = round_half_up(Decimal(subtotal_minor) * discount.percent_off / 100)
    else:
        amounts = discount.amounts_off or {}
        cur = currency.upper()
        if cur not in amounts:
            label = f"'{discount.name}'" if discount.name else "this fixed-amount coupon"
            raise DiscountError("currency", f"{label} has no amount in {cur} "
                                            f"(it has {', '.join(sorted(amounts))})")
        off = amounts[cur]
    return max(0, min(off, subtotal_minor))
