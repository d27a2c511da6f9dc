"""Test clock endpoints (secret key; development environments only, 403 in production)."""

from fastapi import APIRouter

from backend.auth.dependencies import SecretDep
from backend.db import SessionDep
from backend.idempotency import IdempotencyDep
from backend.testclock import service
from backend.testclock.schemas import ClockAdvance, ClockFreeze, ClockMoved, ClockPublic

router = APIRouter(prefix="/test-clock", tags=["test clock"])


@router.get("", response_model=ClockPublic)
def get_test_clock(session: SessionDep, p: SecretDep):
    """The environment's time: frozen, or real."""
    return service.get_clock(session, p.environment_id)


@router.post("/freeze", response_model=ClockMoved)
def freeze_test_clock(body: ClockFreeze, session: SessionDep, p: SecretDep, idem: IdempotencyDep):
    """Stop time now (or at a later `time`, running what falls due until then). From here on
    every request with this environment's keys sees that time until the clock moves."""
    return idem.run(body, lambda: service.freeze(session, p.environment_id, body.time))


@router.post("/advance", response_model=ClockMoved)
def advance_test_clock(body: ClockAdvance, session: SessionDep, p: SecretDep,
                       idem: IdempotencyDep):
    """Move time forward `to` a time or by `seconds` (never backwards), running the due
    transitions (renewals, trial ends, scheduled changes) in time order. Retry safely with
    `Idempotency-Key`."""
    return idem.run(body, lambda: service.advance(session, p.environment_id, to=body.to,
                                                  seconds=body.seconds))


@router.delete("", response_model=ClockPublic)
def delete_test_clock(session: SessionDep, p: SecretDep):
    """Return to real time."""
    return service.unfreeze(session, p.environment_id)
