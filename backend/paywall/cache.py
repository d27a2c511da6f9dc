"""A bounded in-process cache of rendered paywalls, keyed by the catalog revision."""

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from threading import Lock


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str


class RenderCache:
    """Least-recently-used map from a request key to its rendered body and ETag."""

    def __init__(self, max_entries: int = 1024):
        self._items: OrderedDict[Hashable, Rendered] = OrderedDict()
        self._max = max_entries
        self._lock = Lock()

    def get_or_render(self, key: Hashable, render: Callable[[], bytes]) -> Rendered:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit
        body = render()
        rendered = Rendered(body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
        with self._lock:
            self._items[key] = rendered
            if len(self._items) > self._max:
                self._items.popitem(last=False)
        return rendered
