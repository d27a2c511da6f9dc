"""All SQL of prepaid credits. Changes to one account's credits happen only after `lock`, which
bumps the account row: on PostgreSQL a row lock held to commit (later statements read what
others committed before it), on SQLite the database's single writer."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models import (
    CreditAccount,
    CreditConsumption,
    CreditCurrency,
    CreditEntry,
    CreditGrant,
    CreditRecharge,
    CreditRechargeSettings,
    Customer,
    Subscription,
)


class CreditRepository(EnvironmentRepository):
    def _insert(self, table):  # type: ignore[no-untyped-def]
        dialect = self.session.get_bind().dialect.name
        return (pg_insert if dialect == "postgresql" else sqlite_insert)(table)

    # -- currencies ----------------------------------------------------------------------------
    def currency(self, ref: str) -> CreditCurrency | None:
        return self.session.scalar(select(CreditCurrency).where(
            CreditCurrency.environment_id == self.env, CreditCurrency.ref == ref))

    def currencies(self) -> list[CreditCurrency]:
        return list(self.session.scalars(select(CreditCurrency).where(
            CreditCurrency.environment_id == self.env).order_by(CreditCurrency.id)))

    def customer(self, ref: str) -> Customer | None:
        return self.session.scalar(select(Customer).where(Customer.environment_id == self.env,
                                                          Customer.ref == ref))

    # -- accounts ------------------------------------------------------------------------------
    def account(self, customer_pk: int, currency_pk: int, *, create: bool) -> CreditAccount | None:
        """The customer's account in the currency (made on first use when `create`)."""
        stmt = select(CreditAccount).where(CreditAccount.environment_id == self.env,
                                           CreditAccount.customer_id == customer_pk,
                                           CreditAccount.currency_id == currency_pk)
        found = self.session.scalar(stmt)
        if found is not None or not create:
            return found
        self.session.execute(self._insert(CreditAccount.__table__).values(
            environment_id=self.env, customer_id=customer_pk, currency_id=currency_pk,
            overdraft=0, granted=0, consumed=0, expired=0, voided=0, recurring_revision=0,
            low_alerted=False, recharge_fired=False, version=0,
            created_at=func.now()).on_conflict_do_nothing())
        return self.session.scalar(stmt)

    def lock(self, account: CreditAccount) -> None:
        """Take the account's lock for the rest of the transaction and reload its row."""
        self.session.execute(
            update(CreditAccount).where(CreditAccount.id == account.id).values(
                version=CreditAccount.version + 1).returning(CreditAccount)
            .execution_options(populate_existing=True, synchronize_session=False)).scalar()

    def accounts(self, ids: Iterable[int]) -> list[CreditAccount]:
        return list(self.session.scalars(select(CreditAccount).where(
            CreditAccount.id.in_(list(ids))).order_by(CreditAccount.id)))

    # -- grants --------------------------------------------------------------------------------
    def live_grants(self, account_pk: int) -> list[CreditGrant]:
        """Grants that may still hold credits (not voided, expiry not booked), fresh from the
        database."""
        stmt = select(CreditGrant).where(
            CreditGrant.account_id == account_pk, CreditGrant.voided_at.is_(None),
            CreditGrant.expired_at.is_(None)).order_by(CreditGrant.id)
        return list(self.session.scalars(stmt.execution_options(populate_existing=True)))

    def grant(self, ref: str, *, lock: bool = False) -> CreditGrant | None:
        stmt = select(CreditGrant).where(CreditGrant.environment_id == self.env,
                                         CreditGrant.ref == ref)
        return self.session.scalar(stmt.execution_options(populate_existing=lock))

    def grant_by_key(self, key: str) -> CreditGrant | None:
        return self.session.scalar(select(CreditGrant).where(
            CreditGrant.environment_id == self.env, CreditGrant.idempotency_key == key))

    def grants_page(self, account_pk: int, params: PageParams) -> tuple[list, bool, str | None]:
        stmt = select(CreditGrant).where(CreditGrant.account_id == account_pk)
        return paginate(stmt, CreditGrant.id, params, self.session, descending=True)

    def latest_recurring(self, account_pk: int, subscription_ref: str) -> CreditGrant | None:
        return self.session.scalar(select(CreditGrant).where(
            CreditGrant.account_id == account_pk, CreditGrant.type == "recurring",
            CreditGrant.subscription_ref == subscription_ref,
        ).order_by(CreditGrant.effective_at.desc()).limit(1))

    def next_expiry_after(self, after: datetime) -> datetime | None:
        """The earliest unbooked expiry after `after` in the environment (test clock)."""
        return self.session.scalar(select(func.min(CreditGrant.expires_at)).where(
            CreditGrant.environment_id == self.env, CreditGrant.expired_at.is_(None),
            CreditGrant.voided_at.is_(None), CreditGrant.expires_at > after))

    def accounts_with_expiry_by(self, at: datetime) -> list[int]:
        return list(self.session.scalars(select(CreditGrant.account_id).where(
            CreditGrant.environment_id == self.env, CreditGrant.expired_at.is_(None),
            CreditGrant.voided_at.is_(None), CreditGrant.expires_at <= at).distinct()))

    # -- ledger --------------------------------------------------------------------------------
    def add_entries(self, entries: list[CreditEntry]) -> None:
        self.session.add_all(entries)
        self.session.flush()

    def later_totals(self, account_pk: int, at: datetime) -> dict[str, Decimal]:
        """The ledger's sum per entry type of entries dated after `at` (scheduled grants)."""
        rows = self.session.execute(select(CreditEntry.type, func.sum(CreditEntry.amount)).where(
            CreditEntry.account_id == account_pk, CreditEntry.at > at,
        ).group_by(CreditEntry.type))
        return {kind: total or Decimal(0) for kind, total in rows}

    def entries_page(self, account_pk: int, params: PageParams, *, types: list[str] | None,
                     feature: str | None, since: datetime | None,
                     until: datetime | None) -> tuple[list, bool, str | None]:
        stmt = select(CreditEntry).where(CreditEntry.account_id == account_pk)
        if types:
            stmt = stmt.where(CreditEntry.type.in_(types))
        if feature:
            stmt = stmt.where(CreditEntry.feature_ref == feature)
        if since:
            stmt = stmt.where(CreditEntry.at >= since)
        if until:
            stmt = stmt.where(CreditEntry.at < until)
        return paginate(stmt, CreditEntry.id, params, self.session, descending=True)

    def grant_refs(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        rows = self.session.execute(select(CreditGrant.id, CreditGrant.ref).where(
            CreditGrant.id.in_(ids)))
        return {pk: ref for pk, ref in rows}

    def consumed_between(self, account_pk: int, start: datetime,
                         end: datetime) -> list[tuple[str | None, datetime, Decimal]]:
        """(feature, at, credits) of consumption in [start, end), net of nothing else."""
        rows = self.session.execute(select(
            CreditEntry.feature_ref, CreditEntry.at, func.sum(CreditEntry.amount)).where(
            CreditEntry.account_id == account_pk, CreditEntry.type.in_(("consume", "overdraft")),
            CreditEntry.at >= start, CreditEntry.at < end,
        ).group_by(CreditEntry.feature_ref, CreditEntry.at))
        return [(feature, at, -total) for feature, at, total in rows]

    # -- consumptions --------------------------------------------------------------------------
    def consumption_by_key(self, key: str) -> CreditConsumption | None:
        return self.session.scalar(select(CreditConsumption).where(
            CreditConsumption.environment_id == self.env,
            CreditConsumption.idempotency_key == key))

    def consumption_entries(self, ref: str) -> list[CreditEntry]:
        return list(self.session.scalars(select(CreditEntry).where(
            CreditEntry.environment_id == self.env, CreditEntry.consumption_ref == ref,
        ).order_by(CreditEntry.id)))

    # -- automatic recharge --------------------------------------------------------------------
    def recharge_settings(self, account_pk: int) -> CreditRechargeSettings | None:
        return self.session.scalar(select(CreditRechargeSettings).where(
            CreditRechargeSettings.account_id == account_pk))

    def spent_since(self, account_pk: int, since: datetime) -> int:
        return int(self.session.scalar(select(func.coalesce(func.sum(
            CreditRecharge.cost_minor), 0)).where(
            CreditRecharge.account_id == account_pk, CreditRecharge.status == "succeeded",
            CreditRecharge.at >= since)) or 0)

    def last_recharge(self, account_pk: int) -> CreditRecharge | None:
        return self.session.scalar(select(CreditRecharge).where(
            CreditRecharge.account_id == account_pk).order_by(CreditRecharge.id.desc()).limit(1))

    # -- plan allowances -----------------------------------------------------------------------
    def live_subscriptions(self, customer_pk: int | None = None) -> list[Subscription]:
        """Subscriptions in force (active, trialing, past due), optionally of one customer."""
        stmt = select(Subscription).where(
            Subscription.environment_id == self.env,
            Subscription.status.in_(("active", "trialing", "past_due")))
        if customer_pk is not None:
            stmt = stmt.where(Subscription.customer_id == customer_pk)
        return list(self.session.scalars(stmt.order_by(Subscription.id)))

    def customer_by_pk(self, pk: int) -> Customer | None:
        return self.session.get(Customer, pk)

