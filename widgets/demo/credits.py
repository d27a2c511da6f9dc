"""The demo credits page at `/credits`: the signed-in demo customer's prepaid credits, with the
four credit widgets (balance with "Add credits", automatic recharge, usage, grants)."""

from __future__ import annotations

import reflex as rx

import widgets
from widgets.demo.shell import page
from widgets.demo.state import StorefrontState

CURRENCY_ID = "credits"


def credits_page() -> rx.Component:
    """Balance and auto-recharge side by side, then usage over time and every grant."""
    head = rx.el.section(
        rx.el.h1("Credits", class_name="sf-page-title"),
        rx.el.p("Prepaid credits for image generation and transcription: what you have, what "
                "you used, and automatic top-ups.", class_name="sf-page-lead"),
        class_name="sf-container sf-page-head",
    )
    who = StorefrontState.customer_id
    body = rx.el.section(
        rx.cond(
            who != "",
            rx.el.div(
                rx.el.div(
                    widgets.credit_balance(CURRENCY_ID, customer_id=who),
                    widgets.auto_recharge(CURRENCY_ID, customer_id=who),
                    class_name="sf-app-row sf-app-row-top",
                ),
                widgets.credit_usage(CURRENCY_ID, customer_id=who),
                widgets.credit_grants(CURRENCY_ID, customer_id=who),
                class_name="sf-app-grid",
            ),
            rx.el.p(rx.el.a("Choose a demo customer", href="/#view-as"),
                    " to see their credits.", class_name="sf-page-lead"),
        ),
        class_name="sf-container sf-page-body",
    )
    return page("Credits", head, body)
