"""FastAPI dependencies: `AuthDep` accepts any valid key (`LinkAuthDep` also as `?key=`),
`SecretDep` only secret keys, `CustomerDep` a customer token (`OptionalCustomerDep`: a customer
token if one is sent)."""

from typing import Annotated

from fastapi import Depends, Header, Query

from backend.auth.customer_tokens import CustomerPrincipal, verify_customer_token
from backend.auth.keys import CUSTOMER_TOKEN_PREFIX
from backend.auth.service import Principal, authenticate, require_secret
from backend.db import SessionDep
from backend.errors import Unauthorized
from backend.kit.clock import pin
from backend.testclock.service import apply_environment_clock


def raw_key(authorization: str | None, x_api_key: str | None) -> str | None:
    """The API key sent as `X-API-Key` or `Authorization: Bearer ...`."""
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
    principal = authenticate(session, raw_key(authorization, x_api_key))
    if principal.clock_time is not None:
        pin(principal.clock_time)  # the environment's frozen test clock, read with the key
    return principal


def link_principal(
    session: SessionDep,
    key: Annotated[str | None, Query(max_length=200, include_in_schema=False)] = None,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> Principal:
    """Like `current_principal`, also accepting `?key=` for resources a browser loads by URL
    (a `<link>` cannot send headers); meant for the publishable key."""
    sent = raw_key(authorization, x_api_key)
    return current_principal(session, None, sent or (key or "").strip() or None)


def secret_principal(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
    return require_secret(principal)


def optional_customer(
    session: SessionDep,
    authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None,
    x_customer_token: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> CustomerPrincipal | None:
    """The customer of an `X-Customer-Token` (or `Authorization: Bearer tg_ct_...`), if sent.

    An API key sent along must belong to the token's environment.
    """
    bearer = raw_key(authorization, None)
    token = (x_customer_token or "").strip() or (
        bearer if bearer and bearer.startswith(CUSTOMER_TOKEN_PREFIX) else None)
    if not token:
        return None
    key = raw_key(None if bearer == token else authorization, x_api_key)
    return verify_customer_token(
        session, token, environment_id=authenticate(session, key).environment_id if key else None,
        on_environment=lambda env: apply_environment_clock(session, env),
    )


def current_customer(
    customer: Annotated[CustomerPrincipal | None, Depends(optional_customer)],
) -> CustomerPrincipal:
    if customer is None:
        raise Unauthorized("Send a customer token as 'X-Customer-Token' or "
                           "'Authorization: Bearer tg_ct_...'")
    return customer


AuthDep = Annotated[Principal, Depends(current_principal)]
LinkAuthDep = Annotated[Principal, Depends(link_principal)]
SecretDep = Annotated[Principal, Depends(secret_principal)]
CustomerDep = Annotated[CustomerPrincipal, Depends(current_customer)]
OptionalCustomerDep = Annotated[CustomerPrincipal | None, Depends(optional_customer)]
