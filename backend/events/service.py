"""Recording domain events, and reading them back.

Services call `record` next to the change an event describes: the event joins the caller's
session, so it commits with the change or not at all. `record` never flushes or commits. With
the event it adds the event's webhook outbox row (the transactional outbox that
`backend.webhooks.worker` drains), so a committed event is never missed by webhooks.
"""

from typing import Any

from pydantic_core import to_jsonable_python
from sqlalchemy.orm import Session

from backend.errors import NotFound
from backend.events.catalog import is_known
from backend.events.repository import EventRepository
from backend.events.schemas import EventPublic
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import Event, WebhookOutbox

Subject = tuple[str, str]  # (subject type, its id), e.g. ("subscription", "sub_...")


def record(session: Session, environment_id: int, type: str, data: Any, *,
           customer_ref: str | None = None, subject: Subject | None = None) -> Event:
    """Add an event of a catalog `type` to the session; `data` becomes its JSON payload.

    An unknown type is a programming error (ValueError), so is data that is no JSON object
    (TypeError). Its `sequence` is assigned when the session flushes.
    """
    if not is_known(type):
        raise ValueError(f"unknown event type {type!r}; add it to backend.events.catalog first")
    payload = to_jsonable_python(data)
    if not isinstance(payload, dict):
        raise TypeError("event data must be a JSON object (a dict)")
    event = Event(
        environment_id=environment_id, ref=random_token("evt_", 15), type=type,
        customer_ref=customer_ref, subject_type=subject[0] if subject else None,
        subject_ref=subject[1] if subject else None, data=payload, created_at=now(),
    )
    session.add(event)
    session.add(WebhookOutbox(environment_id=environment_id, event=event))
    return event


def event_public(e: Event) -> EventPublic:
    return EventPublic(
        id=e.ref, sequence=e.sequence, type=e.type, customer_id=e.customer_ref,
        subject_type=e.subject_type, subject_id=e.subject_ref, data=e.data, created_at=e.created_at,
    )


def get_event(repo: EventRepository, ref: str) -> Event:
    event = repo.get(ref)
    if event is None:
        raise NotFound(f"No event '{ref}' in this environment")
    return event
