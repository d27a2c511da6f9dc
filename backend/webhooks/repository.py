"""SQL for webhooks: endpoint management (per environment) and the delivery queue (all
environments, for the workers)."""

from datetime import datetime

from sqlalchemy import and_, delete, exists, func, select, update
from sqlalchemy.orm import Session, aliased, joinedload

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models import Event, WebhookAttempt, WebhookEndpoint, WebhookMessage, WebhookOutbox


class WebhookRepository(EnvironmentRepository):
    def endpoint(self, ref: str) -> WebhookEndpoint | None:
        return self.session.scalar(select(WebhookEndpoint).where(
            WebhookEndpoint.environment_id == self.env, WebhookEndpoint.ref == ref))

    def endpoints_page(self, params: PageParams):
        stmt = select(WebhookEndpoint).where(WebhookEndpoint.environment_id == self.env)
        return paginate(stmt, WebhookEndpoint.id, params, self.session)

    def enabled_endpoints(self) -> list[WebhookEndpoint]:
        return list(self.session.scalars(select(WebhookEndpoint).where(
            WebhookEndpoint.environment_id == self.env, WebhookEndpoint.enabled.is_(True))))

    def message(self, endpoint_id: int, ref: str) -> WebhookMessage | None:
        return self.session.scalar(select(WebhookMessage).where(
            WebhookMessage.environment_id == self.env, WebhookMessage.endpoint_id == endpoint_id,
            WebhookMessage.ref == ref))

    def messages_page(self, endpoint_id: int, params: PageParams, status: str | None):
        stmt = (select(WebhookMessage).options(joinedload(WebhookMessage.event))
                .where(WebhookMessage.environment_id == self.env,
                       WebhookMessage.endpoint_id == endpoint_id))
        if status is not None:
            stmt = stmt.where(WebhookMessage.status == status)
        return paginate(stmt, WebhookMessage.id, params, self.session, descending=True)

    def attempts_page(self, endpoint_id: int, params: PageParams):
        stmt = (select(WebhookAttempt)
                .options(joinedload(WebhookAttempt.message).joinedload(WebhookMessage.event))
                .where(WebhookAttempt.environment_id == self.env,
                       WebhookAttempt.endpoint_id == endpoint_id))
        return paginate(stmt, WebhookAttempt.id, params, self.session, descending=True)

    def events_between(self, since: datetime, until: datetime, limit: int) -> list[Event]:
        return list(self.session.scalars(
            select(Event).where(Event.environment_id == self.env, Event.created_at >= since,
                                Event.created_at < until).order_by(Event.id).limit(limit)))

    def messages_for(self, endpoint_id: int, event_ids: list[int]) -> dict[int, WebhookMessage]:
        rows = self.session.scalars(select(WebhookMessage).where(
            WebhookMessage.endpoint_id == endpoint_id, WebhookMessage.event_id.in_(event_ids)))
        return {m.event_id: m for m in rows}


FAN_OUT_LOCK = 0x7467_7768  # "tgwh": the advisory lock key of the fan-out


class DeliveryRepository:
    """The queue across environments. Row locks skip rows another worker holds (PostgreSQL's
    SKIP LOCKED; SQLite runs one writer at a time), and every lease is a conditional UPDATE,
    so two workers never both own a message."""

    def __init__(self, session: Session):
        self.session = session
        self.locks = session.get_bind().dialect.name == "postgresql"

    def fan_out_lock(self) -> bool:
        """One fan-out at a time (PostgreSQL: a transaction advisory lock, False if another
        worker holds it), so messages of one customer are created in event order."""
        if not self.locks:
            return True
        return bool(self.session.scalar(select(func.pg_try_advisory_xact_lock(FAN_OUT_LOCK))))

    def outbox(self, limit: int) -> list[WebhookOutbox]:
        stmt = (select(WebhookOutbox).options(joinedload(WebhookOutbox.event))
                .order_by(WebhookOutbox.event_id).limit(limit))
        if self.locks:
            stmt = stmt.with_for_update(skip_locked=True, of=WebhookOutbox)
        return list(self.session.scalars(stmt))

    def endpoints_of(self, environment_ids: set[int]) -> list[WebhookEndpoint]:
        return list(self.session.scalars(select(WebhookEndpoint).where(
            WebhookEndpoint.environment_id.in_(environment_ids),
            WebhookEndpoint.enabled.is_(True)).order_by(WebhookEndpoint.id)))

    def drop_outbox(self, event_ids: list[int]) -> None:
        self.session.execute(delete(WebhookOutbox).where(WebhookOutbox.event_id.in_(event_ids)))

    def due(self, now: datetime, limit: int) -> list[int]:
        """Ids of messages to send now: pending, due, not leased, endpoint enabled, and no
        earlier event of the same customer still pending for that endpoint (order per
        customer)."""
        earlier = aliased(WebhookMessage)
        blocked = exists().where(
            earlier.endpoint_id == WebhookMessage.endpoint_id,
            earlier.customer_ref == WebhookMessage.customer_ref,
            earlier.event_id < WebhookMessage.event_id, earlier.status == "pending")
        stmt = (select(WebhookMessage.id)
                .join(WebhookEndpoint, WebhookEndpoint.id == WebhookMessage.endpoint_id)
                .where(WebhookMessage.status == "pending", WebhookMessage.next_attempt_at <= now,
                       (WebhookMessage.lease_until.is_(None)) | (WebhookMessage.lease_until < now),
                       WebhookEndpoint.enabled.is_(True),
                       ~and_(WebhookMessage.customer_ref.is_not(None), blocked))
                .order_by(WebhookMessage.next_attempt_at, WebhookMessage.id).limit(limit))
        if self.locks:
            stmt = stmt.with_for_update(skip_locked=True, of=WebhookMessage)
        return list(self.session.scalars(stmt))

    def lease(self, message_id: int, owner: str, now: datetime, until: datetime) -> bool:
        """Take the message for `owner` until `until`, if nobody holds it (True: taken)."""
        result = self.session.execute(
            update(WebhookMessage).where(
                WebhookMessage.id == message_id, WebhookMessage.status == "pending",
                (WebhookMessage.lease_until.is_(None)) | (WebhookMessage.lease_until < now))
            .values(lease_owner=owner, lease_until=until)
            .execution_options(synchronize_session=False))
        return result.rowcount == 1  # type: ignore[attr-defined]

    def leased(self, message_ids: list[int]) -> list[WebhookMessage]:
        return list(self.session.scalars(
            select(WebhookMessage).options(joinedload(WebhookMessage.endpoint))
            .where(WebhookMessage.id.in_(message_ids)).order_by(WebhookMessage.id)))

    def held(self, message_id: int, owner: str) -> WebhookMessage | None:
        """The message if `owner` still holds its lease (locked for the update on PostgreSQL)."""
        stmt = (select(WebhookMessage).options(joinedload(WebhookMessage.endpoint))
                .where(WebhookMessage.id == message_id, WebhookMessage.lease_owner == owner,
                       WebhookMessage.status == "pending"))
        if self.locks:
            stmt = stmt.with_for_update(of=WebhookMessage)
        return self.session.scalar(stmt)
