"""The credit usage chart and grants table factories, checked on their rendered trees."""

from __future__ import annotations

import pytest
import reflex as rx

from widgets.credits.grants import credit_grants
from widgets.credits.usage_chart import credit_usage


def test_usage_chart_has_a_labelled_range_select_and_an_image_role() -> None:
    out = str(credit_usage("credits", customer_id="acme", range="7d").render())
    for needle in ("tg-credit-usage-select", "Time range", "Last 24 hours", "Last 12 months",
                   '"img"', "credit-usage-legend", "tg-credit-history", "set_range",
                   "Total spend", "No credits used in this period"):
        assert needle in out, needle


def test_grants_table_headings_sort_with_aria_sort() -> None:
    out = str(credit_grants("credits", customer_token="tok", page_size=5).render())
    for needle in ("aria-sort", "sort_by", "columnheader", "tg-credit-grants-table",
                   "Show more", "No credit grants yet", "Never expires", "data-label"):
        assert needle in out, needle


def test_factories_reject_bad_inputs() -> None:
    with pytest.raises(ValueError, match="range"):
        credit_usage("credits", customer_id="acme", range="90d")
    with pytest.raises(ValueError, match="page_size"):
        credit_grants("credits", customer_id="acme", page_size=0)
    with pytest.raises(ValueError, match="unknown credit_usage text keys"):
        credit_usage("credits", customer_id="acme", text_overrides={"titel": "x"})
    with pytest.raises(ValueError, match="unknown credit_grants text keys"):
        credit_grants("credits", customer_id="acme", text_overrides={"titel": "x"})


class _Box(rx.State):
    appearance: str = "dark"


def test_usage_chart_can_follow_a_boxes_appearance_instead_of_the_page() -> None:
    page = str(credit_usage("credits", customer_id="acme").render())
    boxed = str(credit_usage("credits", customer_id="acme", appearance=_Box.appearance).render())
    assert "resolvedColorMode" in page
    assert "resolvedColorMode" not in boxed and "_box.appearance" in boxed
