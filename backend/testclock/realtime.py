"""Due work on real time: what the test clock runs when it is advanced (renewals, trial
endings, scheduled starts, credit expiries and monthly credits), run in production as time
passes. A worker calls `run_due_work` every few seconds; every environment whose clock is not
frozen runs its registered transitions for "now". Handlers keep their own state of what is
pending, so a late or repeated run does each thing once and stamps it with its due time.

Several workers may run at once: on PostgreSQL each environment's run holds a transaction-level
advisory lock and another worker skips that environment instead of waiting."""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from backend.kit.clock import frozen, now
from backend.models import Environment
from backend.testclock.transitions import Registry, Reported, registry

log = logging.getLogger("tollgate.due")
LOCK_SPACE = 0x7467  # "tg": the advisory-lock key space of due work


def _claim(session: Session, environment_id: int) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.scalar(select(func.pg_try_advisory_xact_lock(LOCK_SPACE, environment_id))))


def run_due_work(factory: sessionmaker[Session], handlers: Registry = registry
                 ) -> list[Reported]:
    """Run every environment's due transitions up to now; returns what was done. One
    environment's failure is logged and rolled back without stopping the others."""
    with factory() as session:
        ids = list(session.scalars(select(Environment.id).where(
            Environment.test_clock_time.is_(None)).order_by(Environment.id)))
    done: list[Reported] = []
    for environment_id in ids:
        at = now()
        try:
            with factory() as session, session.begin():
                if _claim(session, environment_id):
                    with frozen(at):
                        done += handlers.advance(session, environment_id, at, at)
        except Exception:  # noqa: BLE001 - one environment must not stop the others
            log.exception("due work failed in environment %s", environment_id)
    return done
