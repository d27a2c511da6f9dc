"""Theme tokens: contrast maths, alias resolution, layering rules and the CSS export."""

import re

import pytest

from tokens import (
    MODES,
    Theme,
    ThemeError,
    contrast_failures,
    contrast_ratio,
    css_name,
    default_theme,
    to_css,
    validate,
)
from tokens.contrast import parse_hex, relative_luminance


@pytest.mark.parametrize(
    ("fg", "bg", "expected"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#fff", "#000", 21.0),
        ("#777777", "#ffffff", 4.48),
        ("#ffffff", "#0090ff", 3.26),  # Radix's default blue button: fails AA
        ("#123456", "#123456", 1.0),
    ],
)
def test_contrast_ratio_known_pairs(fg: str, bg: str, expected: float) -> None:
    assert contrast_ratio(fg, bg) == pytest.approx(expected, abs=0.01)


def test_contrast_ratio_is_symmetric() -> None:
    assert contrast_ratio("#3e63dd", "#f9f9fb") == contrast_ratio("#f9f9fb", "#3e63dd")


def test_luminance_bounds_and_parsing() -> None:
    assert relative_luminance("#000") == 0.0
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    assert parse_hex("#abc") == (0xAA, 0xBB, 0xCC)
    with pytest.raises(ValueError):
        parse_hex("blue")


def test_default_theme_is_valid() -> None:
    assert validate(default_theme()) == []


@pytest.mark.parametrize("mode", MODES)
def test_every_text_background_pair_meets_wcag_aa(mode: str) -> None:
    theme = default_theme()
    assert theme.contrast_pairs, "the theme must declare its text/background pairs"
    for fg, bg in theme.contrast_pairs:
        ratio = contrast_ratio(theme.resolve(mode, fg), theme.resolve(mode, bg))
        assert ratio >= 4.5, f"{mode}: {fg} on {bg} is {ratio:.2f}:1"
    for fg, bg in theme.ui_contrast_pairs:
        ratio = contrast_ratio(theme.resolve(mode, fg), theme.resolve(mode, bg))
        assert ratio >= 3.0, f"{mode}: {fg} against {bg} is {ratio:.2f}:1"
    assert contrast_failures(theme) == []


def test_contrast_failures_reports_weak_pairs() -> None:
    theme = _tiny({"text": "{gray.12}", "faint": "#eeeeee", "bg": "{gray.1}"})
    weak = Theme(name="weak", base=theme.base, semantic=theme.semantic, components={},
                 contrast_pairs=(("text", "bg"), ("faint", "bg")),
                 ui_contrast_pairs=(("faint", "bg"),))
    failures = contrast_failures(weak)
    assert len(failures) == 4  # faint fails as text and as UI, in both modes
    assert all("faint on bg" in f for f in failures)


def test_semantic_roles_differ_between_modes() -> None:
    theme = default_theme()
    assert theme.resolve("light", "surface") != theme.resolve("dark", "surface")
    assert theme.resolve("light", "text") != theme.resolve("dark", "text")


def test_component_tokens_alias_semantic_roles() -> None:
    theme = default_theme()
    assert theme.components["paywall-cta-bg"] == "{primary}"
    assert theme.resolve("light", "paywall-cta-bg") == theme.resolve("light", "primary")
    assert theme.resolve("dark", "paywall-card-bg") == theme.resolve("dark", "surface-raised")


def _tiny(semantic: dict[str, str], components: dict[str, str] | None = None) -> Theme:
    base = {"gray.1": "#ffffff", "gray.12": "#111111", "space.1": "4px"}
    return Theme(
        name="tiny",
        base={"light": base, "dark": base},
        semantic={"light": semantic, "dark": semantic},
        components=components or {},
    )


def test_resolve_reports_unknown_tokens_and_cycles() -> None:
    theme = _tiny({"a": "{b}", "b": "{a}", "c": "{nope}"})
    with pytest.raises(ThemeError, match="cycle"):
        theme.resolve("light", "a")
    with pytest.raises(ThemeError, match="unknown token 'nope'"):
        theme.resolve("light", "c")
    with pytest.raises(ThemeError, match="unknown mode"):
        theme.tokens("sepia")


def test_validate_enforces_layering() -> None:
    theme = _tiny(
        {"text": "{gray.12}", "muted": "{text}"},
        {"card-text": "{gray.12}", "card-gap": "{space.1}", "card-fg": "{text}"},
    )
    problems = validate(theme)
    assert any("semantic muted must alias a base token" in p for p in problems)
    assert any("component card-text aliases base colour gray.12" in p for p in problems)
    assert not any("card-gap" in p or "card-fg" in p for p in problems)


def test_css_export_scopes_variables_and_has_dark_block() -> None:
    css = to_css(default_theme())
    assert css.startswith(".tg-root {")
    assert "--tg-gray-12: #1c2024;" in css
    assert "--tg-surface: var(--tg-gray-2);" in css
    assert "--tg-paywall-cta-bg: var(--tg-primary);" in css
    dark_selector, dark_body = re.search(r"\n([^{}\n]*\.dark[^{}]*)\{([^}]*)\}", css).groups()
    assert ".dark .tg-root" in dark_selector and '[data-appearance="dark"]' in dark_selector
    assert "--tg-gray-12: #edeef0;" in dark_body
    assert "--tg-surface: var(--tg-gray-1);" in dark_body
    assert "--tg-paywall-cta-bg" not in dark_body  # follows the role, no need to repeat
    assert css.count("{") == css.count("}") == 2


def test_css_names() -> None:
    assert css_name("gray.12") == "--tg-gray-12"
    assert css_name("paywall-cta-bg") == "--tg-paywall-cta-bg"
