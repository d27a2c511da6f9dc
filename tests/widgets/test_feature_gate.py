"""Feature gate: status from a check, change events from the stream, the check for a customer."""

from types import SimpleNamespace

import pytest
import reflex as rx

import widgets
from tests.widgets.conftest import run_async
from widgets import _client, _customer
from widgets.feature_gate import FeatureGateState, changes, gate_status


@pytest.fixture
def backend(seeded):
    _client.configure(app=seeded.app, api_key=seeded.secret)
    yield seeded
    run_async(_customer.forget_clients())
    _client.configure()


def test_gate_status():
    assert gate_status(SimpleNamespace(has_access=True)) == "allowed"
    assert gate_status(SimpleNamespace(has_access=False)) == "denied"
    assert gate_status(None) == "denied"


def test_only_change_events_count():
    lines = ['event: ready', 'data: {"cursor": "1"}', '', ': keep-alive', '',
             'event: entitlements.changed', 'id: 2',
             'data: {"customer_id": "acme", "reason": "usage", "revision": 3}', '']
    [event] = list(changes(lines))
    assert event.json()["customer_id"] == "acme" and event.id == "2"


def test_renders_loading_children_and_fallback():
    gate = widgets.feature_gate("sso", rx.text("secret"), customer_id="acme",
                                fallback=rx.text("upgrade"))
    rendered = str(gate)
    assert "secret" in rendered and "upgrade" in rendered and "aria-busy" in rendered.replace(
        "ariaBusy", "aria-busy")


def check(request):
    gate = SimpleNamespace(_request=request, status="loading", denial_reason="")
    run_async(FeatureGateState._check(gate))
    return gate.status, gate.denial_reason


def test_checks_through_the_customer_token(backend):
    assert check({"customer_id": "acme", "feature_id": "ai-credits"}) == ("allowed", "")
    assert check({"customer_id": "acme", "feature_id": "sso"}) == \
        ("denied", "no_feature_entitlement")
    assert check({"customer_id": "acme", "feature_id": "ai-credits",
                  "requested_usage": 10**6}) == ("denied", "usage_limit_exceeded")
    assert check({"feature_id": "sso"}) == ("denied", "no_customer")
