"""One API request described as data, so sync and async clients share every operation."""

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    result: Any = None  # a pydantic model or type understood by TypeAdapter; None for no body
    params: dict[str, Any] = field(default_factory=dict)
    json: Any = None
    headers: dict[str, str] = field(default_factory=dict)

    def request_kwargs(self) -> dict[str, Any]:
        params = {k: v for k, v in self.params.items() if v is not None}
        return {"params": params, "json": self.json, "headers": self.headers}


class Sender:
    """Base of the operation groups: subclasses (the clients) decide how a `Call` is sent."""

    def _send(self, call: Call) -> Any:  # pragma: no cover - implemented by the clients
        raise NotImplementedError


def segment(ref: str) -> str:
    """An id as one URL path segment."""
    return quote(ref, safe="")


def payload(body: BaseModel | dict[str, Any] | None, *, partial: bool = False) -> Any:
    """A request body from a schema instance (only the fields set, for updates) or a plain dict."""
    if isinstance(body, BaseModel):
        return body.model_dump(mode="json", exclude_unset=partial)
    return body


def page_params(limit: int | None, cursor: str | None, include_archived: bool) -> dict[str, Any]:
    return {"limit": limit, "cursor": cursor, "include_archived": include_archived or None}
