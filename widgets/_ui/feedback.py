"""Shared loading, error and empty states for the widgets (styled by `tg-*` classes)."""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.event import EventType


def testid(value: str | rx.Var) -> dict[str, Any]:
    """`custom_attrs` naming an element for the tests."""
    return {"data-testid": value}


def sr_only(text: str) -> rx.Component:
    """Text for screen readers only."""
    return rx.el.span(text, class_name="tg-sr-only")


def skeleton_cards(count: int, label: str, *, with_toolbar: bool = True) -> rx.Component:
    """Pulsing placeholder cards, announced once as `label` to assistive technology."""
    bars = [
        rx.el.div(class_name="tg-skeleton tg-skeleton-line", style={"width": width})
        for width in ("40%", "75%", "55%")
    ]
    card = rx.el.div(
        rx.el.div(class_name="tg-skeleton tg-skeleton-title"),
        rx.el.div(class_name="tg-skeleton tg-skeleton-price"),
        rx.el.div(class_name="tg-skeleton tg-skeleton-button"),
        *bars,
        class_name="tg-skeleton-card",
    )
    return rx.el.div(
        sr_only(label),
        rx.el.div(class_name="tg-skeleton tg-skeleton-toolbar") if with_toolbar else rx.fragment(),
        rx.el.div(*[card] * count, class_name="tg-skeleton-grid", aria_hidden="true"),
        class_name="tg-loading",
        role="status",
        aria_busy="true",
        custom_attrs={"data-testid": "loading"},
    )


def skeleton_lines(label: str, *lines: str, class_name: str, test_id: str) -> rx.Component:
    """Pulsing placeholder lines (each `tg-skeleton` and its class), announced once as `label`
    to assistive technology."""
    return rx.el.div(
        sr_only(label),
        *[rx.el.div(class_name=f"tg-skeleton {line}") for line in lines],
        role="status", aria_busy="true", class_name=class_name, custom_attrs=testid(test_id),
    )


def error_state(title: str, body: str, detail: rx.Var | str, retry_label: str,
                on_retry: EventType) -> rx.Component:
    """An alert with what went wrong and a Retry button."""
    return rx.el.div(
        rx.icon("circle-alert", size=28, class_name="tg-state-icon"),
        rx.el.h3(title, class_name="tg-state-title"),
        rx.el.p(body, class_name="tg-state-body"),
        rx.cond(detail, rx.el.p(detail, class_name="tg-state-detail")),
        rx.el.button(
            rx.icon("rotate-cw", size=16),
            retry_label,
            type="button",
            on_click=on_retry,
            class_name="tg-button tg-button-secondary",
            custom_attrs={"data-testid": "retry"},
        ),
        class_name="tg-state tg-state-error",
        role="alert",
        custom_attrs={"data-testid": "error"},
    )


def empty_state(title: str, body: str) -> rx.Component:
    """A calm message for when there is nothing to show."""
    return rx.el.div(
        rx.icon("package-open", size=28, class_name="tg-state-icon"),
        rx.el.h3(title, class_name="tg-state-title"),
        rx.el.p(body, class_name="tg-state-body"),
        class_name="tg-state tg-state-empty",
        custom_attrs={"data-testid": "empty"},
    )
