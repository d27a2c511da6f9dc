"""Server-side state of one Paywall instance: fetch through the client, build the cards."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Mapping
from typing import Any, ClassVar

import reflex as rx

from backend.client import TollgateError
from backend.estimates.schemas import Estimate
from backend.paywall.schemas import Paywall, PriceComponent
from widgets._client import key_client
from widgets._customer import customer_client
from widgets._ui.themed import ThemedTexts
from widgets._ui.varref import resolve
from widgets.paywall import prices as pricing
from widgets.paywall.texts import DEFAULT_TEXTS, fill
from widgets.paywall.view import Pick, PlanCard, build_cards, choose_period, savings_label

ESTIMATE_DELAY = 0.3  # seconds of quiet after a +/- click before the estimate is fetched

log = logging.getLogger(__name__)


def accepts_quantities(handler: Any) -> bool:
    """Whether the host's `on_plan_selected` takes a 4th argument (the chosen quantities).

    Handlers written for `(plan_id, billing_period, intent)` keep working unchanged.
    """
    fn = getattr(handler, "fn", handler)
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return False
    if params and params[0].name == "self":
        params = params[1:]
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return True
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 4


class PaywallState(ThemedTexts):
    """One instance per `widgets.paywall(...)` call (Reflex creates a subclass per instance).

    `config` (product, customer, currency, texts...) is set per instance when the component
    is built and never comes from the browser; state Vars in it are `VarRef`s read on the
    server at load time. The fetched `Paywall` stays in a backend-only var and is rendered into
    `cards` again whenever the billing period or a seat quantity changes.

    Seat quantities live in `_picks` (per plan). Totals for a quantity other than the backend's
    default come from `POST /api/v1/estimates` through the shared client, fetched here on the
    server, debounced, and cached per plan, period and quantity; while one loads the last total
    stays on screen, and a failed estimate shows its error inline. `selected_quantities` holds
    `{plan_id: {feature_id: quantity}}` for a host that wants to read it from state.

    Theme texts come from the theme the paywall read carries (see `ThemedTexts`).
    """

    config: ClassVar[dict[str, Any]] = {}
    text_kind: ClassVar[str] = "paywall"
    text_defaults: ClassVar[Mapping[str, str]] = DEFAULT_TEXTS

    status: str = "loading"
    period: str = "monthly"
    show_toggle: bool = False
    savings: str = ""
    cards: rx.Field[list[PlanCard]] = rx.field(default_factory=list)
    error_detail: str = ""
    selected_quantities: dict[str, dict[str, int]] = {}

    _paywall: Paywall | None = None
    _picks: dict[str, Pick] = rx.field(default_factory=dict)
    _estimates: dict[str, Estimate] = rx.field(default_factory=dict)
    _seq: dict[str, int] = rx.field(default_factory=dict)

    @rx.event
    async def load(self):
        """Fetch the paywall (fired on mount, and on remount when a Var input changes)."""
        self._request = await resolve(type(self).config, self)
        self.status = "loading"
        if not self._request.get("product_id"):
            return  # a route argument not known yet: the paywall remounts once it is
        yield
        await self._fetch()

    @rx.event
    async def retry(self):
        """Fetch again after an error."""
        self.status = "loading"
        yield
        await self._fetch()

    @rx.event
    def select_period(self, period: str):
        """Show prices and actions for another billing period."""
        if self._paywall is not None and period in self._paywall.billing_periods:
            self.period = period
            self._render()
            events = [self._schedule(plan_id, 0) for plan_id in list(self._picks)]
            return [e for e in events if e is not None]

    @rx.event
    def select_plan(self, plan_id: str):
        """A plan's button: call the host's `on_plan_selected` with what the server knows."""
        handler = type(self).config.get("on_plan_selected")
        card = next((c for c in self.cards if c.id == plan_id), None)
        if handler is None or card is None or not card.cta_enabled:
            return None
        args: list[Any] = [plan_id, self.period, card.intent]
        if accepts_quantities(handler):
            args.append(dict(card.quantities))
        return handler(*args)

    @rx.event
    def type_quantity(self, plan_id: str, text: str):
        """A quantity typed in a seat input (already debounced in the browser)."""
        seat = self._seat(plan_id)
        if seat is None:
            return None
        pick = self._pick(plan_id, seat)
        pick.text = str(text).strip()
        try:
            pick.quantity = int(pick.text)
        except ValueError:
            units = pricing.units(seat)
            pick.error = fill(self._texts()["quantity_invalid"], units=units)
            pick.pending = False
            self._render()
            return None
        return self._schedule(plan_id, 0)

    @rx.event
    def step_quantity(self, plan_id: str, delta: int):
        """The - / + buttons: one seat less or more, within the plan's limits."""
        seat = self._seat(plan_id)
        if seat is None:
            return None
        pick = self._pick(plan_id, seat)
        pick.quantity = pricing.clamp(seat, pick.quantity + int(delta))
        pick.text = str(pick.quantity)
        return self._schedule(plan_id, ESTIMATE_DELAY)

    @rx.event
    def commit_quantity(self, plan_id: str, text: str):
        """On blur: clamp the typed quantity into range (or back to the last valid one)."""
        seat = self._seat(plan_id)
        if seat is None:
            return None
        pick = self._pick(plan_id, seat)
        try:
            wanted = int(str(text).strip())
        except ValueError:
            wanted = pick.quantity
        quantity = pricing.clamp(seat, wanted)
        if quantity == pick.quantity and pick.text == str(quantity) and not pick.error:
            return None
        pick.quantity, pick.text = quantity, str(quantity)
        return self._schedule(plan_id, 0)

    @rx.event(background=True)
    async def fetch_estimate(self, plan_id: str, seq: int, delay: float):
        """Price the chosen quantity after `delay` unless a newer change came in meanwhile."""
        if delay:
            await asyncio.sleep(delay)
        async with self:
            if self._seq.get(plan_id) != seq:
                return
            body = self._estimate_body(plan_id)
            key = self._key(plan_id)
            publishable_key = self._request.get("publishable_key")
        if body is None:
            return
        error = ""
        try:
            estimate = await key_client(publishable_key).estimate(body)
        except (TollgateError, RuntimeError, ValueError) as exc:
            estimate, error = None, getattr(exc, "detail", "") or str(exc)
        async with self:
            if self._seq.get(plan_id) != seq:
                return
            pick = self._picks.get(plan_id)
            if pick is None:
                return
            if estimate is not None:
                self._estimates[key] = estimate
                pick.error = ""
            else:
                seat = self._seat(plan_id)
                units = pricing.units(seat, pick.quantity) if seat else ""
                pick.error = fill(self._texts()["estimate_error"], quantity=pick.text,
                                  units=units, detail=error)
            pick.pending = False
            self._render()

    def _seat(self, plan_id: str) -> PriceComponent | None:
        if self._paywall is None:
            return None
        plan = next((p for p in self._paywall.plans if p.id == plan_id), None)
        if plan is None or plan.pricing_type != "paid":
            return None
        price = next((p for p in plan.prices if p.billing_period == self.period), None)
        return pricing.quantity_component(price)

    def _pick(self, plan_id: str, seat: PriceComponent) -> Pick:
        if plan_id not in self._picks:
            quantity = pricing.default_quantity(seat)
            self._picks[plan_id] = Pick(quantity=quantity, text=str(quantity))
        return self._picks[plan_id]

    def _key(self, plan_id: str) -> str:
        pick = self._picks.get(plan_id)
        return f"{plan_id}|{self.period}|{pick.quantity if pick else 0}"

    def _schedule(self, plan_id: str, delay: float):
        """Mark the plan's total as updating and queue its (debounced) estimate, if needed."""
        pick, seat = self._picks.get(plan_id), self._seat(plan_id)
        if pick is None or seat is None:
            return None
        self._seq[plan_id] = seq = self._seq.get(plan_id, 0) + 1
        pick.error = ""
        in_range = pricing.clamp(seat, pick.quantity) == pick.quantity
        known = self._key(plan_id) in self._estimates
        pick.pending = not known and (pick.quantity != pricing.default_quantity(seat)
                                      or not in_range)
        self._render()
        if not pick.pending:
            return None
        return type(self).fetch_estimate(plan_id, seq, delay)

    def _estimate_body(self, plan_id: str) -> dict[str, Any] | None:
        pick, seat, paywall = self._picks.get(plan_id), self._seat(plan_id), self._paywall
        if pick is None or seat is None or paywall is None or not seat.feature_id:
            return None
        request = self._request
        return {
            "plan_id": plan_id,
            "billing_period": self.period,
            "quantities": {seat.feature_id: pick.quantity},
            "customer_id": request.get("customer_id") or None,
            "currency": paywall.currency,
            "locale": paywall.locale,
        }

    async def _fetch(self) -> None:
        request = self._request
        try:
            options = {"currency": request.get("currency") or None,
                       "country": request.get("country") or None,
                       "locale": request.get("locale") or None}
            if request.get("customer_token"):
                client = await customer_client(None, request["customer_token"])
                paywall = await client.get_my_paywall(request["product_id"], **options)
            else:
                paywall = await key_client(request.get("publishable_key")).get_paywall(
                    request["product_id"], customer_id=request.get("customer_id") or None,
                    **options)
        except (TollgateError, RuntimeError, ValueError) as exc:
            log.warning("Failed to load paywall %s: %s", request.get("product_id"), exc)
            self.status = "error"
            self.error_detail = getattr(exc, "detail", "") or str(exc)
            return
        self._paywall = paywall
        published = (paywall.theme.document.get("texts") or {}) if paywall.theme else None
        await self._load_theme_texts(request.get("locale") or paywall.locale, published)
        self._picks, self._estimates, self._seq = {}, {}, {}
        self.period = choose_period(paywall, request.get("preferred_billing_period"))
        self._render()
        self.error_detail = ""
        self.status = "ready"

    async def _texts_changed(self) -> None:
        self._render()

    def _render(self) -> None:
        paywall = self._paywall
        if paywall is None:
            return
        texts = self._texts()
        highlighted = self._request.get("highlighted_plan_id") or None
        picks = {plan_id: Pick(quantity=p.quantity, text=p.text, error=p.error,
                               pending=p.pending, estimate=self._estimates.get(
                                   f"{plan_id}|{self.period}|{p.quantity}"))
                 for plan_id, p in self._picks.items()}
        previous = {c.id: c for c in self.cards}
        cards = build_cards(paywall, self.period, texts, highlighted, picks)
        for card in cards:  # while loading, or after an error, keep the last total shown
            last = previous.get(card.id)
            if card.has_quantity and not card.total and last is not None:
                card.total, card.total_note = last.total, last.total_note
        self.cards = cards
        self.selected_quantities = {c.id: c.quantities for c in self.cards if c.quantities}
        self.show_toggle = len(paywall.billing_periods) > 1
        self.savings = savings_label(paywall, texts)
