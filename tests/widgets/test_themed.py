"""Theme texts at run time: the published theme (cached), a host theme in code, props, the
views' first render, and the designer's preview push."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import tokens
import widgets
from backend.client import TollgateUnavailable
from widgets._ui import themed
from widgets.paywall import state as paywall_state
from tests.widgets.conftest import make_paywall, run_async

TEXTS = {"paywall": {"en": {"cta_contact_us": "Talk to sales", "period_annual": "Yearly"},
                     "fr": {"cta_contact_us": "Parlons-en"}}}


class FakeThemes:
    def __init__(self, texts: dict[str, Any] | Exception) -> None:
        self.texts, self.calls = texts, 0

    async def published_theme(self, widget: str) -> Any:
        self.calls += 1
        await asyncio.sleep(0.01)
        if isinstance(self.texts, Exception):
            raise self.texts
        return type("Published", (), {"document": {"texts": self.texts}})()


class FakePaywalls:
    def __init__(self, paywall) -> None:
        self.paywall = paywall

    async def get_paywall(self, product_id: str, **kwargs: Any):
        return self.paywall


@pytest.fixture(autouse=True)
def clean() -> Any:
    themed.forget_published()
    yield
    themed.forget_published()
    themed.use_host_theme(None)


def _state(component) -> Any:
    return component.children[0].State(_reflex_internal_init=True)


def _cta(state, plan_id: str) -> str:
    return next(c.cta_label for c in state.cards if c.id == plan_id)


def _load_paywall(monkeypatch, paywall, **factory: Any) -> Any:
    monkeypatch.setattr(paywall_state, "key_client", lambda key=None: FakePaywalls(paywall))
    state = _state(widgets.paywall("workspace", **factory))

    async def load() -> None:
        async for _ in state.load():
            pass

    run_async(load())
    return state


def test_the_published_theme_is_fetched_once_for_many_widgets(monkeypatch) -> None:
    fake = FakeThemes(TEXTS)
    monkeypatch.setattr(themed, "get_client", lambda: fake)

    async def five_widgets() -> list[Any]:
        return await asyncio.gather(*[themed.published_texts("usage_bars") for _ in range(5)])

    assert run_async(five_widgets()) == [TEXTS] * 5
    assert fake.calls == 1
    themed.forget_published()
    run_async(themed.published_texts("usage_bars"))
    assert fake.calls == 2


def test_an_unreachable_theme_leaves_the_default_texts(monkeypatch) -> None:
    monkeypatch.setattr(themed, "get_client", lambda: FakeThemes(TollgateUnavailable("down")))
    assert run_async(themed.published_texts("credit_balance")) == {}


def test_views_show_the_default_until_the_theme_loads_and_props_stay_static() -> None:
    component = widgets.paywall("workspace", text_overrides={"period_monthly": "Per month"})
    out = str(component.render())
    assert '"period_annual") ?' in out and '"Annual"' in out  # theme text, else the default
    assert '"Per month"' in out and 'hasOwnProperty("period_monthly")' not in out


def test_the_paywall_uses_the_theme_its_read_carries_in_its_locale(monkeypatch) -> None:
    theme = {"widget": "paywall", "name": "House", "document": {"texts": TEXTS}}
    state = _load_paywall(monkeypatch, make_paywall(theme=theme), locale="fr-FR")
    assert _cta(state, "enterprise") == "Parlons-en"
    assert state.theme_texts == {"cta_contact_us": "Parlons-en", "period_annual": "Yearly"}


def test_a_host_theme_in_code_beats_the_published_one_and_props_beat_both(monkeypatch) -> None:
    widgets.stylesheet(tokens.build({"texts": {"paywall": {"en": {
        "cta_contact_us": "Book a demo", "cta_upgrade": "Level up"}}}}))
    theme = {"widget": "paywall", "name": "House", "document": {"texts": TEXTS}}
    paywall = make_paywall(theme=theme)
    state = _load_paywall(monkeypatch, paywall)
    assert _cta(state, "enterprise") == "Book a demo"
    assert state.theme_texts["period_annual"] == "Yearly"  # published, the host has none
    state = _load_paywall(monkeypatch, paywall, text_overrides={"cta_contact_us": "Call us"})
    assert _cta(state, "enterprise") == "Call us"
    assert "cta_contact_us" not in state.theme_texts


def test_other_widgets_load_their_kind_from_the_published_theme(monkeypatch) -> None:
    fake = FakeThemes({"usage_bars": {"de": {"title": "Nutzung"}, "en": {"empty_title": "-"}}})
    monkeypatch.setattr(themed, "get_client", lambda: fake)
    state = _state(widgets.usage_bars(customer_id="acme"))
    run_async(state._load_theme_texts("de-DE"))
    assert state.theme_texts == {"title": "Nutzung", "empty_title": "-"}
    assert state._texts()["title"] == "Nutzung"


class Client:
    """Stands in for a client's state tree: one instance per state class."""

    def __init__(self, *states: Any) -> None:
        self.states = {type(s): s for s in states}

    async def get_state(self, cls):
        if cls not in self.states:
            self.states[cls] = cls(_reflex_internal_init=True)
        return self.states[cls]


