"""SQL for idempotency records."""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend.models import IdempotencyRecord


class IdempotencyRepository:
    def __init__(self, session: Session, environment_id: int):
        self.session = session
        self.env = environment_id

    def get(self, key: str) -> IdempotencyRecord | None:
        return self.session.scalar(select(IdempotencyRecord).where(
            IdempotencyRecord.environment_id == self.env, IdempotencyRecord.key == key))

    def claim(self, key: str, fingerprint: str) -> IdempotencyRecord | None:
        """Insert a placeholder in a savepoint; None when another request holds the key."""
        record = IdempotencyRecord(environment_id=self.env, key=key, fingerprint=fingerprint)
        try:
            with self.session.begin_nested():
                self.session.add(record)
                self.session.flush()
        except IntegrityError:
            return None
        return record
