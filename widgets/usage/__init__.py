"""Usage bars: how much of each metered feature a customer has used this period."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx
from reflex.vars import Var

from widgets._ui.texts import merge
from widgets._ui.varref import static_or_ref
from widgets.usage.component import UsageWidget
from widgets.usage.model import DEFAULT_TEXTS

MaybeVar = str | Var | None


def usage_bars(*, customer_id: MaybeVar = None, customer_token: MaybeVar = None,
               locale: MaybeVar = None, text_overrides: Mapping[str, str] | None = None,
               title: bool = True, class_name: str = "") -> rx.Component:
    """Progress bars of the customer's metered features (warning from 70%, full at 100%) with
    their reset dates, refreshed every few seconds while shown. `customer_id` is a state var of
    your app read on the server (or pass a `customer_token`)."""
    merge(DEFAULT_TEXTS, text_overrides, "usage")
    inputs = {"customer_id": customer_id, "customer_token": customer_token, "locale": locale}
    config: dict[str, Any] = {k: static_or_ref(v, k) for k, v in inputs.items()}
    config["text_overrides"] = dict(text_overrides or {})
    widget = UsageWidget.create(config=config, title=title, class_name=class_name)
    key: Var = Var.create("tg-usage")
    for part in (customer_id, customer_token):
        key = key + "|" + (part.to_string() if isinstance(part, Var) else str(part or ""))
    return rx.fragment(widget, key=key)


__all__ = ["DEFAULT_TEXTS", "usage_bars"]
