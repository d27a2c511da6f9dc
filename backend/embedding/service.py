"""The allowed embedding origins of an environment, and reading them for a publishable key."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from backend.auth.service import authenticate
from backend.embedding.origins import BadOrigin, normalize_all
from backend.errors import Invalid, NotFound, Unauthorized
from backend.models import Environment

_changes = [0]  # bumped by every change in this process, so caches of the origins drop at once


def _changed(session: Session) -> None:
    _changes[0] += 1


def changes() -> int:
    """How many times this process has changed any environment's origins."""
    return _changes[0]


def get_origins(session: Session, environment_id: int) -> list[str]:
    env = session.get(Environment, environment_id)
    if env is None:
        raise NotFound("The environment no longer exists")
    return list(env.embed_origins or [])


def set_origins(session: Session, environment_id: int, raw: list[str]) -> list[str]:
    """Replace the allowed origins (normalised; 422 naming the bad one)."""
    try:
        origins = normalize_all(raw)
    except BadOrigin as exc:
        raise Invalid(str(exc), field="origins") from exc
    env = session.get(Environment, environment_id)
    if env is None:
        raise NotFound("The environment no longer exists")
    env.embed_origins = origins
    session.flush()
    event.listen(session, "after_commit", _changed, once=True)
    return origins


def origins_for_key(session: Session, raw_key: str | None) -> list[str] | None:
    """The allowed origins of the environment of a publishable (or secret) key; None when the
    key is missing or not valid."""
    try:
        principal = authenticate(session, raw_key)
    except Unauthorized:
        return None
    return get_origins(session, principal.environment_id)
