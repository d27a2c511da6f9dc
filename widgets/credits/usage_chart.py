"""The CreditUsage widget: credits a customer used per hour, day or month, stacked by feature,
with the total spend, a range selector and a per-feature summary that doubles as the chart's
text alternative."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import plotly.io as pio
import reflex as rx
from plotly.graph_objs.layout import Template
from reflex.vars import LiteralVar, Var

from widgets._ui.feedback import empty_state, sr_only, testid
from widgets._ui.live import keyed, live_config, status_body
from widgets.credits.chart_model import RANGES, LegendRow, range_options
from widgets.credits.chart_texts import chart_texts
from widgets.credits.usage_chart_state import CreditUsageState

MaybeVar = str | Var | None
PLOT_CONFIG = {"displayModeBar": False, "responsive": True, "scrollZoom": False,
               "doubleClick": False, "showTips": False}


def _legend_row(row: Var[LegendRow]) -> rx.Component:
    return rx.el.li(
        rx.el.span(class_name="tg-credit-usage-swatch", style={"background": row.swatch},
                   aria_hidden="true"),
        rx.el.span(row.name, class_name="tg-credit-usage-legend-name"),
        rx.el.span(row.share, class_name="tg-credit-usage-legend-share"),
        rx.el.span(row.amount, class_name="tg-credit-usage-legend-amount",
                   custom_attrs=testid("legend-amount")),
        class_name="tg-credit-usage-legend-row",
        custom_attrs=testid("credit-legend-" + row.feature_id),
    )


def _range_select(state: type[CreditUsageState], texts: Mapping[str, str],
                  uid: str) -> rx.Component:
    return rx.el.div(
        rx.el.label(texts["range_label"], html_for=uid, class_name="tg-sr-only"),
        rx.el.select(
            *[rx.el.option(label, value=value) for value, label in range_options(texts)],
            id=uid, value=state.range, on_change=state.set_range,
            class_name="tg-credit-usage-select", custom_attrs=testid("credit-usage-range"),
        ),
        rx.icon("chevron-down", size=16, class_name="tg-credit-usage-select-icon",
                aria_hidden="true"),
        class_name="tg-credit-usage-select-wrap",
    )


def _chart(state: type[CreditUsageState], texts: Mapping[str, str],
           appearance: Var | str | None = None) -> rx.Component:
    figure = rx.color_mode_cond(light=state.figure_light, dark=state.figure_dark) \
        if appearance is None else rx.cond(appearance == "dark", state.figure_dark,
                                            state.figure_light)
    plot = rx.plotly.basic(
        data=figure,
        template=LiteralVar.create(pio.templates["none"]).to(Template),
        config=PLOT_CONFIG, use_resize_handler=True,
        style={"width": "100%", "height": "100%"},
    )
    return rx.el.div(
        rx.el.div(plot, class_name="tg-credit-usage-plot", role="img", aria_label=state.chart_label,
                  custom_attrs=testid("credit-usage-plot")),
        rx.el.p(state.caption, class_name="tg-credit-usage-caption", aria_hidden="true"),
        rx.el.h4(texts["legend_label"], class_name="tg-sr-only"),
        rx.el.ul(rx.foreach(state.rows, _legend_row), class_name="tg-credit-usage-legend",
                 aria_label=texts["legend_label"], custom_attrs=testid("credit-usage-legend")),
        class_name="tg-credit-usage-chart-body",
    )


def _skeleton(texts: Mapping[str, str]) -> rx.Component:
    return rx.el.div(
        sr_only(texts["loading"]),
        rx.el.div(*[rx.el.div(class_name="tg-skeleton tg-credit-usage-skeleton-bar",
                              style={"height": f"{h}%"}) for h in (40, 65, 30, 80, 55, 70, 45,
                                                                    90, 60, 35, 75, 50)],
                  class_name="tg-credit-usage-skeleton-chart", aria_hidden="true"),
        rx.el.div(class_name="tg-skeleton tg-credit-usage-skeleton-line", aria_hidden="true"),
        role="status", aria_busy="true", class_name="tg-credit-history-loading",
        custom_attrs=testid("loading"),
    )


def render(state: type[CreditUsageState], texts: Mapping[str, str], uid: str,
           class_name: str, appearance: Var | str | None = None) -> rx.Component:
    """The widget's view for one state class."""
    ready = rx.cond(
        state.empty,
        empty_state(texts["empty_title"], texts["empty_body"]),
        _chart(state, texts, appearance),
    )
    body = status_body(state, texts, _skeleton(texts), ready)
    heading_id = f"{uid}-title"
    ready_now = state.status == "ready"
    return rx.el.section(
        rx.el.div(
            rx.el.div(
                rx.el.h3(texts["title"], id=heading_id, class_name="tg-credit-history-title"),
                rx.el.p(
                    rx.el.span(texts["total_spend"], class_name="tg-credit-usage-total-label"),
                    rx.el.span(
                        rx.cond(ready_now, state.total, "—"),
                        rx.cond(ready_now, rx.el.span(" ", state.unit,
                                                      class_name="tg-credit-usage-total-unit")),
                        class_name="tg-credit-usage-total",
                        custom_attrs=testid("credit-usage-total"),
                    ),
                    class_name="tg-credit-usage-total-block", aria_live="polite",
                ),
                class_name="tg-credit-usage-heading",
            ),
            _range_select(state, texts, f"{uid}-range"),
            class_name="tg-credit-history-header",
        ),
        rx.el.div(body, class_name="tg-credit-usage-body",
                  aria_busy=rx.cond(state.switching, "true", "false")),
        class_name=f"tg-root tg-credit-history tg-credit-usage {class_name}".strip(),
        aria_labelledby=heading_id,
        on_mount=state.load, on_unmount=state.hide,
        custom_attrs={"data-testid": "credit-usage", "data-status": state.status,
                      "data-range": state.range,
                      "data-switching": rx.cond(state.switching, "true", "false")},
    )


