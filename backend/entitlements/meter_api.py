"""Meters and raw usage events (secret key). Thin: rules live in `usage_events`."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from backend.entitlements import history, usage_events
from backend.entitlements.endpoints import CtxDep
from backend.entitlements.history import Bucket, UsageHistory
from backend.entitlements.schemas import (
    MeterCreate,
    MeterPublic,
    UsageEventPublic,
    UsageEventsIn,
    UsageEventsResult,
)
from backend.errors import Invalid
from backend.kit.clock import now
from backend.kit.pagination import Page, PageParams, page_params

router = APIRouter(tags=["usage events"])




@router.post("/meters", response_model=MeterPublic, status_code=status.HTTP_201_CREATED)
def create_meter(body: MeterCreate, ctx: CtxDep):
    """Count raw events as a metered feature's usage: count, sum, max, unique count or latest
    value of a dimension, for events with a name and (optionally) dimension values."""
    return usage_events.create_meter(ctx, body)


@router.get("/meters", response_model=list[MeterPublic])
def list_meters(ctx: CtxDep):
    return usage_events.list_meters(ctx)


@router.delete("/meters/{feature_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_meter(feature_id: str, ctx: CtxDep):
    """Stop counting events for the feature (usage counted so far stays)."""
    usage_events.delete_meter(ctx, feature_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/usage-events", response_model=UsageEventsResult)
def send_usage_events(body: UsageEventsIn, ctx: CtxDep):
    """Up to 5,000 raw events; each idempotency key is stored and counted once. Events count in
    the usage period of their own timestamp. A bad event refuses the whole batch."""
    return usage_events.ingest(ctx, body.events)


@router.get("/customers/{customer_id}/usage/{feature_id}/history", response_model=UsageHistory)
def usage_history(customer_id: str, feature_id: str, ctx: CtxDep,
                  start: Annotated[datetime, Query(alias="from")],
                  end: Annotated[datetime | None, Query(alias="to")] = None,
                  bucket: Bucket = "day"):
    """Usage at the end of each hour, day, week or month (UTC) between `from` and `to`
    (default now), flagging buckets in which a new usage period began."""
    return history.history(ctx, customer_id, feature_id, aware(start, "from"),
                           aware(end, "to") if end else now(), bucket)


def aware(value: datetime, field: str) -> datetime:
    if value.tzinfo is None:
        raise Invalid("give a time zone, e.g. 2026-11-01T00:00:00Z", field=field)
    return value


@router.get("/usage-events", response_model=Page[UsageEventPublic])
def list_usage_events(ctx: CtxDep, page: Annotated[PageParams, Depends(page_params)],
                      customer_id: Annotated[str | None, Query(max_length=128)] = None,
                      event_name: Annotated[str | None, Query(max_length=128)] = None):
    """The raw events received, newest first (for debugging meters)."""
    rows, has_more, cursor = ctx.repo.events_page(page, customer_id, event_name)
    return {"data": [UsageEventPublic(customer_id=r.customer_ref, event_name=r.name,
                                      dimensions=r.dimensions, timestamp=r.occurred_at,
                                      idempotency_key=r.idempotency_key,
                                      received_at=r.created_at) for r in rows],
            "has_more": has_more, "next_cursor": cursor}
