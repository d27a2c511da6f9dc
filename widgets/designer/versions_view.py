"""The designer's versions list: each published version with its date, note, what it changes
and who published it, the live one marked, and a confirmed "Roll back to this version"."""

from __future__ import annotations

import reflex as rx
from reflex.vars import Var

from widgets.designer.state import DesignerState as S
from widgets.designer.versions_model import VersionRow
from widgets.designer.versions_state import VersionsState as V


def _confirm(row: Var[VersionRow]) -> rx.Component:
    label = "dz-confirm-" + row.version.to_string()
    return rx.el.div(
        rx.el.p("Make version " + row.version.to_string() + " live on every page and replace "
                "the draft with it? You can undo the draft change.", id=label,
                class_name="dz-confirm-text"),
        rx.el.div(
            rx.el.button("Roll back", type="button", on_click=V.rollback, auto_focus=True,
                         class_name="tg-button dz-primary",
                         custom_attrs={"data-testid": "confirm-rollback"}),
            rx.el.button("Cancel", type="button", on_click=V.cancel,
                         class_name="tg-button tg-button-secondary"),
            class_name="dz-actions",
        ),
        role="alertdialog", aria_labelledby=label, class_name="dz-confirm",
    )


def _row(row: Var[VersionRow]) -> rx.Component:
    number = row.version.to_string()
    return rx.el.li(
        rx.el.div(
            rx.el.span("v" + number, class_name="dz-version-no"),
            rx.el.div(
                rx.el.time(row.published_at, date_time=row.published_iso,
                           class_name="dz-version-date"),
                rx.cond(row.note != "", rx.el.span(row.note, class_name="dz-version-note",
                                                   custom_attrs={"data-testid": "version-note"})),
                rx.el.span(row.summary, class_name="dz-hint"),
                rx.cond(row.published_by != "",
                        rx.el.span("by " + row.published_by, class_name="dz-hint")),
                rx.cond(~row.live, rx.el.button(
                    "Roll back to this version", type="button", on_click=V.ask(row.version),
                    class_name="dz-link", aria_label="Roll back to version " + number,
                    custom_attrs={"data-testid": "rollback-" + number})),
                class_name="dz-version-meta",
            ),
            rx.cond(row.live, rx.el.span("Live", class_name="dz-live",
                                         custom_attrs={"data-testid": "version-live"})),
            class_name="dz-version-row",
        ),
        rx.cond(V.confirming == row.version, _confirm(row)),
        class_name="dz-version", custom_attrs={"data-testid": "version-" + number},
    )


def versions_panel() -> rx.Component:
    """The Versions section of the panel (reloads after each publish)."""
    reload = rx.fragment(rx.el.div(on_mount=V.load, hidden=True),
                         key=S.live_version.to_string() + "|" + S.loaded.to_string())
    return rx.el.section(
        rx.el.h2("Published versions", class_name="dz-section-title", id="dz-versions-title"),
        rx.cond(V.versions.length() > 0,
                rx.el.ol(rx.foreach(V.versions, _row), class_name="dz-versions",
                         aria_labelledby="dz-versions-title",
                         custom_attrs={"data-testid": "versions"}),
                rx.el.p(rx.cond(V.loading, "Loading versions…",
                                "Nothing published yet. Publish to create version 1."),
                        class_name="dz-hint")),
        rx.el.p(V.message, class_name="dz-message", role="status",
                custom_attrs={"data-testid": "versions-message"}),
        reload,
        class_name="dz-section", aria_labelledby="dz-versions-title",
    )
