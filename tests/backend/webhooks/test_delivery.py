"""Delivery end to end: a real receiver on loopback, signatures checked with the
`standardwebhooks` library, retries driven by moving the worker's clock."""

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from backend.webhooks.delivery import Outcome
from tests.backend.helpers import ok
from tests.backend.webhooks.conftest import customer


def test_an_event_arrives_signed_with_the_standard_headers(tenant, api, receiver, endpoints,
                                                           make_worker):
    endpoint = endpoints(receiver.url)
    customer(api, "ada", email="ada@example.com")
    assert make_worker().run_once() == 1
    [request] = receiver.requests
    body = Webhook(endpoint["secret"]).verify(request.body, request.headers)
    assert body["type"] == "customer.created"
    assert body["data"]["id"] == "ada" and body["data"]["customer_id"] == "ada"
    assert body["timestamp"].startswith("20")
    event = ok(api.get("/api/v1/events", params={"type": "customer.created"}))["data"][0]
    assert request.headers["webhook-id"] == event["id"]
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "A" * 32).verify(request.body, request.headers)


def test_only_subscribed_types_are_delivered(api, receiver, endpoints, make_worker):
    endpoints(receiver.url, event_types=["customer.updated"])
    customer(api, "ada")
    ok(api.patch("/api/v1/customers/ada", json={"name": "Ada L."}))
    make_worker().run_once()
    assert receiver.types() == ["customer.updated"]


def test_a_prefix_subscribes_to_every_type_under_it(api, receiver, endpoints, make_worker):
    endpoints(receiver.url, event_types=["customer.*"])
    customer(api, "ada")
    ok(api.post("/api/v1/customers/ada/archive"))
    make_worker().run_once()
    assert receiver.types() == ["customer.created", "customer.archived"]


def test_events_of_another_environment_are_never_delivered(make_tenant, receiver, endpoints,
                                                           make_worker):
    endpoints(receiver.url)
    other = make_tenant().client()
    customer(other, "ada")
    make_worker().run_once()
    assert receiver.requests == []


def test_fails_three_times_then_succeeds_once_with_backoff(api, tenant, receiver, endpoints,
                                                          make_worker, clock):
    endpoint = endpoints(receiver.url)
    receiver.plan = [500, 503, 404]
    customer(api, "ada")
    worker = make_worker()
    assert worker.run_once() == 1  # first try: 500
    assert worker.run_once() == 0  # not due for 5 s
    for delay in ({"seconds": 5}, {"minutes": 5}, {"minutes": 30}):
        clock.advance(**delay, milliseconds=1)
        assert worker.run_once() == 1
    clock.advance(hours=20)
    assert worker.run_once() == 0  # acknowledged: never sent again
    assert len(receiver.requests) == 4 and len(set(receiver.ids())) == 1
    for request in receiver.requests:
        Webhook(endpoint["secret"]).verify(request.body, request.headers)
    log = ok(api.get(f"/api/v1/webhooks/endpoints/{endpoint['id']}/attempts"))["data"]
    assert [a["attempt"] for a in log] == [4, 3, 2, 1]
    assert [a["status_code"] for a in log] == [200, 404, 503, 500]
    assert [a["succeeded"] for a in log] == [True, False, False, False]
    assert len(log[1]["response_body"]) == 1024 and log[0]["response_body"] == '{"ok": true}'
    assert log[0]["next_attempt_at"] is None and log[1]["next_attempt_at"] is not None
    assert log[3]["request_body"] == receiver.requests[0].body.decode()
    [message] = ok(api.get(f"/api/v1/webhooks/endpoints/{endpoint['id']}/messages"))["data"]
    assert message["status"] == "succeeded" and message["attempts"] == 4


def test_timeouts_are_failures_retried_later(api, receiver, endpoints, make_worker, clock):
    endpoint = endpoints(receiver.url)
    receiver.delay = 1.0
    customer(api, "ada")
    worker = make_worker(timeout=0.2)
    worker.run_once()
    receiver.delay = 0
    [attempt] = ok(api.get(f"/api/v1/webhooks/endpoints/{endpoint['id']}/attempts"))["data"]
    assert attempt["status_code"] is None and "timed out" in attempt["error"]
    clock.advance(seconds=6)
    assert worker.run_once() == 1
    [message] = ok(api.get(f"/api/v1/webhooks/endpoints/{endpoint['id']}/messages"))["data"]
    assert message["status"] == "succeeded"


