"""The widgets' stylesheet for a designed theme: its variables first, its custom CSS last."""

from tokens import STARTERS, build, check
from widgets._ui.styles import widget_css


def test_widget_css_puts_the_theme_variables_first_and_custom_css_last() -> None:
    doc = {**STARTERS["editorial"], "custom_css": ".tg-root .tg-plan-card { border-width: 3px }"}
    assert check(doc).errors == []
    css = widget_css(build(doc))
    assert css.startswith(".tg-root {") and "--tg-paywall-align: center;" in css
    assert css.endswith(".tg-root .tg-plan-card { border-width: 3px }")
    assert "repeat(var(--tg-paywall-columns)" in css
    assert "font-size: var(--tg-paywall-price-size)" in css


def test_default_stylesheet_is_unchanged_by_an_empty_document() -> None:
    assert widget_css(build({})) == widget_css()
