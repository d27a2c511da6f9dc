"""Default texts of the Paywall widget; any of them can be replaced with `text_overrides`.

Placeholders in braces are filled in by the widget: `{percent}`, `{days}`, `{plan}`,
`{amount}`,
`{unit}`, `{units}`, `{quantity}`, `{min}`, `{max}`, `{start}`, `{end}`, `{caption}`,
`{detail}`, `{credits}`.
"""

from __future__ import annotations

from collections.abc import Mapping

from widgets._ui.texts import fill, merge

DEFAULT_TEXTS: dict[str, str] = {
    "period_group_label": "Billing period",
    "period_monthly": "Monthly",
    "period_annual": "Annual",
    "savings_badge": "Save {percent}%",
    "highlight_chip": "Most popular",
    "current_chip": "Your plan",
    "price_caption_monthly": "/ month",
    "price_caption_annual": "/ month, billed annually",
    "price_note_annual": "{amount} billed yearly",
    "price_note_monthly": "",
    "price_starts_at": "Starts at",
    "unit_caption_monthly": "per {unit} / month",
    "unit_caption_annual": "per {unit} / month, billed annually",
    "usage_caption": "+ {caption}",
    "quantity_decrease": "Remove one {unit}",
    "quantity_increase": "Add one {unit}",
    "quantity_range": "{min}–{max} {units}",
    "quantity_minimum": "Minimum {min} {units}",
    "quantity_invalid": "Enter a whole number of {units}.",
    "total_monthly": "{amount} / month for {quantity} {units}",
    "total_annual": "{amount} / month for {quantity} {units}",
    "total_note_annual": "{amount} billed yearly",
    "total_updating": "Updating total…",
    "estimate_error": "Can't price {quantity} {units}: {detail}",
    "tiers_title_volume": "Price per {unit}, by team size",
    "tiers_title_graduated": "Graduated price per {unit}",
    "tier_range": "{start}–{end} {units}",
    "tier_open": "{start}+ {units}",
    "tier_period_monthly": "/ mo",
    "tier_period_annual": "/ mo",
    "price_free": "Free",
    "price_caption_free": "free forever, no card required",
    "price_custom": "Custom",
    "price_caption_custom": "tailored to your organisation",
    "features_title": "Includes:",
    "features_title_inherited": "Everything in {plan}, plus:",
    "addons_title": "Available add-ons:",
    "addon_price": "{amount}/mo",
    "addon_credit_pack": "{amount} per pack of {credits} credits",
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
    return merge(DEFAULT_TEXTS, overrides, "paywall")


__all__ = ["DEFAULT_TEXTS", "fill", "merge_texts"]
