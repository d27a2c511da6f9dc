"""The designer's Texts panel: pick a widget and a locale, filter, and edit each text with its
default as a hint; each text resets on its own."""

from __future__ import annotations

import reflex as rx
from reflex.vars import Var

from widgets.designer import texts_model as model
from widgets.designer.state import DesignerState
from widgets.designer.texts_model import TextRow
from widgets.designer.texts_state import TextsState as T

TEXTS_CSS = """
.dz-texts-pickers { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.dz-texts-count { margin: 0; font-size: 13px; color: var(--tg-text-muted); }
.dz-texts-list { list-style: none; margin: 0; padding: 0 4px 0 0; max-height: 560px;
  overflow-y: auto; }
.dz-texts-list .dz-field { padding: 10px 0; }
.dz-texts-list .dz-field + .dz-field { border-top: 1px solid var(--tg-border-subtle); }
.dz-text-key { display: block; font-family: ui-monospace, monospace; font-size: 12px;
  font-weight: 400; color: var(--tg-text-muted); overflow-wrap: anywhere; }
.dz-hint { margin: 0; font-size: 13px; line-height: 18px; color: var(--tg-text-muted);
  overflow-wrap: anywhere; }
.dz-texts-list .dz-input::placeholder { color: var(--tg-text-muted); font-style: italic;
  opacity: 1; }
"""


def _testid(name: str | Var) -> dict[str, str | Var]:
    return {"data-testid": name}


def _picker(label: str, field_id: str, options, value, on_change, test_id: str) -> rx.Component:
    return rx.el.div(
        rx.el.label(label, html_for=field_id, class_name="dz-label"),
        rx.el.select(options, id=field_id, value=value, on_change=on_change,
                     class_name="dz-select", custom_attrs=_testid(test_id)),
        class_name="dz-field",
    )


def _row(row: Var[TextRow]) -> rx.Component:
    field_id = "dz-text-" + row.key
    hint_id = field_id + "-hint"
    default = rx.cond(row.default != "", "Default: " + row.default, "Default: (empty)")
    return rx.el.li(
        rx.el.form(
            rx.el.label(row.label, rx.el.span(row.key, class_name="dz-text-key"),
                        html_for=field_id, class_name="dz-label"),
            rx.el.div(
                rx.el.input(
                    id=field_id, name="text", type="text", default_value=row.value,
                    key=T.widget + "|" + T.locale + "|" + row.key + "|" + row.value,
                    placeholder=row.inherited, max_length=model.MAX_LENGTH,
                    auto_complete="off", aria_describedby=hint_id,
                    on_blur=lambda value: T.set_text(row.key, value),
                    class_name="dz-input", custom_attrs=_testid("text-" + row.key),
                ),
                rx.el.button(rx.icon("rotate-ccw", size=16, aria_hidden="true"), type="button",
                             class_name="dz-reset", on_click=T.reset_text(row.key),
                             disabled=~row.overridden, title="Reset to default",
                             aria_label="Reset " + row.label + " to the default",
                             custom_attrs=_testid("text-reset-" + row.key)),
                class_name="dz-row",
            ),
            rx.el.p(default, id=hint_id, class_name="dz-hint"),
            on_submit=lambda form: T.submit_text(row.key, form), reset_on_submit=False,
        ),
        class_name="dz-field",
    )


def _sync_preview() -> rx.Component:
    """Re-syncs rows and preview whenever the draft's texts or the locale change (undo, redo,
    a starter, an import, the first load): a new key remounts it, and mounting syncs."""
    key = T.locale + "|" + DesignerState.doc["texts"].to_string()
    return rx.fragment(rx.el.div(on_mount=T.sync, hidden=True), key=key)


def texts_panel() -> rx.Component:
    """The Texts section of the designer's panel."""
    widgets = [rx.el.option(name, value=kind) for kind, name in model.widget_choices().items()]
    locales = rx.foreach(T.locales, lambda locale: rx.el.option(locale, value=locale))
    return rx.el.fieldset(
        rx.el.legend("Texts", class_name="dz-section-title"),
        rx.el.style(TEXTS_CSS),
        rx.el.div(
            _picker("Widget", "dz-texts-widget", widgets, T.widget, T.pick_widget,
                    "texts-widget"),
            _picker("Locale", "dz-texts-locale", locales, T.locale, T.pick_locale,
                    "texts-locale"),
            class_name="dz-texts-pickers",
        ),
        rx.el.div(
            rx.el.label("Filter texts", html_for="dz-texts-filter", class_name="dz-label"),
            rx.debounce_input(rx.el.input(
                id="dz-texts-filter", type="search", value=T.query, on_change=T.set_query,
                placeholder="Key or text", auto_complete="off", class_name="dz-input",
                custom_attrs=_testid("texts-filter")), debounce_timeout=250),
            rx.el.p(T.rows.length().to_string() + " texts · " + T.changed.to_string()
                    + " changed in " + T.locale, class_name="dz-texts-count", role="status"),
            class_name="dz-field",
        ),
        rx.cond(T.error != "", rx.el.p(T.error, class_name="dz-error", role="alert")),
        rx.el.ul(rx.foreach(T.rows, _row), class_name="dz-texts-list",
                 aria_label="Texts of the chosen widget", custom_attrs=_testid("texts-list")),
        _sync_preview(),
        class_name="dz-section",
        custom_attrs=_testid("texts-panel"),
    )
