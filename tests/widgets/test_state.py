"""PaywallState against a fake client: loading, period switching, errors and retry."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from backend.client import TollgateError, TollgateUnavailable
from backend.paywall.schemas import Paywall
from widgets.paywall import state as state_module
from widgets.paywall.component import PaywallWidget


class FakeClient:
    """Answers `get_paywall` with queued results (a Paywall or an exception)."""

    def __init__(self, *results: Paywall | Exception):
        self.results = list(results)
        self.calls: list[dict[str, Any]] = []

    async def get_paywall(self, product_id: str, **kwargs: Any) -> Paywall:
        self.calls.append({"product_id": product_id, **kwargs})
        result = self.results.pop(0)
        if isinstance(result, Exception):
            raise result
        return result


def _widget(on_plan_selected: Any = None, **config: Any):
    return PaywallWidget.create(config={"product_id": "workspace", **config},
                                on_plan_selected=on_plan_selected, skeleton_count=3,
                                class_name="")


@pytest.fixture
def make_state(monkeypatch: pytest.MonkeyPatch):
    def make(client: FakeClient, **config: Any):
        monkeypatch.setattr(state_module, "key_client", lambda key=None: client)
        return _widget(**config).State(_reflex_internal_init=True)

    return make


def _drain(gen) -> list[str]:
    async def run() -> list[str]:
        return [step async for step in gen]

    # A worker thread has no running loop even when a sync Playwright session holds this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run()).result()


def test_load_fetches_and_renders_cards(make_state, paywall: Paywall) -> None:
    client = FakeClient(paywall)
    state = make_state(client, customer_id="", currency="EUR", locale=None,
                       text_overrides={"highlight_chip": "Recommended"})
    _drain(state.load())
    assert client.calls == [{"product_id": "workspace", "customer_id": None, "currency": "EUR",
                             "country": None, "locale": None}]
    assert state.status == "ready"
    assert state.period == "annual"
    assert state.show_toggle and state.savings == "Save 17%"
    assert [c.id for c in state.cards] == ["free", "plus", "business", "enterprise"]
    assert state.cards[2].chip == "Recommended"


def test_select_period_rebuilds_cards(make_state, paywall: Paywall) -> None:
    state = make_state(FakeClient(paywall), preferred_billing_period="monthly")
    _drain(state.load())
    assert state.period == "monthly" and state.cards[1].price == "$12"
    state.select_period("annual")
    assert state.period == "annual" and state.cards[1].price == "$10"
    state.select_period("weekly")
    assert state.period == "annual"


@pytest.mark.parametrize("error", [
    TollgateError(404, {"title": "Not found", "detail": "No product 'nope'"}),
    TollgateUnavailable("connection refused"),
])
def test_errors_show_and_retry_recovers(make_state, paywall: Paywall, error: Exception) -> None:
    state = make_state(FakeClient(error, paywall))
    _drain(state.load())
    assert state.status == "error"
    assert state.error_detail in ("No product 'nope'", "connection refused")
    steps = _drain(state.retry())
    assert len(steps) == 1
    assert state.status == "ready" and state.error_detail == "" and state.cards


def test_empty_catalog_is_ready_with_no_cards(make_state, paywall: Paywall) -> None:
    state = make_state(FakeClient(paywall.model_copy(update={"plans": [], "savings_percent": 0})))
    _drain(state.load())
    assert state.status == "ready" and state.cards == [] and state.savings == ""


def test_missing_product_waits_without_fetching(make_state, paywall: Paywall) -> None:
    client = FakeClient(paywall)
    state = make_state(client, product_id="")
    assert _drain(state.load()) == []
    assert state.status == "loading" and client.calls == []


def test_each_paywall_keeps_its_own_config() -> None:
    first, second = _widget(product_id="a"), _widget(product_id="b")
    assert first.State is not second.State
    assert (first.State.config["product_id"], second.State.config["product_id"]) == ("a", "b")


def test_seat_changes_schedule_a_server_side_estimate(make_state, paywall: Paywall) -> None:
    state = make_state(FakeClient(paywall), preferred_billing_period="monthly",
                       customer_id="acme")
    _drain(state.load())
    event = state.type_quantity("plus", "5")
    assert event is not None and "fetch_estimate" in str(event.handler.fn.__name__)
    plus = state.cards[1]
    assert plus.quantity_text == "5" and plus.estimating and plus.quantities == {"seats": 5}
    assert state.selected_quantities == {"plus": {"seats": 5}, "business": {"seats": 3}}
    assert state._estimate_body("plus") == {
        "plan_id": "plus", "billing_period": "monthly", "quantities": {"seats": 5},
        "customer_id": "acme", "currency": "USD", "locale": "en_US"}
    # Back to the default quantity: the backend's own total, no estimate needed.
    assert state.step_quantity("plus", -10) is None
    assert state.cards[1].quantity_text == "1" and not state.cards[1].estimating


def test_typed_garbage_shows_an_inline_error_and_blur_clamps(make_state, paywall) -> None:
    state = make_state(FakeClient(paywall), preferred_billing_period="monthly")
    _drain(state.load())
    assert state.type_quantity("plus", "lots") is None
    assert state.cards[1].estimate_error == "Enter a whole number of seats."
    state.commit_quantity("plus", "99")
    assert state.cards[1].quantity_text == "20" and state.cards[1].estimate_error == ""
    state.commit_quantity("business", "1")
    assert state.cards[2].quantity_text == "3"


def test_plan_button_calls_the_host_with_server_side_quantities(make_state, paywall) -> None:
    calls: list[tuple] = []

    def host(plan_id, billing_period, intent, quantities):
        calls.append((plan_id, billing_period, intent, quantities))
        return "event"

    state = make_state(FakeClient(paywall), preferred_billing_period="annual",
                       on_plan_selected=host)
    _drain(state.load())
    state.commit_quantity("business", "12")
    assert state.select_plan("business") == "event"
    assert calls == [("business", "annual", "start_trial", {"seats": 12})]
    state.select_plan("enterprise")
    assert calls[-1] == ("enterprise", "annual", "contact_us", {})


def test_three_argument_hosts_keep_working(make_state, paywall) -> None:
    calls: list[tuple] = []
    state = make_state(FakeClient(paywall),
                       on_plan_selected=lambda p, b, i: calls.append((p, b, i)))
    _drain(state.load())
    state.select_plan("plus")
    assert calls == [("plus", "annual", "subscribe")]


def test_switching_period_queues_only_real_estimates(make_state, paywall: Paywall) -> None:
    state = make_state(FakeClient(paywall), preferred_billing_period="monthly")
    _drain(state.load())
    state.step_quantity("plus", 1)
    state.commit_quantity("plus", "1")  # back to the default: no estimate is needed
    assert None not in (state.select_period("annual") or [])
