"""Which origins may embed the environment's widgets (secret key), and the check a hosted
widget page makes before it renders (its publishable key, host origin and customer token)."""

from fastapi import APIRouter
from pydantic import BaseModel, Field

from backend.auth.dependencies import SecretDep
from backend.db import SessionDep
from backend.embedding import service
from backend.embedding.context import frame_context
from backend.embedding.origins import MAX_ORIGINS
from backend.embedding.schemas import FrameCheck, FrameContextPublic

router = APIRouter(prefix="/environment/embed-origins", tags=["embedding"])
frame_router = APIRouter(prefix="/embed", tags=["embedding"])


class EmbedOrigins(BaseModel):
    origins: list[str] = Field(max_length=MAX_ORIGINS, description=(
        "Origins allowed to frame the hosted widget pages, e.g. https://app.example.com "
        "(https; http only for localhost)"))


@router.get("", response_model=EmbedOrigins)
def get_embed_origins(session: SessionDep, p: SecretDep):
    return EmbedOrigins(origins=service.get_origins(session, p.environment_id))


@router.put("", response_model=EmbedOrigins)
def set_embed_origins(body: EmbedOrigins, session: SessionDep, p: SecretDep):
    """Replace the list; the pages send `Content-Security-Policy: frame-ancestors` with it."""
    return EmbedOrigins(origins=service.set_origins(session, p.environment_id, body.origins))


@frame_router.post("/frame-check", response_model=FrameContextPublic)
def check_frame(body: FrameCheck, session: SessionDep):
    """Whether a hosted page may render: a publishable key (a secret key is refused), an
    allowed host origin, and a valid customer token where the widget needs one. Refusals are
    401/403 problems with a `reason` (key_missing, secret_key, key_invalid, origin_missing,
    origin_not_allowed, token_missing, malformed, invalid_signature, environment_mismatch,
    expired, customer_inactive)."""
    ctx = frame_context(session, publishable_key=body.publishable_key, origin=body.origin,
                        customer_token=body.customer_token,
                        customer_required=body.customer_required,
                        page_origin=body.page_origin)
    return FrameContextPublic(origin=ctx.origin, customer_id=ctx.customer_id,
                              expires_at=ctx.expires_at)
