"""The designer page at `/designer`: a control panel built from the token catalogue next to a
live preview of the real widgets, themed by the edited draft."""

from __future__ import annotations

import reflex as rx

from tokens import STARTERS
from widgets.demo.shell import page
from widgets.designer import model
from widgets.designer.preview_view import preview
from widgets.designer.state import PUBLISH_NOTE_MAX, DesignerState as S
from widgets.designer.controls_view import token_sections
from widgets.designer.css_editor_view import css_editor
from widgets.designer.texts_view import texts_panel
from widgets.designer.versions_view import versions_panel


def _testid(name: str) -> dict[str, str]:
    return {"data-testid": name}


def _reset(name: str, label: str) -> rx.Component:
    return rx.el.button(rx.icon("rotate-ccw", size=16), type="button", class_name="dz-reset",
                        on_click=S.reset_token(name), disabled=~S.overridden[name],
                        aria_label=f"Reset {label} to the default", title="Reset to default")


def _warnings(name: str) -> rx.Component:
    return rx.foreach(S.token_warnings[name], lambda text: rx.el.p(
        rx.icon("triangle-alert", size=14, aria_hidden="true"), text, class_name="dz-warning",
        custom_attrs=_testid(f"warning-{name}")))


def _colour(c: model.Control) -> rx.Component:
    hex_id = f"dz-{c.name}-hex"
    return rx.el.div(
        rx.el.label(c.label, html_for=hex_id, class_name="dz-label"),
        rx.el.div(
            rx.el.input(type="color", value=S.shown[c.name], class_name="dz-swatch",
                        on_change=lambda v: S.set_colour(c.name, v),
                        aria_label=f"{c.label} colour picker",
                        custom_attrs=_testid(f"swatch-{c.name}")),
            rx.el.input(type="text", id=hex_id, default_value=S.shown[c.name],
                        key=S.shown[c.name], class_name="dz-input", spell_check=False,
                        auto_complete="off", on_blur=lambda v: S.set_colour(c.name, v),
                        custom_attrs=_testid(f"hex-{c.name}")),
            _reset(c.name, c.label),
            class_name="dz-row",
        ),
        rx.cond(S.field_errors.contains(c.name),
                rx.el.p(S.field_errors[c.name], class_name="dz-error", role="alert")),
        _warnings(c.name),
        class_name="dz-field",
    )


def _select(c: model.Control, options: dict[str, str], on_change) -> rx.Component:
    field_id = f"dz-{c.name}"
    return rx.el.div(
        rx.el.label(c.label, html_for=field_id, class_name="dz-label"),
        rx.el.div(
            rx.el.select(*[rx.el.option(text, value=value) for value, text in options.items()],
                         id=field_id, value=S.shown[c.name], on_change=on_change,
                         class_name="dz-select", custom_attrs=_testid(f"select-{c.name}")),
            _reset(c.name, c.label),
            class_name="dz-row",
        ),
        class_name="dz-field",
    )


def _radius(c: model.Control) -> rx.Component:
    low, high = model.RADIUS_RANGE
    return rx.el.div(
        rx.el.label(c.label, html_for="dz-radius", class_name="dz-label"),
        rx.el.div(
            rx.el.input(type="range", id="dz-radius", min=low, max=high, step=1,
                        value=S.shown[c.name], on_change=S.set_radius, class_name="dz-range",
                        custom_attrs=_testid("radius")),
            rx.el.span(S.shown[c.name] + "px", class_name="dz-value", aria_hidden="true"),
            _reset(c.name, c.label),
            class_name="dz-row",
        ),
        class_name="dz-field",
    )


def _control(c: model.Control) -> rx.Component:
    if c.name in model.COLOUR_ROLES:
        return _colour(c)
    if c.name == model.RADIUS_TOKEN:
        return _radius(c)
    return _select(c, model.FONTS, S.set_font)


def _section(title: str, *children: rx.Component) -> rx.Component:
    return rx.el.fieldset(rx.el.legend(title, class_name="dz-section-title"), *children,
                          class_name="dz-section")


def _button(label: str, on_click, *, primary: bool = False, **props) -> rx.Component:
    kind = "dz-primary" if primary else "tg-button-secondary"
    return rx.el.button(label, type="button", on_click=on_click,
                        class_name=f"tg-button {kind}", **props)


def _actions() -> rx.Component:
    return _section(
        "Theme",
        rx.el.div(
            _button("Undo", S.undo, disabled=S.history.length() == 0),
            _button("Redo", S.redo, disabled=S.future.length() == 0),
            _button("Save draft", S.save_draft, custom_attrs=_testid("save")),
            _button("Publish", S.publish, primary=True, custom_attrs=_testid("publish")),
            class_name="dz-actions",
        ),
        rx.el.div(
            rx.el.label("Note for the next version (optional)", html_for="dz-publish-note",
                        class_name="dz-label"),
            rx.el.input(id="dz-publish-note", default_value=S.publish_note,
                        key=S.live_version.to_string(), on_blur=S.set_publish_note,
                        max_length=PUBLISH_NOTE_MAX, auto_complete="off",
                        placeholder="e.g. Brand refresh for the spring launch",
                        class_name="dz-input", custom_attrs=_testid("publish-note")),
            class_name="dz-field",
        ),
        rx.el.p(S.message, class_name="dz-message", role="status",
                custom_attrs=_testid("designer-message")),
        rx.el.div(
            rx.el.label("Starter theme", html_for="dz-starter", class_name="dz-label"),
            rx.el.div(
                rx.el.select(*[rx.el.option(doc["name"], value=key)
                               for key, doc in STARTERS.items()],
                             id="dz-starter", value=S.starter, on_change=S.choose_starter,
                             class_name="dz-select"),
                _button("Apply", S.apply_starter),
                class_name="dz-row",
            ),
            class_name="dz-field",
        ),
    )


def _exchange() -> rx.Component:
    return _section(
        "Export and import",
        rx.el.div(_button("Export CSS", S.export_css),
                  _button("Export DTCG JSON", S.export_json), class_name="dz-actions"),
        rx.el.div(
            rx.el.label("Import DTCG JSON", html_for="dz-import", class_name="dz-label"),
            rx.el.textarea(id="dz-import", value=S.import_text, on_change=S.set_import_text,
                           class_name="dz-textarea", spell_check=False),
            rx.el.div(_button("Import", S.import_json, disabled=S.import_text == ""),
                      class_name="dz-actions"),
            class_name="dz-field",
        ),
    )


def _panel() -> rx.Component:
    sections = [_section(title, *[_control(c) for c in group])
                for title, group in model.controls().items()]
    return rx.el.div(_actions(), *sections, token_sections(), texts_panel(), css_editor(),
                     versions_panel(), _exchange(), class_name="dz-panel",
                     aria_label="Theme controls", role="region")


def designer_page() -> rx.Component:
    """The no-code theme designer."""
    head = rx.el.section(
        rx.el.h1("Theme designer", class_name="sf-page-title"),
        rx.el.p("Edit the house theme and see the real widgets change. Publish to restyle "
                "every page at once.", class_name="sf-page-lead"),
        class_name="sf-container sf-page-head",
    )
    layout = rx.el.div(_panel(), preview(), class_name="dz-layout",
                       custom_attrs={"data-loaded": rx.cond(S.loaded, "true", "false")})
    body = rx.el.section(layout,
                         class_name="sf-container sf-page-body")
    return page("Designer", head, body)
