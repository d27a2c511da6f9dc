"""Usage of metered features, raw usage events and the meters that count them, promotional
entitlements, and the once-per-period usage alerts.

`usage_counters` holds one running value per customer, feature and usage period: reports,
meters and `consume` all move it, `consume` with a conditional `UPDATE ... WHERE value + n <=
limit` so concurrent consumers can never pass a hard limit. `usage_reports` is the audit trail
of every change (and what usage history is drawn from); its idempotency key makes a retried
report count once.
"""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.kit.clock import now
from backend.models.base import Base, BigId, EnvironmentScoped


class UsageCounter(Base, EnvironmentScoped):
    __tablename__ = "usage_counters"
    __table_args__ = (UniqueConstraint("environment_id", "customer_id", "feature_id",
                                       "period_start", name="uq_usage_counters_period"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id", ondelete="CASCADE"))
    feature_id: Mapped[int] = mapped_column(BigId, ForeignKey("features.id", ondelete="CASCADE"))
    period_start: Mapped[datetime] = mapped_column()
    period_end: Mapped[datetime | None] = mapped_column(default=None)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
    latest_at: Mapped[datetime | None] = mapped_column(default=None)
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now)


class UsageReport(Base, EnvironmentScoped):
    __tablename__ = "usage_reports"
    __table_args__ = (
        UniqueConstraint("environment_id", "idempotency_key"),
        Index("ix_usage_reports_customer_feature_at", "environment_id", "customer_id",
              "feature_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id", ondelete="CASCADE"))
    feature_id: Mapped[int] = mapped_column(BigId, ForeignKey("features.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))  # delta | set | consume | refund | meter
    amount: Mapped[int] = mapped_column(BigInteger)
    value_after: Mapped[int] = mapped_column(BigInteger)
    period_start: Mapped[datetime] = mapped_column()
    occurred_at: Mapped[datetime] = mapped_column()
    idempotency_key: Mapped[str | None] = mapped_column(String(255), default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)


class UsageEvent(Base, EnvironmentScoped):
    """A raw event as the host app sent it; meters turn events into usage."""

    __tablename__ = "usage_events"
    __table_args__ = (
        UniqueConstraint("environment_id", "idempotency_key"),
        Index("ix_usage_events_customer_name_at", "environment_id", "customer_ref", "name",
              "occurred_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_ref: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(128))
    dimensions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    occurred_at: Mapped[datetime] = mapped_column()
    idempotency_key: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=now)


class Meter(Base, EnvironmentScoped):
    """How raw events become a metered feature's usage."""

    __tablename__ = "meters"
    __table_args__ = (UniqueConstraint("environment_id", "feature_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    feature_id: Mapped[int] = mapped_column(BigId, ForeignKey("features.id", ondelete="CASCADE"))
    event_name: Mapped[str] = mapped_column(String(128))
    aggregation: Mapped[str] = mapped_column(String(16))  # count | sum | max | unique_count | latest
    field: Mapped[str | None] = mapped_column(String(128), default=None)
    filters: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=now)


class MeterUnique(Base, EnvironmentScoped):
    """The distinct values a unique-count meter has seen per customer and period."""

    __tablename__ = "meter_uniques"
    __table_args__ = (UniqueConstraint("meter_id", "customer_id", "period_start", "value"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    meter_id: Mapped[int] = mapped_column(BigId, ForeignKey("meters.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id", ondelete="CASCADE"))
    period_start: Mapped[datetime] = mapped_column()
    value: Mapped[str] = mapped_column(String(255))


class PromotionalEntitlement(Base, EnvironmentScoped):
    __tablename__ = "promotional_entitlements"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),
                      Index("ix_promotional_entitlements_customer", "environment_id",
                            "customer_id"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(40))
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id", ondelete="CASCADE"))
    feature_id: Mapped[int] = mapped_column(BigId, ForeignKey("features.id", ondelete="CASCADE"))
    limit: Mapped[int | None] = mapped_column(BigInteger, default=None)
    unlimited: Mapped[bool] = mapped_column(Boolean, default=False)
    soft_limit: Mapped[bool] = mapped_column(Boolean, default=False)
    reset_period: Mapped[str | None] = mapped_column(String(8), default=None)
    enum_values: Mapped[list[str] | None] = mapped_column(default=None)
    period: Mapped[str] = mapped_column(String(16))  # 1_week | 1_month | ... | lifetime | custom
    starts_at: Mapped[datetime] = mapped_column(default=now)
    ends_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)


class UsageAlert(Base, EnvironmentScoped):
    """A usage threshold crossed in a period; recorded once, so its event is emitted once."""

    __tablename__ = "usage_alerts"
    __table_args__ = (UniqueConstraint("environment_id", "customer_id", "feature_id",
                                       "period_start", "kind", name="uq_usage_alerts_once"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id", ondelete="CASCADE"))
    feature_id: Mapped[int] = mapped_column(BigId, ForeignKey("features.id", ondelete="CASCADE"))
    period_start: Mapped[datetime] = mapped_column()
    kind: Mapped[str] = mapped_column(String(24))  # threshold_80 | exceeded
    percent: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=now)
