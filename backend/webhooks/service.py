"""Webhook rules: endpoint management (subscriptions, secrets and their rotation), fan-out of
events into messages, recording a delivery attempt (retry or give up, disable a failing
endpoint), manual redelivery and replay. Services never commit.
"""

import json
import random
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from backend.errors import Invalid, NotFound
from backend.events import catalog
from backend.events.service import record
from backend.kit.clock import now, scope
from backend.kit.ids import random_token
from backend.models import Event, WebhookAttempt, WebhookEndpoint, WebhookMessage
from backend.webhooks import schedule, signing
from backend.webhooks.delivery import Outcome
from backend.webhooks.repository import WebhookRepository
from backend.webhooks.schemas import (
    ReplayRequest,
    WebhookAttemptPublic,
    WebhookEndpointCreate,
    WebhookEndpointCreated,
    WebhookEndpointPublic,
    WebhookEndpointUpdate,
    WebhookMessagePublic,
)

REPLAY_LIMIT = 5000


# -- conversions ------------------------------------------------------------------------------
def endpoint_public(e: WebhookEndpoint) -> WebhookEndpointPublic:
    return WebhookEndpointPublic(
        id=e.ref, url=e.url, description=e.description, event_types=list(e.event_types),
        enabled=e.enabled, disabled_reason=e.disabled_reason,
        previous_secret_expires_at=e.previous_secret_expires_at if e.previous_secret else None,
        last_success_at=e.last_success_at, failing_since=e.failing_since,
        created_at=e.created_at, updated_at=e.updated_at)


def endpoint_created(e: WebhookEndpoint) -> WebhookEndpointCreated:
    return WebhookEndpointCreated(**endpoint_public(e).model_dump(), secret=e.secret)


def message_public(m: WebhookMessage) -> WebhookMessagePublic:
    return WebhookMessagePublic(
        id=m.ref, event_id=m.event.ref, event_type=m.event_type, customer_id=m.customer_ref,
        status=m.status, attempts=m.attempts, next_attempt_at=m.next_attempt_at,  # type: ignore[arg-type]
        created_at=m.created_at, delivered_at=m.delivered_at)


def attempt_public(a: WebhookAttempt) -> WebhookAttemptPublic:
    m = a.message
    return WebhookAttemptPublic(
        id=a.id, message_id=m.ref, event_id=m.event.ref, event_type=m.event_type,
        attempt=a.attempt, request_body=m.body, status_code=a.status_code,
        response_body=a.response_body, error=a.error, duration_ms=a.duration_ms,
        succeeded=a.succeeded, attempted_at=a.attempted_at, next_attempt_at=a.next_attempt_at)


# -- subscriptions and payloads -----------------------------------------------------------------
def normalize_filters(filters: list[str], field: str = "event_types") -> list[str]:
    """Filters as stored: exact types or prefixes ending in '.', each checked in the catalog."""
    out: list[str] = []
    for i, raw in enumerate(filters):
        value = raw.strip().removesuffix("*")
        catalog.expand([value], field=f"{field}.{i}")
        if value not in out:
            out.append(value)
    return out


def subscribed(filters: list[str], event_type: str) -> bool:
    """Whether an endpoint with these filters gets events of `event_type` (no filter: all)."""
    return not filters or any(
        event_type.startswith(f) if f.endswith(".") else event_type == f for f in filters)


def payload(event: Event) -> str:
    """The JSON body: {type, timestamp, data}; data is the event's resource, with its `id` and
    `customer_id` filled from the event when the resource has none."""
    data = dict(event.data)
    if event.subject_ref is not None:
        data.setdefault("id", event.subject_ref)
    data.setdefault("customer_id", event.customer_ref)
    body = {"type": event.type, "timestamp": event.created_at.isoformat(), "data": data}
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def new_message(endpoint: WebhookEndpoint, event: Event, at: datetime) -> WebhookMessage:
    return WebhookMessage(
        environment_id=endpoint.environment_id, ref=random_token("msg_", 15),
        endpoint_id=endpoint.id, event_id=event.id, event_type=event.type,
        customer_ref=event.customer_ref, body=payload(event), status="pending", attempts=0,
        next_attempt_at=at, created_at=at)


def signing_secrets(endpoint: WebhookEndpoint, at: datetime) -> list[str]:
    """The current secret, and the previous one while its overlap lasts."""
    keys = [endpoint.secret]
    if endpoint.previous_secret and endpoint.previous_secret_expires_at \
            and endpoint.previous_secret_expires_at > at:
        keys.append(endpoint.previous_secret)
    return keys


def worker_time() -> datetime:
    """The process clock the workers schedule by, never an environment's frozen test clock
    (which pins `now()` inside its requests): a fresh clock scope is unpinned."""
    with scope():
        return now()


# -- endpoint management ------------------------------------------------------------------------
def get_endpoint(repo: WebhookRepository, ref: str) -> WebhookEndpoint:
    endpoint = repo.endpoint(ref)
    if endpoint is None:
        raise NotFound(f"No webhook endpoint '{ref}' in this environment")
    return endpoint


def create_endpoint(repo: WebhookRepository, body: WebhookEndpointCreate) -> WebhookEndpoint:
    endpoint = WebhookEndpoint(
        environment_id=repo.env, ref=random_token("we_", 12), url=body.url,
        description=body.description, event_types=normalize_filters(body.event_types),
        enabled=body.enabled, secret=signing.new_secret(), exhausted_in_a_row=0)
    repo.add(endpoint)
    return endpoint


