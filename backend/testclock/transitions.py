"""Due transitions that advancing a test clock runs (renewals, trial ends, scheduled changes).

A domain registers a handler once, at import time:

    transitions.register("subscriptions.renewals", renew_due, next_due=next_renewal)

- `run(session, environment_id, from_time, to_time)` performs the work that falls due in the
  window (from_time, to_time], plus anything still pending from before (its own state says what
  is pending, so running twice does nothing twice), and returns what it did as `Transition`s.
- `next_due(session, environment_id, after)` (optional) is the earliest instant after `after`
  at which the handler has work, or None.

Advancing from A to B walks the window in steps: each step ends at the earliest instant any
handler names (or at B), calls every handler for that step with `now()` pinned to the step's end
and flushes, so work across domains happens in time order and is stamped with its due time. All
of it runs in the caller's transaction: a failing handler rolls back the whole advance.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from backend.kit.clock import frozen

MAX_STEPS = 10_000


@dataclass(frozen=True)
class Transition:
    """One thing a handler did, e.g. Transition("subscription.renewed", at, "sub_123")."""

    type: str
    at: datetime
    ref: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reported:
    """A transition together with the handler that reported it."""

    handler: str
    transition: Transition


RunFn = Callable[[Session, int, datetime, datetime], Iterable[Transition] | None]
NextDueFn = Callable[[Session, int, datetime], datetime | None]


@dataclass(frozen=True)
class Handler:
    name: str
    run: RunFn
    next_due: NextDueFn | None = None


class TransitionLoop(RuntimeError):
    """Handlers kept naming due work without making progress."""


class Registry:
    """Handlers by name, called in registration order within a step."""

    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}

    def register(self, name: str, run: RunFn, *, next_due: NextDueFn | None = None) -> Handler:
        """Add a handler; registering a name again replaces it in place (module reloads)."""
        handler = Handler(name, run, next_due)
        self._handlers[name] = handler
        return handler

    def unregister(self, name: str) -> None:
        self._handlers.pop(name, None)

    def handlers(self) -> list[Handler]:
        return list(self._handlers.values())

    def _next_step(self, session: Session, environment_id: int, cursor: datetime,
                   end: datetime) -> datetime:
        dues = [
            due for h in self._handlers.values() if h.next_due is not None
            and (due := h.next_due(session, environment_id, cursor)) is not None
        ]
        # Overdue work (due at or before the cursor) runs at once; nothing runs past the end.
        return min(max(min(dues, default=end), cursor), end)

    def advance(self, session: Session, environment_id: int, start: datetime,
                end: datetime) -> list[Reported]:
        """Run everything due in (start, end], in time order; returns what the handlers did."""
        if end < start:
            raise ValueError("a test clock never moves backwards")
        reports: list[Reported] = []
        cursor, idle = start, 0
        for _ in range(MAX_STEPS):
            step = self._next_step(session, environment_id, cursor, end)
            with frozen(step):
                for handler in self.handlers():
                    done = handler.run(session, environment_id, cursor, step) or ()
                    reports += [Reported(handler.name, t) for t in done]
                session.flush()
            if step == end:
                return reports
            idle = idle + 1 if step == cursor else 0
            if idle > 1:
                raise TransitionLoop(f"work due at {step.isoformat()} is still due after running")
            cursor = step
        raise TransitionLoop(f"more than {MAX_STEPS} steps between {start} and {end}")


registry = Registry()
register = registry.register
unregister = registry.unregister
