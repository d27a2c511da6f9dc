"""Pure view model of the Paywall: the backend's `Paywall` plus texts -> cards to render.

No Reflex and no money maths here: prices are the backend's formatted strings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from backend.paywall.schemas import Paywall, PaywallPlan, PaywallPrice
from widgets.paywall.texts import fill

PERIODS = ("monthly", "annual")


@dataclasses.dataclass
class AddonLine:
    """One compatible add-on shown on a plan card."""

    id: str = ""
    name: str = ""
    price: str = ""


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
    price: str = ""
    price_caption: str = ""
    price_note: str = ""
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
    if period == "annual":
        note = fill(texts["price_note_annual"], amount=price.amount.formatted)
        return price.monthly_equivalent.formatted, texts["price_caption_annual"], note
    return price.amount.formatted, texts["price_caption_monthly"], texts["price_note_monthly"]


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
    lines = []
    for addon_id in plan.compatible_addon_ids:
        addon = by_id.get(addon_id)
        if addon is None:
            continue
        price = _price_for(addon.prices, period) or (addon.prices[0] if addon.prices else None)
        amount = price.monthly_equivalent.formatted if price else ""
        label = fill(texts["addon_price"], amount=amount) if amount else ""
        lines.append(AddonLine(id=addon.id, name=addon.display_name, price=label))
    return lines


def build_card(
    plan: PaywallPlan,
    paywall: Paywall,
    period: str,
    texts: Mapping[str, str],
    highlighted_plan_id: str | None = None,
) -> PlanCard:
    """The card of one plan for `period`."""
    highlighted = plan.id == highlighted_plan_id if highlighted_plan_id else plan.highlighted
    action = plan.actions.get(period)
    fallback = "contact_us" if plan.pricing_type == "custom" else "subscribe"
    intent = action.intent if action else fallback
    enabled = bool(action.enabled) if action else True
    price, caption, note = _price_texts(plan, period, texts)
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
        price=price,
        price_caption=caption,
        price_note=note,
        features_title=features_title if features else "",
        features=features,
        addons_title=texts["addons_title"],
        addons=_addons(plan, paywall, period, texts),
        intent=intent,
        cta_label=cta_label(intent, period, plan.trial_days, texts),
        cta_enabled=enabled and intent != "current",
        cta_primary=highlighted and enabled and intent != "current",
    )


def build_cards(
    paywall: Paywall,
    period: str,
    texts: Mapping[str, str],
    highlighted_plan_id: str | None = None,
) -> list[PlanCard]:
    """Cards of the visible plans, in the backend's plan order."""
    plans = sorted(paywall.plans, key=lambda p: p.order)
    return [build_card(p, paywall, period, texts, highlighted_plan_id)
            for p in plans if is_visible(p, period)]
