"""`UsageBatcher`: usage reports and raw usage events sent in batches from a background thread.

Each item gets an idempotency key when enqueued, so a retried batch never counts twice.
The queue is bounded; when full, `report`/`event` block (backpressure) up to `put_timeout`
seconds and then raise `queue.Full`. Batches go out when `batch_size` items are waiting, every
`interval` seconds, and on `flush()`/`close()` (also registered with atexit). Transient
failures (unreachable, 5xx, 429) are retried with exponential backoff and jitter, in order;
a permanent 4xx refusal moves the batch to `dead_letters` and logs it.
"""

from __future__ import annotations

import atexit
import logging
import queue
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backend.client.call import Call
from backend.client.errors import TollgateError

log = logging.getLogger(__name__)
USAGE = "usage"
EVENTS = "events"


def transient(exc: TollgateError) -> bool:
    return exc.status >= 500 or exc.status == 429


@dataclass
class DeadLetter:
    kind: str
    items: list[dict[str, Any]]
    error: TollgateError


class UsageBatcher:
    def __init__(self, client: Any, *, batch_size: int = 500, interval: float = 1.0,
                 max_queue: int = 50_000, put_timeout: float | None = 30.0,
                 base_delay: float = 0.1, max_delay: float = 10.0,
                 sleep: Callable[[float], None] = time.sleep):
        self._client = client
        self.batch_size = min(batch_size, 5000)
        self.interval = interval
        self.put_timeout = put_timeout
        self.base_delay, self.max_delay, self._sleep = base_delay, max_delay, sleep
        self._queue: queue.Queue[tuple[str, dict[str, Any]]] = queue.Queue(max_queue)
        self._lock = threading.Lock()  # one sender at a time keeps batches in order
        self._stop = threading.Event()
        self._wake = threading.Event()
        self.dead_letters: list[DeadLetter] = []
        self.sent = 0
        self.retries = 0
        self._thread = threading.Thread(target=self._run, name="tollgate-usage", daemon=True)
        self._thread.start()
        atexit.register(self.close)

    def report(self, customer_id: str, feature_id: str, value: int = 1, *,
               behavior: str = "delta", timestamp: datetime | None = None,
               idempotency_key: str | None = None) -> str:
        """Queue a usage report; returns its idempotency key."""
        key = idempotency_key or uuid.uuid4().hex
        item = {"customer_id": customer_id, "feature_id": feature_id, "value": value,
                "behavior": behavior, "idempotency_key": key,
                "timestamp": timestamp.isoformat() if timestamp else None}
        self._put(USAGE, item)
        return key

    def event(self, customer_id: str, event_name: str, dimensions: dict[str, Any] | None = None,
              *, timestamp: datetime | None = None, idempotency_key: str | None = None) -> str:
        """Queue a raw usage event (aggregated by meters); returns its idempotency key."""
        key = idempotency_key or uuid.uuid4().hex
        item = {"customer_id": customer_id, "event_name": event_name,
                "dimensions": dimensions or {}, "idempotency_key": key,
                "timestamp": timestamp.isoformat() if timestamp else None}
        self._put(EVENTS, item)
        return key

    def _put(self, kind: str, item: dict[str, Any]) -> None:
        if self._stop.is_set():
            raise RuntimeError("UsageBatcher is closed")
        self._queue.put((kind, item), timeout=self.put_timeout)
        if self._queue.qsize() >= self.batch_size:
            self._wake.set()

    def pending(self) -> int:
        return self._queue.qsize()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval)
            self._wake.clear()
            self.flush()

    def flush(self) -> None:
        """Send everything queued now, in order."""
        with self._lock:
            while True:
                batch: list[tuple[str, dict[str, Any]]] = []
                while len(batch) < self.batch_size:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                if not batch:
                    return
                for kind, items in _runs(batch):
                    self._send(kind, items)

    def _send(self, kind: str, items: list[dict[str, Any]]) -> None:
        if kind == USAGE:
            call = Call("POST", "/api/v1/usage/bulk", None, json={"reports": items})
        else:
            call = Call("POST", "/api/v1/usage-events", None, json={"events": items})
        attempt = 0
        while True:
            try:
                self._client._send(call)
                self.sent += len(items)
                return
            except TollgateError as exc:
                if not transient(exc):
                    log.error("Tollgate refused a %s batch of %d: %s", kind, len(items), exc)
                    self.dead_letters.append(DeadLetter(kind, items, exc))
                    return
                if self._stop.is_set() and attempt >= 8:
                    log.error("Tollgate unavailable at close; %d %s kept", len(items), kind)
                    self.dead_letters.append(DeadLetter(kind, items, exc))
                    return
                delay = min(self.max_delay, self.base_delay * 2 ** attempt)
                self._sleep(delay * random.uniform(0.5, 1.0))
                attempt += 1
                self.retries += 1

    def close(self) -> None:
        """Stop the thread and send what is left."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=60)
        self.flush()
        atexit.unregister(self.close)

    def __enter__(self) -> UsageBatcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _runs(batch: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Consecutive items of one kind, so order across kinds is kept."""
    runs: list[tuple[str, list[dict[str, Any]]]] = []
    for kind, item in batch:
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(item)
        else:
            runs.append((kind, [item]))
    return runs
