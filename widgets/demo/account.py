"""The demo account page at `/account`: the CustomerPortal for the signed-in demo customer; its
plans lead into checkout."""

from __future__ import annotations

import reflex as rx

import widgets
from widgets.demo.shell import page
from widgets.demo.state import PRODUCT_ID, StorefrontState


def account_page() -> rx.Component:
    """The signed-in demo customer's subscription, usage, cards and invoices."""
    head = rx.el.section(
        rx.el.h1(rx.cond(StorefrontState.customer_id != "", StorefrontState.customer_name,
                         "Your account"), class_name="sf-page-title"),
        rx.el.p("Manage your plan, payment method and invoices.", class_name="sf-page-lead"),
        class_name="sf-container sf-page-head",
    )
    body = rx.el.section(
        rx.cond(
            StorefrontState.customer_id != "",
            widgets.customer_portal(PRODUCT_ID, customer_id=StorefrontState.customer_id,
                                    on_plan_selected=StorefrontState.change_plan),
            rx.el.p(rx.el.a("Choose a demo customer", href="/#view-as"),
                    " to see their account.", class_name="sf-page-lead"),
        ),
        class_name="sf-container sf-page-body",
    )
    return page("Account", head, body)
