"""Sync and async clients sharing one description of each API call.

Each operation in `_Operations` builds a `Call`; `TollgateClient` sends it and returns the
parsed result, `AsyncTollgateClient` returns an awaitable of the same. With `app=` the client
talks to an in-process ASGI app (no network hop); with `base_url=` it speaks HTTP.

`api_key` authenticates as the environment; `customer_token` (sent as `X-Customer-Token`) acts
for one customer on the `/me` operations, alone or next to a publishable key.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable
from typing import Any

import httpx
from pydantic import TypeAdapter

from backend.client.call import Call
from backend.client.errors import TollgateError, TollgateUnavailable
from backend.client.operations import Operations
from backend.client.transport import SyncASGITransport

IN_PROCESS_URL = "http://tollgate.internal"


def _parse(call: Call, response: httpx.Response) -> Any:
    if response.status_code >= 400:
        try:
            problem = response.json()
        except ValueError:
            problem = {"title": response.reason_phrase, "detail": response.text[:500]}
        raise TollgateError(response.status_code, problem)
    if call.result is None or response.status_code == 204:
        return None
    return TypeAdapter(call.result).validate_json(response.content)


def _auth_headers(api_key: str | None, customer_token: str | None) -> dict[str, str]:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    if customer_token:
        headers["X-Customer-Token"] = customer_token
    return headers


class TollgateClient(Operations):
    """Blocking client. Use as a context manager or call `close()`."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        customer_token: str | None = None,
        base_url: str | None = None,
        app: Any = None,
        timeout: float = 10.0,
    ):
        headers = _auth_headers(api_key, customer_token)
        if app is not None:
            self._http: httpx.Client = httpx.Client(
                transport=SyncASGITransport(app), base_url=IN_PROCESS_URL, headers=headers,
                timeout=timeout,
            )
        else:
            url = base_url or os.environ.get("TOLLGATE_API_URL")
            if not url:
                raise ValueError("TollgateClient needs base_url=, app= or TOLLGATE_API_URL")
            self._http = httpx.Client(base_url=url, headers=headers, timeout=timeout)

    def _send(self, call: Call) -> Any:
        try:
            response = self._http.request(call.method, call.path, **call.request_kwargs())
        except httpx.TransportError as exc:
            raise TollgateUnavailable(str(exc)) from exc
        return _parse(call, response)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> TollgateClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncTollgateClient(Operations):
    """Asyncio client; every operation returns an awaitable."""

    def __init__(
        self,
        api_key: str | None = None,
        *,
        customer_token: str | None = None,
        base_url: str | None = None,
        app: Any = None,
        timeout: float = 10.0,
    ):
        headers = _auth_headers(api_key, customer_token)
        if app is not None:
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            self._http: httpx.AsyncClient = httpx.AsyncClient(
                transport=transport, base_url=IN_PROCESS_URL, headers=headers, timeout=timeout
            )
        else:
            url = base_url or os.environ.get("TOLLGATE_API_URL")
            if not url:
                raise ValueError("AsyncTollgateClient needs base_url=, app= or TOLLGATE_API_URL")
            self._http = httpx.AsyncClient(base_url=url, headers=headers, timeout=timeout)

    def _send(self, call: Call) -> Awaitable[Any]:
        return self._send_async(call)

    async def _send_async(self, call: Call) -> Any:
        try:
            response = await self._http.request(call.method, call.path, **call.request_kwargs())
        except httpx.TransportError as exc:
            raise TollgateUnavailable(str(exc)) from exc
        return _parse(call, response)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncTollgateClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

