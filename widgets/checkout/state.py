"""Server-side state of one Checkout: load what the customer may buy, keep the order, price it
through the subscription preview (debounced), and apply it exactly once.

Every request acts for the customer by token (`widgets._customer.as_customer`). The order lives
in backend-only vars and is rendered into plain view vars after each change.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import secrets
from collections.abc import Mapping
from typing import Any, ClassVar

import reflex as rx

from backend.client import TollgateError
from backend.payments.schemas import PaymentMethodPublic
from backend.paywall.schemas import Paywall, PaywallPlan
from backend.subscriptions.schemas import ChangeResult, Preview, SubscriptionPublic
from widgets._customer import NoCustomer
from widgets._ui.format import format_date
from widgets._ui.themed import ThemedTexts
from widgets._ui.varref import resolve
from widgets.checkout import actions, model
from widgets.checkout.model import (
    AddonRow,
    CardOption,
    Order,
    PeriodOption,
    QuantityView,
    StepView,
    SummaryLine,
)
from widgets.checkout.texts import DEFAULT_TEXTS, fill
from widgets.paywall import prices as pricing

PREVIEW_DELAY = 0.35  # seconds of quiet after a change before the order is priced again

log = logging.getLogger(__name__)


class CheckoutState(ThemedTexts):
    """One instance per `widgets.checkout(...)` call; `config` is set when it is built."""

    config: ClassVar[dict[str, Any]] = {}
    text_kind: ClassVar[str] = "checkout"
    text_defaults: ClassVar[Mapping[str, str]] = DEFAULT_TEXTS

    status: str = "loading"  # loading | ready | error | no_customer | unavailable | success
    error_detail: str = ""
    step: int = 0
    steps: rx.Field[list[StepView]] = rx.field(default_factory=list)
    step_id: str = ""
    is_last_step: bool = False
    plan_heading: str = ""
    plan_description: str = ""
    current_note: str = ""
    periods: rx.Field[list[PeriodOption]] = rx.field(default_factory=list)
    quantities: rx.Field[list[QuantityView]] = rx.field(default_factory=list)
    addons: rx.Field[list[AddonRow]] = rx.field(default_factory=list)
    cards: rx.Field[list[CardOption]] = rx.field(default_factory=list)
    payment_choice: str = "new"
    lines: rx.Field[list[SummaryLine]] = rx.field(default_factory=list)
    due_today: str = ""
    next_charge: str = ""
    notes: list[str] = []
    pricing: bool = True
    summary_error: str = ""
    promo_open: bool = False
    promo_code: str = ""
    promo_error: str = ""
    cta: str = ""
    cta_enabled: bool = False
    submitting: bool = False
    form_error: str = ""
    card_error: str = ""
    is_downgrade_free: bool = False
    current_plan_name: str = ""
    downgrade_note: str = ""
    success_title: str = ""
    success_body: str = ""

    _paywall: Paywall | None = None
    _sub: SubscriptionPublic | None = None
    _methods: list[PaymentMethodPublic] = rx.field(default_factory=list)
    _order: Order = rx.field(default_factory=Order)
    _preview: Preview | None = None
    _seq: int = 0
    _order_key: str = ""

    # -- loading ---------------------------------------------------------------------------
    @rx.event
    async def load(self):
        """Fetch the catalog, the customer's subscription and cards (on mount)."""
        self._request = await resolve(type(self).config, self)
        self.status = "loading"
        if not self._request.get("plan_id"):
            return  # a route or state input not known yet: the widget remounts once it is
        yield
        async for event in self._fetch():
            yield event

    @rx.event
    async def retry(self):
        self.status = "loading"
        yield
        async for event in self._fetch():
            yield event

    async def _fetch(self):
        req = self._request
        product = req["product_id"]
        try:
            paywall, subs, methods = await actions.load(req)
        except NoCustomer:
            self.status = "no_customer"
            return
        except (TollgateError, RuntimeError, ValueError) as exc:
            log.warning("checkout failed to load: %s", exc)
            self.status, self.error_detail = "error", actions.detail(exc)
            return
        self._paywall, self._methods = paywall, list(methods)
        await self._load_theme_texts(paywall.locale)
        self._sub = model.live_subscription(list(subs), product)
        plan = model.plan_of(paywall, req["plan_id"])
        if plan is None or plan.pricing_type == "custom":
            self.status = "unavailable"
            return
        self._order = model.initial_order(paywall, plan, self._sub, req.get("billing_period"),
                                          req.get("quantities"), req.get("intent") or "")
        default = next((m for m in self._methods if m.is_default), None)
        self.payment_choice = default.id if default else "new"
        self.step, self.status, self.error_detail = 0, "ready", ""
        self.promo_open, self.promo_code, self.promo_error = False, "", ""
        self.form_error = self.card_error = ""
        yield self._changed()

    # -- choices ---------------------------------------------------------------------------
    @rx.event
    def select_period(self, period: str):
        plan = self._plan()
        if plan is None or period not in model.plan_periods(plan):
            return None
        self._order = model.switch_period(self._paywall, plan, self._order, period)
        return self._changed()

    @rx.event
    def step_quantity(self, feature_id: str, delta: int):
        return self._set_quantity(feature_id, self._order.quantities.get(feature_id, 0) + int(delta))

    @rx.event
    def type_quantity(self, feature_id: str, text: str):
        try:
            wanted = int(str(text).strip())
        except ValueError:
            wanted = self._order.quantities.get(feature_id, 1)
        return self._set_quantity(feature_id, wanted)

    def _set_quantity(self, feature_id: str, wanted: int):
        plan = self._plan()
        price = model.price_for(plan, self._order.period) if plan else None
        component = next((c for c in model.quantity_components(price)
                          if c.feature_id == feature_id), None)
        if component is None:
            return None
        self._order.quantities[feature_id] = pricing.clamp(component, wanted)
        return self._changed()

    @rx.event
    def toggle_addon(self, addon_id: str):
        if addon_id not in {r.id for r in self.addons}:
            return None
        if self._order.addons.get(addon_id):
            self._order.addons.pop(addon_id)
        else:
            self._order.addons[addon_id] = 1
        return self._changed()

    @rx.event
    def step_addon(self, addon_id: str, delta: int):
        row = next((r for r in self.addons if r.id == addon_id), None)
        if row is None:
            return None
        qty = max(0, self._order.addons.get(addon_id, 0) + int(delta))
        if delta > 0 and not row.can_increase:
            return None
        if qty:
            self._order.addons[addon_id] = qty
        else:
            self._order.addons.pop(addon_id, None)
        return self._changed()

    @rx.event
    def open_promo(self):
        self.promo_open, self.promo_error = True, ""

    @rx.event
    def apply_promo(self, form: dict[str, Any]):
        code = str(form.get("promo_code", "")).strip()
        if not code:
            self.promo_error = ""
            return None
        self._order.coupon, self.promo_code, self.promo_error = code.upper(), code.upper(), ""
        return self._changed()

    @rx.event
    def remove_promo(self):
        self._order.coupon, self.promo_code, self.promo_error = "", "", ""
        return self._changed()

    @rx.event
    def choose_payment(self, choice: str):
        if choice == "new" or any(m.id == choice for m in self._methods):
            self.payment_choice, self.card_error = choice, ""

    # -- navigation --------------------------------------------------------------------------
    @rx.event
    def next_step(self):
        if self.step < len(self.steps) - 1:
            self.step += 1
            self._render()

    @rx.event
    def back(self):
        if self.step > 0:
            self.step -= 1
            self._render()

    @rx.event
    def go_to_step(self, index: int):
        if 0 <= int(index) < self.step:
            self.step = int(index)
            self._render()

    @rx.event
    def leave(self):
        handler = type(self).config.get("on_cancel")
        return handler() if handler is not None else None

    @rx.event
    def finish(self):
        handler = type(self).config.get("on_continue")
        return handler() if handler is not None else None

    # -- pricing -----------------------------------------------------------------------------
    def _changed(self):
        """Re-render, and price the new order after a short quiet period."""
        self._seq += 1
        self._order_key = "chk_" + secrets.token_urlsafe(12)  # a new order, a new key
        self.pricing, self.summary_error = True, ""
        self._render()
        return type(self).fetch_preview(self._seq, PREVIEW_DELAY)

    @rx.event(background=True)
    async def fetch_preview(self, seq: int, delay: float):
        """Price the order after `delay` unless a newer change came in meanwhile. A refused
        promotion code is explained next to its field and the order priced without it."""
        if delay:
            await asyncio.sleep(delay)
        for _ in range(2):
            async with self:
                if self._seq != seq or self._paywall is None:
                    return
                sub, order, req = self._sub, dataclasses.replace(self._order), dict(self._request)
            preview, error, reason = await actions.price(req, sub, order)
            async with self:
                if self._seq != seq:
                    return
                if reason is not None and self._order.coupon:
                    plan = self._plan()
                    self.promo_error = model.promo_message(
                        reason, error, plan.display_name if plan else "", self._texts())
                    self._order.coupon, self.promo_code = "", ""
                    continue
                self.pricing, self._preview = False, preview
                if preview is not None and self._order.coupon:
                    self.promo_error = ""
                self.summary_error = fill(self._texts()["summary_error"], detail=error) \
                    if error else ""
                self._render()
                return

    # -- confirming --------------------------------------------------------------------------
    @rx.event
    async def confirm(self, form: dict[str, Any]):
        """Add the new card if one was entered, then apply the order once (an
        `Idempotency-Key` per order makes a double click or retry charge nothing twice)."""
        if self.status != "ready" or self.submitting or not self.cta_enabled:
            return
        texts = self._texts()
        self.submitting, self.form_error, self.card_error = True, "", ""
        yield
        req, sub, order, key = self._request, self._sub, self._order, self._order_key
        try:
            if self.step_id == "payment":
                await self._pay_with(form, texts)
            result = await actions.apply(req, sub, order, key)
        except actions.CardRefused as exc:
            self.card_error = str(exc)
            return
        except TollgateError as exc:
            if exc.status == 402:
                self.form_error = fill(texts["declined"],
                                       detail=exc.problem.get("decline_code") or actions.detail(exc))
                self._order_key = "chk_" + secrets.token_urlsafe(12)
            else:
                self.form_error = fill(texts["failed"], detail=actions.detail(exc))
            return
        except (RuntimeError, ValueError) as exc:
            self.form_error = fill(texts["failed"], detail=actions.detail(exc))
            return
        finally:
            self.submitting = False
        self._succeeded(result, texts)
        handler = type(self).config.get("on_checkout_completed")
        if handler is not None:
            yield handler(self._completion(result))

    async def _pay_with(self, form: dict[str, Any], texts: dict[str, str]) -> None:
        """Charge the chosen saved card, or add the new one typed into the form."""
        if self.payment_choice != "new":
            chosen = next((m for m in self._methods if m.id == self.payment_choice), None)
            if chosen is not None:
                await actions.use_saved_card(self._request, chosen)
            return
        method = await actions.add_card(self._request, form, texts, f"{self._order_key}-card")
        self._methods = [m for m in self._methods if m.id != method.id] + [method]
        self.payment_choice = method.id
        self._render()

    def _succeeded(self, result: ChangeResult, texts: dict[str, str]) -> None:
        plan = self._plan()
        card = next((m for m in self._methods if m.id == self.payment_choice), None)
        locale = self._locale()
        self.success_title, self.success_body = model.success_texts(
            result, plan.display_name if plan else result.subscription.plan_id,
            model.card_label(card, texts) if card else "", lambda d: format_date(d, locale),
            texts)
        self._sub = result.subscription
        self.status = "success"

    def _completion(self, result: ChangeResult) -> dict[str, Any]:
        plan = self._plan()
        return model.completion(result, plan.display_name if plan else "")

    # -- rendering ---------------------------------------------------------------------------
    async def _texts_changed(self) -> None:
        self._render()

    def _locale(self) -> str:
        return self._paywall.locale if self._paywall else "en_US"

    def _plan(self) -> PaywallPlan | None:
        if self._paywall is None:
            return None
        return model.plan_of(self._paywall, self._order.plan_id)

    def _render(self) -> None:
        paywall, plan = self._paywall, self._plan()
        if paywall is None or plan is None:
            return
        texts, order, sub = self._texts(), self._order, self._sub
        ids = model.step_ids(paywall, plan, order)
        self.step = min(self.step, len(ids) - 1)
        self.steps = model.step_views(ids, self.step, texts)
        self.step_id, self.is_last_step = ids[self.step], self.step == len(ids) - 1
        self.plan_heading = fill(texts["plan_heading"], plan=plan.display_name)
        self.plan_description = plan.description or ""
        current = model.plan_of(paywall, sub.plan_id) if sub else None
        self.current_plan_name = current.display_name if current else (sub.plan_id if sub else "")
        self.current_note = fill(texts["change_current"], plan=self.current_plan_name) \
            if sub and sub.plan_id != plan.id else ""
        self.periods = model.period_options(paywall, plan, order, texts)
        self.quantities = model.quantity_views(plan, order, paywall.locale, texts)
        self.addons = model.addon_rows(paywall, plan, order, texts)
        self.cards = model.card_options(self._methods, texts)
        self._render_summary(plan, texts)

    def _render_summary(self, plan: PaywallPlan, texts: dict[str, str]) -> None:
        preview, order, sub = self._preview, self._order, self._sub
        locale = self._locale()

        def date_of(value):
            return format_date(value, locale)

        self.is_downgrade_free = sub is not None and plan.pricing_type == "free" \
            and sub.plan_id != plan.id
        self.downgrade_note = ""
        if preview is not None and not self.pricing:
            self.lines = model.summary_lines(preview)
            self.due_today = preview.immediate.total.formatted
            self.next_charge = model.next_charge(preview, order.period, date_of, texts)
            self.notes = model.summary_notes(preview, plan, order, date_of, texts)
            if self.is_downgrade_free:
                self.downgrade_note = fill(texts["downgrade_note"], current=self.current_plan_name,
                                           plan=plan.display_name,
                                           date=date_of(preview.effective_at))
        elif not self.pricing:
            self.lines, self.due_today, self.next_charge, self.notes = [], "", "", []
        unchanged = model.is_unchanged(order, sub)
        self.cta = model.cta_label(plan, sub, order, preview, texts)
        ready = preview is not None and not self.pricing and not self.summary_error
        self.cta_enabled = (not self.is_last_step) or (ready and not unchanged)
