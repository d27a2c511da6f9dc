"""Test clock rules: only development environments have one; it only moves forward, and moving
it runs what falls due in between (see `transitions`)."""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from backend.errors import Conflict, Forbidden, Invalid, NotFound
from backend.kit.clock import now, pin
from backend.models import Environment
from backend.testclock.repository import DEVELOPMENT, ClockRepository
from backend.testclock.schemas import ClockMoved, ClockPublic, TransitionPublic
from backend.testclock.transitions import Registry, registry


def apply_environment_clock(session: Session, environment_id: int) -> None:
    """Pin `now()` to the environment's frozen time for the rest of the request (if frozen).

    Called wherever a request's environment becomes known (the API key dependency).
    """
    frozen = ClockRepository(session, environment_id).frozen_time()
    if frozen is not None:
        pin(frozen)


def _environment(session: Session, environment_id: int, *, lock: bool = True) -> Environment:
    repo = ClockRepository(session, environment_id)
    env = repo.environment_for_update() if lock else repo.session.get(Environment, environment_id)
    if env is None:
        raise NotFound("The environment no longer exists")
    if env.kind != DEVELOPMENT:
        raise Forbidden("Test clocks exist only in development environments; production always "
                        "runs on real time")
    return env


def _public(env: Environment) -> ClockPublic:
    return ClockPublic(frozen=env.test_clock_time is not None, time=env.test_clock_time or now())


def get_clock(session: Session, environment_id: int) -> ClockPublic:
    return _public(_environment(session, environment_id, lock=False))


def _move(session: Session, env: Environment, start: datetime, end: datetime,
          handlers: Registry) -> ClockMoved:
    reports = handlers.advance(session, env.id, start, end)
    env.test_clock_time = end
    pin(end)
    session.flush()
    return ClockMoved(
        frozen=True, time=end, previous_time=start,
        transitions=[
            TransitionPublic(handler=r.handler, type=r.transition.type, at=r.transition.at,
                             id=r.transition.ref, detail=r.transition.detail)
            for r in reports
        ],
    )


def freeze(session: Session, environment_id: int, at: datetime | None = None, *,
           handlers: Registry = registry) -> ClockMoved:
    """Stop the environment's time now, or at a later `at` (running what falls due until then)."""
    env = _environment(session, environment_id)
    if env.test_clock_time is not None:
        raise Conflict(f"The test clock is already frozen at {env.test_clock_time.isoformat()}; "
                       "advance it, or delete it to return to real time")
    start = now()
    if at is not None and at < start:
        raise Invalid(f"A test clock never moves backwards; {at.isoformat()} is before the "
                      f"current time {start.isoformat()}", field="time")
    return _move(session, env, start, start if at is None else at, handlers)


def advance(session: Session, environment_id: int, *, to: datetime | None = None,
            seconds: int | None = None, handlers: Registry = registry) -> ClockMoved:
    """Move the clock forward to `to` or by `seconds` (freezing it first if it runs)."""
    env = _environment(session, environment_id)
    start = env.test_clock_time or now()
    try:
        end = to if to is not None else start + timedelta(seconds=seconds or 0)
    except OverflowError as exc:
        raise Invalid("That is past the last representable time", field="seconds") from exc
    if end < start:
        raise Invalid(f"A test clock never moves backwards; {end.isoformat()} is before the "
                      f"clock's time {start.isoformat()}", field="to")
    return _move(session, env, start, end, handlers)


def unfreeze(session: Session, environment_id: int) -> ClockPublic:
    """Back to real time (which may lie before the frozen time: nothing is undone)."""
    env = _environment(session, environment_id)
    env.test_clock_time = None
    pin(None)
    session.flush()
    return _public(env)
