"""The custom CSS editor's checks: safe scoped rules go into the document, anything else is
refused with a message naming what is wrong."""

import pytest

from tokens import build
from widgets.designer import custom_css


def test_scoped_rules_are_set_and_blank_removes_them() -> None:
    css = ".tg-root .tg-plan-card { border-width: 3px; }"
    assert custom_css.problem(css) == ""
    doc = custom_css.set_custom_css({"name": "x"}, css)
    assert doc == {"name": "x", "custom_css": css}
    assert "border-width: 3px" in build(doc).custom_css
    assert custom_css.set_custom_css(doc, "  ") == {"name": "x"}


@pytest.mark.parametrize(("css", "named"), [
    ("body { color: red; }", "selector 'body' is not under .tg-root"),
    ("@import url(https://x.test/a.css);", "@import"),
    (".tg-root { background: url(http://x.test/a.png); }", "url(http://x.test/a.png)"),
    (".tg-root { color: red; ", "unbalanced braces"),
    ("</style><script>", "'<' not allowed"),
])
def test_unsafe_or_unscoped_css_is_refused_with_the_reason(css: str, named: str) -> None:
    message = custom_css.problem(css)
    assert message.startswith("Not applied") and named in message
    with pytest.raises(ValueError):
        custom_css.set_custom_css({}, css)


def test_too_long_css_is_refused() -> None:
    assert "longer than" in custom_css.problem(".tg-root{}" * 3000)
