"""Environments (isolated workspaces) and the API keys that reach them."""

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, BigId, EnvironmentScoped, JsonType, Timestamps


class Environment(Base, Timestamps):
    __tablename__ = "environments"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="development")
    catalog_revision: Mapped[int] = mapped_column(Integer, default=0)
    # A development environment's frozen time (its test clock); None: real time.
    test_clock_time: Mapped[datetime | None] = mapped_column(default=None)
    # Signs customer tokens (`backend.auth.customer_tokens`); never leaves the server.
    token_secret: Mapped[str | None] = mapped_column(String(64), default=None)
    # Origins allowed to frame the hosted widget pages (`backend.embedding`); None: none.
    embed_origins: Mapped[list[str] | None] = mapped_column(JsonType, default=None)


class ApiKey(Base, EnvironmentScoped, Timestamps):
    """A secret (server) or publishable (browser) key; only its SHA-256 is stored."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200), default="")
    display_prefix: Mapped[str] = mapped_column(String(32))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
