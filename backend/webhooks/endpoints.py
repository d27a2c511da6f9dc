"""Webhook endpoints API (secret key only): endpoints, secret rotation, the delivery log,
redelivery of one message and replay of a time range."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from backend.auth.dependencies import SecretDep
from backend.db import SessionDep
from backend.idempotency import IdempotencyDep
from backend.kit.pagination import Page, PageParams, page_params
from backend.webhooks import service
from backend.webhooks.repository import WebhookRepository
from backend.webhooks.schemas import (
    MessageStatus,
    ReplayRequest,
    ReplayResult,
    SecretRotation,
    WebhookAttemptPublic,
    WebhookEndpointCreate,
    WebhookEndpointCreated,
    WebhookEndpointPublic,
    WebhookEndpointUpdate,
    WebhookMessagePublic,
)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])
PageDep = Annotated[PageParams, Depends(page_params)]


@router.post("/endpoints", response_model=WebhookEndpointCreated,
             status_code=status.HTTP_201_CREATED)
def create_endpoint(body: WebhookEndpointCreate, session: SessionDep, p: SecretDep,
                    idem: IdempotencyDep):
    """Add an endpoint. Its signing `secret` is in this response only."""

    def run() -> WebhookEndpointCreated:
        repo = WebhookRepository(session, p.environment_id)
        return service.endpoint_created(service.create_endpoint(repo, body))

    return idem.run(body, run, status_code=201)


@router.get("/endpoints", response_model=Page[WebhookEndpointPublic])
def list_endpoints(session: SessionDep, p: SecretDep, page: PageDep):
    rows, has_more, cursor = WebhookRepository(session, p.environment_id).endpoints_page(page)
    return {"data": [service.endpoint_public(e) for e in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.get("/endpoints/{endpoint_id}", response_model=WebhookEndpointPublic)
def get_endpoint(endpoint_id: str, session: SessionDep, p: SecretDep):
    repo = WebhookRepository(session, p.environment_id)
    return service.endpoint_public(service.get_endpoint(repo, endpoint_id))


@router.patch("/endpoints/{endpoint_id}", response_model=WebhookEndpointPublic)
def update_endpoint(endpoint_id: str, body: WebhookEndpointUpdate, session: SessionDep,
                    p: SecretDep):
    """Change URL, description, event types or `enabled` (true re-enables a disabled one)."""
    repo = WebhookRepository(session, p.environment_id)
    return service.endpoint_public(service.update_endpoint(repo, endpoint_id, body))


@router.delete("/endpoints/{endpoint_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_endpoint(endpoint_id: str, session: SessionDep, p: SecretDep):
    """Remove an endpoint with its delivery log."""
    service.delete_endpoint(WebhookRepository(session, p.environment_id), endpoint_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/endpoints/{endpoint_id}/rotate-secret", response_model=WebhookEndpointCreated)
def rotate_secret(endpoint_id: str, session: SessionDep, p: SecretDep,
                  body: SecretRotation | None = None):
    """A new signing secret (in this response only); the old one signs too during the overlap."""
    repo = WebhookRepository(session, p.environment_id)
    overlap = (body or SecretRotation()).overlap_hours
    return service.endpoint_created(service.rotate_secret(repo, endpoint_id, overlap))


@router.get("/endpoints/{endpoint_id}/messages", response_model=Page[WebhookMessagePublic])
def list_messages(endpoint_id: str, session: SessionDep, p: SecretDep, page: PageDep,
                  status: Annotated[MessageStatus | None, Query()] = None):
    """The endpoint's messages, newest first."""
    repo = WebhookRepository(session, p.environment_id)
    endpoint = service.get_endpoint(repo, endpoint_id)
    rows, has_more, cursor = repo.messages_page(endpoint.id, page, status)
    return {"data": [service.message_public(m) for m in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.get("/endpoints/{endpoint_id}/attempts", response_model=Page[WebhookAttemptPublic])
def list_attempts(endpoint_id: str, session: SessionDep, p: SecretDep, page: PageDep):
    """The delivery log: every try, newest first, with the answer and the next try's time."""
    repo = WebhookRepository(session, p.environment_id)
    endpoint = service.get_endpoint(repo, endpoint_id)
    rows, has_more, cursor = repo.attempts_page(endpoint.id, page)
    return {"data": [service.attempt_public(a) for a in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.post("/endpoints/{endpoint_id}/messages/{message_id}/redeliver",
             response_model=WebhookMessagePublic, status_code=status.HTTP_202_ACCEPTED)
def redeliver(endpoint_id: str, message_id: str, session: SessionDep, p: SecretDep):
    """Send one message again as soon as a worker is free."""
    repo = WebhookRepository(session, p.environment_id)
    return service.message_public(service.redeliver(repo, endpoint_id, message_id))


@router.post("/endpoints/{endpoint_id}/replay", response_model=ReplayResult,
             status_code=status.HTTP_202_ACCEPTED)
def replay(endpoint_id: str, body: ReplayRequest, session: SessionDep, p: SecretDep):
    """Send the endpoint's events of a time range again (at most 5,000 per call)."""
    repo = WebhookRepository(session, p.environment_id)
    return ReplayResult(queued=service.replay(repo, endpoint_id, body))
