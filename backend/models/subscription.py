"""A customer's subscription to a plan of a product, and the invoices it produces."""

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.kit.clock import now
from backend.models.base import Base, BigId, EnvironmentScoped, JsonType, Timestamps
from backend.models.catalog import Package


class Subscription(Base, EnvironmentScoped, Timestamps):
    """The plan row is the plan *version* subscribed to. `quantities` maps feature ids to units,
    `addons` is [{addon_id, quantity}], `scheduled_change` what applies at the period end."""

    __tablename__ = "subscriptions"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id"), index=True)
    product_id: Mapped[int] = mapped_column(BigId, ForeignKey("products.id"))
    plan_id: Mapped[int] = mapped_column(BigId, ForeignKey("packages.id"))
    billing_period: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    country: Mapped[str | None] = mapped_column(String(2), default=None)
    status: Mapped[str] = mapped_column(String(16), default="active")
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    current_period_start: Mapped[datetime | None] = mapped_column(default=None)
    current_period_end: Mapped[datetime | None] = mapped_column(default=None)
    quantities: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    addons: Mapped[list[Any]] = mapped_column(JsonType, default=list)
    coupon_ref: Mapped[str | None] = mapped_column(String(64), default=None)
    coupon_periods_left: Mapped[int | None] = mapped_column(Integer, default=None)
    trial_end: Mapped[datetime | None] = mapped_column(default=None)
    cancel_at_period_end: Mapped[bool] = mapped_column(Boolean, default=False)
    cancel_reason: Mapped[str | None] = mapped_column(String(32), default=None)
    cancel_comment: Mapped[str | None] = mapped_column(String(1000), default=None)
    canceled_at: Mapped[datetime | None] = mapped_column(default=None)
    scheduled_change: Mapped[dict[str, Any] | None] = mapped_column(JsonType, default=None)
    # False when nothing was paid for the current period (provisioned, free fallback, unpaid
    # renewal): ending or changing it early then credits nothing.
    period_paid: Mapped[bool] = mapped_column(Boolean, default=True)

    plan: Mapped[Package] = relationship(lazy="joined")

    @property
    def plan_version(self) -> int:
        return self.plan.version


class Invoice(Base, EnvironmentScoped, Timestamps):
    """One bill: numbered per environment, lines in order, totals in minor units."""

    __tablename__ = "invoices"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),
                      UniqueConstraint("environment_id", "number"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(64))
    number: Mapped[int] = mapped_column(Integer)
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id"), index=True)
    subscription_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("subscriptions.id"),
                                                        index=True, default=None)
    reason: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_minor: Mapped[int] = mapped_column(BigInteger)
    discount_minor: Mapped[int] = mapped_column(BigInteger)
    total_minor: Mapped[int] = mapped_column(BigInteger)
    period_start: Mapped[datetime | None] = mapped_column(default=None)
    period_end: Mapped[datetime | None] = mapped_column(default=None)
    payment_ref: Mapped[str | None] = mapped_column(String(64), default=None)
    paid_at: Mapped[datetime | None] = mapped_column(default=None)

    lines: Mapped[list["InvoiceLine"]] = relationship(
        order_by="InvoiceLine.position", cascade="all, delete-orphan", lazy="selectin")


class InvoiceLine(Base, EnvironmentScoped):
    __tablename__ = "invoice_lines"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(BigId, ForeignKey("invoices.id", ondelete="CASCADE"),
                                            index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[str | None] = mapped_column(String(32), default=None)
    amount_minor: Mapped[int] = mapped_column(BigInteger)


class CustomerCredit(Base, EnvironmentScoped):
    """One entry of a customer's credit ledger in one currency: positive when a credit is earned
    (an immediate downgrade or cancel), negative when applied to an invoice. The balance is the
    sum of the entries, never a stored number."""

    __tablename__ = "customer_credits"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(String(32))
    invoice_ref: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=now)
