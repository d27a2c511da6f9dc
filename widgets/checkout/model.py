"""Pure view model of Checkout: the order a customer is building, and what each step and the
order summary show. No Reflex and no money maths: amounts are the backend's formatted strings
(the paywall for list prices, the subscription preview for what is charged).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from backend.payments.schemas import PaymentMethodPublic
from backend.paywall.schemas import Paywall, PaywallAddon, PaywallPlan, PaywallPrice
from backend.subscriptions.schemas import ChangeResult, Preview, SubscriptionPublic
from widgets.checkout.texts import fill
from widgets.paywall import prices as pricing

PERIOD_ORDER = ("monthly", "quarterly", "annual")
LIVE = ("active", "trialing", "past_due")


@dataclasses.dataclass
class Order:
    """What the customer has chosen so far."""

    plan_id: str = ""
    period: str = "monthly"
    quantities: dict[str, int] = dataclasses.field(default_factory=dict)
    addons: dict[str, int] = dataclasses.field(default_factory=dict)
    coupon: str = ""
    trial: bool = False


@dataclasses.dataclass
class StepView:
    id: str = ""
    label: str = ""
    number: str = ""
    state: str = "upcoming"  # done | current | upcoming


@dataclasses.dataclass
class PeriodOption:
    id: str = ""
    label: str = ""
    note: str = ""
    badge: str = ""
    selected: bool = False


@dataclasses.dataclass
class QuantityView:
    feature_id: str = ""
    title: str = ""
    text: str = ""
    hint: str = ""
    minimum: int = 1
    maximum: int = 0  # 0: no maximum
    can_decrease: bool = False
    can_increase: bool = False
    decrease_label: str = ""
    increase_label: str = ""


@dataclasses.dataclass
class AddonRow:
    id: str = ""
    name: str = ""
    description: str = ""
    price: str = ""
    quantity: int = 0
    added: bool = False
    single: bool = True  # at most one: no quantity stepper
    can_increase: bool = False
    quantity_label: str = ""


@dataclasses.dataclass
class SummaryLine:
    label: str = ""
    detail: str = ""
    amount: str = ""
    kind: str = "charge"  # charge | credit | discount


@dataclasses.dataclass
class CardOption:
    id: str = ""
    label: str = ""
    expiry: str = ""
    is_default: bool = False


def live_subscription(subs: list[SubscriptionPublic], product_id: str) -> SubscriptionPublic | None:
    """The customer's live subscription to the product, if any."""
    return next((s for s in subs if s.product_id == product_id and s.status in LIVE), None)


def plan_of(paywall: Paywall, plan_id: str) -> PaywallPlan | None:
    return next((p for p in paywall.plans if p.id == plan_id), None)


def price_for(plan: PaywallPlan, period: str) -> PaywallPrice | None:
    return next((p for p in plan.prices if p.billing_period == period), None)


def plan_periods(plan: PaywallPlan) -> list[str]:
    offered = {p.billing_period for p in plan.prices}
    return [p for p in PERIOD_ORDER if p in offered]


def quantity_components(price: PaywallPrice | None) -> list:
    if price is None:
        return []
    return [c for c in price.components
            if c.model in pricing.QUANTITY_MODELS and c.feature_id and not c.billed_in_arrears]


def compatible_addons(paywall: Paywall, plan: PaywallPlan, period: str) -> list[PaywallAddon]:
    """Add-ons the plan allows that have a price for the period."""
    by_id = {a.id: a for a in paywall.addons}
    out = []
    for addon_id in plan.compatible_addon_ids:
        addon = by_id.get(addon_id)
        if addon is not None and any(p.billing_period == period for p in addon.prices):
            out.append(addon)
    return out


def initial_order(paywall: Paywall, plan: PaywallPlan, sub: SubscriptionPublic | None,
                  period: str | None, quantities: Mapping[str, int] | None,
                  intent: str) -> Order:
    """The order checkout opens with: the host's choice, else the current subscription's."""
    periods = plan_periods(plan)
    same_plan = sub is not None and sub.plan_id == plan.id
    chosen = period if period in periods else (sub.billing_period if sub else None)
    if chosen not in periods:
        chosen = periods[0] if periods else paywall.default_billing_period
    order = Order(plan_id=plan.id, period=chosen,
                  trial=intent == "start_trial" and sub is None and bool(plan.trial_days))
    for c in quantity_components(price_for(plan, chosen)):
        wanted = (quantities or {}).get(c.feature_id) or (
            sub.quantities.get(c.feature_id) if same_plan and sub else None)
        order.quantities[c.feature_id] = pricing.clamp(c, wanted or pricing.default_quantity(c))
    allowed = {a.id for a in compatible_addons(paywall, plan, chosen)}
    if sub is not None:
        order.addons = {a.addon_id: a.quantity for a in sub.addons if a.addon_id in allowed}
    return order


