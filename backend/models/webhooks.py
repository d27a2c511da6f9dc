"""Webhooks: endpoints, the outbox of events not yet fanned out, messages and delivery attempts.

`WebhookOutbox` gets one row per event, added by `backend.events.service.record` in the
event's own transaction; the worker turns it into one `WebhookMessage` per subscribed endpoint
and deletes it (see `backend.webhooks.worker`). A message is one event for one endpoint; each
try to deliver it is a `WebhookAttempt` (the delivery log).
"""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.models.base import Base, BigId, EnvironmentScoped, Timestamps
from backend.models.event import Event


class WebhookEndpoint(Base, EnvironmentScoped, Timestamps):
    """`secret` signs every message; during a rotation's overlap `previous_secret` signs too.

    Secrets are stored as issued (`whsec_...`): signing needs them back, so they cannot be
    hashed; they never leave the API except in the create and rotate responses.
    """

    __tablename__ = "webhook_endpoints"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(40))
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(String(500), default="")
    event_types: Mapped[list[str]] = mapped_column(default=list)  # types/prefixes; empty: all
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(200), default=None)
    secret: Mapped[str] = mapped_column(String(100))
    previous_secret: Mapped[str | None] = mapped_column(String(100), default=None)
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(default=None)
    last_success_at: Mapped[datetime | None] = mapped_column(default=None)
    failing_since: Mapped[datetime | None] = mapped_column(default=None)
    exhausted_in_a_row: Mapped[int] = mapped_column(Integer, default=0)


class WebhookOutbox(Base, EnvironmentScoped):
    """An event committed but not yet fanned out to the endpoints."""

    __tablename__ = "webhook_outbox"

    event_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    event: Mapped[Event] = relationship()


class WebhookMessage(Base, EnvironmentScoped):
    """One event for one endpoint. `status`: pending (to send, maybe leased by a worker),
    succeeded, or failed (every retry used). A worker owns it while `lease_until` is ahead."""

    __tablename__ = "webhook_messages"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_id"),
        Index("ix_webhook_messages_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_webhook_messages_endpoint_id_customer_ref_event_id",
              "endpoint_id", "customer_ref", "event_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(40), unique=True)
    endpoint_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    event_id: Mapped[int] = mapped_column(BigId, ForeignKey("events.id", ondelete="CASCADE"))
    event_type: Mapped[str] = mapped_column(String(64))
    customer_ref: Mapped[str | None] = mapped_column(String(128), default=None)
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    lease_owner: Mapped[str | None] = mapped_column(String(64), default=None)
    lease_until: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column()
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)

    endpoint: Mapped[WebhookEndpoint] = relationship()
    event: Mapped[Event] = relationship()


class WebhookAttempt(Base, EnvironmentScoped):
    """One try to deliver a message: what was answered, how long it took, what comes next."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_endpoint_id_id", "endpoint_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("webhook_messages.id", ondelete="CASCADE"), index=True)
    endpoint_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("webhook_endpoints.id", ondelete="CASCADE"))
    attempt: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    response_body: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str | None] = mapped_column(String(200), default=None)
    duration_ms: Mapped[int] = mapped_column(Integer)
    succeeded: Mapped[bool] = mapped_column(Boolean)
    attempted_at: Mapped[datetime] = mapped_column()
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)

    message: Mapped[WebhookMessage] = relationship()
