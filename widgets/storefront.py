"""The demo storefront at `/`: a pricing page for "Orbit Workspace" built around the Paywall."""

from __future__ import annotations

import reflex as rx

import widgets
from widgets._ui.fonts import inter_font

PRODUCT_ID = "workspace"

# The seeded demo customers; a real host app passes its signed-in customer instead.
DEMO_CUSTOMERS: dict[str, tuple[str, str]] = {
    "": ("Anonymous visitor", "USD"),
    "acme": ("Acme Corp", "USD"),
    "globex": ("Globex GmbH", "EUR"),
    "initech": ("Initech", "GBP"),
}
CURRENCIES = ("USD", "EUR", "GBP")

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


class StorefrontState(rx.State):
    """Demo controls: who is viewing, in which currency, and the last plan selection."""

    customer_id: str = ""
    currency: str = "USD"
    selection: str = ""

    @rx.event
    def view_as(self, customer_id: str):
        """Switch the demo viewer; the currency follows the customer's."""
        if customer_id in DEMO_CUSTOMERS:
            self.customer_id = customer_id
            self.currency = DEMO_CUSTOMERS[customer_id][1]
            self.selection = ""

    @rx.event
    def set_currency(self, currency: str):
        """Show prices in another currency."""
        if currency in CURRENCIES:
            self.currency = currency

    @rx.event
    def plan_selected(self, plan_id: str, billing_period: str, intent: str,
                      quantities: dict[str, int] | None = None):
        """What the paywall's `on_plan_selected` hands the host app."""
        plan = plan_id.replace("-", " ").title()
        chosen = "".join(f" · {qty} {feature}" for feature, qty in (quantities or {}).items())
        self.selection = f"{plan} · {billing_period} · {intent}{chosen}"


def _header() -> rx.Component:
    nav = [("Product", "#"), ("Customers", "#"), ("Pricing", "/"), ("Docs", "#")]
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
                          aria_current="page" if label == "Pricing" else None)
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
                rx.el.a("Sign in", href="#", class_name="sf-nav-link"),
                rx.el.a("Start free", href="#plans", class_name="sf-header-cta"),
                class_name="sf-header-actions",
            ),
            class_name="sf-container sf-header-inner",
        ),
        class_name="sf-header",
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


def _footer() -> rx.Component:
    return rx.el.footer(
        rx.el.div(
            rx.el.span("© 2026 Orbit Labs, Inc."),
            rx.el.span("Pricing and plans powered by Tollgate", class_name="sf-footer-powered"),
            class_name="sf-container sf-footer-inner",
        ),
        class_name="sf-footer",
    )


def storefront() -> rx.Component:
    """The pricing page of the demo product."""
    return rx.el.div(
        inter_font(),
        _header(),
        rx.el.main(
            rx.el.section(
                rx.el.p("Pricing", class_name="sf-eyebrow"),
                rx.el.h1("Simple pricing that grows with your team", class_name="sf-title"),
                rx.el.p(
                    "Start free, invite your team, and upgrade when you need more seats, storage "
                    "and AI. Every plan includes unlimited docs and real-time collaboration.",
                    class_name="sf-lead",
                ),
                _controls(),
                class_name="sf-container sf-hero",
            ),
            rx.el.section(
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
            ),
            _faq(),
        ),
        _footer(),
        class_name="tg-root sf-page",
    )