def test_a_preview_shows_pushed_draft_texts_not_the_published_ones(monkeypatch) -> None:
    theme = {"widget": "paywall", "name": "House", "document": {"texts": TEXTS}}
    state = _load_paywall(monkeypatch, make_paywall(theme=theme), texts_preview=True)
    assert _cta(state, "enterprise") == "Contact us"
    draft = {"paywall": {"en": {"cta_contact_us": "Draft"}, "fr": {"cta_contact_us": "Brouillon"}}}
    run_async(themed.preview_texts(Client(state), draft, "fr-FR"))
    assert _cta(state, "enterprise") == "Brouillon"
    run_async(themed.preview_texts(Client(state), draft, "en"))
    assert _cta(state, "enterprise") == "Draft"
    run_async(themed.preview_texts(Client(state), {}, "en"))
    assert _cta(state, "enterprise") == "Contact us"


CHART_DOC = {"tokens": {"component": {"credit-chart-series-1": "#7c2d12"}}}


def _first_series(theme: Any, mode: str = "light") -> str:
    from widgets.credits.chart_model import chart_style
    return chart_style(mode, theme).series[0]


def test_the_chart_draws_in_the_published_palette_and_a_host_theme_beats_it(monkeypatch) -> None:
    fake = FakeThemes({})
    fake_doc = {**CHART_DOC}

    async def published_theme(widget: str) -> Any:
        fake.calls += 1
        return type("Published", (), {"document": fake_doc})()

    fake.published_theme = published_theme
    monkeypatch.setattr(themed, "get_client", lambda: fake)
    published = run_async(themed.drawing_theme("credit_usage"))
    assert _first_series(published) == "#7c2d12"
    assert _first_series(published, "dark") == "#7c2d12"
    assert run_async(themed.drawing_theme("credit_usage")) is published  # built once
    assert _first_series(None) != "#7c2d12"  # the default palette differs
    widgets.stylesheet(tokens.build({"tokens": {"component": {"credit-chart-series-1": "#0f766e"}}}))
    assert _first_series(run_async(themed.drawing_theme("credit_usage"))) == "#0f766e"


def test_an_unreachable_theme_draws_the_chart_in_the_default_palette(monkeypatch) -> None:
    monkeypatch.setattr(themed, "get_client", lambda: FakeThemes(TollgateUnavailable("down")))
    assert run_async(themed.drawing_theme("credit_usage")) is None


def test_a_publishable_key_reads_the_theme_of_its_own_environment(monkeypatch) -> None:
    server = FakeThemes({"usage_bars": {"en": {"title": "Server"}}})
    staging = FakeThemes({"usage_bars": {"en": {"title": "Staging"}}})
    keys: list[str | None] = []

    def key_client(key):
        keys.append(key)
        return staging

    monkeypatch.setattr(themed, "get_client", lambda: server)
    monkeypatch.setattr(themed, "key_client", key_client)
    embedded = _state(widgets.usage_bars(customer_id="acme", publishable_key="tg_pk_staging"))
    embedded._request = {"publishable_key": "tg_pk_staging"}
    run_async(embedded._load_theme_texts("en"))
    assert embedded.theme_texts == {"title": "Staging"} and keys == ["tg_pk_staging"]
    plain = _state(widgets.usage_bars(customer_id="acme"))
    run_async(plain._load_theme_texts("en"))
    assert plain.theme_texts == {"title": "Server"}
    assert (server.calls, staging.calls) == (1, 1)  # one cache entry per environment
