"""The Paywall widget: a pricing table rendered from the backend's paywall endpoint."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import reflex as rx
from reflex.vars import Var

from widgets._ui.varref import static_or_ref
from widgets.paywall.component import PaywallWidget, PlanSelectedHandler
from widgets.paywall.state import PaywallState
from widgets.paywall.texts import DEFAULT_TEXTS, merge_texts

MaybeVar = str | Var | None


def _key_part(value: MaybeVar) -> Var | str:
    if isinstance(value, Var):
        return value.to_string()
    return value or ""


def paywall(
    product_id: str | Var,
    customer_id: MaybeVar = None,
    on_plan_selected: PlanSelectedHandler | None = None,
    *,
    customer_token: MaybeVar = None,
    currency: MaybeVar = None,
    locale: MaybeVar = None,
    country: MaybeVar = None,
    publishable_key: MaybeVar = None,
    text_overrides: Mapping[str, str] | None = None,
    highlighted_plan_id: str | Var | None = None,
    preferred_billing_period: Literal["monthly", "annual"] | Var | None = None,
    skeleton_count: int = 3,
    heading_level: int = 3,
    texts_preview: bool = False,
    class_name: str = "",
) -> rx.Component:
    """A pricing table for `product_id`, loaded from the backend when it mounts.

    `customer_id` (None for an anonymous visitor) marks the customer's current plan and picks
    upgrade/downgrade actions. It and the other string inputs may be state vars such as
    `AuthState.customer_id`: they are read on the server when the paywall loads (the browser
    cannot substitute another customer) and the paywall reloads when they change.
    `on_plan_selected` is called with `(plan_id, billing_period, intent)` when a plan's button
    is clicked. If the handler takes a fourth positional parameter (or `*args`) it also gets
    `quantities`, `{feature_id: quantity}` for the plan's seat input (e.g. `{"seats": 12}`;
    `{}` for plans without one), so existing 3-argument handlers keep working. A host can also
    read every plan's current choice server-side from the instance's
    `selected_quantities` (`{plan_id: {feature_id: quantity}}`).

    `customer_token` (a token your server issued) does what `customer_id` does, reading the
    customer's paywall with the token. `publishable_key` (an embedded page's) reads the paywall
    of that key's environment with that key, public data only; by default the widgets'
    configured client is used.

    Per-seat and tiered plans get a seat input (min/max from the price, +/- buttons); its
    total comes from the backend's estimate endpoint, fetched in the state on the server.

    Plan names are `<h3>` headings; `heading_level` (2 to 6) fits them into the page's outline
    (the portal's plans section uses 4, under its `<h3>` title).

    Texts: the defaults, then the published theme's (`texts.paywall.<locale>`), then those of
    a theme passed to `widgets.stylesheet(theme)`, then `text_overrides` (unknown keys raise).
    `texts_preview` shows a theme draft's texts pushed with `widgets.preview_texts` instead.
    """
    merge_texts(text_overrides)
    if heading_level not in range(2, 7):
        raise ValueError("heading_level must be 2, 3, 4, 5 or 6")
    inputs = {"product_id": product_id, "customer_id": customer_id,
              "customer_token": customer_token, "currency": currency,
              "locale": locale, "country": country, "publishable_key": publishable_key}
    config: dict[str, Any] = {key: static_or_ref(value, key) for key, value in inputs.items()}
    config.update(
        text_overrides=dict(text_overrides or {}),
        highlighted_plan_id=static_or_ref(highlighted_plan_id, "highlighted_plan_id"),
        preferred_billing_period=static_or_ref(preferred_billing_period,
                                               "preferred_billing_period"),
        texts_preview=texts_preview,
    )
    widget = PaywallWidget.create(
        config=config,
        on_plan_selected=on_plan_selected,
        skeleton_count=skeleton_count,
        heading_level=heading_level,
        class_name=class_name,
    )
    key: Var = Var.create("tg")
    for part in (product_id, customer_id, customer_token, currency, locale, country):
        key = key + "|" + _key_part(part)
    return rx.fragment(widget, key=key)


__all__ = ["DEFAULT_TEXTS", "PaywallState", "paywall"]
