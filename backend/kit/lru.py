"""A small thread-safe least-recently-used cache for values derived from a catalog revision."""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

V = TypeVar("V")


class LruCache(Generic[V]):
    def __init__(self, max_entries: int = 1024):
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._max = max_entries
        self._lock = Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The cached value for `key`, computing (outside the lock) and storing it on a miss.

        Keys must include everything the value depends on (e.g. the catalog revision), so a
        stale entry is simply never asked for again and ages out.
        """
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            if len(self._items) > self._max:
                self._items.popitem(last=False)
        return value