def switch_period(paywall: Paywall, plan: PaywallPlan, order: Order, period: str) -> Order:
    """The order on another billing period: quantities kept within the new limits, add-ons
    without a price for that period dropped."""
    allowed = {a.id for a in compatible_addons(paywall, plan, period)}
    quantities = {}
    for c in quantity_components(price_for(plan, period)):
        quantities[c.feature_id] = pricing.clamp(
            c, order.quantities.get(c.feature_id) or pricing.default_quantity(c))
    return dataclasses.replace(order, period=period, quantities=quantities,
                               addons={a: q for a, q in order.addons.items() if a in allowed})


def request_body(order: Order, *, create: bool) -> dict[str, Any]:
    """The body of a subscription preview or change for `order`."""
    body: dict[str, Any] = {
        "plan_id": order.plan_id, "billing_period": order.period,
        "quantities": dict(order.quantities),
        "addons": [{"addon_id": a, "quantity": q} for a, q in order.addons.items() if q > 0],
    }
    if create:
        body["trial"] = order.trial
        if order.coupon:
            body["coupon_code"] = order.coupon
    elif order.coupon:
        body["coupon_code"] = order.coupon
    return body


def is_unchanged(order: Order, sub: SubscriptionPublic | None) -> bool:
    """Whether the order is exactly the customer's current subscription."""
    if sub is None:
        return False
    return (order.plan_id == sub.plan_id and order.period == sub.billing_period
            and order.quantities == {k: v for k, v in sub.quantities.items()
                                     if k in order.quantities}
            and {a: q for a, q in order.addons.items() if q} ==
            {a.addon_id: a.quantity for a in sub.addons}
            and not order.coupon)


def step_ids(paywall: Paywall, plan: PaywallPlan, order: Order) -> list[str]:
    """The steps this order needs: a step with nothing to choose is skipped."""
    steps = []
    if len(plan_periods(plan)) > 1 or quantity_components(price_for(plan, order.period)):
        steps.append("plan")
    if compatible_addons(paywall, plan, order.period):
        steps.append("addons")
    steps.append("payment" if plan.pricing_type == "paid" else "review")
    return steps


def step_views(ids: list[str], current: int, texts: Mapping[str, str]) -> list[StepView]:
    return [StepView(id=s, label=texts[f"step_{s}"], number=str(i + 1),
                     state="done" if i < current else "current" if i == current else "upcoming")
            for i, s in enumerate(ids)]


def period_options(paywall: Paywall, plan: PaywallPlan, order: Order,
                   texts: Mapping[str, str]) -> list[PeriodOption]:
    options = []
    for period in plan_periods(plan):
        price = price_for(plan, period)
        assert price is not None
        amount = price.monthly_equivalent.formatted
        note_key = "period_annual_note" if period == "annual" else "period_monthly_note"
        badge = ""
        if period == "annual" and plan.savings_percent > 0:
            badge = fill(texts["save_percent"], percent=plan.savings_percent)
        label = texts.get(f"period_{period}", period.title())
        options.append(PeriodOption(id=period, label=label, note=fill(texts[note_key], amount=amount),
                                    badge=badge, selected=period == order.period))
    return options


def quantity_views(plan: PaywallPlan, order: Order, locale: str,
                   texts: Mapping[str, str]) -> list[QuantityView]:
    views = []
    for c in quantity_components(price_for(plan, order.period)):
        qty = order.quantities.get(c.feature_id, pricing.default_quantity(c))
        low = max(c.min_quantity or 1, 1)
        unit = pricing.units(c, 1)
        views.append(QuantityView(
            feature_id=c.feature_id or "", title=fill(texts["quantity_title"], units=pricing.units(c)),
            text=str(qty), hint=pricing.quantity_hint(c, locale, texts), minimum=low,
            maximum=c.max_quantity or 0, can_decrease=qty > low,
            can_increase=c.max_quantity is None or qty < c.max_quantity,
            decrease_label=fill(texts["quantity_decrease"], unit=unit),
            increase_label=fill(texts["quantity_increase"], unit=unit)))
    return views


def addon_rows(paywall: Paywall, plan: PaywallPlan, order: Order,
               texts: Mapping[str, str]) -> list[AddonRow]:
    rows = []
    for addon in compatible_addons(paywall, plan, order.period):
        qty = order.addons.get(addon.id, 0)
        single = addon.max_quantity == 1
        rows.append(AddonRow(
            id=addon.id, name=addon.display_name, description=addon.description or "",
            price=pricing.addon_price(addon, order.period, texts, paywall.locale),
            quantity=qty, added=qty > 0, single=single,
            can_increase=addon.max_quantity is None or qty < addon.max_quantity,
            quantity_label=fill(texts["addon_quantity"], name=addon.display_name)))
    return rows


def card_options(methods: list[PaymentMethodPublic], texts: Mapping[str, str]) -> list[CardOption]:
    return [CardOption(id=m.id, label=card_label(m, texts),
                       expiry=fill(texts["card_expires"], month=f"{m.exp_month:02d}",
                                   year=m.exp_year), is_default=m.is_default)
            for m in methods]


