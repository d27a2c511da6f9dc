"""The designer's live preview: light/dark and desktop/mobile switches, contrast warnings, and
tabs of the real widgets (Paywall, CustomerPortal, Checkout, the credit widgets) acting for a
demo customer, each with `texts_preview=True` and themed by the draft's scoped CSS."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventHandler, key_event

import widgets
from widgets._ui.styles import widget_css
from widgets.designer import preview_model as model
from widgets.designer.preview_css import PREVIEW_CSS
from widgets.designer.preview_state import PreviewState as P
from widgets.designer.state import DesignerState as S

# The widgets' phone rules, for the mobile preview box on a wide page.
_STYLES = PREVIEW_CSS + model.narrow_rules(widget_css(), ".dz-mobile")


class _TabList(rx.el.Div):
    """A `div` that passes key presses to the server (arrow keys between tabs)."""

    on_key_down: EventHandler[key_event]


def _toggle(label: str, options: dict[str, str], current, on_pick) -> rx.Component:
    return rx.el.div(
        *[rx.el.button(text, type="button", class_name="dz-seg-button",
                       aria_pressed=rx.cond(current == value, "true", "false"),
                       on_click=on_pick(value), custom_attrs={"data-testid": f"preview-{value}"})
          for value, text in options.items()],
        role="group", aria_label=label, class_name="dz-seg",
    )


def _tab(tab: str, label: str) -> rx.Component:
    selected = P.tab == tab
    return rx.el.button(
        label, type="button", role="tab", id=model.tab_id(tab),
        aria_selected=rx.cond(selected, "true", "false"),
        aria_controls=model.panel_id(tab), tab_index=rx.cond(selected, 0, -1),
        on_click=P.show(tab), class_name="dz-tab",
        custom_attrs={"data-testid": f"preview-tab-{tab}"},
    )


def _tablist() -> rx.Component:
    return _TabList.create(
        *[_tab(tab, label) for tab, label in model.TABS.items()],
        role="tablist", aria_label="Previewed widgets", class_name="dz-tabs", on_key_down=P.key,
    )


def _content(tab: str) -> rx.Component:
    who, product, currency = P.customer_id, model.DEMO_PRODUCT, model.DEMO_CURRENCY
    if tab == "paywall":
        return widgets.paywall(product, customer_id=who, on_plan_selected=P.plan_selected,
                               texts_preview=True)
    if tab == "portal":
        return widgets.customer_portal(product, customer_id=who,
                                       on_plan_selected=P.plan_selected, texts_preview=True)
    if tab == "checkout":
        return widgets.checkout(product, P.checkout_plan, customer_id=who,
                                billing_period=P.checkout_period, texts_preview=True)
    return rx.el.div(
        rx.el.div(widgets.credit_balance(currency, customer_id=who, texts_preview=True),
                  widgets.auto_recharge(currency, customer_id=who, texts_preview=True),
                  class_name="dz-stage-row"),
        widgets.credit_usage(currency, customer_id=who, texts_preview=True, appearance=S.mode),
        widgets.credit_grants(currency, customer_id=who, texts_preview=True),
        class_name="dz-stage-stack",
    )


def _panel(tab: str) -> rx.Component:
    """A tab's panel; only the shown one holds (and so loads) its widgets."""
    shown = P.tab == tab
    return rx.el.div(
        rx.cond(shown, _content(tab)),
        role="tabpanel", id=model.panel_id(tab), aria_labelledby=model.tab_id(tab),
        hidden=~shown, tab_index=0, class_name="tg-root dz-stage",
        custom_attrs={"data-testid": f"preview-panel-{tab}"},
    )


def _sync_theme() -> rx.Component:
    """Remounts (a new key) whenever the draft's CSS changes, and mounting pushes the draft's
    tokens to the charts, whose figures cannot read CSS variables."""
    return rx.fragment(rx.el.div(on_mount=P.sync_theme, hidden=True), key=S.preview_css)


def preview() -> rx.Component:
    """The preview section of the designer page."""
    return rx.el.section(
        rx.el.style(_STYLES),
        rx.el.div(
            _tablist(),
            rx.el.div(
                _toggle("Preview mode", {"light": "Light", "dark": "Dark"}, S.mode, S.set_mode),
                _toggle("Preview width", {"desktop": "Desktop", "mobile": "Mobile"}, S.width,
                        S.set_width),
                class_name="dz-toolbar-group",
            ),
            class_name="dz-toolbar",
        ),
        rx.cond(S.warnings.length() > 0, rx.el.details(
            rx.el.summary(S.warnings.length().to_string() + " contrast warnings",
                          class_name="dz-label"),
            rx.el.ul(rx.foreach(S.warnings, lambda w: rx.el.li(w)), class_name="dz-warnings"),
            custom_attrs={"data-testid": "warnings"})),
        _sync_theme(),
        rx.el.div(
            rx.el.style(S.preview_css),
            *[_panel(tab) for tab in model.TABS],
            class_name=rx.cond(S.width == "mobile", "tg-preview dz-preview dz-mobile",
                               "tg-preview dz-preview"),
            custom_attrs={"data-testid": "preview", "data-appearance": S.mode},
        ),
        aria_label="Live preview",
    )
