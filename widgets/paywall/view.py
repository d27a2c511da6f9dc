"""Pure view model of the Paywall: the backend's `Paywall` plus texts -> cards to render.

No Reflex and no money maths here: prices are the backend's formatted strings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from backend.estimates.schemas import Estimate
from backend.paywall.schemas import Paywall, PaywallPlan, PaywallPrice
from widgets.paywall import prices as pricing
from widgets.paywall.prices import TierLine
from widgets.paywall.texts import fill

PERIODS = ("monthly", "annual")


@dataclasses.dataclass
class AddonLine:
    """One compatible add-on shown on a plan card."""

    id: str = ""
    name: str = ""
    price: str = ""


@dataclasses.dataclass
class Pick:
    """What the visitor chose for one plan: seats as typed, and the estimate for them."""

    quantity: int = 0
    text: str = ""
    estimate: Estimate | None = None
    error: str = ""
    pending: bool = False


@dataclasses.dataclass
class PlanCard:
    """Everything one plan card shows for the selected billing period."""

    id: str = ""
    name: str = ""
    description: str = ""
    class_name: str = ""
    highlighted: bool = False
    chip: str = ""
    is_current: bool = False
    current_chip: str = ""
    starts_at: str = ""
    price: str = ""
    price_caption: str = ""
    price_note: str = ""
    usage_captions: list[str] = dataclasses.field(default_factory=list)
    has_quantity: bool = False
    quantity_feature: str = ""
    quantity_label: str = ""
    quantity_text: str = ""
    quantity_min: int = 1
    quantity_max: int = 0  # 0: no maximum
    quantity_hint: str = ""
    decrease_label: str = ""
    increase_label: str = ""
    can_decrease: bool = False
    can_increase: bool = False
    quantities: dict[str, int] = dataclasses.field(default_factory=dict)
    tiers_title: str = ""
    tiers: list[TierLine] = dataclasses.field(default_factory=list)
    total: str = ""
    total_note: str = ""
    estimating: bool = False
    estimate_error: str = ""
    features_title: str = ""
    features: list[str] = dataclasses.field(default_factory=list)
    addons_title: str = ""
    addons: list[AddonLine] = dataclasses.field(default_factory=list)
    intent: str = ""
    cta_label: str = ""
    cta_enabled: bool = True
    cta_primary: bool = False


def _price_for(prices: list[PaywallPrice], period: str) -> PaywallPrice | None:
    return next((p for p in prices if p.billing_period == period), None)


def choose_period(paywall: Paywall, preferred: str | None = None) -> str:
    """`preferred` if the paywall offers it, else the backend's default period."""
    if preferred in paywall.billing_periods:
        return str(preferred)
    return paywall.default_billing_period


def savings_label(paywall: Paywall, texts: Mapping[str, str]) -> str:
    """"Save 17%" when annual billing saves something and both periods exist, else ""."""
    if paywall.savings_percent <= 0 or len(paywall.billing_periods) < 2:
        return ""
    return fill(texts["savings_badge"], percent=paywall.savings_percent)


def is_visible(plan: PaywallPlan, period: str) -> bool:
    """Paid plans without a price for the period are hidden; free and custom always show."""
    return plan.pricing_type != "paid" or _price_for(plan.prices, period) is not None


def _price_texts(plan: PaywallPlan, period: str, texts: Mapping[str, str]) -> tuple[str, str, str]:
    if plan.pricing_type == "custom":
        return texts["price_custom"], texts["price_caption_custom"], ""
    price = _price_for(plan.prices, period)
    if price is None:
        return texts["price_free"], texts["price_caption_free"], ""
    if plan.pricing_type == "free" and price.amount.amount_minor == 0:
        return price.amount.formatted, texts["price_caption_free"], ""
    amount, caption = pricing.headline(price, period, texts)
    if pricing.quantity_component(price) is not None:
        return amount, caption, ""  # the total under the seat input says what is billed
    note = fill(texts["price_note_annual"], amount=price.amount.formatted) if period == "annual" \
        else texts["price_note_monthly"]
    return amount, caption, note


