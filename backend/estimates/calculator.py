"""Pure: the lines a subscription is charged for a plan, its add-ons, quantities and usage."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from backend.kit.money import to_minor
from backend.pricing.lines import Line, price_line
from backend.pricing.model import PriceSpec
from backend.pricing.quantity import QuantityError, default_quantity


@dataclass(frozen=True)
class Feature:
    id: str
    name: str
    metered: bool
    unit: str | None = None
    unit_plural: str | None = None

    def units(self, n: Decimal | int) -> str:
        word = self.unit if n == 1 else self.unit_plural
        return word or self.name


@dataclass(frozen=True)
class Item:
    """A plan or add-on in the estimate, with its prices for the period and currency."""

    id: str
    name: str
    specs: Sequence[PriceSpec]
    quantity: int = 1  # add-ons: how many; credit packs: how many packs


@dataclass(frozen=True)
class ItemLine:
    item_id: str
    line: Line


def _scaled(line: Line, times: int) -> Line:
    """An add-on bought `times` times: the exact amount multiplied, then rounded once."""
    if times == 1:
        return line
    amount = line.amount * times
    return replace(line, amount=amount, amount_minor=to_minor(amount, line.currency), quantity=times,
                   unit_amount=line.amount)


def item_lines(item: Item, features: Mapping[str, Feature], quantities: Mapping[str, int],
               usage: Mapping[str, Decimal]) -> list[ItemLine]:
    """Every line of one plan or add-on. Raises QuantityError naming the offending input."""
    out = []
    for spec in item.specs:
        feature = features.get(spec.feature_id or "")
        if spec.model == "flat":
            line = _scaled(price_line(spec, description=item.name), item.quantity)
        elif spec.model == "credit_pack":
            line = price_line(spec, quantity=item.quantity, description=f"{item.name} × {item.quantity}")
        elif feature is not None and feature.metered:
            used = usage.get(feature.id, Decimal(0))
            line = price_line(spec, usage=used,
                              description=f"{item.name} · {feature.name} (estimated usage)")
        else:
            assert feature is not None, "feature-priced specs always name a known feature"
            qty = quantities.get(feature.id, default_quantity(spec))
            try:
                line = price_line(spec, quantity=qty,
                                  description=f"{item.name} · {qty:,} {feature.units(qty)}")
            except QuantityError as exc:
                raise QuantityError(f"quantities.{feature.id}", exc.message) from exc
        out.append(ItemLine(item.id, line))
    return out


def estimate_lines(plan: Item, addons: Sequence[Item], features: Mapping[str, Feature],
                   quantities: Mapping[str, int], usage: Mapping[str, Decimal]) -> list[ItemLine]:
    """The plan's lines, then each add-on's, in order."""
    lines = item_lines(plan, features, quantities, usage)
    for addon in addons:
        lines += item_lines(addon, features, quantities, usage)
    return lines
