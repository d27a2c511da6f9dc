"""The frame of every demo page: header (navigation, who is signed in, colour mode) and footer."""

from __future__ import annotations

import reflex as rx

from widgets._ui.fonts import inter_font
from widgets.demo.state import StorefrontState


def header(current: str) -> rx.Component:
    """The demo site's header; `current` names the page (its label in the navigation)."""
    nav = [("Product", "/app"), ("Credits", "/credits"), ("Pricing", "/"),
           ("Account", "/account"), ("Designer", "/designer"), ("Docs", "#")]
    return rx.el.header(
        rx.el.div(
            rx.el.a(
                rx.el.span(rx.icon("orbit", size=16), class_name="sf-logo-mark",
                           aria_hidden="true"),
                rx.el.span("Orbit"),
                href="/", class_name="sf-logo", aria_label="Orbit Workspace home",
            ),
            rx.el.nav(
                *[rx.el.a(label, href=href, class_name="sf-nav-link",
                          aria_current="page" if label == current else None)
                  for label, href in nav],
                class_name="sf-nav", aria_label="Main",
            ),
            rx.el.div(
                rx.el.button(
                    rx.color_mode_cond(light=rx.icon("moon", size=18),
                                       dark=rx.icon("sun", size=18)),
                    type="button",
                    on_click=rx.toggle_color_mode,
                    class_name="sf-icon-button",
                    aria_label=rx.color_mode_cond(light="Switch to dark mode",
                                                  dark="Switch to light mode"),
                    custom_attrs={"data-testid": "color-mode"},
                ),
                rx.cond(
                    StorefrontState.customer_id != "",
                    rx.el.a(rx.icon("circle-user-round", size=16), StorefrontState.customer_name,
                            href="/account", class_name="sf-account-chip",
                            aria_label="Your account: " + StorefrontState.customer_name,
                            custom_attrs={"data-testid": "signed-in-as"}),
                    rx.el.a("Sign in", href="/#view-as", class_name="sf-nav-link"),
                ),
                rx.el.a("Start free", href="/#plans", class_name="sf-header-cta"),
                class_name="sf-header-actions",
            ),
            class_name="sf-container sf-header-inner",
        ),
        class_name="sf-header",
    )

def footer() -> rx.Component:
    """The demo site's footer."""
    return rx.el.footer(
        rx.el.div(
            rx.el.span("© 2026 Orbit Labs, Inc."),
            rx.el.span("Pricing and plans powered by Tollgate", class_name="sf-footer-powered"),
            class_name="sf-container sf-footer-inner",
        ),
        class_name="sf-footer",
    )


def page(current: str, *children: rx.Component) -> rx.Component:
    """A demo page: header, `children` in <main>, footer."""
    return rx.el.div(
        inter_font(),
        header(current),
        rx.el.main(*children),
        footer(),
        class_name="tg-root sf-page",
    )
