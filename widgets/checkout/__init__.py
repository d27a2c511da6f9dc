"""The Checkout widget: a customer picks billing cycle, quantities, add-ons and payment, sees
exactly what is charged today and next, and subscribes or changes plan."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets._ui.varref import static_or_ref
from widgets.checkout.component import CheckoutWidget
from widgets.checkout.state import CheckoutState
from widgets.checkout.texts import DEFAULT_TEXTS, merge_texts

MaybeVar = str | Var | None


def _key_part(value: Any) -> Var | str:
    if isinstance(value, Var):
        return value.to_string()
    return str(value or "")


def checkout(
    product_id: str | Var,
    plan_id: str | Var,
    *,
    customer_id: MaybeVar = None,
    customer_token: MaybeVar = None,
    publishable_key: MaybeVar = None,
    billing_period: MaybeVar = None,
    quantities: Mapping[str, int] | Var | None = None,
    intent: MaybeVar = None,
    currency: MaybeVar = None,
    on_checkout_completed: Callable[..., Any] | None = None,
    on_continue: Callable[..., Any] | None = None,
    on_cancel: Callable[..., Any] | None = None,
    text_overrides: Mapping[str, str] | None = None,
    texts_preview: bool = False,
    class_name: str = "",
) -> rx.Component:
    """Checkout of `plan_id` for a signed-in customer.

    `customer_id` is a state var of your app (read on the server, so the browser cannot act for
    another customer); alternatively pass a `customer_token` your server issued. New customers
    subscribe; customers with a live subscription to the product change it (upgrades now with
    proration, downgrades at period end), seeing the exact amounts before confirming.
    `billing_period`, `quantities` (`{"seats": 12}`) and `intent` (the paywall's, e.g.
    `start_trial`) preset the order; each may be a state var.

    `on_checkout_completed(result)` is called once the order is applied, with `result` =
    `{subscription_id, plan_id, plan_name, billing_period, change, effective, invoice_id,
    amount_charged}`. `on_continue()` adds a button to the success screen (e.g. to your account
    page); `on_cancel()` adds "Back to plans".

    Texts: defaults < the published theme's < a theme passed to `widgets.stylesheet(theme)` <
    `text_overrides`, in the customer's locale. `texts_preview` shows a theme draft's texts
    pushed with `widgets.preview_texts` instead.
    `publishable_key` (an embedded page's) picks the environment whose published theme the
    widget wears.
    """
    merge_texts(text_overrides)
    inputs = {"product_id": product_id, "plan_id": plan_id, "customer_id": customer_id,
              "customer_token": customer_token, "publishable_key": publishable_key,
              "billing_period": billing_period,
              "quantities": quantities, "intent": intent, "currency": currency}
    config: dict[str, Any] = {key: static_or_ref(value, key) for key, value in inputs.items()}
    config.update(text_overrides=dict(text_overrides or {}),
                  on_checkout_completed=on_checkout_completed, on_continue=on_continue,
                  on_cancel=on_cancel, texts_preview=texts_preview)
    widget = CheckoutWidget.create(config=config, class_name=class_name)
    key: Var = Var.create("tg-checkout")
    for part in (product_id, plan_id, customer_id, customer_token, billing_period, intent,
                 currency):
        key = key + "|" + _key_part(part)
    return rx.fragment(widget, key=key)


__all__ = ["DEFAULT_TEXTS", "CheckoutState", "checkout"]
