"""Fixtures of the webhook tests: a real HTTP receiver on loopback, endpoints that are removed
after the test, and a delivery worker with a clock the test moves."""

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from backend.db import engine_for, session_factory
from backend.webhooks.worker import WebhookWorker
from tests.backend.helpers import ok


@dataclass
class Received:
    body: bytes
    headers: dict[str, str]

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """Records every request; answers with the next status of `plan` (then `default`)."""

    url: str
    requests: list[Received] = field(default_factory=list)
    plan: list[int] = field(default_factory=list)
    default: int = 200
    delay: float = 0.0

    def answer(self) -> int:
        return self.plan.pop(0) if self.plan else self.default

    def types(self) -> list[str]:
        return [r.json["type"] for r in self.requests]

    def ids(self) -> list[str]:
        return [r.headers["webhook-id"] for r in self.requests]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    lock = threading.Lock()
    state: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            rec = state["r"]
            if rec.delay:
                threading.Event().wait(rec.delay)
            with lock:
                rec.requests.append(Received(body, {k.lower(): v for k, v in self.headers.items()}))
                code = rec.answer()
            reply = b'{"ok": true}' if code < 300 else b"x" * 5000
            self.send_response(code)
            self.send_header("content-length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state["r"] = Receiver(url=f"http://127.0.0.1:{server.server_address[1]}/hook")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state["r"]
    server.shutdown()
    server.server_close()


@pytest.fixture
def endpoints(tenant) -> Iterator[Callable[..., dict[str, Any]]]:
    """Create endpoints in the tenant; they are deleted after the test so later tests' workers
    never send to a receiver that is gone."""
    api = tenant.client()
    made: list[str] = []

    def make(url: str, **body: Any) -> dict[str, Any]:
        created = ok(api.post("/api/v1/webhooks/endpoints", json={"url": url, **body}), 201)
        made.append(created["id"])
        return created

    yield make
    for ref in made:
        api.delete(f"/api/v1/webhooks/endpoints/{ref}")


class Clock:
    def __init__(self) -> None:
        self.at = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)

    def catch_up(self) -> None:
        """At least the real time (what the API queues redeliveries at)."""
        self.at = max(self.at, datetime.now(UTC) + timedelta(milliseconds=1))


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_worker(database_url: str, clock: Clock) -> Iterator[Callable[..., WebhookWorker]]:
    made: list[WebhookWorker] = []

    def make(**kwargs: Any) -> WebhookWorker:
        kwargs.setdefault("now", clock)
        kwargs.setdefault("draw", lambda: 0.5)  # no jitter: nominal delays
        kwargs.setdefault("timeout", 5.0)
        worker = WebhookWorker(session_factory(engine_for(database_url)), **kwargs)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.close()


def customer(api, ref: str, **body: Any) -> dict[str, Any]:
    """A customer (its `customer.created` event is what most tests deliver)."""
    return ok(api.post("/api/v1/customers", json={"id": ref, **body}), 201)
