"""A request's transaction: committed once, before the response leaves; rolled back on errors."""

import asyncio
import json

from sqlalchemy import select

from backend.db import session_scope
from backend.models import Customer


def call_asgi(app, method, path, key, body, on_send):
    """Drive the ASGI app by hand, calling `on_send` with every message the app sends."""
    payload = json.dumps(body).encode()
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "server": ("test", 80),
        "client": ("127.0.0.1", 1),
        "headers": [
            (b"host", b"test"),
            (b"authorization", f"Bearer {key}".encode()),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(payload)).encode()),
        ],
    }
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": payload, "more_body": False}
        await asyncio.sleep(3600)

    async def send(message):
        on_send(message)

    asyncio.run(app(scope, receive, send))


def stored(tenant, ref):
    with session_scope(tenant.url) as session:
        return (
            session.scalar(
                select(Customer).where(Customer.environment_id == tenant.id, Customer.ref == ref)
            )
            is not None
        )


def test_write_is_committed_before_the_response_is_sent(tenant):
    seen = {}

    def on_send(message):
        if message["type"] == "http.response.start":
            seen["status"] = message["status"]
            seen["committed"] = stored(tenant, "early-bird")  # another connection looks

    call_asgi(tenant.app, "POST", "/api/v1/customers", tenant.secret, {"id": "early-bird"}, on_send)
    assert seen == {"status": 201, "committed": True}


def test_failed_request_changes_nothing(tenant, api):
    response = api.post(
        "/api/v1/customers", json={"id": "c", "subscription": {"plan_id": "missing"}}
    )
    assert response.status_code == 422
    assert not stored(tenant, "c")
