"""The change stream announces entitlement changes (subscriptions, promotions, usage) as
server-sent events, to the environment or to one customer's token."""

import json
import threading
import time

import httpx
import pytest

from tests.backend.entitlements.conftest import serving
from tests.backend.helpers import ok


@pytest.fixture
def server(seeded):
    with serving(seeded.app) as url:
        yield url


def read_events(url, headers, until, timeout=10.0):
    """(event, data) pairs from an SSE stream until `until(events)` holds."""
    events = []
    with httpx.stream("GET", url, headers=headers, timeout=timeout) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        name = None
        for line in response.iter_lines():
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                events.append((name, json.loads(line[6:])))
                if until(events):
                    return events
    return events


def test_usage_and_promotions_are_announced(seeded, server):
    api = seeded.client()
    headers = {"Authorization": f"Bearer {seeded.secret}"}

    def act():
        time.sleep(0.5)
        ok(api.post("/api/v1/usage", json={"customer_id": "acme", "feature_id": "ai-credits",
                                           "value": 3}))
        ok(api.post("/api/v1/customers/globex/promotional-entitlements",
                    json={"feature_id": "priority-support", "period": "1_week"}), 201)

    threading.Thread(target=act).start()
    started = time.monotonic()
    got = read_events(f"{server}/api/v1/entitlements/stream", headers,
                      lambda ev: len([e for e in ev if e[0] == "entitlements.changed"]) >= 2)
    changes = [d for e, d in got if e == "entitlements.changed"]
    assert got[0][0] == "ready"
    assert {(c["customer_id"], c["reason"]) for c in changes} == {
        ("acme", "usage"), ("globex", "entitlement.promotion_granted")}
    assert time.monotonic() - started < 5


def test_a_customer_token_hears_only_its_customer(seeded, server):
    api = seeded.client()
    token = ok(api.post("/api/v1/customer-tokens", json={"customer_id": "acme"}), 201)["token"]

    def act():
        time.sleep(0.5)
        for customer in ("globex", "acme"):
            ok(api.post("/api/v1/usage", json={"customer_id": customer,
                                               "feature_id": "api-calls", "value": 1}))

    threading.Thread(target=act).start()
    got = read_events(f"{server}/api/v1/me/entitlements/stream", {"X-Customer-Token": token},
                      lambda ev: any(e == "entitlements.changed" for e, _ in ev))
    changes = [d for e, d in got if e == "entitlements.changed"]
    assert [c["customer_id"] for c in changes] == ["acme"]
