"""Prepaid credits: currencies, one account per customer and currency (the lock row every
change to its credits takes first), grants, the ledger, consumptions (their idempotency keys),
automatic recharge settings and attempts.

The balance is the sum of `credit_entries`; a grant's `remaining` is what burn planning reads,
and the account's running totals are what a balance reads, all moved with the entries in the
account's lock.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.kit.clock import now
from backend.models.base import Base, BigId, Credits, EnvironmentScoped, JsonType


class CreditCurrency(Base, EnvironmentScoped):
    __tablename__ = "credit_currencies"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    symbol: Mapped[str | None] = mapped_column(String(8), default=None)
    unit_singular: Mapped[str] = mapped_column(String(50))
    unit_plural: Mapped[str] = mapped_column(String(50))
    allow_overdraft: Mapped[bool] = mapped_column(Boolean, default=False)
    price_amount: Mapped[str | None] = mapped_column(String(40), default=None)  # exact Decimal
    price_currency: Mapped[str | None] = mapped_column(String(3), default=None)
    purchase_options: Mapped[list[int]] = mapped_column(JsonType, default=list)
    feature_costs: Mapped[dict[str, Any]] = mapped_column(default=dict)  # feature ref -> "4"
    plan_allowances: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    created_at: Mapped[datetime] = mapped_column(default=now)
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now)


class CreditAccount(Base, EnvironmentScoped):
    """A customer's credits in one currency: the row each change locks, the unsettled
    overdraft, and the once-per-crossing flags of the low-balance alert and auto-recharge."""

    __tablename__ = "credit_accounts"
    __table_args__ = (UniqueConstraint("environment_id", "customer_id", "currency_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(BigId, ForeignKey("customers.id", ondelete="CASCADE"))
    currency_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("credit_currencies.id", ondelete="CASCADE"))
    overdraft: Mapped[Decimal] = mapped_column(Credits, default=Decimal(0))
    # Running sums of the ledger by kind (all entries, also those dated later), so a balance
    # needs only the few entries dated after now subtracted, not a scan of the whole ledger.
    granted: Mapped[Decimal] = mapped_column(Credits, default=Decimal(0))
    consumed: Mapped[Decimal] = mapped_column(Credits, default=Decimal(0))
    expired: Mapped[Decimal] = mapped_column(Credits, default=Decimal(0))
    voided: Mapped[Decimal] = mapped_column(Credits, default=Decimal(0))
    # When plan allowances were last checked: nothing is due before `recurring_due_at` unless
    # the customer's subscriptions (their entitlements revision) or the currency changed.
    recurring_checked_at: Mapped[datetime | None] = mapped_column(default=None)
    recurring_due_at: Mapped[datetime | None] = mapped_column(default=None)
    recurring_revision: Mapped[int] = mapped_column(BigInteger, default=0)
    low_alerted: Mapped[bool] = mapped_column(Boolean, default=False)
    recharge_fired: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(default=now)


class CreditGrant(Base, EnvironmentScoped):
    __tablename__ = "credit_grants"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),
                      UniqueConstraint("environment_id", "idempotency_key"),
                      Index("ix_credit_grants_account", "account_id", "effective_at"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("credit_accounts.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(16))  # paid | promotional | recurring | recharge
    display_name: Mapped[str | None] = mapped_column(String(200), default=None)
    amount: Mapped[Decimal] = mapped_column(Credits)
    consumed: Mapped[Decimal] = mapped_column(Credits, default=Decimal(0))
    remaining: Mapped[Decimal] = mapped_column(Credits)
    priority: Mapped[int] = mapped_column(Integer, default=100)
    effective_at: Mapped[datetime] = mapped_column()
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
    expired_at: Mapped[datetime | None] = mapped_column(default=None)  # its expiry was booked
    voided_at: Mapped[datetime | None] = mapped_column(default=None)
    void_reason: Mapped[str | None] = mapped_column(String(500), default=None)
    cost_minor: Mapped[int | None] = mapped_column(BigInteger, default=None)
    cost_currency: Mapped[str | None] = mapped_column(String(3), default=None)
    subscription_ref: Mapped[str | None] = mapped_column(String(40), default=None)
    idempotency_key: Mapped[str | None] = mapped_column(String(255), default=None)
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    created_at: Mapped[datetime] = mapped_column(default=now)


class CreditEntry(Base, EnvironmentScoped):
    """One ledger line: its signed `amount` is its effect on the balance."""

    __tablename__ = "credit_entries"
    __table_args__ = (Index("ix_credit_entries_account_at", "account_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("credit_accounts.id", ondelete="CASCADE"))
    grant_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("credit_grants.id", ondelete="CASCADE"), default=None)
    type: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Credits)
    feature_ref: Mapped[str | None] = mapped_column(String(64), default=None)
    consumption_ref: Mapped[str | None] = mapped_column(String(40), default=None)
    note: Mapped[str | None] = mapped_column(String(500), default=None)
    at: Mapped[datetime] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=now)


class CreditConsumption(Base, EnvironmentScoped):
    __tablename__ = "credit_consumptions"
    __table_args__ = (UniqueConstraint("environment_id", "idempotency_key"),
                      UniqueConstraint("environment_id", "ref"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("credit_accounts.id", ondelete="CASCADE"))
    amount: Mapped[Decimal] = mapped_column(Credits)
    overdraft: Mapped[Decimal] = mapped_column(Credits, default=Decimal(0))
    feature_ref: Mapped[str | None] = mapped_column(String(64), default=None)
    idempotency_key: Mapped[str] = mapped_column(String(255))
    at: Mapped[datetime] = mapped_column()


class CreditRechargeSettings(Base, EnvironmentScoped):
    __tablename__ = "credit_recharge_settings"
    __table_args__ = (UniqueConstraint("account_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    account_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("credit_accounts.id", ondelete="CASCADE"))
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    threshold_type: Mapped[str] = mapped_column(String(8), default="credits")
    threshold: Mapped[str] = mapped_column(String(40))  # exact Decimal
    target_balance: Mapped[Decimal] = mapped_column(Credits)
    monthly_limit_minor: Mapped[int | None] = mapped_column(BigInteger, default=None)
    grant_expiry_days: Mapped[int | None] = mapped_column(Integer, default=None)
    updated_at: Mapped[datetime] = mapped_column(default=now, onupdate=now)


class CreditRecharge(Base, EnvironmentScoped):
    """One automatic recharge attempt, paid or failed."""

    __tablename__ = "credit_recharges"
    __table_args__ = (UniqueConstraint("environment_id", "ref"),
                      Index("ix_credit_recharges_account_at", "account_id", "at"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ref: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("credit_accounts.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12))  # succeeded | failed
    credits: Mapped[Decimal] = mapped_column(Credits)
    cost_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str | None] = mapped_column(String(3), default=None)
    payment_ref: Mapped[str | None] = mapped_column(String(40), default=None)
    grant_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("credit_grants.id", ondelete="SET NULL"), default=None)
    failure: Mapped[str | None] = mapped_column(String(500), default=None)
    at: Mapped[datetime] = mapped_column()

    grant: Mapped[CreditGrant | None] = relationship(lazy="select")
