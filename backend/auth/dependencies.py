"""FastAPI dependencies: `AuthDep` accepts any valid key, `SecretDep` only secret keys."""

from typing import Annotated

from fastapi import Depends, Header

from backend.auth.service import Principal, authenticate, require_secret
from backend.db import SessionDep


def _raw_key(authorization: str | None, x_api_key: str | None) -> str | None:
    if x_api_key:
        return x_api_key.strip()
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def current_principal(
    session: SessionDep,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Principal:
    return authenticate(session, _raw_key(authorization, x_api_key))


def secret_principal(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
    return require_secret(principal)


AuthDep = Annotated[Principal, Depends(current_principal)]
SecretDep = Annotated[Principal, Depends(secret_principal)]
