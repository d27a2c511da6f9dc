"""Customer tokens: the host app's server lets a browser act for exactly one customer.

A token is `tg_ct_<payload>.<signature>`, both parts base64url without padding. The payload is
compact JSON `{"v": 1, "env": environment id, "cus": customer id, "iat": issued at, "exp":
expiry (unix seconds), "scp": scopes}`; the signature is HMAC-SHA256 over `tg_ct_<payload>`
keyed with the environment's `token_secret`. Tokens are stateless: rotating the secret
invalidates every token of the environment, archiving a customer invalidates theirs.
"""

import base64
import binascii
import hashlib
import hmac
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from backend.auth.keys import CUSTOMER_TOKEN_PREFIX, new_signing_secret
from backend.auth.repository import AuthRepository
from backend.customers.repository import CustomerRepository
from backend.errors import Forbidden, Invalid, NotFound, Unauthorized
from backend.kit.clock import now

VERSION = 1
DEFAULT_TTL = timedelta(hours=1)
MIN_TTL, MAX_TTL = timedelta(minutes=1), timedelta(hours=24)
MAX_LENGTH = 2048
_B64 = re.compile(r"^[A-Za-z0-9_-]+$")
SCOPES = {
    "read": "View the customer's own data: profile, paywall, subscriptions, invoices, usage.",
    "write": "Change the customer's own subscriptions and payment methods.",
}


@dataclass(frozen=True)
class CustomerPrincipal:
    """Who a customer token speaks for: one customer of one environment, until `expires_at`."""

    environment_id: int
    customer_ref: str
    expires_at: datetime
    scopes: frozenset[str] = frozenset(SCOPES)


@dataclass(frozen=True)
class IssuedToken:
    token: str
    customer_ref: str
    expires_at: datetime
    scopes: tuple[str, ...]


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    """Strict base64url: one spelling per value, so a token cannot be re-encoded."""
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)) if _B64.match(text) else None
    if raw is None or _b64(raw) != text:
        raise ValueError("not canonical base64url")
    return raw


def _sign(secret: str, signed: str) -> bytes:
    return hmac.new(secret.encode(), signed.encode(), hashlib.sha256).digest()


def _refused(reason: str, detail: str) -> Unauthorized:
    return Unauthorized(detail, reason=reason)


# -- issuing ----------------------------------------------------------------------------------
def _ttl(ttl: timedelta | int) -> int:
    seconds = int(ttl.total_seconds()) if isinstance(ttl, timedelta) else int(ttl)
    if not MIN_TTL.total_seconds() <= seconds <= MAX_TTL.total_seconds():
        raise Invalid(f"A customer token lives between {int(MIN_TTL.total_seconds())} and "
                      f"{int(MAX_TTL.total_seconds())} seconds", field="ttl_seconds")
    return seconds


