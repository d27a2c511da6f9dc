"""Which origins may embed the environment's widgets (secret key)."""

from fastapi import APIRouter
from pydantic import BaseModel, Field

from backend.auth.dependencies import SecretDep
from backend.db import SessionDep
from backend.embedding import service
from backend.embedding.origins import MAX_ORIGINS

router = APIRouter(prefix="/environment/embed-origins", tags=["embedding"])


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
