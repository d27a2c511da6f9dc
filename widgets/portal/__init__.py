"""The CustomerPortal widget: a signed-in customer's subscription, usage, add-ons and
promotions, payment method, invoices, plans and cancellation, in one place."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets._ui.varref import static_or_ref
from widgets.paywall import paywall
from widgets.portal.component import PortalWidget
from widgets.portal.sections import SECTIONS
from widgets.portal.state import PortalState
from widgets.portal.texts import DEFAULT_TEXTS, merge_texts
from widgets.usage import usage_bars

MaybeVar = str | Var | None


def customer_portal(
    product_id: str | Var,
    *,
    customer_id: MaybeVar = None,
    customer_token: MaybeVar = None,
    publishable_key: MaybeVar = None,
    on_plan_selected: Callable[..., Any] | None = None,
    sections: Iterable[str] | None = None,
    hidden_sections: Iterable[str] = (),
    locale: MaybeVar = None,
    text_overrides: Mapping[str, str] | None = None,
    texts_preview: bool = False,
    class_name: str = "",
) -> rx.Component:
    """The customer's account for one product.

    Sections: `overview` (plan, status, trial, next bill, scheduled changes with undo,
    cancellation), `usage` (metered features as progress bars), `included`, `addons` (with
    promotions), `payment`, `invoices` and `plans` (the paywall in upgrade mode; its buttons
    call `on_plan_selected(plan_id, billing_period, intent, quantities)`, typically leading into
    checkout). Show only some with `sections=[...]` or leave some out with
    `hidden_sections=[...]`. `customer_id` is a state var of your app, read on the server; or
    pass a `customer_token` your server issued. `texts_preview` (also given to the usage bars
    and plans inside) shows a theme draft's texts pushed with `widgets.preview_texts`.
    `publishable_key` (an embedded page's) picks the environment whose published theme the
    widget wears.
    """
    merge_texts(text_overrides)
    chosen = tuple(s for s in (sections or SECTIONS) if s not in set(hidden_sections))
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown portal sections: {', '.join(sorted(unknown))}")
    inputs = {"product_id": product_id, "customer_id": customer_id,
              "customer_token": customer_token, "locale": locale,
              "publishable_key": publishable_key}
    config: dict[str, Any] = {k: static_or_ref(v, k) for k, v in inputs.items()}
    config.update(text_overrides=dict(text_overrides or {}), texts_preview=texts_preview)
    usage = usage_bars(customer_id=customer_id, customer_token=customer_token, locale=locale,
                       publishable_key=publishable_key, title=False,
                       texts_preview=texts_preview) if "usage" in chosen else None
    plans = paywall(product_id, customer_id=customer_id, customer_token=customer_token,
                    publishable_key=publishable_key, on_plan_selected=on_plan_selected,
                    heading_level=4, texts_preview=texts_preview) \
        if "plans" in chosen else None
    widget = PortalWidget.create(config=config, shown=chosen, usage=usage, plans=plans,
                                 class_name=class_name)
    key: Var = Var.create("tg-portal")
    for part in (product_id, customer_id, customer_token):
        key = key + "|" + (part.to_string() if isinstance(part, Var) else str(part or ""))
    return rx.fragment(widget, key=key)


__all__ = ["DEFAULT_TEXTS", "PortalState", "customer_portal"]
