"""One injectable clock: all domain code asks it for `now()` (UTC, aware)."""

from collections.abc import Callable
from datetime import UTC, datetime

_now: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731


def now() -> datetime:
    """The current instant, timezone-aware UTC."""
    return _now()


def set_clock(fn: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests, test clocks); `None` restores the wall clock."""
    global _now
    _now = fn or (lambda: datetime.now(UTC))