def test_each_customers_events_arrive_in_order(api, receiver, endpoints, make_worker, clock):
    endpoints(receiver.url)
    receiver.plan = [500]  # ada's first event fails: her second must wait for it
    customer(api, "ada")
    ok(api.patch("/api/v1/customers/ada", json={"name": "Ada L."}))
    customer(api, "bob")
    worker = make_worker()
    worker.run_once()
    assert [(r.json["type"], r.json["data"]["id"]) for r in receiver.requests] == [
        ("customer.created", "ada"), ("customer.created", "bob")]
    clock.advance(seconds=6)
    worker.run_once()
    worker.run_once()
    assert [(r.json["type"], r.json["data"]["id"]) for r in receiver.requests[2:]] == [
        ("customer.created", "ada"), ("customer.updated", "ada")]


class Crash(BaseException):
    """The worker process dying (not an error the worker could handle)."""


def test_a_worker_dying_mid_run_loses_nothing_and_resends_no_acknowledged_event(
        api, receiver, endpoints, make_worker, clock):
    endpoints(receiver.url)
    for ref in ("ada", "bob", "cy", "dee"):
        customer(api, ref)
    first = make_worker(batch=4)
    calls = []

    def send_then_die(url, body, headers):
        outcome = first._post(url, body, headers)
        calls.append(outcome)
        if len(calls) == 2:
            raise Crash  # sent the second message, died before recording it
        return outcome

    first.send = send_then_die
    with pytest.raises(Crash):
        first.run_once()
    acknowledged = set(receiver.ids()[:1])
    assert len(receiver.requests) == 2
    second = make_worker()
    assert second.run_once() == 0  # the dead worker's leases still hold
    clock.advance(seconds=61)  # they expire
    assert second.run_once() == 3
    ids = receiver.ids()
    assert len(set(ids)) == 4  # nothing lost
    assert all(ids.count(i) == 1 for i in acknowledged)  # nothing acknowledged sent twice
    assert sorted(ids.count(i) for i in set(ids)) == [1, 1, 1, 2]  # at least once
    clock.advance(hours=30)
    assert second.run_once() == 0


def test_a_crash_before_fan_out_commits_keeps_the_outbox(api, receiver, endpoints, make_worker,
                                                        monkeypatch):
    endpoints(receiver.url)
    customer(api, "ada")
    worker = make_worker()
    from backend.webhooks import repository

    def boom(self, event_ids):
        raise Crash

    with monkeypatch.context() as patched:
        patched.setattr(repository.DeliveryRepository, "drop_outbox", boom)
        with pytest.raises(Crash):
            worker.run_once()
    assert worker.run_once() == 1
    assert receiver.types() == ["customer.created"]


def test_rotation_signs_with_both_secrets_during_the_overlap(api, receiver, endpoints,
                                                            make_worker, clock):
    endpoint = endpoints(receiver.url)
    rotated = ok(api.post(f"/api/v1/webhooks/endpoints/{endpoint['id']}/rotate-secret",
                          json={"overlap_hours": 24}))
    assert rotated["secret"] != endpoint["secret"] and rotated["secret"].startswith("whsec_")
    assert rotated["previous_secret_expires_at"] is not None
    customer(api, "ada")
    worker = make_worker()
    worker.run_once()
    [request] = receiver.requests
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    for secret in (endpoint["secret"], rotated["secret"]):
        Webhook(secret).verify(request.body, request.headers)
    clock.advance(hours=25)
    customer(api, "bob")
    worker.run_once()
    late = receiver.requests[1]
    assert len(late.headers["webhook-signature"].split(" ")) == 1
    Webhook(rotated["secret"]).verify(late.body, late.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint["secret"]).verify(late.body, late.headers)


def test_rotation_without_overlap_drops_the_old_secret_at_once(api, receiver, endpoints,
                                                              make_worker):
    endpoint = endpoints(receiver.url)
    rotated = ok(api.post(f"/api/v1/webhooks/endpoints/{endpoint['id']}/rotate-secret",
                          json={"overlap_hours": 0}))
    customer(api, "ada")
    make_worker().run_once()
    [request] = receiver.requests
    Webhook(rotated["secret"]).verify(request.body, request.headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint["secret"]).verify(request.body, request.headers)


