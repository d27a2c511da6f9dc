"""The one `AsyncTollgateClient` the widgets share, created on first use.

In the one-process default it talks to the FastAPI app registered with `configure(app=...)`
without a network hop; with `TOLLGATE_API_URL` set (or `configure(base_url=...)`) it speaks
HTTP. The secret API key comes from `backend.config` and never leaves the server.
"""

from __future__ import annotations

import os
from typing import Any

from backend.client import AsyncTollgateClient

_config: dict[str, Any] = {"app": None, "base_url": None, "api_key": None}
_client: AsyncTollgateClient | None = None


def configure(*, app: Any = None, base_url: str | None = None, api_key: str | None = None) -> None:
    """Register the in-process backend app and/or an explicit URL or key; resets the client."""
    global _client
    _config.update(app=app, base_url=base_url, api_key=api_key)
    _client = None


def _api_key() -> str | None:
    if _config["api_key"]:
        return _config["api_key"]
    from backend.config import get_settings

    return get_settings().api_key


def get_client() -> AsyncTollgateClient:
    """The shared client (created lazily, so settings are read after the app has started)."""
    global _client
    if _client is None:
        base_url = _config["base_url"] or os.environ.get("TOLLGATE_API_URL")
        if base_url:
            _client = AsyncTollgateClient(_api_key(), base_url=base_url)
        elif _config["app"] is not None:
            _client = AsyncTollgateClient(_api_key(), app=_config["app"])
        else:
            raise RuntimeError(
                "widgets have no backend: call widgets.configure(app=...) or set TOLLGATE_API_URL"
            )
    return _client
