"""Paywall texts: defaults, overrides and placeholders."""

import pytest

from widgets.paywall.texts import DEFAULT_TEXTS, fill, merge_texts


def test_defaults_are_returned_without_overrides() -> None:
    assert merge_texts() == DEFAULT_TEXTS
    assert merge_texts()["cta_current"] == "Current plan"


def test_overrides_replace_single_texts() -> None:
    texts = merge_texts({"highlight_chip": "Recommended", "cta_contact_us": "Talk to sales"})
    assert texts["highlight_chip"] == "Recommended"
    assert texts["cta_contact_us"] == "Talk to sales"
    assert texts["cta_upgrade"] == "Upgrade"
    assert DEFAULT_TEXTS["highlight_chip"] == "Most popular"  # defaults untouched


def test_unknown_keys_fail_loudly() -> None:
    with pytest.raises(ValueError, match="hightlight_chip"):
        merge_texts({"hightlight_chip": "Typo"})


def test_fill_replaces_known_placeholders_only() -> None:
    assert fill("Save {percent}%", percent=17) == "Save 17%"
    assert fill("Start {days}-day trial", days=14) == "Start 14-day trial"
    assert fill("{amount} and {other}", amount="$5") == "$5 and {other}"
