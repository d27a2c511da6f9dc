"""Customers of the SaaS team (the people and companies who subscribe)."""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, BigId, EnvironmentScoped, Timestamps


class Customer(Base, EnvironmentScoped, Timestamps):
    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(128))
    name: Mapped[str | None] = mapped_column(String(200), default=None)
    email: Mapped[str | None] = mapped_column(String(320), default=None)
    billing_country: Mapped[str | None] = mapped_column(String(2), default=None)
    locale: Mapped[str | None] = mapped_column(String(35), default=None)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)
    entitlements_revision: Mapped[int] = mapped_column(BigInteger, default=0)