def test_an_endpoint_failing_for_days_is_disabled_with_an_event(api, endpoints, make_worker,
                                                                clock, receiver):
    failing = endpoints("http://127.0.0.1:9/nothing-listens")
    watcher = endpoints(receiver.url, event_types=["webhook_endpoint."])
    worker = make_worker()
    for day in range(6):
        customer(api, f"c{day}")
        worker.run_once()
        clock.advance(days=1, seconds=1)
        for _ in range(8):
            worker.run_once()
            clock.advance(hours=10, seconds=1)
    state = ok(api.get(f"/api/v1/webhooks/endpoints/{failing['id']}"))
    assert state["enabled"] is False and "5 days" in state["disabled_reason"]
    worker.run_once()
    assert receiver.types() == ["webhook_endpoint.disabled"]
    assert receiver.requests[0].json["data"]["id"] == failing["id"]
    assert ok(api.get(f"/api/v1/webhooks/endpoints/{watcher['id']}"))["enabled"] is True
    messages = ok(api.get(f"/api/v1/webhooks/endpoints/{failing['id']}/messages",
                          params={"status": "failed"}))["data"]
    assert messages and all(m["attempts"] == 8 for m in messages)


def test_manual_redelivery_and_replay(api, receiver, endpoints, make_worker, clock):
    endpoint = endpoints(receiver.url)
    customer(api, "ada")
    customer(api, "bob")
    worker = make_worker()
    assert worker.run_once() == 2
    start = ok(api.get("/api/v1/events"))["data"][0]["created_at"]
    replayed = ok(api.post(f"/api/v1/webhooks/endpoints/{endpoint['id']}/replay",
                           json={"since": start}), 202)
    assert replayed == {"queued": 2}
    clock.catch_up()  # requeued at the API's now
    assert worker.run_once() == 2
    assert receiver.ids()[:2] == receiver.ids()[2:]
    [latest, _] = ok(api.get(f"/api/v1/webhooks/endpoints/{endpoint['id']}/messages"))["data"]
    again = ok(api.post(f"/api/v1/webhooks/endpoints/{endpoint['id']}/messages/"
                        f"{latest['id']}/redeliver"), 202)
    assert again["status"] == "pending"
    clock.catch_up()
    assert worker.run_once() == 1
    assert receiver.ids().count(latest["event_id"]) == 3
    only_failed = ok(api.post(f"/api/v1/webhooks/endpoints/{endpoint['id']}/replay",
                              json={"since": start, "only_failed": True}), 202)
    assert only_failed == {"queued": 0}


def test_a_disabled_endpoint_gets_nothing_until_re_enabled(api, receiver, endpoints,
                                                          make_worker):
    endpoint = endpoints(receiver.url)
    ok(api.patch(f"/api/v1/webhooks/endpoints/{endpoint['id']}", json={"enabled": False}))
    customer(api, "ada")
    worker = make_worker()
    worker.run_once()
    assert receiver.requests == []
    ok(api.patch(f"/api/v1/webhooks/endpoints/{endpoint['id']}", json={"enabled": True}))
    customer(api, "bob")
    worker.run_once()
    assert [r.json["data"]["id"] for r in receiver.requests] == ["bob"]


def test_a_lost_lease_drops_the_stale_result(api, receiver, endpoints, make_worker, clock):
    endpoint = endpoints(receiver.url)
    customer(api, "ada")
    slow = make_worker()
    slow.fan_out()
    [(message_id, *_)] = slow.claim()
    clock.advance(seconds=61)
    fast = make_worker()
    assert fast.run_once() == 1
    slow.finish(message_id, Outcome(500, "late", 1))
    [message] = ok(api.get(f"/api/v1/webhooks/endpoints/{endpoint['id']}/messages"))["data"]
    assert message["status"] == "succeeded" and message["attempts"] == 1


def test_an_environments_test_clock_does_not_delay_delivery(api, receiver, endpoints,
                                                           make_worker, clock):
    endpoint = endpoints(receiver.url)
    ok(api.post("/api/v1/test-clock/freeze", json={}))
    ok(api.post("/api/v1/test-clock/advance", json={"seconds": 90 * 86400}))
    customer(api, "ada")  # recorded 90 days ahead, in the environment's time
    worker = make_worker()
    assert worker.run_once() == 1
    [message] = ok(api.get(f"/api/v1/webhooks/endpoints/{endpoint['id']}/messages"))["data"]
    ok(api.post(f"/api/v1/webhooks/endpoints/{endpoint['id']}/messages/{message['id']}"
                "/redeliver"), 202)
    rotated = ok(api.post(f"/api/v1/webhooks/endpoints/{endpoint['id']}/rotate-secret",
                          json={"overlap_hours": 1}))
    clock.catch_up()
    assert worker.run_once() == 1  # queued at real time, not 90 days ahead
    late = receiver.requests[1]
    assert late.json["timestamp"] > receiver.requests[0].headers["webhook-timestamp"]
    Webhook(rotated["secret"]).verify(late.body, late.headers)
    Webhook(endpoint["secret"]).verify(late.body, late.headers)  # overlap in real time too
