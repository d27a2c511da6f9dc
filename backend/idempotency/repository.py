"""SQL for idempotency records."""

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backend.kit.repository import EnvironmentRepository
from backend.models import IdempotencyRecord


class IdempotencyRepository(EnvironmentRepository):
    def get(self, key: str) -> IdempotencyRecord | None:
        return self.session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.environment_id == self.env, IdempotencyRecord.key == key
            )
        )

    def claim(self, key: str, fingerprint: str) -> IdempotencyRecord | None:
        """Insert a placeholder unless the key exists; None when another request holds the key.

        `INSERT ... ON CONFLICT DO NOTHING` waits for a concurrent holder of the key (PostgreSQL)
        and needs no savepoint: under pysqlite's transaction handling a savepoint opened before
        the first write is released as a commit, which would keep the claim of a request that
        then fails.
        """
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        table = IdempotencyRecord.__table__
        stmt = (
            insert(table)
            .values(environment_id=self.env, key=key, fingerprint=fingerprint)
            .on_conflict_do_nothing(index_elements=["environment_id", "key"])
            .returning(table.c.id)
        )
        if self.session.execute(stmt).scalar() is None:
            return None
        return self.get(key)
