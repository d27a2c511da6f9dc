"""The hosted widget pages, one function each; every widget reads its inputs from `EmbedState`
on the server once the frame's key, origin and token are verified."""

from __future__ import annotations

import reflex as rx

import widgets
from widgets.embed.state import EmbedState
from widgets.embed.view import frame

S = EmbedState


def paywall_page() -> rx.Component:
    """Public plans and prices, read with the page's publishable key (or, given a customer
    token, the customer's paywall with their plan marked)."""
    return frame("paywall", lambda: widgets.paywall(
        S.product, on_plan_selected=S.plan_selected, customer_token=S.customer_token,
        currency=S.currency, locale=S.locale,
        publishable_key=S.publishable_key, highlighted_plan_id=S.plan,
        preferred_billing_period=S.period))


def portal_page() -> rx.Component:
    """The customer's subscription, usage, add-ons, payment method, invoices and the plans to
    change to (customer token); choosing a plan tells the host page (`planSelected`)."""
    return frame("portal", lambda: widgets.customer_portal(
        S.product, customer_token=S.customer_token, locale=S.locale,
        publishable_key=S.publishable_key, on_plan_selected=S.plan_selected))


def checkout_page() -> rx.Component:
    """Checkout of one plan for the token's customer."""
    return frame("checkout", lambda: widgets.checkout(
        S.product, S.plan, customer_token=S.customer_token, billing_period=S.period,
        currency=S.currency, publishable_key=S.publishable_key,
        on_checkout_completed=S.checkout_completed))


def credit_balance_page() -> rx.Component:
    return frame("credit-balance", lambda: widgets.credit_balance(
        S.credit_currency, customer_token=S.customer_token, locale=S.locale,
        publishable_key=S.publishable_key, on_purchase=S.credits_purchased))


def credit_usage_page() -> rx.Component:
    return frame("credit-usage", lambda: widgets.credit_usage(
        S.credit_currency, customer_token=S.customer_token, locale=S.locale,
        publishable_key=S.publishable_key))


def credit_grants_page() -> rx.Component:
    return frame("credit-grants", lambda: widgets.credit_grants(
        S.credit_currency, customer_token=S.customer_token, locale=S.locale,
        publishable_key=S.publishable_key))


def auto_recharge_page() -> rx.Component:
    return frame("auto-recharge", lambda: widgets.auto_recharge(
        S.credit_currency, customer_token=S.customer_token, locale=S.locale,
        publishable_key=S.publishable_key))


PAGES = {"paywall": paywall_page, "portal": portal_page, "checkout": checkout_page,
         "credit-balance": credit_balance_page, "credit-usage": credit_usage_page,
         "credit-grants": credit_grants_page, "auto-recharge": auto_recharge_page}
