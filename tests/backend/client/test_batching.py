"""UsageBatcher: nothing lost, nothing counted twice, order kept, dead letters, flush on close."""

import queue
import threading

import pytest

from backend.client import TollgateClient
from backend.client.batching import UsageBatcher
from backend.client.errors import TollgateError, TollgateUnavailable


class Flaky:
    """A client whose first `failures` sends fail with `error`; records what arrives."""

    def __init__(self, failures=0, error=None):
        self.failures, self.error = failures, error or TollgateError(503, {"title": "busy"})
        self.calls: list = []
        self.received: list = []

    def _send(self, call):
        self.calls.append(call)
        if self.failures:
            self.failures -= 1
            raise self.error
        self.received.extend(call.json.get("reports") or call.json.get("events"))


def no_sleep(_):
    pass


def test_flush_on_size_and_on_close():
    client = Flaky()
    batcher = UsageBatcher(client, batch_size=10, interval=60, sleep=no_sleep)
    keys = [batcher.report("acme", "api-calls", i) for i in range(25)]
    batcher.close()
    assert [r["idempotency_key"] for r in client.received] == keys
    assert [r["value"] for r in client.received] == list(range(25))
    assert all(len(c.json["reports"]) <= 10 for c in client.calls)


@pytest.mark.parametrize("error", [TollgateError(503, {}), TollgateError(429, {}),
                                   TollgateUnavailable("down")])
def test_transient_errors_are_retried_in_order(error):
    client = Flaky(failures=5, error=error)
    with UsageBatcher(client, batch_size=3, interval=0.01, sleep=no_sleep) as batcher:
        for i in range(10):
            batcher.report("acme", "api-calls", i)
        batcher.event("acme", "tokens", {"model": "x"})
    assert [r.get("value") for r in client.received] == [*range(10), None]
    assert client.received[-1]["event_name"] == "tokens"
    assert batcher.retries == 5 and not batcher.dead_letters


def test_permanent_refusal_goes_to_dead_letters():
    client = Flaky(failures=1, error=TollgateError(422, {"title": "bad"}))
    with UsageBatcher(client, batch_size=100, interval=60, sleep=no_sleep) as batcher:
        batcher.report("acme", "nope", 1)
        batcher.flush()
        batcher.report("acme", "api-calls", 2)
    [dead] = batcher.dead_letters
    assert dead.items[0]["feature_id"] == "nope" and dead.error.status == 422
    assert [r["value"] for r in client.received] == [2]


def test_full_queue_raises_after_the_timeout():
    gate = threading.Event()

    class Stuck(Flaky):
        def _send(self, call):
            gate.wait()
            super()._send(call)

    batcher = UsageBatcher(Stuck(), batch_size=1, interval=0.01, max_queue=2, put_timeout=0.05)
    with pytest.raises(queue.Full):
        for i in range(10):
            batcher.report("acme", "api-calls", i)
    gate.set()
    batcher.close()


def test_against_the_backend_with_503s_counts_once(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as client:
        real = client._send
        state = {"fail": 3}

        def flaky(call):
            if call.path == "/api/v1/usage/bulk" and state["fail"]:
                state["fail"] -= 1
                if state["fail"] == 1:  # the server recorded it, the answer was lost
                    real(call)
                raise TollgateError(503, {"title": "busy"})
            return real(call)

        client._send = flaky
        before = client.check("acme", "ai-credits").current_usage
        with UsageBatcher(client, batch_size=50, interval=0.01, sleep=no_sleep) as batcher:
            for _ in range(120):
                batcher.report("acme", "ai-credits", 1)
        assert client.check("acme", "ai-credits").current_usage == before + 120
        assert not batcher.dead_letters
