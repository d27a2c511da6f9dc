"""Clients that act for one customer, as every customer-facing widget does.

A widget never calls the secret-key API for a customer: it holds a customer token and calls the
`/me` endpoints, exactly as an embedded widget in a browser does, so even a bug in a widget
cannot reach another customer. In a Reflex host the customer id is read from the host's state
on the server and a short-lived token is issued for it here (with the server's secret key);
a host that already has a token passes it instead.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from backend.client import AsyncTollgateClient, TollgateError
from widgets._client import client_options, generation, get_client

TOKEN_TTL_SECONDS = 3600
RENEW_BEFORE = timedelta(minutes=5)
MAX_CLIENTS = 256
T = TypeVar("T")

_clients: OrderedDict[str, tuple[AsyncTollgateClient, datetime | None]] = OrderedDict()
_lock = asyncio.Lock()


class NoCustomer(ValueError):
    """The widget was given neither a customer id nor a customer token."""


def _fresh(expires_at: datetime | None) -> bool:
    return expires_at is None or expires_at - RENEW_BEFORE > datetime.now(UTC)


async def _remember(key: str, client: AsyncTollgateClient, expires_at: datetime | None) -> None:
    _clients[key] = (client, expires_at)
    _clients.move_to_end(key)
    while len(_clients) > MAX_CLIENTS:
        _, (old, _) = _clients.popitem(last=False)
        await old.aclose()


async def customer_client(customer_id: str | None = None,
                          customer_token: str | None = None) -> AsyncTollgateClient:
    """A client whose every call acts for one customer (by token)."""
    if not customer_id and not customer_token:
        raise NoCustomer("This widget acts for a signed-in customer: pass customer_id= "
                         "(a state var of your app) or customer_token=")
    who = f"token:{customer_token}" if customer_token else f"id:{customer_id}"
    key = f"{generation()}|{who}"
    async with _lock:
        cached = _clients.get(key)
        if cached is not None and _fresh(cached[1]):
            _clients.move_to_end(key)
            return cached[0]
        expires_at = None
        if not customer_token:
            issued = await get_client().create_customer_token(
                str(customer_id), ttl_seconds=TOKEN_TTL_SECONDS)
            customer_token, expires_at = issued.token, issued.expires_at
        client = AsyncTollgateClient(customer_token=customer_token, **client_options())
        if cached is not None:
            await cached[0].aclose()
        await _remember(key, client, expires_at)
        return client


async def as_customer(customer_id: str | None, customer_token: str | None,
                      call: Callable[[AsyncTollgateClient], Awaitable[T]]) -> T:
    """Run `call` with the customer's client; a token the backend no longer accepts (it
    expired, for instance after a test clock moved on) is replaced once and the call retried."""
    client = await customer_client(customer_id, customer_token)
    try:
        return await call(client)
    except TollgateError as exc:
        if exc.status != 401 or customer_token:
            raise
    async with _lock:
        _clients.pop(f"{generation()}|id:{customer_id}", None)
    return await call(await customer_client(customer_id, customer_token))


async def forget_clients() -> None:
    """Close every cached customer client (tests, or after rotating the token secret)."""
    async with _lock:
        while _clients:
            _, (client, _) = _clients.popitem()
            await client.aclose()
