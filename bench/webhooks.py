"""Webhook delivery throughput: the outbox worker against bare signed POSTs in the same run.

One endpoint subscribes to everything; N customers are created through the API (each commit
records a `customer.created` event and its outbox row). Then one `WebhookWorker.run_once()`
drains the outbox: fan-out into messages, claim with a lease (SKIP LOCKED on PostgreSQL), sign
per Standard Webhooks, POST to a receiver process on loopback and record each attempt. The
baseline is the floor of any signed delivery: the same number of POSTs of a same-size body,
signed the same way, sent by the same HTTP code to the same receiver, with no database.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import psycopg

from backend.app import create_app
from backend.auth import service as auth_service
from backend.client import TollgateClient
from backend.config import Settings
from backend.db import engine_for, session_factory, session_scope
from backend.migrations import upgrade
from backend.webhooks import delivery, signing
from backend.webhooks.worker import WebhookWorker
from bench.harness import PG_ADMIN, free_port

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000"))
RECEIVER = textwrap.dedent("""
    import sys
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def do_POST(self):
            self.rfile.read(int(self.headers.get("content-length", 0)))
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()
        def log_message(self, *a):
            pass
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
""")


def _receiver() -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", RECEIVER, str(port)])
    url = f"http://127.0.0.1:{port}/hook"
    for _ in range(100):
        try:
            httpx.post(url, content=b"{}")
            return proc, url
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("receiver did not start")


def _baseline(url: str, body: str, secret: str) -> float:
    """Signed POSTs per second with the worker's own HTTP code and no database."""
    with httpx.Client(follow_redirects=False) as http:
        started = time.perf_counter()
        for n in range(EVENTS):
            headers = signing.signed_headers(f"msg_{n}", datetime.now(UTC), body, [secret])
            assert delivery.post(http, url, body, headers, 10.0).ok
        return EVENTS / (time.perf_counter() - started)


def run(label: str, url: str, receiver: str) -> None:
    upgrade(url)
    data_dir = tempfile.mkdtemp(prefix="tollgate-bench-")
    app = create_app(Settings(DATABASE_URL=url, TOLLGATE_DATA_DIR=data_dir,
                              TOLLGATE_WEBHOOK_WORKER=False, TOLLGATE_DUE_WORK=False))
    with session_scope(url) as session:
        env = auth_service.create_environment(session, "bench", "Bench", "development")
        _, secret = auth_service.issue_key(session, env.id, "secret", "bench")
    with TollgateClient(secret, app=app) as client:
        endpoint = client.create_webhook_endpoint({"url": receiver})
        started = time.perf_counter()
        for n in range(EVENTS):
            client.provision_customer({"id": f"bench-{n}", "name": f"Customer {n}",
                                    "email": f"c{n}@example.com"})
        writes = EVENTS / (time.perf_counter() - started)
    body = '{"type":"customer.created","data":{"id":"bench-0000","name":"Customer 0000",' \
           '"email":"c0000@example.com","metadata":{}},"timestamp":"2026-12-03T00:00:00Z"}'
    base = _baseline(receiver, body, endpoint.secret)
    worker = WebhookWorker(session_factory(engine_for(url)), batch=100)
    started = time.perf_counter()
    sent = worker.run_once()
    rate = sent / (time.perf_counter() - started)
    worker.close()
    assert sent == EVENTS, sent
    print(f"\n[{label}] {EVENTS} customer.created events, one worker, receiver on loopback")
    print(f"{'measure':46} {'per second':>11} {'ratio':>7}")
    print(f"{'bare signed POSTs (baseline, no database)':46} {base:11.0f} {1:7.2f}")
    print(f"{'outbox -> delivered and recorded':46} {rate:11.0f} {rate / base:7.2f}")
    print(f"{'API writes (customer + event + outbox row)':46} {writes:11.0f}")


def main() -> None:
    proc, receiver = _receiver()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            run("SQLite", f"sqlite:///{Path(tmp) / 'bench.db'}", receiver)
        name = f"tollgate_bench_{os.getpid()}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        try:
            run("PostgreSQL", f"postgresql://postgres@127.0.0.1:5432/{name}", receiver)
        finally:
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        proc.terminate()


if __name__ == "__main__":
    main()
