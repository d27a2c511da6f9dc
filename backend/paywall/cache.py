"""Rendered paywalls (JSON body and ETag), cached per request key and catalog revision."""

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from backend.kit.lru import LruCache


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str


class RenderCache(LruCache[Rendered]):
    def get_or_render(self, key: Hashable, render: Callable[[], bytes]) -> Rendered:
        def rendered() -> Rendered:
            body = render()
            return Rendered(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')

        return self.get_or_compute(key, rendered)