STOREFRONT_CSS = """
body { margin: 0; }
.sf-page { min-height: 100vh; background: var(--tg-surface); }
.sf-container { width: 100%; max-width: 1240px; margin: 0 auto; padding: 0 24px; }
.sf-header { position: sticky; top: 0; z-index: 10;
  border-bottom: 1px solid var(--tg-border-subtle);
  background: var(--tg-surface); }
.sf-header-inner { display: flex; align-items: center; gap: 32px; height: 64px; }
.sf-logo { display: inline-flex; align-items: center; gap: 10px; color: var(--tg-text);
  text-decoration: none; font-size: 18px; font-weight: 700; letter-spacing: -0.02em; }
.sf-logo-mark { display: inline-flex; align-items: center; justify-content: center; width: 28px;
  height: 28px; border-radius: 8px; color: var(--tg-primary-text);
  background: linear-gradient(135deg, var(--tg-primary) 0%, var(--tg-primary-hover) 100%);
  box-shadow: var(--tg-shadow-2); }
.sf-nav { display: flex; gap: 4px; flex: 1; }
.sf-nav-link { padding: 6px 10px; border-radius: var(--tg-radius-2); color: var(--tg-text-muted);
  text-decoration: none; font-size: 14px; font-weight: 500; }
.sf-nav-link:hover, .sf-nav-link[aria-current="page"] { color: var(--tg-text); }
.sf-header-actions { display: flex; align-items: center; gap: 8px; }
.sf-icon-button { display: inline-flex; align-items: center; justify-content: center; width: 36px;
  height: 36px; border-radius: var(--tg-radius-2); border: 1px solid var(--tg-border-subtle);
  background: var(--tg-surface-raised); color: var(--tg-text); cursor: pointer; }
.sf-icon-button:hover { background: var(--tg-surface-hover); }
.sf-header-cta { display: inline-flex; align-items: center; height: 36px; padding: 0 14px;
  border-radius: var(--tg-radius-2); background: var(--tg-text); color: var(--tg-surface-raised);
  font-size: 14px; font-weight: 600; text-decoration: none; }
.sf-hero { text-align: center; padding-top: 80px; padding-bottom: 48px; }
.sf-eyebrow { margin: 0 0 16px; color: var(--tg-primary-soft-text); font-size: 13px;
  font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
.sf-title { margin: 0 auto; max-width: 18ch; font-size: clamp(36px, 5.4vw, 56px); line-height: 1.05;
  font-weight: 700; letter-spacing: -0.035em; color: var(--tg-text); }
.sf-lead { margin: 20px auto 0; max-width: 56ch; font-size: 18px; line-height: 1.6;
  color: var(--tg-text-muted); }
.sf-controls { display: flex; flex-wrap: wrap; justify-content: center; gap: 12px 32px;
  margin-top: 36px; }
.sf-control { margin: 0; padding: 0; border: 0; min-width: 0; }
.sf-control-label { float: left; padding: 0; margin-right: 10px; line-height: 36px;
  font-size: 13px; font-weight: 500; color: var(--tg-text-muted); }
.sf-segmented { display: inline-flex; gap: 2px; padding: 3px; border-radius: var(--tg-radius-3);
  border: 1px solid var(--tg-border-subtle); background: var(--tg-surface-sunken); }
.sf-seg-option { position: relative; display: inline-flex; align-items: center; height: 28px;
  padding: 0 12px; border-radius: 7px; font-size: 13px; font-weight: 500; cursor: pointer;
  color: var(--tg-text-muted); }
.sf-seg-option:has(.sf-seg-input:checked) { background: var(--tg-surface-raised);
  color: var(--tg-text); box-shadow: var(--tg-shadow-1); }
.sf-seg-option:has(.sf-seg-input:focus-visible) { outline: 2px solid var(--tg-focus-ring);
  outline-offset: 2px; }
.sf-seg-input { position: absolute; inset: 0; width: 100%; height: 100%; margin: 0; opacity: 0;
  cursor: pointer; }
.sf-plans { padding-bottom: 24px; }
.sf-selection { display: flex; justify-content: center; margin-top: 32px; min-height: 44px; }
.sf-selection p { margin: 0; display: inline-flex; align-items: center; gap: 8px; font-size: 14px; }
.sf-selection-hint { color: var(--tg-text-muted); }
.sf-selection-text { padding: 10px 16px; border-radius: var(--tg-radius-full);
  background: var(--tg-surface-raised); border: 1px solid var(--tg-border-subtle);
  box-shadow: var(--tg-shadow-2); color: var(--tg-text); }
.sf-selection-icon { color: var(--tg-success); }
.sf-selection-label { color: var(--tg-text-muted); font-family: var(--tg-font-mono);
  font-size: 13px; }
.sf-faq-section { padding-top: 72px; padding-bottom: 96px; }
.sf-section-title { margin: 0 0 28px; text-align: center; font-size: 28px; font-weight: 700;
  letter-spacing: -0.02em; color: var(--tg-text); }
.sf-faq { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px;
  max-width: 960px; margin: 0 auto; }
.sf-faq-item { padding: 18px 20px; border-radius: var(--tg-radius-3);
  background: var(--tg-surface-raised); border: 1px solid var(--tg-border-subtle); }
.sf-faq-question { display: flex; justify-content: space-between; gap: 16px; cursor: pointer;
  list-style: none; font-weight: 600; font-size: 15px; color: var(--tg-text); }
.sf-faq-question::-webkit-details-marker { display: none; }
.sf-faq-question::after { content: "+"; flex: none; width: 20px; text-align: center;
  font-weight: 400; font-size: 20px; line-height: 22px; color: var(--tg-text-muted);
  transition: transform 150ms ease; }
.sf-faq-item[open] .sf-faq-question::after { transform: rotate(45deg); }
.sf-faq-item { align-self: start; }
.sf-faq-answer { margin: 10px 0 0; font-size: 14px; line-height: 1.6; color: var(--tg-text-muted); }
.sf-footer { border-top: 1px solid var(--tg-border-subtle); }
.sf-footer-inner { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 8px;
  padding-top: 24px; padding-bottom: 32px; font-size: 13px; color: var(--tg-text-muted); }
.sf-segmented { white-space: nowrap; }
@media (max-width: 720px) {
  .sf-nav, .sf-header-actions .sf-nav-link { display: none; }
  .sf-header-inner { justify-content: space-between; }
  .sf-hero { padding-top: 48px; padding-bottom: 32px; }
  .sf-lead { font-size: 16px; }
  .sf-controls { flex-direction: column; align-items: center; }
  .sf-control-label { float: none; display: block; margin: 0 0 6px; line-height: 1.4;
    text-align: center; width: 100%; }
  .sf-seg-option { padding: 0 9px; }
  .sf-segmented { flex-wrap: wrap; justify-content: center; white-space: normal;
    max-width: calc(100vw - 48px); }
}
"""
