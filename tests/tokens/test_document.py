"""Theme documents: unknown tokens, bad values, cycles, derived dark values, font, layout, texts
and the starter themes (each AA in light and dark)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokens import MODES, STARTERS, check, contrast_ratio, default_theme, derive_dark, to_css
from tokens.colour import lightness


def fields(doc: dict) -> set[str]:
    return {p.field for p in check(doc).errors}


def test_empty_document_is_the_default_theme() -> None:
    result = check({})
    assert result.errors == [] and result.warnings == []
    assert result.theme == default_theme()


@pytest.mark.parametrize(
    ("doc", "field"),
    [
        ({"tokens": {"semantic": {"light": {"nope": "#fff"}}}}, "tokens.semantic.light.nope"),
        ({"tokens": {"base": {"light": {"primary": "#fff"}}}}, "tokens.base.light.primary"),
        ({"tokens": {"semantic": {"dark": {"text": "red"}}}}, "tokens.semantic.dark.text"),
        ({"tokens": {"semantic": {"light": {"text": "{gray.99}"}}}},
         "tokens.semantic.light.text"),
        ({"tokens": {"semantic": {"light": {"text": "{space.1}"}}}},
         "tokens.semantic.light.text"),
        ({"tokens": {"component": {"paywall-price-size": "huge"}}},
         "tokens.component.paywall-price-size"),
        ({"tokens": {"component": {"paywall-align": "center"}}},
         "tokens.component.paywall-align"),
        ({"tokens": {"component": {"paywall-card-bg": "{gray.1}"}}},
         "tokens.component.paywall-card-bg"),
        ({"tokens": {"semantic": {"light": {"text": "{text-muted}"}}}},
         "tokens.semantic.light.text"),
        ({"layout": {"paywall-columns": "12"}}, "layout.paywall-columns"),
        ({"layout": {"paywall-card-bg": "#fff"}}, "layout.paywall-card-bg"),
        ({"font": {"family": "Comic<Sans>"}}, "font.family"),
        ({"font": {"family": "Fraunces", "url": "http://fonts.example/f.woff2"}}, "font.url"),
        ({"texts": {"sidebar": {"en": {"title": "x"}}}}, "texts.sidebar"),
        ({"texts": {"paywall": {"en": {"title": 3}}}}, "texts.paywall.en.title"),
        ({"custom_css": ".tg-root { color: red } html { color: red }"}, "custom_css"),
        ({"colour": "red"}, "colour"),
        ({"tokens": {"theme": {}}}, "tokens.theme"),
    ],
)
def test_bad_documents_name_the_field(doc: dict, field: str) -> None:
    assert field in fields(doc)
    assert check(doc).theme is None


def test_alias_cycles_are_found_and_reported_where_they_are() -> None:
    doc = {"tokens": {"base": {"light": {"gray.12": "{gray.11}", "gray.11": "{gray.12}"}}}}
    errors = check(doc).errors
    assert {e.field for e in errors} == {"tokens.base.light.gray.11", "tokens.base.light.gray.12",
                                         "tokens.base.dark.gray.11", "tokens.base.dark.gray.12"}
    assert all("alias cycle" in e.message for e in errors)


def test_contrast_failures_are_warnings_with_pair_mode_ratio_and_required() -> None:
    result = check({"tokens": {"semantic": {"light": {"text-muted": "#999999"}}}})
    assert result.errors == [] and result.theme is not None
    first = next(w for w in result.warnings if w.background == "surface-raised")
    assert (first.foreground, first.mode, first.ratio, first.required) == (
        "text-muted", "light", 2.85, 4.5)
    assert {w.mode for w in result.warnings} == {"light"}  # the derived dark value passes


def test_derived_dark_follows_the_default_change_of_each_token() -> None:
    default = default_theme()
    assert derive_dark("surface-raised", "#fffaf0", default) != "#fffaf0"
    assert lightness(derive_dark("surface-raised", "#fffaf0", default)) < 0.15
    assert lightness(derive_dark("text", "#2a2019", default)) > 0.85
    assert derive_dark("primary", "#9a3412", default) == "#9a3412"  # same in both modes
    assert derive_dark("primary-text", "#ffffff", default) == "#ffffff"
    assert derive_dark("surface", "{pink.2}", default) == "{pink.2}"  # scales have dark steps
    assert derive_dark("font.body", "Georgia, serif", default) == "Georgia, serif"
    theme = check({"tokens": {"semantic": {"light": {"surface-raised": "#fffaf0"}}}}).theme
    assert theme.resolve("light", "surface-raised") == "#fffaf0"
    assert theme.resolve("dark", "surface-raised") == derive_dark(
        "surface-raised", "#fffaf0", default)
    given = check({"tokens": {"semantic": {"light": {"surface-raised": "#fffaf0"},
                                           "dark": {"surface-raised": "#101010"}}}}).theme
    assert given.resolve("dark", "surface-raised") == "#101010"


def test_font_layout_texts_and_css_reach_the_theme() -> None:
    doc = {"font": {"family": "Fraunces", "url": "https://fonts.example.com/fraunces.woff2"},
           "layout": {"paywall-align": "center", "paywall-columns": "3"},
           "texts": {"paywall": {"fr-FR": {"cta.subscribe": "S'abonner"}}},
           "custom_css": ".tg-root .tg-plan-card { letter-spacing: 0.01em; }"}
    theme = check(doc).theme
    assert theme.resolve("light", "font-family").startswith('"Fraunces", ')
    assert theme.components["paywall-align"] == "center"
    assert theme.texts["paywall"]["fr-FR"]["cta.subscribe"] == "S'abonner"
    css = to_css(theme)
    assert css.startswith('@font-face { font-family: "Fraunces"; '
                          'src: url("https://fonts.example.com/fraunces.woff2");')
    assert "--tg-paywall-columns: 3;" in css
    assert theme.custom_css == ".tg-root .tg-plan-card { letter-spacing: 0.01em; }"
    serif = check({"font": {"family": "system-serif"}}).theme
    assert "Georgia" in serif.resolve("dark", "font-family")


@pytest.mark.parametrize("key", sorted(STARTERS))
def test_starter_themes_pass_aa_in_light_and_dark(key: str) -> None:
    result = check(STARTERS[key])
    assert result.errors == []
    assert [str(w) for w in result.warnings] == []
    theme = result.theme
    for mode in MODES:
        for fg, bg in theme.contrast_pairs:
            assert contrast_ratio(theme.resolve(mode, fg), theme.resolve(mode, bg)) >= 4.5


def test_starter_themes_look_different() -> None:
    themes = {k: check(d).theme for k, d in STARTERS.items()}
    looks = {(t.resolve("light", "primary"), t.resolve("dark", "surface"),
              t.resolve("light", "font-family"), t.resolve("light", "radius-card"))
             for t in themes.values()}
    assert len(looks) == len(STARTERS) >= 4
    assert len({t.resolve("light", "font-family") for t in themes.values()}) == 4


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12)
    | st.sampled_from(["#fff", "{gray.12}", "{text}", "left", "12px", "primary", "light"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["tokens", "base", "semantic", "component", "light", "dark", "primary",
                         "gray.1", "font", "family", "url", "layout", "texts", "paywall", "en",
                         "custom_css", "name", "paywall-align"]) | st.text(max_size=6),
        inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(JSON)
def test_check_never_raises_on_any_json(doc) -> None:
    result = check(doc)
    assert (result.theme is None) == bool(result.errors)
