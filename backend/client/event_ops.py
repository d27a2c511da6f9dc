"""Event operations: the environment's domain events (secret key) and the catalog of types."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from backend.client.call import Call, Sender, segment
from backend.events.schemas import EventPublic, EventType
from backend.kit.pagination import Page


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


class EventOperations(Sender):
    def list_events(
        self,
        *,
        type: str | list[str] | None = None,
        customer_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        order: Literal["asc", "desc"] | None = None,
        limit: int | None = None,
        cursor: str | None = None,
    ) -> Any:
        """One page of events (`Page[EventPublic]`), oldest first unless `order="desc"`.

        `type` takes types or prefixes like "subscription."; `since` (inclusive) and `until`
        (exclusive) are aware datetimes.
        """
        params = {"type": [type] if isinstance(type, str) else type, "customer_id": customer_id,
                  "since": _iso(since), "until": _iso(until), "order": order, "limit": limit,
                  "cursor": cursor}
        return self._send(Call("GET", "/api/v1/events", Page[EventPublic], params=params))

    def get_event(self, event_id: str) -> Any:
        """One event (`EventPublic`)."""
        return self._send(Call("GET", f"/api/v1/events/{segment(event_id)}", EventPublic))

    def list_event_types(self) -> Any:
        """Every event type with its description (`list[EventType]`)."""
        return self._send(Call("GET", "/api/v1/events/types", list[EventType]))
