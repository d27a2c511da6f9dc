"""Overridable texts of the credit balance and auto-recharge widgets. `{placeholders}` are
filled by the view model; `text_overrides` must use these keys (typos raise)."""

from __future__ import annotations

from collections.abc import Mapping

from widgets._ui.texts import merge

BALANCE_TEXTS: dict[str, str] = {
    "title": "Credit balance",
    "loading": "Loading your credit balance…",
    "empty_title": "No credits yet",
    "empty_body": "Credits you buy or receive with your plan will show up here.",
    "no_customer_title": "Sign in to see your credits",
    "no_customer_body": "Your credit balance appears here once you are signed in.",
    "error_title": "We couldn't load your credits",
    "error_body": "Please try again in a moment.",
    "error_retry": "Retry",
    "remaining": "remaining",
    "bar_label": "Credits remaining",
    "of_in_force": "{current} of {in_force} {units} left",
    "nothing_in_force": "No credits available right now",
    "expires": "{amount} {units} expire on {date}",
    "scheduled": "{amount} more {units} become available later",
    "overdraft_title": "Overdrawn",
    "overdraft": "You have used {amount} {units} more than you had. They will be taken from "
                 "the next credits you receive or buy.",
    "low": "Running low",
    "add_credits": "Add credits",
    "dialog_title": "Add credits",
    "dialog_body": "Buy credits with your saved card. They are added to your balance at once.",
    "options_legend": "How many credits?",
    "option": "{amount} {units}",
    "custom": "Custom amount",
    "custom_label": "Number of credits",
    "custom_placeholder": "e.g. 1,500",
    "custom_required": "Enter how many credits to buy.",
    "custom_number": "Enter a whole number, such as 1500.",
    "custom_positive": "Enter at least 1 credit.",
    "custom_max": "You can buy at most {max} credits at once.",
    "custom_min_price": "Buy at least {min} credits (the smallest amount we can charge).",
    "total": "Total",
    "pay_with": "Charged to",
    "card": "{brand} ending in {last4}",
    "no_card": "No card on file",
    "no_card_body": "Add a card in your account to buy credits.",
    "buy": "Buy {amount} {units} for {price}",
    "buy_plain": "Buy credits",
    "buying": "Processing…",
    "cancel": "Cancel",
    "declined": "Your card was declined: {reason}",
    "failed": "The purchase did not go through: {reason}",
    "purchased": "{amount} {units} added to your balance.",
}

RECHARGE_TEXTS: dict[str, str] = {
    "title": "Auto-recharge",
    "loading": "Loading auto-recharge settings…",
    "no_customer_title": "Sign in to manage auto-recharge",
    "no_customer_body": "Automatic top-ups can be set up once you are signed in.",
    "error_title": "We couldn't load auto-recharge",
    "error_body": "Please try again in a moment.",
    "error_retry": "Retry",
    "active": "Active",
    "off": "Off",
    "manage": "Manage",
    "set_up": "Set up",
    "not_set_up": "Top up automatically so you never run out of {units}.",
    "paused": "Automatic recharge is off. Your settings are kept.",
    "unavailable": "Automatic recharge isn't available for these credits.",
    "summary": "Recharge to {target} {units} when the balance drops below {threshold}.",
    "threshold_credits": "{amount} {units}",
    "spend": "{spent} of {limit} spent this month",
    "spend_label": "Monthly spending",
    "no_limit": "No monthly limit · {spent} spent this month",
    "last": "Last recharge: {credits} {units} for {cost} on {date}",
    "last_failed": "Last recharge failed on {date}: {reason}",
    "succeeded": "Succeeded",
    "failed": "Failed",
    "form_title": "Auto-recharge settings",
    "enabled": "Recharge automatically",
    "enabled_hint": "We buy credits with your saved card when your balance runs low.",
    "threshold": "When the balance drops below",
    "threshold_type": "Measured in",
    "threshold_placeholder": "e.g. 500",
    "target_placeholder": "e.g. 2,000",
    "limit_placeholder": "No limit",
    "type_credits": "Credits",
    "type_amount": "Value in {currency}",
    "target": "Recharge the balance up to",
    "target_hint": "Each recharge buys the difference at {price} per {unit}.",
    "limit": "Monthly spending limit",
    "limit_hint": "Optional. Recharges stop for the month once this much was spent.",
    "expiry": "Recharged credits expire after",
    "expiry_hint": "Optional. Leave empty and recharged credits do not expire.",
    "days": "days",
    "save": "Save settings",
    "saving": "Saving…",
    "cancel": "Cancel",
    "saved": "Auto-recharge settings saved.",
    "save_failed": "We couldn't save your settings: {reason}",
    "required": "Enter a value.",
    "number": "Enter a number, such as 500.",
    "whole": "Enter a whole number of days.",
    "decimals": "Use at most {places} decimal places.",
    "too_large": "Enter a smaller number.",
    "threshold_min": "The threshold cannot be negative.",
    "target_min": "The target must be above 0.",
    "target_above": "The target must be above the threshold ({threshold}).",
    "limit_positive": "The limit must be above 0.",
    "expiry_range": "Enter between 1 and 3,660 days.",
    "below_now": "Your balance ({balance}) is already below this threshold: saving "
                 "recharges at the next consumption.",
    "limit_spent": "You have already spent {spent} this month, so no more recharges happen "
                   "until next month.",
    "limit_small": "One recharge can cost up to {cost}, more than this monthly limit.",
}


def balance_texts(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The balance widget's texts with `overrides` applied (unknown keys raise)."""
    return merge(BALANCE_TEXTS, overrides, "credit_balance")


def recharge_texts(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The auto-recharge widget's texts with `overrides` applied (unknown keys raise)."""
    return merge(RECHARGE_TEXTS, overrides, "auto_recharge")
