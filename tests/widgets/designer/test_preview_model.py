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
