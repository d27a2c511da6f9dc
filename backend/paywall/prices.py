"""Pure: a package's applicable price specs for one period → what a pricing table shows."""

from collections.abc import Sequence
from decimal import Decimal

from babel.numbers import format_decimal

from backend.catalog.schemas import FeaturePublic
from backend.kit.money import format_money, format_unit_amount, from_minor, to_minor
from backend.paywall.schemas import Money, PaywallPrice, PaywallTier, PriceComponent
from backend.pricing.lines import price_line, starting_price
from backend.pricing.model import USAGE_MODELS, PriceSpec
from backend.pricing.recurring import MONTHS_PER_PERIOD, monthly_equivalent


def money(amount_minor: int, currency: str, locale: str) -> Money:
    return Money(amount_minor=amount_minor, currency=currency,
                 formatted=format_money(amount_minor, currency, locale))


def _units(feature: FeaturePublic | None, n: int | None = None) -> str:
    if feature is None:
        return "unit" if n == 1 else "units"
    singular = feature.unit or feature.display_name
    plural = feature.unit_plural or feature.display_name
    return singular if n == 1 else plural


def _caption(p: PriceSpec, f: FeaturePublic | None, locale: str) -> str:
    """How a price reads beside its amount ('per seat', '$2 per 1,000 API calls')."""
    def num(n: int) -> str:
        return format_decimal(n, locale=locale)

    price = format_unit_amount(p.unit_amount, p.currency, locale) if p.unit_amount is not None else ""

    per_block = f"per {num(p.block_size)} {_units(f, p.block_size)}" if p.block_size else None
    unit = _units(f, 1)
    if p.model == "flat":
        return ""
    if p.model == "tiered" and f is not None and f.type == "metered":
        return _usage_tiers_caption(p, f, locale)
    if p.model in ("per_unit", "tiered"):
        return f"per {unit}"
    if p.model == "package":
        free = f", first {num(p.free_units)} free" if p.free_units else ""
        return f"{per_block}{free}"
    if p.model == "usage":
        return f"{price} {per_block or f'per {unit}'}"
    if p.model == "overage":
        included = f"{num(p.free_units or 0)} {_units(f, p.free_units)} included, then "
        return f"{included}{price} {per_block or f'per {unit}'}"
    return f"{num(p.credits or 0)} credits per pack"


def _usage_tiers_caption(p: PriceSpec, f: FeaturePublic, locale: str) -> str:
    """Tiered usage: 'API calls 1–10,000 free, 10,001–100,000 $0.001 each, above 100,000 $0.0005 each'."""
    parts, lower = [], 0
    for t in p.tiers or []:
        price = "free" if t.unit_amount == 0 else f"{format_unit_amount(t.unit_amount, p.currency, locale)} each"
        if t.up_to is None:
            parts.append(f"above {format_decimal(lower, locale=locale)} {price}")
        else:
            span = f"{format_decimal(lower + 1, locale=locale)}–{format_decimal(t.up_to, locale=locale)}"
            parts.append(f"{span} {price}")
            lower = t.up_to
    return f"{_units(f)} {', '.join(parts)}"


def _metered(f: FeaturePublic | None) -> bool:
    return f is not None and f.type == "metered"


def component(p: PriceSpec, f: FeaturePublic | None, locale: str) -> PriceComponent:
    """One price spec as display data."""
    counted = p.model in ("per_unit", "tiered") and not _metered(f)
    default_qty = (p.min_quantity or 1) if counted else None
    months = MONTHS_PER_PERIOD[p.billing_period]

    def unit(d: Decimal) -> str:
        return format_unit_amount(d, p.currency, locale)

    def monthly(d: Decimal) -> str:
        """Per month, rounded half-up to the minor unit for display ($290 / 12 → $24.17)."""
        per_month = d / months if months == 1 else from_minor(to_minor(d / months, p.currency), p.currency)
        return unit(per_month)

    tiers = [
        PaywallTier(up_to=t.up_to, unit_amount=unit(t.unit_amount),
                    unit_amount_decimal=str(t.unit_amount),
                    monthly_unit_amount=monthly(t.unit_amount),
                    flat_amount=money(t.flat_amount_minor, p.currency, locale)
                    if t.flat_amount_minor else None)
        for t in p.tiers
    ] if p.tiers else None
    return PriceComponent(
        model=p.model, feature_id=p.feature_id, unit=f.unit if f else None,
        unit_plural=f.unit_plural if f else None,
        amount=money(p.amount_minor, p.currency, locale) if p.amount_minor is not None else None,
        unit_amount=unit(p.unit_amount) if p.unit_amount is not None else None,
        unit_amount_decimal=str(p.unit_amount) if p.unit_amount is not None else None,
        monthly_unit_amount=monthly(p.unit_amount) if p.unit_amount is not None else None,
        tiers=tiers, tiers_mode=p.tiers_mode, min_quantity=p.min_quantity,
        max_quantity=p.max_quantity, default_quantity=default_qty, block_size=p.block_size,
        free_units=p.free_units, credits=p.credits, caption=_caption(p, f, locale),
        billed_in_arrears=p.model in USAGE_MODELS or _metered(f),
    )


def period_price(specs: Sequence[PriceSpec], features: dict[str, FeaturePublic],
                 locale: str) -> PaywallPrice:
    """All prices of one package for one period and currency, totalled at default quantities."""
    currency, period = specs[0].currency, specs[0].billing_period
    advance = [p for p in specs if p.model not in USAGE_MODELS and p.model != "credit_pack"
               and not _metered(features.get(p.feature_id or ""))]
    # A price made only of packs shows one pack; recurring prices show their total.
    shown = advance or [p for p in specs if p.model == "credit_pack"]
    amount = 0
    for p in shown:
        line = starting_price(p) if p.model != "flat" else price_line(p)
        amount += line.amount_minor if line else 0
    comps = [component(p, features.get(p.feature_id or ""), locale) for p in specs]
    return PaywallPrice(
        billing_period=period, amount=money(amount, currency, locale),
        monthly_equivalent=money(monthly_equivalent(amount, period), currency, locale),
        starts_at=any(p.model != "flat" for p in specs),
        components=sorted(comps, key=lambda c: c.model != "flat"),
    )
