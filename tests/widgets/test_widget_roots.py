"""Every widget kind's root elements carry the classes its assigned theme is scoped to
(`tokens.WIDGET_ROOT_CLASSES`), so a theme assigned to one widget styles exactly it."""

from __future__ import annotations

import re

import pytest

import widgets
from tokens import WIDGET_ROOT_CLASSES

FACTORIES = {
    "paywall": lambda: widgets.paywall("workspace"),
    "checkout": lambda: widgets.checkout("workspace", "plus", customer_id="acme"),
    "customer_portal": lambda: widgets.customer_portal("workspace", customer_id="acme"),
    "usage_bars": lambda: widgets.usage_bars(customer_id="acme"),
    "credit_balance": lambda: widgets.credit_balance("credits", customer_id="acme"),
    "auto_recharge": lambda: widgets.auto_recharge("credits", customer_id="acme"),
    "credit_usage": lambda: widgets.credit_usage("credits", customer_id="acme"),
    "credit_grants": lambda: widgets.credit_grants("credits", customer_id="acme"),
}


def test_every_widget_kind_is_covered() -> None:
    assert set(FACTORIES) == set(WIDGET_ROOT_CLASSES)


@pytest.mark.parametrize("kind", sorted(WIDGET_ROOT_CLASSES))
def test_the_widgets_roots_carry_its_classes(kind: str) -> None:
    rendered = str(FACTORIES[kind]().render())
    for cls in WIDGET_ROOT_CLASSES[kind]:
        assert re.search(rf"tg-root(?: [\w-]+)*? {cls}(?![\w-])", rendered), (kind, cls)
