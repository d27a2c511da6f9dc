"""The catalogue of default texts covers every widget kind a theme may hold texts for."""

from tokens.registry import widget_kinds
from widgets import text_catalogue
from widgets.checkout.texts import DEFAULT_TEXTS as CHECKOUT
from widgets.credits.texts import BALANCE_TEXTS


def test_every_widget_kind_has_its_default_texts_and_a_name() -> None:
    assert set(text_catalogue.DEFAULT_TEXTS) == set(widget_kinds())
    assert set(text_catalogue.WIDGET_LABELS) == set(widget_kinds())
    assert text_catalogue.default_texts("paywall")["cta_subscribe"] == "Get started"


def test_the_catalogue_is_the_widgets_own_texts_not_a_copy() -> None:
    assert text_catalogue.default_texts("checkout") is CHECKOUT
    assert text_catalogue.default_texts("credit_balance") is BALANCE_TEXTS
