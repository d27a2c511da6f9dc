"""SQL for events."""

from datetime import datetime

from sqlalchemy import Select, select

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models import Event


class EventRepository(EnvironmentRepository):
    def get(self, ref: str) -> Event | None:
        return self.session.scalar(
            select(Event).where(Event.environment_id == self.env, Event.ref == ref)
        )

    def page(self, params: PageParams, *, types: list[str] | None = None,
             customer_ref: str | None = None, since: datetime | None = None,
             until: datetime | None = None, descending: bool = False):
        """Events in sequence order; `since` is inclusive, `until` exclusive."""
        stmt: Select = select(Event).where(Event.environment_id == self.env)
        if types:
            stmt = stmt.where(Event.type.in_(types))
        if customer_ref is not None:
            stmt = stmt.where(Event.customer_ref == customer_ref)
        if since is not None:
            stmt = stmt.where(Event.created_at >= since)
        if until is not None:
            stmt = stmt.where(Event.created_at < until)
        return paginate(stmt, Event.id, params, self.session, descending=descending)
