"""A blocking httpx transport that calls an ASGI app in-process (through an anyio portal)."""

from typing import Any

import anyio.from_thread
import httpx


class SyncASGITransport(httpx.BaseTransport):
    """Lets the sync client reach a mounted FastAPI app without a network hop."""

    def __init__(self, app: Any):
        # A crash inside the app comes back as its 500 problem response (a TollgateError), as
        # it would over HTTP, instead of escaping into the caller.
        self._transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self._portal_cm = anyio.from_thread.start_blocking_portal()
        self._portal = self._portal_cm.__enter__()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()

        async def send() -> httpx.Response:
            forwarded = httpx.Request(request.method, request.url, headers=request.headers, content=body)
            response = await self._transport.handle_async_request(forwarded)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content)

        return self._portal.call(send)

    def close(self) -> None:
        self._portal_cm.__exit__(None, None, None)
