"""SQL for environments and API keys."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.models import ApiKey, Environment


class AuthRepository:
    def __init__(self, session: Session):
        self.session = session

    def key_by_hash(self, key_hash: str) -> tuple[ApiKey, datetime | None] | None:
        """The key and its environment's frozen test-clock time, in one query."""
        row = self.session.execute(
            select(ApiKey, Environment.test_clock_time)
            .join(Environment, Environment.id == ApiKey.environment_id)
            .where(ApiKey.key_hash == key_hash)
        ).first()
        return (row[0], row[1]) if row else None

    def environment(self, environment_id: int) -> Environment | None:
        return self.session.get(Environment, environment_id)

    def environment_by_slug(self, slug: str) -> Environment | None:
        return self.session.scalar(select(Environment).where(Environment.slug == slug))

    def environments(self) -> list[Environment]:
        return list(self.session.scalars(select(Environment).order_by(Environment.id)))

    def keys(self, environment_id: int) -> list[ApiKey]:
        stmt = select(ApiKey).where(ApiKey.environment_id == environment_id).order_by(ApiKey.id)
        return list(self.session.scalars(stmt))

    def key(self, environment_id: int, key_id: int) -> ApiKey | None:
        key = self.session.get(ApiKey, key_id)
        return key if key is not None and key.environment_id == environment_id else None

    def add(self, row: Environment | ApiKey) -> None:
        self.session.add(row)
        self.session.flush()

    def token_secret(self, environment_id: int) -> str | None:
        """The environment's customer-token signing secret (None: unknown or not made yet)."""
        return self.session.scalar(
            select(Environment.token_secret).where(Environment.id == environment_id)
        )

    def ensure_token_secret(self, environment_id: int, candidate: str) -> str:
        """The signing secret, storing `candidate` first if there is none.

        Conditional, so two first issuers racing agree on one secret: the second update waits
        for the first and then matches no row.
        """
        existing = self.token_secret(environment_id)
        if existing is not None:
            return existing
        self.session.execute(
            update(Environment)
            .where(Environment.id == environment_id, Environment.token_secret.is_(None))
            .values(token_secret=candidate)
            .execution_options(synchronize_session=False)
        )
        secret = self.token_secret(environment_id)
        if secret is None:  # pragma: no cover - the environment was deleted meanwhile
            raise LookupError(f"no environment {environment_id}")
        return secret

    def set_token_secret(self, environment_id: int, secret: str) -> None:
        self.session.execute(
            update(Environment).where(Environment.id == environment_id)
            .values(token_secret=secret).execution_options(synchronize_session=False)
        )