def _quantity_fields(plan: PaywallPlan, paywall: Paywall, period: str, texts: Mapping[str, str],
                     pick: Pick | None) -> dict:
    price = _price_for(plan.prices, period) if plan.pricing_type == "paid" else None
    seat = pricing.quantity_component(price)
    if price is None or seat is None or not seat.feature_id:
        return {}
    quantity = pick.quantity if pick and pick.quantity else pricing.default_quantity(seat)
    locale = paywall.locale
    unit, plural = pricing.units(seat, 1), pricing.units(seat)
    low = max(seat.min_quantity or 1, 1)
    estimate = pick.estimate if pick else None
    quote = pricing.quote(seat, price, period, quantity, estimate, pick.error if pick else "",
                          locale, texts)
    tiers_title = ""
    if seat.tiers:
        tiers_title = fill(texts[f"tiers_title_{seat.tiers_mode or 'volume'}"], unit=unit)
    return dict(
        has_quantity=True,
        quantity_feature=seat.feature_id,
        quantity_label=plural[:1].upper() + plural[1:],
        quantity_text=pick.text if pick and pick.text else str(quantity),
        quantity_min=low,
        quantity_max=seat.max_quantity or 0,
        quantity_hint=pricing.quantity_hint(seat, locale, texts),
        decrease_label=fill(texts["quantity_decrease"], unit=unit),
        increase_label=fill(texts["quantity_increase"], unit=unit),
        can_decrease=quantity > low,
        can_increase=seat.max_quantity is None or quantity < seat.max_quantity,
        quantities={seat.feature_id: quantity},
        tiers_title=tiers_title,
        tiers=pricing.tier_lines(seat, quantity, period, locale, texts),
        total=quote.total,
        total_note=quote.note,
        estimating=bool(pick and pick.pending),
        estimate_error=quote.error,
    )


def cta_label(intent: str, period: str, trial_days: int | None, texts: Mapping[str, str]) -> str:
    """The button text for an intent (`switch_period` names the period being switched to)."""
    if intent == "switch_period":
        return texts[f"cta_switch_period_{period}"]
    if intent == "start_trial":
        return fill(texts["cta_start_trial"], days=trial_days or "")
    return texts.get(f"cta_{intent}", texts["cta_subscribe"])


def _features(plan: PaywallPlan, texts: Mapping[str, str]) -> tuple[str, list[str]]:
    if plan.base_plan_name:
        title = fill(texts["features_title_inherited"], plan=plan.base_plan_name)
        return title, [e.label for e in plan.entitlements if not e.inherited]
    return texts["features_title"], [e.label for e in plan.entitlements]


def _addons(
    plan: PaywallPlan, paywall: Paywall, period: str, texts: Mapping[str, str]
) -> list[AddonLine]:
    by_id = {a.id: a for a in paywall.addons}
    return [AddonLine(id=a.id, name=a.display_name,
                      price=pricing.addon_price(a, period, texts, paywall.locale))
            for a in (by_id.get(i) for i in plan.compatible_addon_ids) if a is not None]


def build_card(
    plan: PaywallPlan,
    paywall: Paywall,
    period: str,
    texts: Mapping[str, str],
    highlighted_plan_id: str | None = None,
    pick: Pick | None = None,
) -> PlanCard:
    """The card of one plan for `period`."""
    highlighted = plan.id == highlighted_plan_id if highlighted_plan_id else plan.highlighted
    action = plan.actions.get(period)
    fallback = "contact_us" if plan.pricing_type == "custom" else "subscribe"
    intent = action.intent if action else fallback
    enabled = bool(action.enabled) if action else True
    price, caption, note = _price_texts(plan, period, texts)
    priced = _price_for(plan.prices, period) if plan.pricing_type == "paid" else None
    features_title, features = _features(plan, texts)
    classes = ["tg-plan-card", f"tg-plan-{plan.id}"]
    classes += ["tg-plan-highlighted"] * highlighted + ["tg-plan-current"] * plan.is_current
    return PlanCard(
        id=plan.id,
        name=plan.display_name,
        description=plan.description or "",
        class_name=" ".join(classes),
        highlighted=highlighted,
        chip=texts["highlight_chip"] if highlighted and not plan.is_current else "",
        is_current=plan.is_current,
        current_chip=texts["current_chip"] if plan.is_current else "",
        starts_at=texts["price_starts_at"] if priced is not None and priced.starts_at else "",
        price=price,
        price_caption=caption,
        price_note=note,
        usage_captions=pricing.usage_captions(priced, texts),
        features_title=features_title if features else "",
        features=features,
        addons_title=texts["addons_title"],
        addons=_addons(plan, paywall, period, texts),
        intent=intent,
        cta_label=cta_label(intent, period, plan.trial_days, texts),
        cta_enabled=enabled and intent != "current",
        cta_primary=highlighted and enabled and intent != "current",
        **_quantity_fields(plan, paywall, period, texts, pick),
    )


def build_cards(
    paywall: Paywall,
    period: str,
    texts: Mapping[str, str],
    highlighted_plan_id: str | None = None,
    picks: Mapping[str, Pick] | None = None,
) -> list[PlanCard]:
    """Cards of the visible plans, in the backend's plan order."""
    plans = sorted(paywall.plans, key=lambda p: p.order)
    picks = picks or {}
    return [build_card(p, paywall, period, texts, highlighted_plan_id, picks.get(p.id))
            for p in plans if is_visible(p, period)]
