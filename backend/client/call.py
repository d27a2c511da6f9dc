"""One API request described as data, so sync and async clients share every operation."""

from dataclasses import dataclass, field
from typing import Any


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
