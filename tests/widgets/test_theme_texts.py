"""Theme texts, pure: locale fallback and the precedence defaults < published < host < props."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from widgets._ui.theme_texts import layered, locale_chain, texts_for, theme_layer

DEFAULTS = {"cta_subscribe": "Get started", "cta_upgrade": "Upgrade", "loading": "Loading…"}


def test_locale_chain_goes_from_locale_to_language_to_english() -> None:
    assert locale_chain("fr_FR") == ["fr-fr", "fr", "en"]
    assert locale_chain("pt-BR") == ["pt-br", "pt", "en"]
    assert locale_chain("en_US") == ["en-us", "en"]
    assert locale_chain(None) == ["en"]


def test_each_key_comes_from_the_most_specific_locale_that_has_it() -> None:
    texts = {"paywall": {"en": {"cta_subscribe": "Start", "cta_upgrade": "Go up"},
                         "fr": {"cta_upgrade": "Passer au niveau supérieur"},
                         "fr-FR": {"cta_subscribe": "S'abonner"}}}
    assert texts_for(texts, "paywall", "fr_FR", DEFAULTS) == {
        "cta_subscribe": "S'abonner", "cta_upgrade": "Passer au niveau supérieur"}
    assert texts_for(texts, "paywall", "fr-CA", DEFAULTS) == {
        "cta_subscribe": "Start", "cta_upgrade": "Passer au niveau supérieur"}
    assert texts_for(texts, "paywall", "de-DE", DEFAULTS) == {
        "cta_subscribe": "Start", "cta_upgrade": "Go up"}


def test_unknown_keys_other_widgets_and_bad_entries_are_ignored() -> None:
    texts = {"paywall": {"en": {"cta.subscribe": "Dotted", "loading": "Wait", "n": 3},
                         "de": "not an object"},
             "checkout": {"en": {"cta_subscribe": "Pay"}}}
    assert texts_for(texts, "paywall", "de", DEFAULTS) == {"loading": "Wait"}
    assert texts_for(None, "paywall", "en", DEFAULTS) == {}


def test_props_keys_are_left_out_of_the_theme_layer() -> None:
    published = {"paywall": {"en": {"cta_subscribe": "Published", "loading": "Published"}}}
    host = {"paywall": {"en": {"loading": "Host"}}}
    layer = theme_layer("paywall", "en", DEFAULTS, published, host, props={"cta_subscribe"})
    assert layer == {"loading": "Host"}


locales = st.sampled_from(["en", "fr", "fr-FR", "de-DE"])
keys = st.sampled_from(sorted(DEFAULTS))
words = st.text(min_size=1, max_size=12)
theme_texts = st.dictionaries(locales, st.dictionaries(keys, words, max_size=3), max_size=3)


@given(published=theme_texts, host=theme_texts, props=st.dictionaries(keys, words, max_size=2),
       locale=st.sampled_from(["en", "fr_FR", "fr-BE", "de-DE", "ja-JP"]))
def test_props_always_win_and_host_beats_published(published, host, props, locale) -> None:
    pub, hst = {"paywall": published}, {"paywall": host}
    layer = theme_layer("paywall", locale, DEFAULTS, pub, hst, props)
    texts = layered(DEFAULTS, layer, props)
    from_pub = texts_for(pub, "paywall", locale, DEFAULTS)
    from_host = texts_for(hst, "paywall", locale, DEFAULTS)
    assert set(texts) == set(DEFAULTS)
    for key in DEFAULTS:
        if key in props:
            assert texts[key] == props[key]
        elif key in from_host:
            assert texts[key] == from_host[key]
        elif key in from_pub:
            assert texts[key] == from_pub[key]
        else:
            assert texts[key] == DEFAULTS[key]
