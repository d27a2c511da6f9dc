"""Server-side state of a hosted widget page: check its parameters with the backend, then let
the page render the widget (and the bridge talk to the host page), or show why not."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

import reflex as rx

from backend.client import TollgateError
from widgets._client import get_client
from widgets.embed import messages
from widgets.embed.params import (
    BadParams,
    EmbedParams,
    parse,
    path_product,
    query_of,
    widget_for,
)
from widgets.embed.problems import Problem, from_refusal, problem

log = logging.getLogger(__name__)
DEVELOPER_CODES = ("key_invalid", "origin_not_allowed", "bad_params")  # detail adds to the body


class EmbedState(rx.State):
    """One per frame. The widget options are public (they came in the URL); the customer token
    is set only once the backend has verified it, and the host origin is never read back from
    the browser: the bridge gets it from the server (`messages.start`)."""

    status: str = "checking"  # checking | ready | error
    publishable_key: str = ""
    customer_token: str = ""
    product: str = ""
    plan: str = ""
    period: str = ""
    currency: str = ""
    credit_currency: str = ""
    locale: str = ""
    error_code: str = ""
    error_title: str = ""
    error_body: str = ""
    error_detail: str = ""
    error_retryable: bool = False

    _page_origin: str = ""

    @rx.event
    async def check(self):
        """On load: install the bridge, then verify key, origin and token with the backend."""
        self.status, self.customer_token = "checking", ""
        yield rx.call_script(messages.bridge_script())
        url = str(self.router.url)
        parts = urlsplit(url)
        self._page_origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
        found = widget_for(parts.path)
        try:
            if found is None:
                raise BadParams(problem("bad_params", "Unknown widget page"))
            params = parse(found, query_of(url), path_product(found, parts.path))
        except BadParams as exc:
            self._fail(exc.problem)
            return
        self._take(params)
        verified = await self._verify(params, with_token=False)
        if isinstance(verified, Problem):
            self._fail(verified)  # the host origin is unknown: nothing goes to the host
            return
        yield rx.call_script(messages.wear_theme_of(params.key))
        acts_for_customer = found.customer or bool(params.token)  # the paywall's is optional
        customer = await self._verify(params, with_token=True) if acts_for_customer else None
        expires_at = getattr(customer, "expires_at", None)
        yield rx.call_script(messages.start(verified.origin, params.widget, expires_at))
        if isinstance(customer, Problem):
            self._fail(customer)
            yield rx.call_script(messages.emit("error", customer.message()))
            return
        self.customer_token = params.token if customer is not None else ""
        self.status = "ready"
        yield rx.call_script(messages.emit("ready", {"widget": params.widget}))

    @rx.event
    def plan_selected(self, plan_id: str, billing_period: str, intent: str,
                      quantities: dict[str, int] | None = None):
        """The paywall's on_plan_selected: tell the host page."""
        payload = messages.plan_selected(plan_id, billing_period, intent, quantities)
        return rx.call_script(messages.emit("planSelected", payload))

    @rx.event
    def checkout_completed(self, result: dict[str, Any]):
        """The checkout's on_checkout_completed: tell the host page."""
        return rx.call_script(messages.emit("checkoutCompleted",
                                            messages.checkout_completed(result)))

    @rx.event
    def credits_purchased(self, result: dict[str, Any]):
        """The credit balance's on_purchase: tell the host page."""
        return rx.call_script(messages.emit("creditsPurchased", dict(result)))

    def _take(self, params: EmbedParams) -> None:
        self.publishable_key = params.key
        self.product, self.plan, self.period = params.product, params.plan, params.period
        self.currency, self.credit_currency = params.currency, params.credit_currency
        self.locale = params.locale

    async def _verify(self, params: EmbedParams, *, with_token: bool) -> Any:
        """The backend's `FrameContextPublic`, or the `Problem` it refused the frame with."""
        try:
            return await get_client().check_frame(
                params.key, params.origin, customer_token=params.token if with_token else None,
                customer_required=with_token, page_origin=self._page_origin or None)
        except TollgateError as exc:
            if exc.status >= 500:
                log.warning("embed check failed: %s", exc)
            return from_refusal(exc.status, exc.problem)

    def _fail(self, found: Problem) -> None:
        self.status = "error"
        self.customer_token = ""
        self.error_code, self.error_title, self.error_body = found.code, found.title, found.body
        self.error_detail = found.detail if found.code in DEVELOPER_CODES else ""
        self.error_retryable = found.retryable
