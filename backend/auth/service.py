"""Environments, keys and request authentication."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from backend.auth.keys import (
    CUSTOMER_TOKEN_PREFIX,
    display_prefix,
    hash_key,
    kind_of,
    new_key,
    new_signing_secret,
)
from backend.auth.repository import AuthRepository
from backend.errors import Conflict, Forbidden, NotFound, Unauthorized
from backend.kit.clock import now
from backend.models import ApiKey, Environment


@dataclass(frozen=True)
class Principal:
    """Who is calling: one environment, through one key."""

    environment_id: int
    key_id: int
    key_kind: str
    clock_time: datetime | None = None  # the environment's frozen test-clock time, if any

    @property
    def is_secret(self) -> bool:
        return self.key_kind == "secret"


def authenticate(session: Session, raw_key: str | None) -> Principal:
    """Resolve a raw key to its environment; missing, unknown or revoked keys get a 401."""
    if not raw_key:
        raise Unauthorized("Send an API key as 'Authorization: Bearer <key>' or 'X-API-Key'")
    if raw_key.startswith(CUSTOMER_TOKEN_PREFIX):
        raise Unauthorized("A customer token reaches the customer endpoints (/api/v1/me...) only; "
                           "this endpoint needs an API key")
    if kind_of(raw_key) is None:
        raise Unauthorized("The API key is malformed")
    found = AuthRepository(session).key_by_hash(hash_key(raw_key))
    if found is None:
        raise Unauthorized("The API key is not valid")
    key, clock_time = found
    if key.revoked_at is not None:
        raise Unauthorized("The API key has been revoked")
    return Principal(environment_id=key.environment_id, key_id=key.id, key_kind=key.kind,
                     clock_time=clock_time)


def require_secret(principal: Principal) -> Principal:
    if not principal.is_secret:
        raise Forbidden("This operation needs a secret key; publishable keys only read public data")
    return principal


def create_environment(session: Session, slug: str, name: str, kind: str) -> Environment:
    repo = AuthRepository(session)
    if repo.environment_by_slug(slug) is not None:
        raise Conflict(f"Environment '{slug}' already exists")
    env = Environment(slug=slug, name=name, kind=kind, token_secret=new_signing_secret())
    repo.add(env)
    return env


def issue_key(session: Session, environment_id: int, kind: str, name: str = "") -> tuple[ApiKey, str]:
    """Create a key; returns the row and the raw key (the only time it exists in clear)."""
    raw = new_key(kind)
    row = ApiKey(
        environment_id=environment_id, kind=kind, name=name,
        display_prefix=display_prefix(raw), key_hash=hash_key(raw),
    )
    AuthRepository(session).add(row)
    return row, raw


def revoke_key(session: Session, environment_id: int, key_id: int) -> ApiKey:
    key = AuthRepository(session).key(environment_id, key_id)
    if key is None:
        raise NotFound(f"No API key {key_id} in this environment")
    if key.revoked_at is None:
        key.revoked_at = now()
    return key
