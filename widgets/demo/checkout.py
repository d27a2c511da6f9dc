"""The demo checkout page at `/checkout`: the plan picked on the pricing page (or in the
portal), for the signed-in demo customer."""

from __future__ import annotations

import reflex as rx

import widgets
from widgets.demo.shell import page
from widgets.demo.state import PRODUCT_ID, StorefrontState


def _nothing_chosen() -> rx.Component:
    return rx.el.div(
        rx.el.p("Pick a plan on the pricing page first, signed in as one of the demo customers.",
                class_name="sf-page-lead"),
        rx.el.a("See plans", href="/#plans", class_name="sf-header-cta sf-inline-cta"),
        class_name="sf-empty",
    )


def checkout_page() -> rx.Component:
    """Checkout for the signed-in demo customer."""
    head = rx.el.section(
        rx.el.h1("Checkout", class_name="sf-page-title"),
        rx.el.p("Review your plan, add what you need, and confirm. You see every amount before "
                "you pay.", class_name="sf-page-lead"),
        class_name="sf-container sf-page-head",
    )
    body = rx.el.section(
        rx.cond(
            (StorefrontState.checkout_plan != "") & (StorefrontState.customer_id != ""),
            widgets.checkout(
                PRODUCT_ID,
                StorefrontState.checkout_plan,
                customer_id=StorefrontState.customer_id,
                billing_period=StorefrontState.checkout_period,
                quantities=StorefrontState.checkout_quantities,
                intent=StorefrontState.checkout_intent,
                currency=StorefrontState.currency,
                on_checkout_completed=StorefrontState.checkout_completed,
                on_continue=StorefrontState.go_to_account,
                on_cancel=StorefrontState.leave_checkout,
            ),
            _nothing_chosen(),
        ),
        class_name="sf-container sf-page-body",
    )
    return page("Pricing", head, body)
