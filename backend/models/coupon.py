"""Coupons: a discount customers claim with a code, limited in time, plans and redemptions."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from backend.models.base import Base, BigId, EnvironmentScoped, Timestamps

# Python None stored as SQL NULL (not JSON 'null'), so `IS NULL` checks see it.
NullableJson = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class Coupon(Base, EnvironmentScoped, Timestamps):
    """`code` is stored upper-case, so the unique constraint makes codes case-insensitive.

    The checks back the rules the API enforces: exactly one kind of discount, and never more
    redemptions than the limit (even if two redemptions race).
    """

    __tablename__ = "coupons"
    __table_args__ = (
        UniqueConstraint("environment_id", "ref"),
        UniqueConstraint("environment_id", "code"),
        CheckConstraint("(percent_off IS NULL) <> (amounts_off IS NULL)", name="one_discount"),
        CheckConstraint(
            "redemptions >= 0 AND (max_redemptions IS NULL OR redemptions <= max_redemptions)",
            name="redemptions_within_limit",
        ),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(128))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text, default=None)
    percent_off: Mapped[Decimal | None] = mapped_column(Numeric(7, 4), default=None)
    amounts_off: Mapped[dict[str, Any] | None] = mapped_column(NullableJson, default=None)
    duration: Mapped[str] = mapped_column(String(16))
    duration_periods: Mapped[int | None] = mapped_column(Integer, default=None)
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
    max_redemptions: Mapped[int | None] = mapped_column(Integer, default=None)
    redemptions: Mapped[int] = mapped_column(Integer, default=0)
    plan_ids: Mapped[list[str]] = mapped_column(default=list)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)
