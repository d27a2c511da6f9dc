"""Server-side state of one Paywall instance: fetch through the client, build the cards."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

import reflex as rx

from backend.client import TollgateError
from backend.paywall.schemas import Paywall
from widgets._client import get_client
from widgets._ui.varref import resolve
from widgets.paywall.texts import merge_texts
from widgets.paywall.view import PlanCard, build_cards, choose_period, savings_label

log = logging.getLogger(__name__)


class PaywallState(rx.ComponentState):
    """One instance per `widgets.paywall(...)` call (Reflex creates a subclass per instance).

    `config` (product, customer, currency, texts...) is set per instance when the component
    is built and never comes from the browser; state Vars in it are `VarRef`s read on the
    server at load time. The fetched `Paywall` stays in a backend-only var and is rendered into
    `cards` again whenever the billing period changes.
    """

    config: ClassVar[dict[str, Any]] = {}

    status: str = "loading"
    period: str = "monthly"
    show_toggle: bool = False
    savings: str = ""
    cards: rx.Field[list[PlanCard]] = rx.field(default_factory=list)
    error_detail: str = ""

    _paywall: Paywall | None = None
    _request: dict[str, Any] = rx.field(default_factory=dict)

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

    async def _fetch(self) -> None:
        request = self._request
        try:
            paywall = await get_client().get_paywall(
                request["product_id"],
                customer_id=request.get("customer_id") or None,
                currency=request.get("currency") or None,
                country=request.get("country") or None,
                locale=request.get("locale") or None,
            )
        except (TollgateError, RuntimeError, ValueError) as exc:
            log.warning("Failed to load paywall %s: %s", request.get("product_id"), exc)
            self.status = "error"
            self.error_detail = getattr(exc, "detail", "") or str(exc)
            return
        self._paywall = paywall
        self.period = choose_period(paywall, request.get("preferred_billing_period"))
        self._render()
        self.error_detail = ""
        self.status = "ready"

    def _render(self) -> None:
        paywall = self._paywall
        if paywall is None:
            return
        texts = merge_texts(self._request.get("text_overrides"))
        highlighted = self._request.get("highlighted_plan_id") or None
        self.cards = build_cards(paywall, self.period, texts, highlighted)
        self.show_toggle = len(paywall.billing_periods) > 1
        self.savings = savings_label(paywall, texts)
