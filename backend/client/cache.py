"""`EntitlementCache`: entitlement checks answered from memory, kept fresh by the change stream.

The first check of a customer loads all their entitlements (`get_entitlements`); later checks
decide locally with the backend's own `decide`. A background thread listens to
`/api/v1/entitlements/stream` and drops a customer's entry when their entitlements change
(reconnecting with backoff); while the stream is down, entries older than `ttl` are reloaded.
When the backend is unreachable (or `offline=True`) the configured fallback for the feature (or
the default) answers, marked `is_fallback`. Usage reported or consumed through the cache updates
the cached usage at once. Thread-safe.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from backend.client import sse
from backend.client.errors import TollgateError
from backend.client.transport import SyncASGITransport
from backend.entitlements.combine import Effective
from backend.entitlements.decide import decide
from backend.entitlements.schemas import EntitlementState

log = logging.getLogger(__name__)
STREAM_PATH = "/api/v1/entitlements/stream"
# denials that depend on the request, so the cache decides them again
_LOCAL_REASONS = {None, "usage_limit_exceeded", "value_not_allowed", "feature_type_mismatch"}


@dataclass(frozen=True)
class Fallback:
    has_access: bool = False
    limit: int | None = None
    unlimited: bool = False


@dataclass(frozen=True)
class CachedCheck:
    customer_id: str
    feature_id: str
    has_access: bool
    denial_reason: str | None = None
    limit: int | None = None
    unlimited: bool = False
    soft_limit: bool = False
    current_usage: int = 0
    requested_usage: int | None = None
    enum_values: tuple[str, ...] | None = None
    is_fallback: bool = False


@dataclass
class _Entry:
    revision: int
    states: dict[str, EntitlementState]
    loaded_at: float


@dataclass
class Counters:
    hits: int = 0
    misses: int = 0
    requests: int = 0
    fallbacks: int = 0
    invalidations: int = 0


def _fallback(value: Fallback | dict[str, Any]) -> Fallback:
    return value if isinstance(value, Fallback) else Fallback(**value)


class EntitlementCache:
    def __init__(self, client: Any, *, fallbacks: dict[str, Fallback | dict[str, Any]] | None = None,
                 default: Fallback | dict[str, Any] | None = None, ttl: float = 60.0,
                 offline: bool = False, stream: bool | None = None,
                 stream_http: httpx.Client | None = None, max_backoff: float = 30.0):
        self._client = client
        self.fallbacks = {k: _fallback(v) for k, v in (fallbacks or {}).items()}
        self.default = _fallback(default or Fallback())
        self.ttl, self.offline, self.max_backoff = ttl, offline, max_backoff
        self.counters = Counters()
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self.connected = threading.Event()
        self._last_id: str | None = None
        self._thread: threading.Thread | None = None
        http = stream_http or getattr(client, "_http", None)
        in_process = http is not None and isinstance(getattr(http, "_transport", None),
                                                     SyncASGITransport)
        # the in-process transport buffers whole responses, so it cannot carry a stream
        if stream is None:
            stream = not offline and http is not None and not in_process
        if stream and http is not None:
            self._http = http
            self._thread = threading.Thread(target=self._listen, name="tollgate-stream",
                                            daemon=True)
            self._thread.start()

    def check(self, customer_id: str, feature_id: str, requested_usage: int | None = None,
              requested_value: str | None = None) -> CachedCheck:
        """May the customer use the feature? From memory after the customer's first load."""
        if self.offline:
            return self._use_fallback(customer_id, feature_id, requested_usage)
        entry = self._fresh(customer_id)
        if entry is None:
            try:
                entry = self.load(customer_id)
            except TollgateError as exc:
                if exc.status < 500 and exc.status != 429:
                    raise
                with self._lock:
                    entry = self._entries.get(customer_id)  # a stale entry beats a guess
                if entry is None:
                    return self._use_fallback(customer_id, feature_id, requested_usage)
        else:
            with self._lock:
                self.counters.hits += 1
        return self._decide(customer_id, entry, feature_id, requested_usage, requested_value)

    def load(self, customer_id: str) -> _Entry:
        """Fetch the customer's entitlements now (a miss)."""
        with self._lock:
            self.counters.misses += 1
            self.counters.requests += 1
        result = self._client.get_entitlements(customer_id)
        entry = _Entry(result.revision, {s.feature_id: s for s in result.entitlements},
                       time.monotonic())
        with self._lock:
            self._entries[customer_id] = entry
        return entry

    def invalidate(self, customer_id: str | None = None) -> None:
        """Forget one customer (or everyone); the next check reloads."""
        with self._lock:
            self.counters.invalidations += 1
            if customer_id is None:
                self._entries.clear()
            else:
                self._entries.pop(customer_id, None)

    def _fresh(self, customer_id: str) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(customer_id)
        if entry is None:
            return None
        if not self.connected.is_set() and time.monotonic() - entry.loaded_at > self.ttl:
            return None
        return entry

    def _decide(self, customer_id: str, entry: _Entry, feature_id: str,
                requested_usage: int | None, requested_value: str | None) -> CachedCheck:
        state = entry.states.get(feature_id)
        if state is None:
            d = decide("boolean", None, requested_usage=requested_usage)
            return CachedCheck(customer_id, feature_id, False, d.reason,
                               requested_usage=requested_usage)
        if not state.has_access and state.denial_reason not in _LOCAL_REASONS:
            return CachedCheck(customer_id, feature_id, False, state.denial_reason,
                               current_usage=state.current_usage,
                               requested_usage=requested_usage)
        effective = Effective(feature_id, state.limit, state.unlimited, state.soft_limit,
                              None, tuple(state.enum_values) if state.enum_values else None)
        d = decide(state.feature_type, effective, usage=state.current_usage,
                   requested_usage=requested_usage, requested_value=requested_value)
        return CachedCheck(customer_id, feature_id, d.has_access, d.reason, d.limit, d.unlimited,
                           d.soft_limit, d.current_usage, d.requested_usage, d.enum_values)

    def _use_fallback(self, customer_id: str, feature_id: str,
                      requested_usage: int | None) -> CachedCheck:
        fb = self.fallbacks.get(feature_id, self.default)
        with self._lock:
            self.counters.fallbacks += 1
        return CachedCheck(customer_id, feature_id, fb.has_access,
                           None if fb.has_access else "fallback", fb.limit, fb.unlimited,
                           requested_usage=requested_usage, is_fallback=True)

    def note_usage(self, customer_id: str, feature_id: str, value: int, *,
                   behavior: str = "delta") -> None:
        """Move the cached usage now (e.g. for reports queued in a `UsageBatcher`)."""
        with self._lock:
            entry = self._entries.get(customer_id)
            state = entry.states.get(feature_id) if entry else None
            if entry is None or state is None:
                return
            usage = value if behavior == "set" else state.current_usage + value
            entry.states[feature_id] = state.model_copy(update={"current_usage": usage})

    def _set_usage(self, customer_id: str, feature_id: str, usage: int) -> None:
        self.note_usage(customer_id, feature_id, usage, behavior="set")

    def report_usage(self, customer_id: str, feature_id: str, value: int = 1, *,
                     behavior: str = "delta", idempotency_key: str | None = None) -> Any:
        """Report usage to the backend and update the cached usage (`UsageRecorded`)."""
        with self._lock:
            self.counters.requests += 1
        recorded = self._client.report_usage({
            "customer_id": customer_id, "feature_id": feature_id, "value": value,
            "behavior": behavior, "idempotency_key": idempotency_key})
        self._set_usage(customer_id, feature_id, recorded.current_usage)
        return recorded

    def consume(self, customer_id: str, feature_id: str, amount: int = 1, *,
                idempotency_key: str | None = None) -> Any:
        """Check and record atomically on the backend; update the cached usage (`ConsumeResult`)."""
        with self._lock:
            self.counters.requests += 1
        result = self._client.consume(customer_id, feature_id, amount,
                                      idempotency_key=idempotency_key)
        self._set_usage(customer_id, feature_id, result.entitlement.current_usage)
        return result

    def _listen(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._read_stream()
                failures = 0
            except Exception as exc:  # noqa: BLE001 - any failure means reconnect
                log.info("entitlement stream interrupted: %s", exc)
                failures += 1
            self.connected.clear()
            delay = min(self.max_backoff, 0.05 * 2 ** failures) * random.uniform(0.5, 1.0)
            self._stop.wait(delay)

    def _read_stream(self) -> None:
        headers = {"Last-Event-ID": self._last_id} if self._last_id else {}
        with self._http.stream("GET", STREAM_PATH, headers=headers,
                               timeout=httpx.Timeout(10.0, read=45.0)) as response:
            if response.status_code != 200:
                raise TollgateError(response.status_code, {"title": "stream refused"})
            with self._lock:
                self.counters.requests += 1
            for event in sse.parse(response.iter_lines()):
                if self._stop.is_set():
                    return
                self._on_event(event)

    def _on_event(self, event: sse.SseEvent) -> None:
        if event.event == "ready":
            if self._last_id is None:
                self.invalidate()  # changes may have been missed while not listening
            self.connected.set()
            return
        if event.event != "entitlements.changed":
            return
        if event.id:
            self._last_id = event.id
        data = event.json() or {}
        customer = data.get("customer_id")
        with self._lock:
            entry = self._entries.get(customer)
            stale = entry is not None and entry.revision < int(data.get("revision") or 1 << 62)
        if stale or data.get("reason") == "usage":
            self.invalidate(customer)

    def close(self) -> None:
        """Stop listening."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1)

    def __enter__(self) -> EntitlementCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

