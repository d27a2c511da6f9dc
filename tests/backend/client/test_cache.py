"""EntitlementCache: hits without requests, stream invalidation, fallbacks, usage bookkeeping."""

import queue
import time

import httpx
import pytest

from backend.client import TollgateClient
from backend.client.cache import EntitlementCache, Fallback
from backend.client.sse import parse


class Counting(TollgateClient):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.sent = 0

    def _send(self, call):
        self.sent += 1
        return super()._send(call)


def fake_stream() -> tuple[httpx.Client, "queue.Queue[str | None]"]:
    """An SSE endpoint fed from a queue; None ends the response."""
    frames: queue.Queue[str | None] = queue.Queue()

    def body():
        yield b'event: ready\ndata: {"cursor": "0"}\n\n'
        while (frame := frames.get()) is not None:
            yield frame.encode()

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/v1/entitlements/stream"
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body())

    return httpx.Client(transport=httpx.MockTransport(handler), base_url="http://t"), frames


def wait_for(condition, seconds=5.0):
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.01)


def test_sse_parser():
    lines = [": keep-alive", "", "event: entitlements.changed", "id: 7", 'data: {"a": 1}', ""]
    [event] = list(parse(lines))
    assert (event.event, event.id, event.json()) == ("entitlements.changed", "7", {"a": 1})


def test_hits_are_served_without_requests(seeded):
    with Counting(seeded.secret, app=seeded.app) as client, EntitlementCache(client) as cache:
        first = cache.check("acme", "ai-credits", requested_usage=10)
        assert first.has_access and first.limit == 2000 and not first.is_fallback
        sent = client.sent
        for _ in range(100):
            assert cache.check("acme", "ai-credits", requested_usage=10).has_access
        assert not cache.check("acme", "ai-credits", requested_usage=5000).has_access
        assert cache.check("acme", "sso").denial_reason == "no_feature_entitlement"
        assert client.sent == sent
        assert cache.counters.hits == 102 and cache.counters.misses == 1


def test_local_decision_matches_the_server(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as client, EntitlementCache(client) as cache:
        for feature, usage in [("ai-credits", 1), ("ai-credits", 2001), ("sso", None),
                               ("api-calls", 10**9)]:
            local = cache.check("acme", feature, requested_usage=usage)
            remote = client.check("acme", feature, requested_usage=usage)
            assert (local.has_access, local.denial_reason) == \
                (remote.has_access, remote.denial_reason), feature


def test_usage_through_the_cache_updates_it_at_once(seeded):
    with Counting(seeded.secret, app=seeded.app) as client, EntitlementCache(client) as cache:
        assert cache.check("acme", "ai-credits", requested_usage=2000).has_access
        cache.consume("acme", "ai-credits", 1500)
        assert not cache.check("acme", "ai-credits", requested_usage=600).has_access
        cache.report_usage("acme", "ai-credits", 100)
        assert cache.check("acme", "ai-credits").current_usage == 1600
        cache.note_usage("acme", "ai-credits", 400)
        assert cache.check("acme", "ai-credits").denial_reason == "usage_limit_exceeded"
        assert cache.counters.misses == 1


def test_stream_change_invalidates_the_customer(seeded):
    http, frames = fake_stream()
    with Counting(seeded.secret, app=seeded.app) as client, \
            EntitlementCache(client, stream_http=http, ttl=3600) as cache:
        wait_for(cache.connected.is_set)
        cache.check("acme", "sso")
        cache.check("acme", "sso")
        assert cache.counters.misses == 1
        client.grant_promotion("acme", {"feature_id": "sso", "period": "1_week"})
        assert not cache.check("acme", "sso").has_access  # not told yet
        frames.put('event: entitlements.changed\nid: 5\ndata: {"customer_id": "acme", '
                   '"reason": "entitlement.promotion_granted", "revision": 999}\n\n')
        wait_for(lambda: cache.counters.invalidations >= 2)
        assert cache.check("acme", "sso").has_access
        assert cache.counters.misses == 2
        frames.put(None)


def test_reconnects_after_the_stream_ends(seeded):
    http, frames = fake_stream()
    with TollgateClient(seeded.secret, app=seeded.app) as client, \
            EntitlementCache(client, stream_http=http) as cache:
        wait_for(cache.connected.is_set)
        frames.put(None)
        wait_for(lambda: cache.counters.requests >= 2)
        wait_for(cache.connected.is_set)
        frames.put(None)


def test_polls_with_a_ttl_without_a_stream(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as client, \
            EntitlementCache(client, ttl=0.0) as cache:
        cache.check("acme", "sso")
        cache.check("acme", "sso")
        assert cache.counters.misses == 2


def test_fallbacks_when_unreachable_and_offline(seeded):
    fallbacks = {"ai-credits": {"has_access": True, "limit": 100}}
    with TollgateClient(seeded.secret, base_url="http://127.0.0.1:9", timeout=0.5) as down:
        cache = EntitlementCache(down, fallbacks=fallbacks, default=Fallback(False), stream=False)
        result = cache.check("acme", "ai-credits")
        assert result.is_fallback and result.has_access and result.limit == 100
        other = cache.check("acme", "sso")
        assert other.is_fallback and not other.has_access
    with TollgateClient(seeded.secret, app=seeded.app) as client:
        cache = EntitlementCache(client, offline=True, default={"has_access": True})
        assert cache.check("acme", "sso").is_fallback and cache.check("acme", "sso").has_access
        assert cache.counters.requests == 0


def test_stale_entry_beats_a_fallback(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as client, \
            EntitlementCache(client, ttl=0.0) as cache:
        cache.check("acme", "ai-credits")

        def down(call):
            from backend.client.errors import TollgateUnavailable
            raise TollgateUnavailable("down")

        client._send = down
        result = cache.check("acme", "ai-credits")
        assert result.has_access and not result.is_fallback


def test_refusals_are_not_hidden(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as client, EntitlementCache(client) as cache:
        from backend.client.errors import TollgateError
        with pytest.raises(TollgateError):
            cache.check("nobody", "sso")


def test_real_stream_invalidates_and_server_stop_falls_back(seeded):
    from tests.backend.entitlements.conftest import serving

    with serving(seeded.app) as url:
        client = Counting(seeded.secret, base_url=url, timeout=1.0)
        cache = EntitlementCache(client, ttl=3600, fallbacks={"sso": Fallback(True)})
        wait_for(cache.connected.is_set, 10)
        assert not cache.check("acme", "sso").has_access
        client.grant_promotion("acme", {"feature_id": "sso", "period": "1_week"})
        wait_for(lambda: cache.check("acme", "sso").has_access, 10)
        assert cache.counters.misses == 2
    cache.invalidate()
    result = cache.check("acme", "sso")  # the server is gone now
    assert result.is_fallback and result.has_access
    cache.close()
    client.close()
