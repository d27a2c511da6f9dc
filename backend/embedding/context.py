"""What a hosted widget page may show: its publishable key, the host page's origin and (for
customer widgets) the customer token, checked together. Refusals are problems with a `reason`
the page turns into a clear message (see `REASONS`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from backend.auth.customer_tokens import verify_customer_token
from backend.auth.keys import PREFIXES, kind_of
from backend.auth.service import authenticate
from backend.embedding.origins import BadOrigin, allowed, normalize_origin
from backend.embedding.service import get_origins
from backend.errors import Forbidden, Unauthorized
from backend.testclock.service import apply_environment_clock

REASONS = ("key_missing", "secret_key", "key_invalid", "origin_missing", "origin_not_allowed",
           "token_missing", "malformed", "invalid_signature", "environment_mismatch", "expired",
           "customer_inactive")


@dataclass(frozen=True)
class FrameContext:
    """A verified embedding: the environment, the host origin and the customer (if any)."""

    environment_id: int
    origin: str
    customer_id: str | None = None
    expires_at: datetime | None = None


def _environment(session: Session, key: str | None) -> int:
    if not key:
        raise Unauthorized("The widget was given no publishable key", reason="key_missing")
    if kind_of(key) == "secret":
        raise Forbidden("This is a secret key: it must never appear in a web page. Embed with the "
                        f"environment's publishable key ({PREFIXES['publishable']}...) and "
                        "rotate the secret key that was exposed", reason="secret_key")
    if kind_of(key) != "publishable":
        raise Unauthorized(f"Embed with a publishable key ({PREFIXES['publishable']}...)",
                           reason="key_invalid")
    try:
        return authenticate(session, key).environment_id
    except Unauthorized as exc:
        raise Unauthorized(exc.detail, reason="key_invalid") from None


def _same(origin: str, page_origin: str | None) -> bool:
    try:
        return bool(page_origin) and normalize_origin(origin) == normalize_origin(page_origin or "")
    except BadOrigin:
        return False


def frame_context(session: Session, *, publishable_key: str | None, origin: str | None,
                  customer_token: str | None, customer_required: bool,
                  page_origin: str | None = None) -> FrameContext:
    """Check a hosted page's inputs in order: key, origin (an allowed one, or the page's own:
    `frame-ancestors 'self'`), token; the first failure raises."""
    environment_id = _environment(session, publishable_key)
    if not origin:
        raise Forbidden("The widget was not told which page embeds it", reason="origin_missing")
    if not _same(origin, page_origin) and not allowed(origin, get_origins(session, environment_id)):
        raise Forbidden(f"{origin} is not among this environment's allowed embedding origins",
                        reason="origin_not_allowed")
    if not customer_token:
        if customer_required:
            raise Unauthorized("This widget acts for a signed-in customer: pass a customer token",
                               reason="token_missing")
        return FrameContext(environment_id, normalize_origin(origin))
    customer = verify_customer_token(
        session, customer_token, environment_id=environment_id,
        on_environment=lambda env: apply_environment_clock(session, env))
    return FrameContext(environment_id, normalize_origin(origin), customer.customer_ref,
                        customer.expires_at)
