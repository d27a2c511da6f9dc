"""Environment and API key endpoints (secret key only)."""

from typing import Annotated

from fastapi import APIRouter, Path, status

from backend.auth import service
from backend.auth.dependencies import SecretDep
from backend.auth.repository import AuthRepository
from backend.auth.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyPublic, EnvironmentPublic
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
