"""A hosted page's query parameters: which page, what is required, what is refused."""

import pytest

from widgets.embed.params import WIDGETS, BadParams, parse, path_product, query_of, widget_for

BASE = {"key": "tg_pk_abc", "origin": "https://app.example"}


def code(widget: str, query: dict[str, str], product: str = "") -> str:
    with pytest.raises(BadParams) as refused:
        parse(WIDGETS[widget], query, product)
    return refused.value.problem.code


def test_pages_are_found_by_path():
    assert widget_for("/embed/paywall").name == "paywall"
    assert widget_for("/embed/paywall/workspace/").name == "paywall"
    assert widget_for("/embed/credits/balance").name == "credit-balance"
    assert widget_for("/embed/portal/extra") is None
    assert widget_for("/account") is None
    assert path_product(WIDGETS["paywall"], "/embed/paywall/workspace") == "workspace"
    assert path_product(WIDGETS["paywall"], "/embed/paywall") == ""


def test_a_paywall_needs_a_key_an_origin_and_a_product():
    assert code("paywall", {"origin": "https://a.example", "product": "p"}) == "key_missing"
    assert code("paywall", {"key": "tg_pk_x", "product": "p"}) == "origin_missing"
    assert code("paywall", BASE) == "bad_params"
    assert parse(WIDGETS["paywall"], BASE, "workspace").product == "workspace"
    assert parse(WIDGETS["paywall"], {**BASE, "product": "a"}, "b").product == "a"


def test_options_are_checked_for_shape():
    ok = parse(WIDGETS["checkout"], {**BASE, "product": "ws", "plan": "pro", "period": "annual",
                                     "currency": "eur", "locale": "de-DE", "theme": "dark",
                                     "token": "tg_ct_x"})
    assert (ok.plan, ok.period, ok.currency, ok.locale, ok.theme, ok.token) == \
        ("pro", "annual", "EUR", "de-DE", "dark", "tg_ct_x")
    assert parse(WIDGETS["paywall"], {**BASE, "product": "ws", "theme": "system"}).theme == \
        "system"
    assert code("checkout", {**BASE, "product": "ws"}) == "bad_params"  # no plan
    for bad in ({"period": "weekly"}, {"theme": "blue"}, {"currency": "dollars"},
                {"locale": "<script>"}, {"product": "a b"}):
        assert code("paywall", {**BASE, "product": "ws", **bad}) == "bad_params"


def test_customer_pages_leave_the_missing_token_to_the_verified_check():
    assert parse(WIDGETS["portal"], {**BASE, "product": "ws"}).token == ""
    assert code("credit-balance", BASE) == "bad_params"  # no credit currency


def test_query_of_takes_the_first_value():
    assert query_of("http://t/embed/portal?key=a&key=b&origin=https%3A%2F%2Fx.example") == {
        "key": "a", "origin": "https://x.example"}
