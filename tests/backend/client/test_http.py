"""The clients over real HTTP: a uvicorn server on a free loopback port, and no server at all."""

import asyncio
import socket
import threading
import time

import pytest
import uvicorn

from backend.client import AsyncTollgateClient, TollgateClient, TollgateError, TollgateUnavailable
from backend.paywall.schemas import Paywall


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(app):
    """The session's app served by uvicorn in a background thread."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", lifespan="off", access_log=False
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def test_sync_client_over_http(server_url, seeded):
    with TollgateClient(seeded.secret, base_url=server_url) as client:
        paywall = client.get_paywall("workspace", customer_id="acme")
        assert isinstance(paywall, Paywall)
        assert [p.id for p in paywall.plans if p.is_current] == ["plus"]
        created = client.provision_customer(
            {"id": "over-http", "email": "a@b.co"}, idempotency_key="http-1"
        )
        assert (
            client.provision_customer(
                {"id": "over-http", "email": "a@b.co"}, idempotency_key="http-1"
            )
            == created
        )
        assert client.get_customer("over-http").email == "a@b.co"
        with pytest.raises(TollgateError) as raised:
            client.create_plan(
                {"id": "x", "product_id": "ghost", "display_name": "X", "pricing_type": "free"}
            )
        assert raised.value.status == 422
        assert raised.value.problem["errors"][0]["field"] == "product_id"


def test_base_url_from_the_environment(server_url, seeded, monkeypatch):
    monkeypatch.setenv("TOLLGATE_API_URL", server_url)
    with TollgateClient(seeded.publishable) as client:
        assert client.list_products().data[0].id == "workspace"
        with pytest.raises(TollgateError) as raised:
            client.list_customers()
        assert raised.value.status == 403


def test_async_client_over_http(server_url, seeded):
    async def main():
        async with AsyncTollgateClient(seeded.publishable, base_url=server_url) as client:
            walls = await asyncio.gather(
                *(client.get_paywall("workspace", currency=c) for c in ("USD", "EUR"))
            )
            assert [w.currency for w in walls] == ["USD", "EUR"]
            with pytest.raises(TollgateError) as raised:
                await client.get_paywall("workspace", currency="JPY")
            assert raised.value.status == 422

    asyncio.run(main())


def test_unavailable_when_nothing_listens():
    url = f"http://127.0.0.1:{free_port()}"
    with (
        TollgateClient("tg_sk_x", base_url=url, timeout=2) as client,
        pytest.raises(TollgateUnavailable) as raised,
    ):
        client.get_paywall("workspace")
    assert raised.value.status == 503 and isinstance(raised.value, TollgateError)

    async def main():
        async with AsyncTollgateClient("tg_sk_x", base_url=url, timeout=2) as client:
            with pytest.raises(TollgateUnavailable):
                await client.list_products()

    asyncio.run(main())
