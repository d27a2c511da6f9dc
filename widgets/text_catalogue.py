"""Every widget kind's default texts, from the widgets' own texts modules: what a theme's
`texts.<kind>.<locale>` may override (the designer's Texts panel lists them)."""

from __future__ import annotations

from collections.abc import Mapping

from widgets.checkout.texts import DEFAULT_TEXTS as CHECKOUT_TEXTS
from widgets.credits.chart_texts import CHART_TEXTS
from widgets.credits.grants_texts import GRANTS_TEXTS
from widgets.credits.texts import BALANCE_TEXTS, RECHARGE_TEXTS
from widgets.paywall.texts import DEFAULT_TEXTS as PAYWALL_TEXTS
from widgets.portal.texts import DEFAULT_TEXTS as PORTAL_TEXTS
from widgets.usage.model import DEFAULT_TEXTS as USAGE_TEXTS

DEFAULT_TEXTS: dict[str, Mapping[str, str]] = {
    "paywall": PAYWALL_TEXTS,
    "checkout": CHECKOUT_TEXTS,
    "customer_portal": PORTAL_TEXTS,
    "usage_bars": USAGE_TEXTS,
    "credit_balance": BALANCE_TEXTS,
    "auto_recharge": RECHARGE_TEXTS,
    "credit_usage": CHART_TEXTS,
    "credit_grants": GRANTS_TEXTS,
}
WIDGET_LABELS: dict[str, str] = {
    "paywall": "Paywall", "checkout": "Checkout", "customer_portal": "Customer portal",
    "usage_bars": "Usage bars", "credit_balance": "Credit balance",
    "auto_recharge": "Auto-recharge", "credit_usage": "Credit usage chart",
    "credit_grants": "Credit grants table",
}


def default_texts(kind: str) -> Mapping[str, str]:
    """The default texts of a widget kind; KeyError for an unknown kind."""
    return DEFAULT_TEXTS[kind]
