"""Environment, API key and customer token endpoints (secret key only)."""

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from backend.auth import customer_tokens, service
from backend.auth.dependencies import SecretDep
from backend.auth.repository import AuthRepository
from backend.auth.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyPublic,
    CustomerTokenCreate,
    CustomerTokenPublic,
    EnvironmentPublic,
)
from backend.db import SessionDep

router = APIRouter(tags=["environment"])


@router.get("/environment", response_model=EnvironmentPublic)
def get_environment(session: SessionDep, principal: SecretDep):
    """The environment the key belongs to."""
    return AuthRepository(session).environment(principal.environment_id)


@router.get("/api-keys", response_model=list[ApiKeyPublic])
def list_keys(session: SessionDep, principal: SecretDep):
    """Keys of this environment (never the keys themselves)."""
    return AuthRepository(session).keys(principal.environment_id)


@router.post("/api-keys", response_model=ApiKeyCreated, status_code=status.HTTP_201_CREATED)
def create_key(body: ApiKeyCreate, session: SessionDep, principal: SecretDep):
    """Create a key; the response is the only place the full key appears."""
    row, raw = service.issue_key(session, principal.environment_id, body.kind, body.name)
    return ApiKeyCreated.model_validate({**ApiKeyPublic.model_validate(row).model_dump(), "key": raw})


@router.post("/api-keys/{key_id}/revoke", response_model=ApiKeyPublic)
def revoke_key(key_id: Annotated[int, Path(ge=1, lt=2**63)], session: SessionDep,
               principal: SecretDep):
    """Revoke a key at once; requests with it get 401 from then on."""
    return service.revoke_key(session, principal.environment_id, key_id)


@router.post("/customer-tokens", response_model=CustomerTokenPublic,
             status_code=status.HTTP_201_CREATED)
def issue_customer_token(body: CustomerTokenCreate, session: SessionDep, principal: SecretDep):
    """A signed, expiring token that lets a browser act for one customer (the `/me` endpoints).

    Issue it on your server for the signed-in user and hand it to the page; never issue it
    from the browser. A retry simply issues another token, so there is no `Idempotency-Key`.
    """
    issued = customer_tokens.issue_customer_token(
        session, principal.environment_id, body.customer_id,
        body.ttl_seconds or customer_tokens.DEFAULT_TTL, scopes=body.scopes,
    )
    return CustomerTokenPublic(token=issued.token, customer_id=issued.customer_ref,
                               expires_at=issued.expires_at, scopes=list(issued.scopes))


@router.post("/environment/token-secret/rotate", status_code=status.HTTP_204_NO_CONTENT)
def rotate_token_secret(session: SessionDep, principal: SecretDep) -> Response:
    """Replace the secret that signs customer tokens: every token issued so far stops working."""
    customer_tokens.rotate_token_secret(session, principal.environment_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
