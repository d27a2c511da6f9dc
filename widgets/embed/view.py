"""The frame around every hosted widget: a skeleton while the page's inputs are checked, the
widget once they hold, or an accessible alert saying why not."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from widgets._ui.feedback import skeleton_cards, sr_only, testid
from widgets._ui.fonts import inter_font
from widgets.embed.css import EMBED_CSS
from widgets.embed.state import EmbedState

LOADING = "Loading…"


def skeleton(kind: str) -> rx.Component:
    """A placeholder shaped like the widget: cards for the paywall, blocks for the rest."""
    if kind == "paywall":
        return skeleton_cards(3, LOADING)
    return rx.el.div(
        sr_only(LOADING),
        rx.el.div(class_name="tg-skeleton tg-skeleton-line", style={"width": "35%"}),
        rx.el.div(class_name="tg-skeleton tg-skeleton-block"),
        rx.el.div(class_name="tg-skeleton tg-skeleton-line", style={"width": "60%"}),
        class_name="tg-embed-skeleton", role="status", aria_busy="true",
        custom_attrs=testid("loading"),
    )


def _icon() -> rx.Component:
    return rx.match(
        EmbedState.error_code,
        ("token_expired", rx.icon("clock", size=24, class_name="tg-state-icon")),
        ("token_missing", rx.icon("user-round", size=24, class_name="tg-state-icon")),
        ("token_invalid", rx.icon("lock-keyhole", size=24, class_name="tg-state-icon")),
        rx.icon("shield-alert", size=24, class_name="tg-state-icon"),
    )


def problem_view() -> rx.Component:
    """Why the widget is not shown, announced at once (role="alert")."""
    return rx.el.div(
        _icon(),
        rx.el.h1(EmbedState.error_title, class_name="tg-state-title",
                 custom_attrs=testid("embed-error-title")),
        rx.el.p(EmbedState.error_body, class_name="tg-state-body"),
        rx.cond(EmbedState.error_detail,
                rx.el.p(EmbedState.error_detail, class_name="tg-state-detail")),
        rx.cond(EmbedState.error_retryable, rx.el.button(
            rx.icon("rotate-cw", size=16), "Try again", type="button",
            on_click=rx.call_script("window.location.reload()"),
            class_name="tg-button tg-button-secondary")),
        role="alert",
        class_name="tg-state tg-state-error tg-embed-problem",
        custom_attrs={"data-testid": "embed-error", "data-code": EmbedState.error_code},
    )


def frame(kind: str, widget: Callable[[], rx.Component]) -> rx.Component:
    """A hosted page: the widget is built only for the `ready` branch, so it mounts (and
    loads) after the check, with the verified inputs."""
    return rx.el.main(
        inter_font(),
        rx.el.style(EMBED_CSS),
        rx.match(EmbedState.status,
                 ("ready", widget()),
                 ("error", problem_view()),
                 skeleton(kind)),
        class_name="tg-root tg-embed",
        custom_attrs={"data-tg-embed": kind, "data-testid": "embed",
                      "data-status": EmbedState.status},
    )
