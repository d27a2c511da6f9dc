"""Pure view model of one plan's price: headline, unit text, seat input, tiers, usage captions.

Every amount shown is a string the backend formatted (`PaywallPrice`, `PriceComponent`,
`Estimate`); the widget only picks and labels them. Integers such as seat counts and tier
bounds are formatted with Babel in the paywall's locale.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from babel.numbers import format_decimal

from backend.estimates.schemas import Estimate
from backend.paywall.schemas import PaywallAddon, PaywallPrice, PriceComponent
from widgets.paywall.texts import fill

QUANTITY_MODELS = ("per_unit", "tiered")
USAGE_MODELS = ("usage", "overage", "package")


@dataclasses.dataclass
class TierLine:
    """One row of a tier selector: "11–50 seats · $25"."""

    label: str = ""
    price: str = ""
    active: bool = False
    up_to: int = 0  # 0 for the last, open tier


@dataclasses.dataclass
class Quote:
    """The total shown under a seat input, and its loading / error state."""

    total: str = ""
    note: str = ""
    error: str = ""


def number(value: int, locale: str) -> str:
    """An integer in the paywall's locale ("100,000", "100.000")."""
    try:
        return format_decimal(value, locale=locale or "en_US")
    except (ValueError, TypeError):
        return str(value)


def quantity_component(price: PaywallPrice | None) -> PriceComponent | None:
    """The per-seat or tiered component whose quantity the visitor picks, if any."""
    if price is None:
        return None
    return next((c for c in price.components
                 if c.model in QUANTITY_MODELS and c.feature_id and not c.billed_in_arrears), None)


def units(component: PriceComponent, n: int | None = None) -> str:
    """The component's unit, singular for one and plural otherwise."""
    singular = component.unit or "unit"
    plural = component.unit_plural or f"{singular}s"
    return singular if n == 1 else plural


def clamp(component: PriceComponent, quantity: int) -> int:
    """`quantity` within the component's min/max (at least 1)."""
    low = max(component.min_quantity or 1, 1)
    quantity = max(quantity, low)
    if component.max_quantity is not None:
        quantity = min(quantity, component.max_quantity)
    return quantity


def default_quantity(component: PriceComponent) -> int:
    """What the backend's displayed total assumes."""
    return clamp(component, component.default_quantity or component.min_quantity or 1)


def headline(price: PaywallPrice, period: str, texts: Mapping[str, str]) -> tuple[str, str]:
    """The big amount and the unit text beside it ("$12", "per seat / month")."""
    seat = quantity_component(price)
    if seat is None:
        if period == "annual":
            return price.monthly_equivalent.formatted, texts["price_caption_annual"]
        return price.amount.formatted, texts["price_caption_monthly"]
    unit = units(seat, 1)
    first = seat.tiers[0].unit_amount if seat.tiers else (seat.unit_amount or "")
    if period != "annual":
        return first, fill(texts["unit_caption_monthly"], unit=unit)
    monthly = seat.tiers[0].monthly_unit_amount if seat.tiers else seat.monthly_unit_amount
    return monthly or first, fill(texts["unit_caption_annual"], unit=unit)


def usage_captions(price: PaywallPrice | None, texts: Mapping[str, str]) -> list[str]:
    """'+ 100,000 API calls included, then $2 per 1,000 API calls', one per usage component."""
    if price is None:
        return []
    lines = []
    for c in price.components:
        if not (c.billed_in_arrears or c.model in USAGE_MODELS) or not c.caption:
            continue
        caption = c.caption
        if c.model == "package" and c.amount is not None:
            caption = f"{c.amount.formatted} {caption}"
        lines.append(fill(texts["usage_caption"], caption=caption))
    return lines


def tier_lines(component: PriceComponent, quantity: int, period: str, locale: str,
               texts: Mapping[str, str]) -> list[TierLine]:
    """The tiers as rows, the one `quantity` falls in marked active."""
    if not component.tiers:
        return []
    lines, start, found = [], 1, False
    suffix = texts.get(f"tier_period_{period}", "")
    for tier in component.tiers:
        plural = units(component)
        if tier.up_to is None:
            label = fill(texts["tier_open"], start=number(start, locale), units=plural)
        else:
            label = fill(texts["tier_range"], start=number(start, locale),
                         end=number(tier.up_to, locale), units=plural)
        active = not found and (tier.up_to is None or quantity <= tier.up_to)
        found = found or active
        amount = tier.monthly_unit_amount if period == "annual" else tier.unit_amount
        price = f"{amount} {suffix}".strip()
        lines.append(TierLine(label=label, price=price, active=active, up_to=tier.up_to or 0))
        start = (tier.up_to or start) + 1
    return lines


def quantity_hint(component: PriceComponent, locale: str, texts: Mapping[str, str]) -> str:
    """"1–20 seats" or "Minimum 3 seats" under the seat input."""
    low = max(component.min_quantity or 1, 1)
    if component.max_quantity is not None:
        return fill(texts["quantity_range"], min=number(low, locale),
                    max=number(component.max_quantity, locale), units=units(component))
    if low > 1:
        return fill(texts["quantity_minimum"], min=number(low, locale), units=units(component))
    return ""


def quote(
    component: PriceComponent,
    price: PaywallPrice,
    period: str,
    quantity: int,
    estimate: Estimate | None,
    error: str,
    locale: str,
    texts: Mapping[str, str],
) -> Quote:
    """The total for `quantity`: from its estimate, or the backend's default-quantity total."""
    if estimate is not None:
        total, monthly = estimate.total.formatted, estimate.monthly_equivalent.formatted
    elif quantity == default_quantity(component):
        total, monthly = price.amount.formatted, price.monthly_equivalent.formatted
    else:
        total = monthly = ""
    shown = fill(texts[f"total_{'annual' if period == 'annual' else 'monthly'}"],
                 amount=monthly if period == "annual" else total,
                 quantity=number(quantity, locale), units=units(component, quantity))
    note = fill(texts["total_note_annual"], amount=total) if period == "annual" and total else ""
    return Quote(total=shown if total else "", note=note, error=error)


def addon_price(addon: PaywallAddon, period: str, texts: Mapping[str, str],
                locale: str) -> str:
    """'$10/mo', or '$10 per pack of 5,000 credits' for a credit pack."""
    price = next((p for p in addon.prices if p.billing_period == period), None)
    price = price or (addon.prices[0] if addon.prices else None)
    if price is None:
        return ""
    pack = next((c for c in price.components if c.model == "credit_pack"), None)
    if pack is not None and pack.amount is not None:
        return fill(texts["addon_credit_pack"], amount=pack.amount.formatted,
                    credits=number(pack.credits or 0, locale))
    return fill(texts["addon_price"], amount=price.monthly_equivalent.formatted)
