"""The widgets' stylesheet for a designed theme: its variables first, its custom CSS last."""

from tokens import STARTERS, build, check
from widgets._ui import styles
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


def test_stylesheet_precedence_default_then_published_link_then_code_theme(monkeypatch) -> None:
    monkeypatch.setattr(styles, "publishable_key", lambda: "tg_pk_demo")
    monkeypatch.delenv("TOLLGATE_API_URL", raising=False)
    code_theme = build({**STARTERS["neon"], "custom_css": ".tg-root .tg-chip { color: red }"})
    js = str(styles.stylesheet(code_theme))
    link = 'jsx("link",{href:"/api/v1/themes/published.css?widget=default&key=tg_pk_demo"'
    assert js.index("--tg-gray-1: #fcfcfd") < js.index(link) < js.index(".tg-chip { color: red }")
    assert js.index(link) < js.rindex(".tg-root {")


def test_stylesheet_without_a_publishable_key_has_no_link(monkeypatch) -> None:
    monkeypatch.setattr(styles, "publishable_key", lambda: None)
    assert '"link"' not in str(styles.stylesheet())
    monkeypatch.setattr(styles, "publishable_key", lambda: "tg_pk_demo")
    assert '"link"' not in str(styles.stylesheet(published=False))
