"""Usage bars: how much of each metered feature a customer has used this period."""

from __future__ import annotations

from collections.abc import Mapping

import reflex as rx
from reflex.vars import Var

from widgets._ui.live import keyed, live_config
from widgets._ui.texts import merge
from widgets.usage.component import UsageWidget
from widgets.usage.model import DEFAULT_TEXTS

MaybeVar = str | Var | None


def usage_bars(*, customer_id: MaybeVar = None, customer_token: MaybeVar = None,
               publishable_key: MaybeVar = None,
               locale: MaybeVar = None, text_overrides: Mapping[str, str] | None = None,
               title: bool = True, texts_preview: bool = False,
               class_name: str = "") -> rx.Component:
    """Progress bars of the customer's metered features (warning from 70%, full at 100%) with
    their reset dates, refreshed every few seconds while shown. `customer_id` is a state var of
    your app read on the server (or pass a `customer_token`). `texts_preview` shows a theme
    draft's texts pushed with `widgets.preview_texts` instead of the published theme's.
    `publishable_key` (an embedded page's) picks the environment whose published theme the
    widget wears."""
    merge(DEFAULT_TEXTS, text_overrides, "usage")
    inputs = {"customer_id": customer_id, "customer_token": customer_token, "locale": locale,
              "publishable_key": publishable_key}
    config = live_config(inputs, text_overrides, texts_preview)
    widget = UsageWidget.create(config=config, title=title, class_name=class_name)
    return keyed(widget, "tg-usage", customer_id, customer_token)


__all__ = ["DEFAULT_TEXTS", "usage_bars"]
