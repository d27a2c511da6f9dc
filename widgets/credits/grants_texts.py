"""Overridable texts of the credit grants table. `{placeholders}` are filled by the view model;
`text_overrides` must use these keys (typos raise)."""

from __future__ import annotations

from collections.abc import Mapping

from widgets._ui.texts import merge

GRANTS_TEXTS: dict[str, str] = {
    "title": "Credit grants",
    "caption": "Credits you received and what is left of each, in {units}",
    "col_received": "Received",
    "col_type": "Type",
    "col_status": "Status",
    "col_amount": "Amount",
    "col_consumed": "Used",
    "col_remaining": "Remaining",
    "col_expires": "Expires",
    "type_paid": "Top-up",
    "type_promotional": "Promotional",
    "type_recurring": "Recurring",
    "type_recharge": "Automatic recharge",
    "status_active": "Active",
    "status_scheduled": "Scheduled",
    "status_depleted": "Depleted",
    "status_expired": "Expired",
    "status_voided": "Voided",
    "paid_for": "Paid {amount}",
    "starts": "Starts {date}",
    "never": "—",
    "never_label": "Never expires",
    "sort_hint": "Select a column heading to sort",
    "shown": "{count} shown",
    "show_more": "Show more",
    "loading_more": "Loading…",
    "more_failed": "We couldn't load more grants: {detail}",
    "loading": "Loading credit grants…",
    "empty_title": "No credit grants yet",
    "empty_body": "Credits you buy, receive with your plan or as a promotion appear here.",
    "no_customer_title": "Sign in to see your credit grants",
    "no_customer_body": "Your credit grants appear here once you are signed in.",
    "error_title": "We couldn't load your credit grants",
    "error_body": "Please try again in a moment.",
    "error_retry": "Retry",
}


def grants_texts(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The grants table's texts with `overrides` applied (unknown keys raise)."""
    return merge(GRANTS_TEXTS, overrides, "credit_grants")