class CreditUsageWidget(CreditUsageState):
    @classmethod
    def get_component(cls, *, config: dict[str, Any], class_name: str = "",
                      appearance: Var | str | None = None) -> rx.Component:
        cls.config = config
        uid = f"tg-credit-usage-{cls.get_full_name().split('.')[-1]}"
        return render(cls, cls.view_texts(config), uid, class_name, appearance)


def credit_usage(currency_id: str | Var, *, customer_id: MaybeVar = None,
                 customer_token: MaybeVar = None, locale: MaybeVar = None,
                 publishable_key: MaybeVar = None,
                 range: str = "30d", text_overrides: Mapping[str, str] | None = None,
                 texts_preview: bool = False, appearance: Var | str | None = None,
                 class_name: str = "") -> rx.Component:
    """Credits of `currency_id` the customer used, stacked by feature, for the last 24 hours,
    7 days, 30 days or 12 months (`range`: "24h", "7d", "30d" or "12m", the customer can
    switch), with the total spend and each feature's total; refreshed every few seconds while
    shown. `customer_id` is a state var of your app read on the server (or pass a
    `customer_token`). `texts_preview` shows a theme draft's texts pushed with
    `widgets.preview_texts`. The chart follows the page's colour mode, or `appearance`
    ("light" / "dark", e.g. a state var) where the widget sits in a differently themed box.
    `publishable_key` (an embedded page's) picks the environment whose published theme the
    widget wears."""
    if range not in RANGES:
        raise ValueError(f"range must be one of {', '.join(RANGES)}")
    chart_texts(text_overrides)
    inputs = {"currency_id": currency_id, "customer_id": customer_id,
              "customer_token": customer_token, "locale": locale,
              "publishable_key": publishable_key}
    config = live_config(inputs, text_overrides, texts_preview, range=range)
    widget = CreditUsageWidget.create(config=config, class_name=class_name,
                                      appearance=appearance)
    return keyed(widget, "tg-credit-usage", currency_id, customer_id, customer_token)


__all__ = ["CreditUsageState", "credit_usage"]
