"""Event endpoints: the environment's domain events (secret key), and the catalog of types."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import AwareDatetime

from backend.auth.dependencies import AuthDep, SecretDep
from backend.db import SessionDep
from backend.events import catalog, service
from backend.events.repository import EventRepository
from backend.events.schemas import EventPublic, EventType
from backend.kit.pagination import Page, PageParams, page_params

router = APIRouter(tags=["events"])


@router.get("/events", response_model=Page[EventPublic])
def list_events(
    session: SessionDep, p: SecretDep, page: Annotated[PageParams, Depends(page_params)],
    type: Annotated[list[str] | None, Query(
        max_length=30, description="Event types or prefixes such as 'subscription.'; repeatable")
    ] = None,
    customer_id: Annotated[str | None, Query(max_length=128)] = None,
    since: Annotated[AwareDatetime | None, Query(description="Created at or after")] = None,
    until: Annotated[AwareDatetime | None, Query(description="Created before")] = None,
    order: Annotated[Literal["asc", "desc"], Query(
        description="'asc': oldest first (to catch up), 'desc': newest first")] = "asc",
):
    """Events in sequence order, filtered by type, customer and creation time."""
    types = catalog.expand(type) if type else None
    rows, has_more, cursor = EventRepository(session, p.environment_id).page(
        page, types=types, customer_ref=customer_id, since=since, until=until,
        descending=order == "desc",
    )
    return {"data": [service.event_public(e) for e in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.get("/events/types", response_model=list[EventType])
def list_event_types(p: AuthDep):
    """Every event type Tollgate records, with what it means."""
    return [EventType(type=t, description=d) for t, d in catalog.EVENT_TYPES.items()]


@router.get("/events/{event_id}", response_model=EventPublic)
def get_event(event_id: str, session: SessionDep, p: SecretDep):
    return service.event_public(service.get_event(EventRepository(session, p.environment_id),
                                                  event_id))
