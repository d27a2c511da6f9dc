"""One injectable clock: all domain code asks it for `now()` (UTC, aware).

Two ways to move time:
- `set_clock(fn)` replaces the process-wide clock (tests).
- Inside a `scope()` (one per API request, opened by `ClockScopeMiddleware`), `pin(at)` makes
  `now()` answer `at` for the rest of that request only, in every thread it uses; this is how an
  environment's test clock applies to the requests made with its keys. `frozen(at)` does the
  same for a block of code.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any


def _wall() -> datetime:
    return datetime.now(UTC)


_now: Callable[[], datetime] = _wall


class _Pin:
    """A mutable slot shared by the copies of a request's context (threadpool calls copy the
    context, so a plain ContextVar set in a sync dependency would not reach the endpoint)."""

    __slots__ = ("at",)

    def __init__(self, at: datetime | None = None):
        self.at = at


_pin: ContextVar[_Pin | None] = ContextVar("tollgate_clock_pin", default=None)


def now() -> datetime:
    """The current instant, timezone-aware UTC (pinned time first, then the clock)."""
    pinned = _pin.get()
    if pinned is not None and pinned.at is not None:
        return pinned.at
    return _now()


def set_clock(fn: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests, test clocks); `None` restores the wall clock."""
    global _now
    _now = fn or _wall


@contextmanager
def scope() -> Iterator[None]:
    """A unit of work (a request) inside which `pin()` holds; unpinned on entry."""
    token = _pin.set(_Pin())
    try:
        yield
    finally:
        _pin.reset(token)


def pin(at: datetime | None) -> bool:
    """Make `now()` answer `at` (None: the clock again) until the current scope ends.

    Returns False, changing nothing, outside a scope (CLI, tests); use `frozen()` there.
    """
    if at is not None and at.tzinfo is None:
        raise ValueError("naive datetime given; pin an aware UTC time")
    slot = _pin.get()
    if slot is None:
        return False
    slot.at = at.astimezone(UTC) if at is not None else None
    return True


@contextmanager
def frozen(at: datetime) -> Iterator[None]:
    """`now()` answers `at` inside the block (nested scopes restore the outer time)."""
    with scope():
        pin(at)
        yield


class ClockScopeMiddleware:
    """ASGI middleware: every HTTP or websocket request gets its own clock scope."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope_: dict[str, Any], receive: Any, send: Any) -> None:
        if scope_["type"] not in ("http", "websocket"):
            await self.app(scope_, receive, send)
            return
        with scope():
            await self.app(scope_, receive, send)
