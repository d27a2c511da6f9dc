"""SQL for environments and API keys."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.models import ApiKey, Environment


class AuthRepository:
    def __init__(self, session: Session):
        self.session = session

    def key_by_hash(self, key_hash: str) -> ApiKey | None:
        return self.session.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash))

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
