"""Price lines: one price spec at a quantity or usage → an exact amount rounded once (no I/O).

A line's `amount` is the exact Decimal in major units; `amount_minor` is that amount rounded
once, half-up, to the currency's minor unit. Totals are sums of rounded lines (see totals.py).

Which input a model reads:
- flat: neither (one period's amount);
- per_unit, credit_pack: `quantity` (default: the minimum, at least 1), checked against limits;
- usage, overage: `usage` (default 0), measured, so never checked against quantity limits;
- tiered, package: either `quantity` (priced in advance, kind "recurring") or `usage` (metered,
  billed in arrears, kind "usage"); one of them is required.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from backend.kit.money import from_minor
from backend.pricing.exact import Units, ceil_div, exact, round_line
from backend.pricing.model import BillingPeriod, PriceModel, PriceSpec
from backend.pricing.quantity import (
    QuantityError,
    default_quantity,
    validate_quantity,
    validate_usage,
)
from backend.pricing.tiers import tier_index, tiered_amount

LineKind = Literal["recurring", "usage", "one_off"]


@dataclass(frozen=True)
class Line:
    """One priced item. `unit_amount` is the price of one unit or, when `blocks` is set, of one
    block (major units); None when no single price applies (flat, graduated tiers)."""

    description: str
    kind: LineKind
    model: PriceModel
    feature_id: str | None
    quantity: Units
    unit_amount: Decimal | None
    amount: Decimal
    amount_minor: int
    currency: str
    billing_period: BillingPeriod
    billable_units: Units  # units charged: after free / included units, else the quantity
    blocks: int | None = None  # package and block-priced usage/overage: blocks charged
    tier: int | None = None  # volume tiers: index of the tier applied (None at zero units)
    credits: int | None = None  # credit_pack: credits granted


@dataclass(frozen=True)
class _Priced:
    kind: LineKind
    quantity: Units
    unit_amount: Decimal | None
    amount: Decimal
    billable_units: Units
    blocks: int | None = None
    tier: int | None = None
    credits: int | None = None


def credits_granted(spec: PriceSpec, packs: int) -> int:
    """Credits that `packs` credit packs grant (0 for any other model)."""
    return packs * (spec.credits or 0) if spec.model == "credit_pack" else 0


def _refuse(spec: PriceSpec, given: object, name: str, reads: str) -> None:
    if given is not None:
        raise QuantityError(name, f"a {spec.model} price is priced by {reads}, not {name}")


def _quantity(spec: PriceSpec, quantity: int | None) -> int:
    return validate_quantity(spec, default_quantity(spec) if quantity is None else quantity)


def _units(spec: PriceSpec, quantity: int | None, usage: Units | None) -> tuple[LineKind, Units]:
    if quantity is not None and usage is not None:
        raise QuantityError("usage", "give either a quantity or a usage, not both")
    if quantity is not None:
        return "recurring", validate_quantity(spec, quantity)
    if usage is not None:
        return "usage", validate_usage(usage)
    raise QuantityError("quantity", f"a {spec.model} price needs a quantity or a usage")


def _flat(spec: PriceSpec, quantity: int | None, usage: Units | None) -> _Priced:
    return _Priced("recurring", 1, None, from_minor(spec.amount_minor or 0, spec.currency), 1)


def _per_unit(spec: PriceSpec, quantity: int | None, usage: Units | None) -> _Priced:
    _refuse(spec, usage, "usage", "quantity")
    qty = _quantity(spec, quantity)
    unit = spec.unit_amount or Decimal(0)
    return _Priced("recurring", qty, unit, unit * qty, qty)


def _tiered(spec: PriceSpec, quantity: int | None, usage: Units | None) -> _Priced:
    kind, units = _units(spec, quantity, usage)
    tiers, mode = spec.tiers or [], spec.tiers_mode or "volume"
    amount = tiered_amount(tiers, mode, units, currency=spec.currency)
    tier = tier_index(tiers, units) if mode == "volume" and units > 0 else None
    unit = tiers[tier].unit_amount if tier is not None else None
    return _Priced(kind, units, unit, amount, units, tier=tier)


def _package(spec: PriceSpec, quantity: int | None, usage: Units | None) -> _Priced:
    kind, units = _units(spec, quantity, usage)
    billable = max(units - (spec.free_units or 0), 0)
    blocks = ceil_div(billable, spec.block_size or 1)
    price = from_minor(spec.amount_minor or 0, spec.currency)
    return _Priced(kind, units, price, price * blocks, billable, blocks=blocks)


def _metered(spec: PriceSpec, quantity: int | None, usage: Units | None) -> _Priced:
    _refuse(spec, quantity, "quantity", "usage")
    used = validate_usage(0 if usage is None else usage)
    billable = max(used - (spec.free_units or 0), 0)  # free_units: overage's included amount
    unit = spec.unit_amount or Decimal(0)
    if spec.block_size:
        blocks = ceil_div(billable, spec.block_size)
        return _Priced("usage", used, unit, unit * blocks, billable, blocks=blocks)
    return _Priced("usage", used, unit, unit * billable, billable)


def _credit_pack(spec: PriceSpec, quantity: int | None, usage: Units | None) -> _Priced:
    _refuse(spec, usage, "usage", "quantity")
    packs = _quantity(spec, quantity)
    credits = credits_granted(spec, packs)
    if spec.tiers:
        mode = spec.tiers_mode or "volume"
        amount = tiered_amount(spec.tiers, mode, packs, currency=spec.currency)
        tier = tier_index(spec.tiers, packs) if mode == "volume" and packs > 0 else None
        unit = spec.tiers[tier].unit_amount if tier is not None else None
        return _Priced("one_off", packs, unit, amount, packs, tier=tier, credits=credits)
    price = from_minor(spec.amount_minor or 0, spec.currency)
    return _Priced("one_off", packs, price, price * packs, packs, credits=credits)


_PRICERS: dict[str, Callable[[PriceSpec, int | None, Units | None], _Priced]] = {
    "flat": _flat,
    "per_unit": _per_unit,
    "tiered": _tiered,
    "package": _package,
    "usage": _metered,
    "overage": _metered,
    "credit_pack": _credit_pack,
}


def price_line(spec: PriceSpec, *, quantity: int | None = None,
               usage: int | Decimal | None = None, description: str = "") -> Line:
    """Price `spec` at a quantity or usage (see the module docstring); raises QuantityError."""
    with exact():
        p = _PRICERS[spec.model](spec, quantity, usage)
    return Line(
        description=description, kind=p.kind, model=spec.model, feature_id=spec.feature_id,
        quantity=p.quantity, unit_amount=p.unit_amount, amount=p.amount,
        amount_minor=round_line(p.amount, spec.currency), currency=spec.currency,
        billing_period=spec.billing_period, billable_units=p.billable_units, blocks=p.blocks,
        tier=p.tier, credits=p.credits,
    )


def starting_price(spec: PriceSpec, description: str = "") -> Line | None:
    """What "Starts at" shows: flat → its amount; per_unit, tiered, credit_pack → at the minimum
    quantity (at least 1); package → one full block after the free units; usage/overage → None."""
    if spec.model == "flat":
        return price_line(spec, description=description)
    if spec.model in ("per_unit", "tiered", "credit_pack"):
        return price_line(spec, quantity=default_quantity(spec), description=description)
    if spec.model == "package":
        first_block = (spec.free_units or 0) + (spec.block_size or 1)
        return price_line(spec, quantity=first_block, description=description)
    return None
