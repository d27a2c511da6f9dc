"""ASGI middleware: hosted widget pages (`/embed/...`) may be framed only by the origins their
environment allows. The environment comes from the page's publishable key (`?key=`); the
answer carries `Content-Security-Policy: frame-ancestors 'self' <origins>`, so browsers refuse
to show the page inside any other site. It also carries `Referrer-Policy: no-referrer`, so the
page's URL (with its customer token) is not sent along with the requests the page makes."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import parse_qs

from sqlalchemy.orm import Session

from backend.embedding.origins import frame_ancestors
from backend.embedding.service import changes, origins_for_key

CACHE_SECONDS = 30.0
PREFIX = "/embed"
REPLACED = (b"content-security-policy", b"x-frame-options", b"referrer-policy")


class FrameGuard:
    """Wraps an ASGI app; `sessions()` opens a database session to look the key up."""

    def __init__(self, app, sessions: Callable[[], Session]):  # type: ignore[no-untyped-def]
        self.app, self.sessions = app, sessions
        self._cache: dict[str, tuple[float, int, list[str] | None]] = {}

    def policy(self, key: str | None) -> str:
        """The frame-ancestors directive for a page opened with `key` (cached briefly; a change
        made through this process's API applies at once)."""
        if not key:
            return frame_ancestors(None)
        hit = self._cache.get(key)
        if hit is None or time.monotonic() - hit[0] > CACHE_SECONDS or hit[1] != changes():
            version = changes()
            with self.sessions() as session:
                hit = (time.monotonic(), version, origins_for_key(session, key))
            if len(self._cache) > 1000:
                self._cache.clear()
            self._cache[key] = hit
        return frame_ancestors(hit[2])

    async def __call__(self, scope, receive, send):  # type: ignore[no-untyped-def]
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if path != PREFIX and not path.startswith(PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        directive = self.policy((query.get("key") or [None])[0]).encode()

        async def send_with_policy(message):  # type: ignore[no-untyped-def]
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in REPLACED]
                message = {**message, "headers": [
                    *headers, (b"content-security-policy", directive),
                    (b"referrer-policy", b"no-referrer")]}
            await send(message)

        await self.app(scope, receive, send_with_policy)
