"""Checkout's calls to the API, each acting for the customer by token: price an order, add a
card, apply an order once."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from backend.client import TollgateError
from backend.payments.schemas import PaymentMethodPublic
from backend.subscriptions.schemas import ChangeResult, Preview, SubscriptionPublic
from widgets._customer import as_customer
from widgets.checkout import model
from widgets.checkout.model import Order


class CardRefused(ValueError):
    """The card form is incomplete or the API refused the card; the message says why."""


def detail(exc: Exception) -> str:
    """The most useful sentence of an error."""
    return getattr(exc, "detail", "") or str(exc)


async def _call(req: Mapping[str, Any], fn):
    return await as_customer(req.get("customer_id") or None, req.get("customer_token") or None, fn)


async def load(req: Mapping[str, Any]):
    """The customer's paywall, subscriptions and cards, fetched together."""

    async def fetch(c):
        return await asyncio.gather(
            c.get_my_paywall(req["product_id"], currency=req.get("currency") or None),
            c.list_my_subscriptions(), c.list_my_payment_methods())

    return await _call(req, fetch)


async def price(req: Mapping[str, Any], sub: SubscriptionPublic | None,
                order: Order) -> tuple[Preview | None, str, str | None]:
    """The preview of `order` (None when it changes nothing), or the error, and the reason a
    promotion code was refused."""
    if sub is not None and model.is_unchanged(order, sub):
        return None, "", None
    body = model.request_body(order, create=sub is None)

    async def call(client):
        if sub is None:
            return await client.preview_my_subscription(body)
        return await client.preview_my_update(sub.id, body)

    try:
        return await _call(req, call), "", None
    except TollgateError as exc:
        fields = {e.get("field") for e in exc.problem.get("errors") or []}
        reason = exc.problem.get("reason") if "coupon_code" in fields else None
        return None, detail(exc), reason or ("other" if "coupon_code" in fields else None)
    except (RuntimeError, ValueError) as exc:
        return None, detail(exc), None


async def use_saved_card(req: Mapping[str, Any], method: PaymentMethodPublic) -> None:
    """Make a saved card the one charged, if it is not already."""
    if not method.is_default:
        await _call(req, lambda c: c.set_my_default_payment_method(method.id))


async def add_card(req: Mapping[str, Any], form: Mapping[str, Any], texts: Mapping[str, str],
                   key: str) -> PaymentMethodPublic:
    """Add the card typed into the form as the default; `CardRefused` says what is wrong."""
    number = str(form.get("card_number", "")).strip()
    expiry_text = str(form.get("card_expiry", "")).strip()
    cvc = str(form.get("card_cvc", "")).strip()
    if not number or not cvc or not expiry_text:
        raise CardRefused(texts["card_required"])
    expiry = model.parse_expiry(expiry_text)
    if expiry is None:
        raise CardRefused(texts["card_expiry_invalid"])
    body = {"card_number": number, "exp_month": expiry[0], "exp_year": expiry[1], "cvc": cvc,
            "make_default": True}
    try:
        return await _call(req, lambda c: c.add_my_payment_method(body, idempotency_key=key))
    except TollgateError as exc:
        errors = exc.problem.get("errors") or []
        raise CardRefused((errors[0].get("message") if errors else "") or detail(exc)) from exc


async def apply(req: Mapping[str, Any], sub: SubscriptionPublic | None, order: Order,
                key: str) -> ChangeResult:
    """Subscribe or change the subscription; the same `key` never applies an order twice."""
    body = model.request_body(order, create=sub is None)
    if sub is None:
        return await _call(req, lambda c: c.create_my_subscription(body, idempotency_key=key))
    return await _call(req, lambda c: c.update_my_subscription(sub.id, body, idempotency_key=key))
