"""Themes: a draft override document, published versions kept for rollback, and which theme
each widget (or the environment by default) uses."""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.kit.clock import now
from backend.models.base import Base, BigId, EnvironmentScoped, Timestamps


class Theme(Base, EnvironmentScoped, Timestamps):
    """`draft` is the document being edited; `published_version` the live one (or None)."""

    __tablename__ = "themes"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(200))
    draft: Mapped[dict[str, Any]] = mapped_column(default=dict)
    published_version: Mapped[int | None] = mapped_column(Integer, default=None)
    latest_version: Mapped[int] = mapped_column(Integer, default=0)


class ThemeVersion(Base, EnvironmentScoped):
    """A published document; never changed, so rolling back is pointing at an older one."""

    __tablename__ = "theme_versions"
    __table_args__ = (UniqueConstraint("theme_id", "version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    theme_id: Mapped[int] = mapped_column(BigId, ForeignKey("themes.id", ondelete="CASCADE"),
                                          index=True)
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict[str, Any]] = mapped_column()
    published_at: Mapped[datetime] = mapped_column(default=now)
    note: Mapped[str] = mapped_column(String(500), default="")
    published_by: Mapped[str] = mapped_column(String(240), default="")


class ThemeAssignment(Base, EnvironmentScoped, Timestamps):
    """The theme a widget kind uses; the widget `default` applies to every other widget."""

    __tablename__ = "theme_assignments"
    __table_args__ = (UniqueConstraint("environment_id", "widget"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    widget: Mapped[str] = mapped_column(String(32))
    theme_id: Mapped[int] = mapped_column(BigId, ForeignKey("themes.id", ondelete="CASCADE"),
                                          index=True)