def card_label(m: PaymentMethodPublic, texts: Mapping[str, str]) -> str:
    brand = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express"}.get(
        m.brand, m.brand.title())
    return fill(texts["saved_card"], brand=brand, last4=m.last4)


_EXPIRY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{2}|\d{4})\s*$")


def parse_expiry(text: str) -> tuple[int, int] | None:
    """'12/28' or '12 / 2028' -> (12, 2028); None when it is not a month and year."""
    match = _EXPIRY.match(text or "")
    if not match:
        return None
    month, year = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    return month, year + 2000 if year < 100 else year


def summary_lines(preview: Preview) -> list[SummaryLine]:
    """The lines charged (or credited) today, as the backend will invoice them."""
    kinds = {"discount": "discount", "proration_credit": "credit", "applied_credit": "credit",
             "credit_to_balance": "muted"}
    return [SummaryLine(label=line.description, detail=line.quantity or "",
                        amount=line.amount.formatted, kind=kinds.get(line.kind, "charge"))
            for line in preview.immediate.lines]


def summary_notes(preview: Preview, plan: PaywallPlan, order: Order, date_of,
                  texts: Mapping[str, str]) -> list[str]:
    """Sentences under the total: what comes next, credits, when a change takes effect."""
    notes = []
    if preview.effective == "period_end":
        notes.append(fill(texts["effective_later"], date=date_of(preview.effective_at)))
    elif order.trial and plan.trial_days and preview.next_invoice is not None:
        notes.append(fill(texts["trial_note"], days=plan.trial_days,
                          date=date_of(preview.next_invoice.period_start)))
    earned = sum(-line.amount.amount_minor for line in preview.immediate.lines
                 if line.kind == "credit_to_balance")
    if earned:
        credit = next(line for line in preview.immediate.lines if line.kind == "credit_to_balance")
        notes.append(fill(texts["credit_note"], amount=credit.amount.formatted.lstrip("-−")))
    return notes


def next_charge(preview: Preview, period: str, date_of, texts: Mapping[str, str]) -> str:
    """'Then $36.00 per month, from Dec 24, 2026', or '' when nothing recurs."""
    nxt = preview.next_invoice
    if nxt is None or nxt.total.amount_minor <= 0:
        return ""
    return fill(texts["then_billed"], amount=nxt.total.formatted,
                period=texts.get(f"billed_{period}", ""), date=date_of(nxt.period_start))


def cta_label(plan: PaywallPlan, sub: SubscriptionPublic | None, order: Order,
              preview: Preview | None, texts: Mapping[str, str]) -> str:
    """The confirm button: Subscribe, Start trial, Upgrade now, Schedule change, Downgrade..."""
    if sub is None:
        if order.trial and plan.trial_days:
            return fill(texts["cta_trial"], days=plan.trial_days)
        return texts["cta_subscribe"]
    if is_unchanged(order, sub):
        return texts["cta_no_changes"]
    if plan.pricing_type == "free":
        return fill(texts["cta_downgrade_free"], plan=plan.display_name)
    if preview is not None and preview.effective == "period_end":
        return texts["cta_schedule"]
    if preview is not None and preview.change == "upgrade":
        return texts["cta_upgrade"]
    return texts["cta_update"]


def promo_message(reason: str | None, detail: str, plan_name: str,
                  texts: Mapping[str, str]) -> str:
    """A refused promotion code in the customer's words."""
    key = f"promo_{reason}" if reason else ""
    template = texts[key] if key in texts else texts["promo_other"]
    return fill(template, plan=plan_name, detail=detail)


def success_texts(result: ChangeResult, plan_name: str, card: str, date_of,
                  texts: Mapping[str, str]) -> tuple[str, str]:
    """The success screen's title and sentence: what was charged to which card, or when a
    scheduled change happens."""
    if result.preview.effective == "period_end":
        return texts["success_scheduled_title"], fill(
            texts["success_scheduled"], plan=plan_name, date=date_of(result.preview.effective_at))
    invoice = result.invoice
    if invoice is not None and invoice.total.amount_minor > 0:
        body = fill(texts["success_charged"], amount=invoice.total.formatted, card=card,
                    number=invoice.number)
    else:
        body = texts["success_free"]
    return fill(texts["success_title"], plan=plan_name), body


def completion(result: ChangeResult, plan_name: str) -> dict[str, Any]:
    """What `on_checkout_completed` receives."""
    invoice = result.invoice
    return {
        "subscription_id": result.subscription.id, "plan_id": result.subscription.plan_id,
        "plan_name": plan_name, "billing_period": result.subscription.billing_period,
        "change": result.preview.change, "effective": result.preview.effective,
        "invoice_id": invoice.id if invoice else None,
        "amount_charged": invoice.total.model_dump() if invoice else None,
    }
