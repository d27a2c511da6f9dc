"""Rows of the designer's versions list: newest first, dates, the live one, a summary, the
note and who published."""

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from widgets.designer import versions_model


@dataclass
class Version:
    version: int
    live: bool
    document: dict[str, Any]
    published_at: datetime
    note: str = ""
    published_by: str = ""


def test_rows_are_newest_first_with_date_live_flag_and_summary() -> None:
    at = datetime(2026, 3, 4, 9, 5, tzinfo=UTC)
    rows = versions_model.rows([
        Version(1, False, {}, at),
        Version(2, True, {"tokens": {"semantic": {"light": {"primary": "#000"}},
                                     "component": {"paywall-gap": "8px"}},
                          "custom_css": ".tg-root{}"}, at, "Darker CTA", "Designer (tg_sk_ab…)"),
    ])
    assert [r["version"] for r in rows] == [2, 1]
    assert rows[0]["live"] and not rows[1]["live"]
    assert rows[0]["published_at"] == "04 Mar 2026, 09:05 UTC"
    assert rows[0]["published_iso"].startswith("2026-03-04T09:05")
    assert rows[0]["summary"] == "2 tokens · custom CSS"
    assert rows[1]["summary"] == "Default theme"
    assert (rows[0]["note"], rows[0]["published_by"]) == ("Darker CTA", "Designer (tg_sk_ab…)")
    assert (rows[1]["note"], rows[1]["published_by"]) == ("", "")


def test_summary_counts_a_token_once_across_modes() -> None:
    doc = {"tokens": {"base": {"light": {"gray.1": "#fff"}, "dark": {"gray.1": "#000"}}},
           "font": {"family": "system-serif"}}
    assert versions_model.summary(doc) == "1 token · font"
