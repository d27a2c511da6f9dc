"""A theme assigned to one widget kind as CSS: its tokens and custom CSS on that kind's roots
only, with the specificity of `.tg-root` (so a theme passed in code still wins)."""

import re

from tokens import WIDGET_ROOT_CLASSES, build, to_css, widget_kinds, widget_theme_css

TEAL = {"tokens": {"semantic": {"light": {"primary": "#0f766e"}}},
        "custom_css": ".tg-root .tg-plan-card { border-width: 2px; }"}


def test_every_widget_kind_names_its_root_classes() -> None:
    assert set(WIDGET_ROOT_CLASSES) == set(widget_kinds())
    assert all(WIDGET_ROOT_CLASSES.values())


def test_the_tokens_and_custom_css_land_on_the_widgets_roots_only() -> None:
    css = widget_theme_css(build(TEAL), "credit_balance")
    root = ".tg-root:where(.tg-credits-balance, .tg-credits-dialog)"
    assert css.startswith(root + " {\n  color-scheme: light;")
    assert "--tg-primary: #0f766e;" in css
    assert f".dark {root}, {root}.dark, {root}[data-appearance=\"dark\"] {{" in css
    assert css.rstrip().endswith(f"{root} .tg-plan-card {{ border-width: 2px; }}")
    selectors = re.findall(r"^([^\s{@}-][^{]*)\{", css, flags=re.MULTILINE)
    assert selectors and all(root in s for s in selectors), selectors


def test_the_page_wide_css_is_unchanged() -> None:
    assert to_css(build(TEAL)).startswith(".tg-root {")
