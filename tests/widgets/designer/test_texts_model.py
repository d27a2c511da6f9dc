"""The Texts panel's document edits: set, reset, list with defaults and fallbacks, locales."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tokens import check
from widgets.designer import texts_model as m


def test_set_and_reset_a_text_leave_a_valid_document_and_the_original_untouched() -> None:
    doc = {"name": "House"}
    new = m.set_text(doc, "paywall", "fr-FR", "cta_subscribe", "S'abonner")
    assert new["texts"] == {"paywall": {"fr-FR": {"cta_subscribe": "S'abonner"}}}
    assert doc == {"name": "House"}
    assert check(new).errors == []
    assert m.reset_text(new, "paywall", "fr-FR", "cta_subscribe") == {"name": "House"}


def test_an_empty_text_goes_back_to_the_fallback() -> None:
    doc = m.set_text({}, "checkout", "en", "title", "Pay")
    doc = m.set_text(doc, "checkout", "en", "back", "Previous")
    doc = m.set_text(doc, "checkout", "en", "title", "  ")
    assert doc == {"texts": {"checkout": {"en": {"back": "Previous"}}}}


def test_unknown_widgets_keys_locales_and_long_texts_are_refused() -> None:
    with pytest.raises(ValueError, match="no text"):
        m.set_text({}, "paywall", "en", "cta.subscribe", "x")
    with pytest.raises(ValueError, match="unknown widget"):
        m.set_text({}, "pricing", "en", "title", "x")
    with pytest.raises(ValueError, match="locale"):
        m.set_text({}, "paywall", "French", "cta_subscribe", "x")
    with pytest.raises(ValueError, match="500"):
        m.set_text({}, "paywall", "en", "cta_subscribe", "x" * 501)


def test_rows_show_defaults_values_and_what_a_locale_inherits() -> None:
    doc = m.set_text({}, "paywall", "en", "cta_subscribe", "Start now")
    doc = m.set_text(doc, "paywall", "fr-FR", "cta_upgrade", "Monter en gamme")
    rows = {r.key: r for r in m.rows(doc, "paywall", "fr-FR")}
    assert rows["cta_upgrade"].value == "Monter en gamme" and rows["cta_upgrade"].overridden
    assert rows["cta_subscribe"].value == "" and rows["cta_subscribe"].inherited == "Start now"
    assert rows["cta_downgrade"].inherited == rows["cta_downgrade"].default == "Downgrade"
    assert rows["cta_start_trial"].label == "Button start trial"
    assert list(rows)[:2] == ["period_group_label", "period_monthly"]  # catalogue order
    assert m.count_set(doc, "paywall", "fr-FR") == 1


def test_the_filter_matches_key_label_default_or_value_in_any_case() -> None:
    doc = m.set_text({}, "paywall", "en", "highlight_chip", "Best value")
    assert [r.key for r in m.rows(doc, "paywall", "en", "BEST")] == ["highlight_chip"]
    assert [r.key for r in m.rows(doc, "paywall", "en", "most popular")] == ["highlight_chip"]
    assert {r.key for r in m.rows(doc, "paywall", "en", "cta_up")} == {"cta_upgrade"}
    assert m.rows(doc, "paywall", "en", "no such text") == []


def test_locales_are_the_usual_ones_then_those_in_the_document() -> None:
    doc = m.set_text({}, "usage_bars", "nl-NL", "title", "Gebruik")
    doc = m.set_text(doc, "paywall", "fr_FR", "cta_upgrade", "Monter")
    found = m.locales(doc)
    assert found[:7] == list(m.LOCALES) and "ja-JP" in found
    assert found[7:] == ["nl-NL"]  # fr_FR is fr-FR, already offered


keys = st.sampled_from(["cta_subscribe", "cta_upgrade", "loading", "empty_title"])
locales = st.sampled_from(["en", "fr-FR", "de-DE"])
edits = st.lists(st.tuples(locales, keys, st.text(max_size=20)), max_size=8)


@given(edits)
def test_setting_then_resetting_every_text_gives_back_the_document(changes) -> None:
    doc: dict = {"name": "House"}
    for locale, key, text in changes:
        doc = m.set_text(doc, "paywall", locale, key, text)
        assert m.text_of(doc, "paywall", locale, key) == (text if text.strip() else "")
    assert check(doc).errors == []
    for locale, key, _ in changes:
        doc = m.reset_text(doc, "paywall", locale, key)
    assert doc == {"name": "House"}
