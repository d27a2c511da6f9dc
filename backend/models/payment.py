"""Customers' payment methods and every charge attempt made on them."""

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.models.base import Base, BigId, EnvironmentScoped, Timestamps

_LIVE_DEFAULT = text("is_default AND archived_at IS NULL")


class PaymentMethod(Base, EnvironmentScoped, Timestamps):
    """A card as the provider holds it: brand, last four and expiry, never the number.

    At most one live default per customer (a partial unique index enforces it).
    """

    __tablename__ = "payment_methods"
    __table_args__ = (
        UniqueConstraint("environment_id", "ref"),
        Index("uq_payment_methods_one_default", "customer_id", unique=True,
              sqlite_where=_LIVE_DEFAULT, postgresql_where=_LIVE_DEFAULT),
        CheckConstraint("exp_month BETWEEN 1 AND 12", name="exp_month_range"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id"), index=True)
    provider: Mapped[str] = mapped_column(String(32))
    provider_ref: Mapped[str] = mapped_column(String(255))
    brand: Mapped[str] = mapped_column(String(32))
    last4: Mapped[str] = mapped_column(String(4))
    exp_month: Mapped[int] = mapped_column(Integer)
    exp_year: Mapped[int] = mapped_column(Integer)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    archived_at: Mapped[datetime | None] = mapped_column(default=None)


class Payment(Base, EnvironmentScoped, Timestamps):
    """One charge attempt: succeeded or failed (declined or a provider error).

    The idempotency key is unique per environment, so a retried charge is made once.
    """

    __tablename__ = "payments"
    __table_args__ = (
        UniqueConstraint("environment_id", "ref"),
        UniqueConstraint("environment_id", "idempotency_key"),
        CheckConstraint("amount_minor > 0", name="amount_positive"),
        CheckConstraint("amount_refunded_minor >= 0 AND amount_refunded_minor <= amount_minor",
                        name="refund_within_amount"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(64))
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id"), index=True)
    payment_method_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("payment_methods.id"), default=None)
    provider: Mapped[str] = mapped_column(String(32))
    provider_ref: Mapped[str | None] = mapped_column(String(255), default=None)
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16))
    decline_code: Mapped[str | None] = mapped_column(String(64), default=None)
    failure_message: Mapped[str | None] = mapped_column(String(500), default=None)
    description: Mapped[str | None] = mapped_column(String(500), default=None)
    idempotency_key: Mapped[str] = mapped_column(String(255))
    invoice_ref: Mapped[str | None] = mapped_column(String(64), default=None)
    amount_refunded_minor: Mapped[int] = mapped_column(BigInteger, default=0)

    payment_method: Mapped[PaymentMethod | None] = relationship(lazy="joined")
