"""Server-sent events announcing that a customer's entitlements changed.

`GET /entitlements/stream` (secret key, the environment or one `customer_id`) and
`GET /me/entitlements/stream` (customer token) send `event: entitlements.changed` with
`{"customer_id", "reason", "revision"}` whenever a subscription, trial or promotion changes the
customer's access (from the events table) or their usage moves (from the usage reports). The
tables are polled every 200 ms, so changes made by any worker process are seen; rows are read
from a little below the highest id seen and de-duplicated, so a transaction that commits late
is not missed. A `: keep-alive` comment goes out every 15 seconds.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from backend.auth.customer_tokens import require_scope
from backend.auth.dependencies import CustomerDep, SecretDep
from backend.models import Customer, Event
from backend.models.revisions import ENTITLEMENT_EVENT_PREFIXES
from backend.models.usage import UsageReport

POLL_SECONDS = 0.2
KEEP_ALIVE_SECONDS = 15.0
SLACK = 200  # ids below the highest seen that are read again (late commits)
SEEN_MAX = 8192

router = APIRouter(tags=["entitlements"])


class Cursor:
    """How far the stream has read: the highest ids seen, and which recent rows were sent."""

    def __init__(self) -> None:
        self.event_id = 0
        self.report_id = 0
        self.seen: OrderedDict[str, None] = OrderedDict()


def _changes(session: Session, env: int, customer_ref: str | None, cur: Cursor) -> list[dict]:
    """Changes not announced yet, oldest first. Rows are read from a little below the highest
    ids seen, so one whose transaction committed after a later one is still found."""
    seen = cur.seen
    events = select(Event.id, Event.customer_ref, Event.type).where(
        Event.environment_id == env, Event.id > cur.event_id - SLACK,
        Event.customer_ref.is_not(None))
    usage = select(UsageReport.id, Customer.ref).join(
        Customer, Customer.id == UsageReport.customer_id).where(
        UsageReport.environment_id == env, UsageReport.id > cur.report_id - SLACK)
    if customer_ref is not None:
        events = events.where(Event.customer_ref == customer_ref)
        usage = usage.where(Customer.ref == customer_ref)
    fresh: list[tuple[str, str, str]] = []
    for event_id, ref, type_ in session.execute(events.order_by(Event.id)):
        key = f"e{event_id}"
        cur.event_id = max(cur.event_id, event_id)
        if key not in seen and type_.startswith((*ENTITLEMENT_EVENT_PREFIXES, "entitlement.")):
            seen[key] = None
            fresh.append((key, ref, type_))
    latest_usage: dict[str, str] = {}
    for report_id, ref in session.execute(usage.order_by(UsageReport.id)):
        key = f"u{report_id}"
        cur.report_id = max(cur.report_id, report_id)
        if key not in seen:
            seen[key] = None
            latest_usage[ref] = key  # one announcement per customer per poll
    fresh += [(key, ref, "usage") for ref, key in latest_usage.items()]
    while len(seen) > SEEN_MAX:
        seen.popitem(last=False)
    if not fresh:
        return []
    refs = {ref for _, ref, _ in fresh}
    revisions = dict(session.execute(select(Customer.ref, Customer.entitlements_revision).where(
        Customer.environment_id == env, Customer.ref.in_(refs))).all())
    return [{"id": key, "customer_id": ref, "reason": reason,
             "revision": int(revisions.get(ref, 0))} for key, ref, reason in fresh]


def _frame(event: str, data: dict, event_id: str | None = None) -> str:
    head = f"id: {event_id}\n" if event_id else ""
    return f"{head}event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


async def _stream(request: Request, env: int, customer_ref: str | None) -> AsyncIterator[str]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    cursor = Cursor()

    def poll() -> list[dict]:
        with factory() as session:
            return _changes(session, env, customer_ref, cursor)

    await to_thread.run_sync(poll)  # what happened before the client connected is not news
    yield _frame("ready", {"customer_id": customer_ref})
    quiet_since = time.monotonic()
    while not await request.is_disconnected():
        for change in await to_thread.run_sync(poll):
            yield _frame("entitlements.changed", {k: change[k] for k in
                                                  ("customer_id", "reason", "revision")},
                         change["id"])
            quiet_since = time.monotonic()
        if time.monotonic() - quiet_since >= KEEP_ALIVE_SECONDS:
            yield ": keep-alive\n\n"
            quiet_since = time.monotonic()
        await asyncio.sleep(POLL_SECONDS)


def _response(request: Request, env: int, customer_ref: str | None) -> StreamingResponse:
    return StreamingResponse(_stream(request, env, customer_ref), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.get("/entitlements/stream")
def entitlement_stream(request: Request, p: SecretDep,
                       customer_id: Annotated[str | None, Query(max_length=128)] = None):
    """Server-sent `entitlements.changed` events for the environment or one customer."""
    return _response(request, p.environment_id, customer_id)


@router.get("/me/entitlements/stream", tags=["me"])
def my_entitlement_stream(request: Request, me: CustomerDep):
    """Server-sent `entitlements.changed` events for the token's customer."""
    require_scope(me, "read")
    return _response(request, me.environment_id, me.customer_ref)
