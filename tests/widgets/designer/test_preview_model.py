"""The designer preview's tabs: keyboard movement between them and their DOM ids."""

from __future__ import annotations

import pytest

from widgets.designer import preview_model as model


@pytest.mark.parametrize(("current", "key", "expected"), [
    ("paywall", "ArrowRight", "portal"),
    ("portal", "ArrowLeft", "paywall"),
    ("credits", "ArrowRight", "paywall"),
    ("paywall", "ArrowLeft", "credits"),
    ("checkout", "Home", "paywall"),
    ("portal", "End", "credits"),
    ("unknown", "ArrowRight", "portal"),
])
def test_tab_after_key_moves_and_wraps(current: str, key: str, expected: str) -> None:
    assert model.tab_after_key(current, key) == expected


@pytest.mark.parametrize("key", ["Enter", "Tab", "a", "ArrowDown"])
def test_other_keys_do_not_move(key: str) -> None:
    assert model.tab_after_key("portal", key) is None


def test_tab_and_panel_ids_are_distinct() -> None:
    ids = [model.tab_id(t) for t in model.TABS] + [model.panel_id(t) for t in model.TABS]
    assert len(set(ids)) == 2 * len(model.TABS)


CSS = """
.a { color: red; }
@media (prefers-reduced-motion: reduce) { .a { transition: none; } }
@media (max-width: 860px) {
  .grid, .grid-2 { grid-template-columns: 1fr; }
  .b .c { padding: 0; }
}
@media (max-width: 320px) { .tiny { display: none; } }
"""


def test_narrow_rules_rescope_the_phone_rules_a_box_falls_under() -> None:
    out = model.narrow_rules(CSS, ".box")
    assert out.splitlines() == [".box .grid, .box .grid-2 { grid-template-columns: 1fr; }",
                                ".box .b .c { padding: 0; }"]


def test_narrow_rules_of_css_without_breakpoints_are_empty() -> None:
    assert model.narrow_rules(".a { color: red; }", ".box") == ""
