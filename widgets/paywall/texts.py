"""Default texts of the Paywall widget; any of them can be replaced with `text_overrides`.

Placeholders in braces are filled in by the widget: `{percent}`, `{days}`, `{plan}`,
`{amount}`.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULT_TEXTS: dict[str, str] = {
    "period_group_label": "Billing period",
    "period_monthly": "Monthly",
    "period_annual": "Annual",
    "savings_badge": "Save {percent}%",
    "highlight_chip": "Most popular",
    "current_chip": "Your plan",
    "price_caption_monthly": "per month",
    "price_caption_annual": "per month, billed annually",
    "price_note_annual": "{amount} billed yearly",
    "price_note_monthly": "",
    "price_free": "Free",
    "price_caption_free": "free forever, no card required",
    "price_custom": "Custom",
    "price_caption_custom": "tailored to your organisation",
    "features_title": "Includes:",
    "features_title_inherited": "Everything in {plan}, plus:",
    "addons_title": "Available add-ons:",
    "addon_price": "{amount}/mo",
    "cta_subscribe": "Get started",
    "cta_start_trial": "Start {days}-day trial",
    "cta_upgrade": "Upgrade",
    "cta_downgrade": "Downgrade",
    "cta_current": "Current plan",
    "cta_switch_period_monthly": "Switch to monthly billing",
    "cta_switch_period_annual": "Switch to annual billing",
    "cta_contact_us": "Contact us",
    "loading": "Loading plans…",
    "error_title": "We couldn't load the plans",
    "error_body": "Something went wrong while fetching prices. Please try again.",
    "error_retry": "Retry",
    "empty_title": "No plans available yet",
    "empty_body": "Plans will appear here as soon as they are published.",
}


def merge_texts(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """Defaults with `overrides` applied; an unknown key raises so typos fail loudly."""
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - set(DEFAULT_TEXTS))
    if unknown:
        raise ValueError(f"unknown paywall text keys: {', '.join(unknown)}")
    return {**DEFAULT_TEXTS, **{k: str(v) for k, v in overrides.items()}}


def fill(template: str, **values: object) -> str:
    """A text with its `{placeholders}` filled; placeholders it does not use are ignored."""
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", str(value))
    return out
