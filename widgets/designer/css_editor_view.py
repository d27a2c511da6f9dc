"""The designer's custom CSS editor: the theme's own rules, kept inside the widgets, applied
to the preview as you type; unsafe or out-of-scope rules are refused with a clear error."""

from __future__ import annotations

import reflex as rx

from widgets.designer.controls_state import ControlsState as C
from widgets.designer.custom_css import PLACEHOLDER
from widgets.designer.state import DesignerState as S

_HELP_ID = "dz-css-help"
_ERROR_ID = "dz-css-error"


def _sync() -> rx.Component:
    """Re-reads the draft's CSS after undo, redo, a starter, a rollback or the first load: a
    new key remounts it, and mounting syncs."""
    key = S.doc["custom_css"].to_string() + "|" + S.loaded.to_string()
    return rx.fragment(rx.el.div(on_mount=C.sync_css, hidden=True), key=key)


def css_editor() -> rx.Component:
    """The Custom CSS section of the panel."""
    return rx.el.section(
        rx.el.h2("Custom CSS", class_name="dz-section-title", id="dz-css-title"),
        rx.el.div(
            rx.el.label("Rules for the widgets", html_for="dz-css", class_name="dz-label"),
            rx.debounce_input(rx.el.textarea(
                id="dz-css", value=C.css_text, on_change=C.set_css, on_blur=C.end_css_edit,
                spell_check=False,
                auto_complete="off", placeholder=PLACEHOLDER, rows=8,
                class_name=rx.cond(C.css_error != "", "dz-textarea dz-code dz-invalid",
                                   "dz-textarea dz-code"),
                aria_invalid=rx.cond(C.css_error != "", "true", "false"),
                aria_describedby=rx.cond(C.css_error != "", f"{_ERROR_ID} {_HELP_ID}",
                                         _HELP_ID),
                custom_attrs={"data-testid": "custom-css"},
            ), debounce_timeout=300),
            rx.el.p("Start every selector with .tg-root. No @import, url() only over https, "
                    "no scripts. Applies to the preview as you type.", id=_HELP_ID,
                    class_name="dz-hint"),
            rx.cond(C.css_error != "", rx.el.p(
                rx.icon("circle-alert", size=14, aria_hidden="true"), C.css_error,
                id=_ERROR_ID, class_name="dz-error", role="alert",
                custom_attrs={"data-testid": "custom-css-error"})),
            _sync(),
            class_name="dz-field",
        ),
        class_name="dz-section", aria_labelledby="dz-css-title",
        custom_attrs={"data-testid": "css-editor"},
    )
