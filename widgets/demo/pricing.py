"""The demo pricing page at `/`: "Orbit Workspace" around the Paywall; a signed-in demo
customer's choice goes on to checkout."""

from __future__ import annotations

import reflex as rx

import widgets
from widgets.demo.shell import page
from widgets.demo.state import CURRENCIES, DEMO_CUSTOMERS, PRODUCT_ID, StorefrontState

FAQ = (
    ("Can I change plans later?",
     ("Yes. Upgrades take effect immediately and are prorated; downgrades apply at the end of "
      "the current billing period.")),
    ("How does annual billing work?",
     "Annual plans are paid once a year and cost about two months less than paying monthly."),
    ("What counts as an AI credit?",
     ("One credit covers a typical assistant request. Unused credits reset every month; "
      "the AI Boost add-on tops you up when you need more.")),
    ("Do you offer discounts for non-profits and education?",
     "We do. Contact our sales team with your organisation's details and we'll set you up."),
)


def _segmented(label: str, options: list[tuple[str, str]], value: rx.Var, on_change, name: str,
               testid: str) -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(label, class_name="sf-control-label"),
        rx.el.div(
            *[
                rx.el.label(
                    rx.el.input(type="radio", name=name, value=option, checked=value == option,
                                on_change=on_change(option), class_name="sf-seg-input",
                                custom_attrs={"data-testid": f"{testid}-{option or 'anonymous'}"}),
                    rx.el.span(text),
                    class_name="sf-seg-option",
                )
                for option, text in options
            ],
            class_name="sf-segmented",
        ),
        class_name="sf-control",
        custom_attrs={"data-testid": testid},
    )


def _controls() -> rx.Component:
    customers = [(cid, name) for cid, (name, _) in DEMO_CUSTOMERS.items()]
    return rx.el.div(
        _segmented("View as", customers, StorefrontState.customer_id, StorefrontState.view_as,
                   "sf-view-as", "view-as"),
        _segmented("Currency", [(c, c) for c in CURRENCIES], StorefrontState.currency,
                   StorefrontState.set_currency, "sf-currency", "currency"),
        class_name="sf-controls",
        id="view-as",
        aria_label="Demo controls",
        role="group",
    )


def _selection() -> rx.Component:
    return rx.el.div(
        rx.cond(
            StorefrontState.selection != "",
            rx.el.p(
                rx.icon("circle-check", size=18, class_name="sf-selection-icon"),
                rx.el.span("on_plan_selected received: ", class_name="sf-selection-label"),
                rx.el.strong(StorefrontState.selection),
                class_name="sf-selection-text",
            ),
            rx.el.p("Pick a plan to see what the host app receives.",
                    class_name="sf-selection-hint"),
        ),
        role="status",
        aria_live="polite",
        class_name="sf-selection",
        custom_attrs={"data-testid": "selection"},
    )


def _faq() -> rx.Component:
    return rx.el.section(
        rx.el.h2("Frequently asked questions", id="faq-title", class_name="sf-section-title"),
        rx.el.div(
            *[
                rx.el.details(
                    rx.el.summary(question, class_name="sf-faq-question"),
                    rx.el.p(answer, class_name="sf-faq-answer"),
                    class_name="sf-faq-item",
                )
                for question, answer in FAQ
            ],
            class_name="sf-faq",
        ),
        class_name="sf-container sf-faq-section",
        aria_labelledby="faq-title",
    )


def storefront() -> rx.Component:
    """The pricing page of the demo product."""
    hero = rx.el.section(
        rx.el.p("Pricing", class_name="sf-eyebrow"),
        rx.el.h1("Simple pricing that grows with your team", class_name="sf-title"),
        rx.el.p(
            "Start free, invite your team, and upgrade when you need more seats, storage "
            "and AI. Every plan includes unlimited docs and real-time collaboration.",
            class_name="sf-lead",
        ),
        _controls(),
        class_name="sf-container sf-hero",
    )
    plans = rx.el.section(
        rx.el.h2("Plans", id="plans", class_name="tg-sr-only"),
        widgets.paywall(
            PRODUCT_ID,
            customer_id=StorefrontState.customer_id,
            currency=StorefrontState.currency,
            on_plan_selected=StorefrontState.plan_selected,
            skeleton_count=4,
        ),
        _selection(),
        class_name="sf-container sf-plans",
    )
    return page("Pricing", hero, plans, _faq())