def update_endpoint(repo: WebhookRepository, ref: str,
                    body: WebhookEndpointUpdate) -> WebhookEndpoint:
    endpoint = get_endpoint(repo, ref)
    changes = body.model_dump(exclude_unset=True)
    if "event_types" in changes:
        changes["event_types"] = normalize_filters(changes["event_types"])
    if changes.get("enabled") and not endpoint.enabled:
        endpoint.disabled_reason = None  # a fresh start: failures counted again from now
        endpoint.failing_since = None
        endpoint.exhausted_in_a_row = 0
    for name, value in changes.items():
        setattr(endpoint, name, value)
    repo.session.flush()
    return endpoint


def delete_endpoint(repo: WebhookRepository, ref: str) -> None:
    repo.session.delete(get_endpoint(repo, ref))
    repo.session.flush()


def rotate_secret(repo: WebhookRepository, ref: str, overlap_hours: int) -> WebhookEndpoint:
    """A new secret; the current one keeps signing (too) for `overlap_hours`."""
    endpoint = get_endpoint(repo, ref)
    endpoint.previous_secret = endpoint.secret if overlap_hours else None
    endpoint.previous_secret_expires_at = (
        worker_time() + timedelta(hours=overlap_hours) if overlap_hours else None)
    endpoint.secret = signing.new_secret()
    repo.session.flush()
    return endpoint


# -- delivery log: redelivery and replay ----------------------------------------------------
def redeliver(repo: WebhookRepository, endpoint_ref: str, message_ref: str) -> WebhookMessage:
    """Queue one message again, now (one more try if it had used every retry)."""
    endpoint = get_endpoint(repo, endpoint_ref)
    message = repo.message(endpoint.id, message_ref)
    if message is None:
        raise NotFound(f"No message '{message_ref}' for this endpoint")
    _requeue(message, worker_time())
    repo.session.flush()
    return message


def replay(repo: WebhookRepository, endpoint_ref: str, body: ReplayRequest) -> int:
    """Queue the endpoint's events of a time range again (those it subscribes to), creating
    messages for events it never got (e.g. created before the endpoint or while disabled)."""
    endpoint = get_endpoint(repo, endpoint_ref)
    at = worker_time()
    events = repo.events_between(body.since, body.until or now(), REPLAY_LIMIT + 1)
    if len(events) > REPLAY_LIMIT:
        raise Invalid(f"More than {REPLAY_LIMIT} events in that range; replay a shorter one",
                      field="until")
    events = [e for e in events if subscribed(endpoint.event_types, e.type)]
    existing = repo.messages_for(endpoint.id, [e.id for e in events])
    queued = 0
    for event in events:
        message = existing.get(event.id)
        if message is None:
            repo.session.add(new_message(endpoint, event, at))
        elif body.only_failed and message.status == "succeeded":
            continue
        else:
            _requeue(message, at)
        queued += 1
    repo.session.flush()
    return queued


def _requeue(message: WebhookMessage, at: datetime) -> None:
    message.status = "pending"
    message.next_attempt_at = at
    message.lease_owner = None
    message.lease_until = None


# -- delivery results ---------------------------------------------------------------------------
def record_attempt(session: Session, message: WebhookMessage, outcome: Outcome, at: datetime,
                   draw: float | None = None) -> WebhookAttempt:
    """Log one try and decide what follows: done, retry later, or give up (and maybe disable
    the endpoint). `draw` is the jitter's random number (tests pin it)."""
    endpoint = message.endpoint
    message.attempts += 1
    message.lease_owner = None
    message.lease_until = None
    if outcome.ok:
        message.status, message.delivered_at, message.next_attempt_at = "succeeded", at, None
        endpoint.last_success_at, endpoint.failing_since = at, None
        endpoint.exhausted_in_a_row = 0
    else:
        draw = random.random() if draw is None else draw
        message.next_attempt_at = schedule.next_attempt_at(message.attempts, at, draw)
        endpoint.failing_since = endpoint.failing_since or at
        if message.next_attempt_at is None:
            message.status = "failed"
            endpoint.exhausted_in_a_row += 1
        reason = schedule.disable_reason(endpoint.failing_since, endpoint.exhausted_in_a_row, at)
        if reason and endpoint.enabled:
            disable(session, endpoint, reason)
    attempt = WebhookAttempt(
        environment_id=message.environment_id, message=message, endpoint_id=endpoint.id,
        attempt=message.attempts, status_code=outcome.status_code,
        response_body=outcome.response_body, error=outcome.error,
        duration_ms=outcome.duration_ms, succeeded=outcome.ok, attempted_at=at,
        next_attempt_at=message.next_attempt_at)
    session.add(attempt)
    return attempt


def disable(session: Session, endpoint: WebhookEndpoint, reason: str) -> None:
    """Stop delivering to a failing endpoint and say so with a `webhook_endpoint.disabled`
    event (other endpoints subscribed to it hear about it)."""
    endpoint.enabled = False
    endpoint.disabled_reason = reason
    record(session, endpoint.environment_id, "webhook_endpoint.disabled",
           {"id": endpoint.ref, "url": endpoint.url, "description": endpoint.description,
            "reason": reason}, subject=("webhook_endpoint", endpoint.ref))
