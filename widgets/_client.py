"""The one `AsyncTollgateClient` the widgets share, created on first use.

In the one-process default it talks to the FastAPI app registered with `configure(app=...)`
without a network hop; with `TOLLGATE_API_URL` set (or `configure(base_url=...)`) it speaks
HTTP. The secret API key comes from `backend.config` and never leaves the server.
"""

from __future__ import annotations

import os
from typing import Any

from backend.client import AsyncTollgateClient

_config: dict[str, Any] = {"app": None, "base_url": None, "api_key": None, "generation": 0}
_client: AsyncTollgateClient | None = None
_key_clients: dict[tuple[int, str], AsyncTollgateClient] = {}
MAX_KEY_CLIENTS = 32


def configure(*, app: Any = None, base_url: str | None = None, api_key: str | None = None) -> None:
    """Register the in-process backend app and/or an explicit URL or key; resets the client."""
    global _client
    _config.update(app=app, base_url=base_url, api_key=api_key,
                   generation=_config["generation"] + 1)
    _client = None


def _api_key() -> str | None:
    if _config["api_key"]:
        return _config["api_key"]
    from backend.config import get_settings

    return get_settings().api_key


def publishable_key() -> str | None:
    """The browser-safe key (`TOLLGATE_PUBLISHABLE_KEY`, or the demo's in `data/demo.env`)."""
    from backend.config import get_settings

    return get_settings().publishable_key


def browser_api_url() -> str:
    """The API's base URL as a browser sees it: `TOLLGATE_API_URL`, else the page's origin."""
    return (_config["base_url"] or os.environ.get("TOLLGATE_API_URL") or "").rstrip("/")


def generation() -> int:
    """Bumped by every `configure`, so clients made for an earlier backend are not reused."""
    return _config["generation"]


def client_options() -> dict[str, Any]:
    """Where the widgets' clients send requests: `base_url=` or the in-process `app=`."""
    base_url = _config["base_url"] or os.environ.get("TOLLGATE_API_URL")
    if base_url:
        return {"base_url": base_url}
    if _config["app"] is not None:
        return {"app": _config["app"]}
    raise RuntimeError(
        "widgets have no backend: call widgets.configure(app=...) or set TOLLGATE_API_URL")


def get_client() -> AsyncTollgateClient:
    """The shared client (created lazily, so settings are read after the app has started)."""
    global _client
    if _client is None:
        _client = AsyncTollgateClient(_api_key(), **client_options())
    return _client


def key_client(publishable_key: str | None) -> AsyncTollgateClient:
    """A client with a publishable key (an embedded page's), so it reads that key's environment
    and public data only; the shared client when no key is given."""
    if not publishable_key:
        return get_client()
    cache_key = (generation(), publishable_key)
    client = _key_clients.get(cache_key)
    if client is None:
        if len(_key_clients) >= MAX_KEY_CLIENTS:
            _key_clients.clear()  # old clients are closed when garbage collected
        client = _key_clients[cache_key] = AsyncTollgateClient(publishable_key,
                                                               **client_options())
    return client
