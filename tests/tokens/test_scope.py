"""Custom CSS stays inside `.tg-root`: escapes are removed and reported."""

import pytest

from tokens import scope_css


def test_scoped_rules_are_kept_and_normalised() -> None:
    css = """/* brand */ .tg-root .tg-plan-card { border-width: 3px; }
    .tg-root.dark .tg-price-amount, .tg-root h2 { color: var(--tg-primary) }
    @media (max-width: 600px) { .tg-root .tg-plans { gap: 8px } }
    .tg-root li:nth-child(2n+1) { background: url("https://cdn.example.com/dot.png") }"""
    scoped = scope_css(css)
    assert scoped.removed == ()
    assert scoped.css.splitlines() == [
        ".tg-root .tg-plan-card { border-width: 3px; }",
        ".tg-root.dark .tg-price-amount, .tg-root h2 { color: var(--tg-primary) }",
        "@media (max-width: 600px) {",
        ".tg-root .tg-plans { gap: 8px }",
        "}",
        '.tg-root li:nth-child(2n+1) { background: url("https://cdn.example.com/dot.png") }',
    ]


def test_a_narrower_root_replaces_the_leading_scope_of_every_selector() -> None:
    css = """.tg-root .tg-plan-card { border-width: 3px; }
    @media (max-width: 600px) { .tg-root.dark h2, .tg-root .tg-root-x { gap: 8px } }"""
    root = ".tg-root:where(.tg-paywall)"
    assert scope_css(css, root).css.splitlines() == [
        ".tg-root:where(.tg-paywall) .tg-plan-card { border-width: 3px; }",
        "@media (max-width: 600px) {",
        ".tg-root:where(.tg-paywall).dark h2, .tg-root:where(.tg-paywall) .tg-root-x { gap: 8px }",
        "}",
    ]


@pytest.mark.parametrize(
    "css",
    [
        "@import url(https://evil.example/x.css);",
        "@import 'x.css'; .tg-root { color: red }",
        "</style><script>alert(1)</script>",
        ".tg-root { background: url(javascript:alert(1)) }",
        ".tg-root { background: url( 'JAVASCRIPT:alert(1)' ) }",
        ".tg-root { width: expression(alert(1)) }",
        ".tg-root { background: url(http://insecure.example/x.png) }",
        ".tg-root { background: url(data:image/svg+xml;base64,AAAA) }",
        ".tg-root { color: \\72 ed }",
        "body { display: none }",
        ".tg-root, body { display: none }",
        ".tg-rooty { display: none }",
        "html .tg-root { display: none }",
        ".tg-root ~ main { display: none }",
        ".tg-root + footer { display: none }",
        "@font-face { font-family: x; src: url(https://x.example/f.woff2) }",
        "@media screen { body { display: none } }",
        ".tg-root { color: red",
        ".tg-root { color: red } }",
        "* { color: red }",
    ],
)
def test_escapes_are_removed_and_reported(css: str) -> None:
    scoped = scope_css(css)
    assert scoped.removed, css
    assert "body" not in scoped.css and "javascript" not in scoped.css.lower()
    assert "@import" not in scoped.css and "<" not in scoped.css


def test_partial_removal_keeps_the_scoped_rules() -> None:
    scoped = scope_css(".tg-root a { color: red } main { color: blue }")
    assert scoped.css == ".tg-root a { color: red }"
    assert scoped.removed == ("selector 'main' is not under .tg-root",)
