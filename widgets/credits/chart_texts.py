"""Overridable texts of the credit usage chart. `{placeholders}` are filled by the view model;
`text_overrides` must use these keys (typos raise)."""

from __future__ import annotations

from collections.abc import Mapping

from widgets._ui.texts import merge

CHART_TEXTS: dict[str, str] = {
    "title": "Credit usage",
    "total_spend": "Total spend",
    "range_label": "Time range",
    "range_24h": "Last 24 hours",
    "range_7d": "Last 7 days",
    "range_30d": "Last 30 days",
    "range_12m": "Last 12 months",
    "per_hour": "Credits per hour · times in UTC",
    "per_day": "Credits per day · dates in UTC",
    "per_week": "Credits per week · dates in UTC",
    "per_month": "Credits per month · UTC",
    "amount": "{amount} {units}",
    "share": "{percent}% of total",
    "hover_total": "Total",
    "direct": "Direct use",
    "chart_label": "Stacked bar chart of {units} used, {period}, from {start} to {end}: "
                   "{total} in all. Each feature's total is listed below the chart.",
    "legend_label": "Credits used per feature",
    "utc": "UTC",
    "loading": "Loading credit usage…",
    "updating": "Updating…",
    "empty_title": "No credits used in this period",
    "empty_body": "When you use features that cost credits, they show up here.",
    "no_customer_title": "Sign in to see your credit usage",
    "no_customer_body": "Your credit usage appears here once you are signed in.",
    "error_title": "We couldn't load your credit usage",
    "error_body": "Please try again in a moment.",
    "error_retry": "Retry",
}


def chart_texts(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The usage chart's texts with `overrides` applied (unknown keys raise)."""
    return merge(CHART_TEXTS, overrides, "credit_usage")