def _scopes(scopes: list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    if scopes is None:
        return tuple(SCOPES)
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise Invalid(f"Scopes are one or more of {', '.join(SCOPES)}", field="scopes")
    return tuple(s for s in SCOPES if s in scopes)


def issue_customer_token(session: Session, environment_id: int, customer_ref: str,
                         ttl: timedelta | int = DEFAULT_TTL, *,
                         scopes: list[str] | tuple[str, ...] | None = None) -> IssuedToken:
    """A token for one live customer, valid for `ttl` (seconds or a timedelta, at most 24 h).

    For host apps that embed Tollgate in-process; over HTTP it is `POST /customer-tokens`.
    """
    seconds, granted = _ttl(ttl), _scopes(scopes)
    customer = CustomerRepository(session, environment_id).get(customer_ref)
    if customer is None:
        raise NotFound(f"No customer '{customer_ref}' in this environment")
    if customer.archived_at is not None:
        raise Invalid(f"Customer '{customer_ref}' is archived; tokens are for live customers",
                      field="customer_id")
    secret = AuthRepository(session).ensure_token_secret(environment_id, new_signing_secret())
    issued_at = int(now().timestamp())
    claims = {"v": VERSION, "env": environment_id, "cus": customer_ref, "iat": issued_at,
              "exp": issued_at + seconds, "scp": list(granted)}
    signed = CUSTOMER_TOKEN_PREFIX + _b64(json.dumps(claims, separators=(",", ":")).encode())
    return IssuedToken(token=f"{signed}.{_b64(_sign(secret, signed))}", customer_ref=customer_ref,
                       expires_at=datetime.fromtimestamp(claims["exp"], UTC), scopes=granted)


def rotate_token_secret(session: Session, environment_id: int) -> None:
    """A new signing secret: every customer token issued so far stops working at once."""
    AuthRepository(session).set_token_secret(environment_id, new_signing_secret())


# -- verifying --------------------------------------------------------------------------------
def _is_int(value: Any) -> bool:
    return type(value) is int and 0 <= value < 2**40


def _claims(token: str) -> tuple[str, bytes, dict[str, Any]]:
    """(the signed part, the signature, the claims) of a well-formed token; ValueError if not."""
    if len(token) > MAX_LENGTH or not token.startswith(CUSTOMER_TOKEN_PREFIX):
        raise ValueError("shape")
    signed, _, signature = token.rpartition(".")
    payload = signed.removeprefix(CUSTOMER_TOKEN_PREFIX)
    if not payload or not signature or "." in payload:
        raise ValueError("shape")
    claims = json.loads(_unb64(payload))
    if not isinstance(claims, dict) or claims.get("v") != VERSION:
        raise ValueError("version")
    scopes, customer = claims.get("scp"), claims.get("cus")
    if not (all(_is_int(claims.get(k)) for k in ("env", "iat", "exp"))
            and isinstance(customer, str) and 0 < len(customer) <= 128
            and isinstance(scopes, list) and all(isinstance(s, str) for s in scopes)):
        raise ValueError("claims")
    return signed, _unb64(signature), claims


def verify_customer_token(
    session: Session, token: str, *, environment_id: int | None = None,
    on_environment: Callable[[int], None] | None = None,
) -> CustomerPrincipal:
    """The principal a token stands for; a 401 problem (with a `reason`) if it cannot be used.

    With `environment_id`, a token of any other environment is refused. `on_environment` gets
    the token's environment once the signature holds, before the expiry check (the API pins the
    environment's test clock there).
    """
    try:
        signed, signature, claims = _claims(token)
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
        raise _refused("malformed", "The customer token is malformed") from None
    secret = AuthRepository(session).token_secret(claims["env"])
    if secret is None or not hmac.compare_digest(_sign(secret, signed), signature):
        raise _refused("invalid_signature", "The customer token has an invalid signature (altered, "
                       "from another environment, or its environment's secret was rotated)")
    if environment_id is not None and claims["env"] != environment_id:
        raise _refused("environment_mismatch", "The customer token belongs to another environment")
    if on_environment is not None:
        on_environment(claims["env"])
    if now().timestamp() >= claims["exp"]:
        raise _refused("expired", "The customer token has expired; get a new one from the host app")
    customer = CustomerRepository(session, claims["env"]).get(claims["cus"])
    if customer is None or customer.archived_at is not None:
        raise _refused("customer_inactive", "The token's customer no longer exists or is archived")
    return CustomerPrincipal(
        environment_id=claims["env"], customer_ref=claims["cus"],
        expires_at=datetime.fromtimestamp(claims["exp"], UTC), scopes=frozenset(claims["scp"]),
    )


def require_same_customer(principal: CustomerPrincipal, customer_id: str) -> CustomerPrincipal:
    """A customer token may name its own customer only (403 otherwise)."""
    if principal.customer_ref != customer_id:
        raise Forbidden("A customer token acts for its own customer only")
    return principal


def require_scope(principal: CustomerPrincipal, scope: str) -> CustomerPrincipal:
    if scope not in principal.scopes:
        raise Forbidden(f"This customer token was issued without the '{scope}' scope")
    return principal
