"""Domain events: what happened in an environment, written in the transaction that did it.

`id` is the event's `sequence`: allocated in insert order, so it only grows, across the table and
therefore within each environment. It is not gapless (rolled-back transactions burn numbers), and
a transaction that started earlier may commit a lower sequence after a higher one is visible; a
later outbox delivers per row (not from a high-water mark) for that reason.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.kit.clock import now
from backend.models.base import Base, BigId, EnvironmentScoped


class Event(Base, EnvironmentScoped):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_environment_id_type_id", "environment_id", "type", "id"),
        Index("ix_events_environment_id_customer_ref_id", "environment_id", "customer_ref", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(40), unique=True)
    type: Mapped[str] = mapped_column(String(64))
    customer_ref: Mapped[str | None] = mapped_column(String(128), default=None)
    subject_type: Mapped[str | None] = mapped_column(String(32), default=None)
    subject_ref: Mapped[str | None] = mapped_column(String(128), default=None)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=now)

    @property
    def sequence(self) -> int:
        """The ordering key of the environment's events (the primary key, see the module doc)."""
        return self.id
