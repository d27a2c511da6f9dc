"""SQL for entitlements and usage: what a customer is subscribed to, promotions, and the usage
counters with their conditional (never overdrawing) updates."""

from datetime import datetime

from sqlalchemy import Select, and_, delete, func, or_, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backend.kit.clock import now
from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models import Customer, Environment, Feature, Package, Subscription
from backend.models.usage import (
    Meter,
    MeterUnique,
    PromotionalEntitlement,
    UsageAlert,
    UsageCounter,
    UsageEvent,
    UsageReport,
)

LIVE_STATUSES = ("active", "trialing", "past_due")


class EntitlementRepository(EnvironmentRepository):
    def insert_statement(self, table):  # type: ignore[no-untyped-def]
        """An INSERT with ON CONFLICT support for the session's database."""
        insert = pg_insert if self.session.get_bind().dialect.name == "postgresql" \
            else sqlite_insert
        return insert(table)

    # -- who and what ---------------------------------------------------------------------------
    def customer(self, ref: str) -> Customer | None:
        return self.session.scalar(select(Customer).where(Customer.environment_id == self.env,
                                                          Customer.ref == ref))

    def customer_and_catalog_revision(self, ref: str) -> tuple[Customer | None, int]:
        """The customer (None if unknown) and the environment's catalog revision, in one query."""
        row = self.session.execute(
            select(Environment.catalog_revision, Customer).select_from(Environment).outerjoin(
                Customer, and_(Customer.environment_id == Environment.id, Customer.ref == ref))
            .where(Environment.id == self.env)).first()
        return (row[1], int(row[0])) if row is not None else (None, 0)

    def features(self) -> dict[str, Feature]:
        rows = self.session.scalars(select(Feature).where(Feature.environment_id == self.env,
                                                          Feature.archived_at.is_(None)))
        return {f.ref: f for f in rows}

    def live_subscriptions(self, customer_pk: int) -> list[Subscription]:
        return list(self.session.scalars(select(Subscription).where(
            Subscription.environment_id == self.env, Subscription.customer_id == customer_pk,
            Subscription.status.in_(LIVE_STATUSES)).order_by(Subscription.id)))

    def package(self, pk: int) -> Package | None:
        return self.session.get(Package, pk)

    def addons(self, refs: set[str]) -> dict[str, Package]:
        """The live published add-ons by ref."""
        if not refs:
            return {}
        return {p.ref: p for p in self.session.scalars(select(Package).where(
            Package.environment_id == self.env, Package.kind == "addon", Package.ref.in_(refs),
            Package.status == "published"))}

    def promotions(self, customer_pk: int, at: datetime) -> list[PromotionalEntitlement]:
        """Promotions in force at `at`: started, not ended, not revoked."""
        return list(self.session.scalars(select(PromotionalEntitlement).where(
            PromotionalEntitlement.environment_id == self.env,
            PromotionalEntitlement.customer_id == customer_pk,
            PromotionalEntitlement.revoked_at.is_(None),
            PromotionalEntitlement.starts_at <= at,
            or_(PromotionalEntitlement.ends_at.is_(None), PromotionalEntitlement.ends_at > at),
        ).order_by(PromotionalEntitlement.id)))

    def all_promotions(self, customer_pk: int) -> list[PromotionalEntitlement]:
        return list(self.session.scalars(select(PromotionalEntitlement).where(
            PromotionalEntitlement.environment_id == self.env,
            PromotionalEntitlement.customer_id == customer_pk,
        ).order_by(PromotionalEntitlement.id.desc())))

    def promotion(self, ref: str) -> PromotionalEntitlement | None:
        return self.session.scalar(select(PromotionalEntitlement).where(
            PromotionalEntitlement.environment_id == self.env, PromotionalEntitlement.ref == ref))

    def bump_revision(self, customer_pk: int) -> None:
        """Mark the customer's entitlements as changed (caches and streams notice)."""
        self.session.execute(update(Customer).where(Customer.id == customer_pk).values(
            entitlements_revision=Customer.entitlements_revision + 1))

    # -- usage ----------------------------------------------------------------------------------
    def usage(self, customer_pk: int, feature_pk: int, period_start: datetime) -> int:
        return int(self.session.scalar(select(UsageCounter.value).where(
            UsageCounter.environment_id == self.env, UsageCounter.customer_id == customer_pk,
            UsageCounter.feature_id == feature_pk, UsageCounter.period_start == period_start,
        )) or 0)

    def usages(self, customer_pk: int, keys: list[tuple[int, datetime]]) -> dict[tuple[int, datetime], int]:
        """Usage values for several (feature, period start) pairs in one query."""
        if not keys:
            return {}
        wanted = or_(*[and_(UsageCounter.feature_id == f, UsageCounter.period_start == p)
                       for f, p in keys])
        rows = self.session.execute(select(UsageCounter.feature_id, UsageCounter.period_start,
                                           UsageCounter.value).where(
            UsageCounter.environment_id == self.env, UsageCounter.customer_id == customer_pk,
            wanted))
        out = {}
        for feature, start, value in rows:
            out[(feature, start)] = int(value)
        return out

    def ensure_counter(self, customer_pk: int, feature_pk: int, period_start: datetime,
                       period_end: datetime | None) -> None:
        """Create the period's counter at 0 unless it exists (safe under concurrency)."""
        stmt = self.insert_statement(UsageCounter.__table__).values(
            environment_id=self.env, customer_id=customer_pk, feature_id=feature_pk,
            period_start=period_start, period_end=period_end, value=0,
        ).on_conflict_do_nothing(
            index_elements=["environment_id", "customer_id", "feature_id", "period_start"])
        self.session.execute(stmt)

    def add_usage(self, customer_pk: int, feature_pk: int, period_start: datetime, amount: int,
                  ceiling: int | None = None) -> int | None:
        """Add `amount` atomically; with `ceiling`, only if the result stays within it.
        Returns the new value, or None when the ceiling refused it."""
        cond = [UsageCounter.environment_id == self.env, UsageCounter.customer_id == customer_pk,
                UsageCounter.feature_id == feature_pk, UsageCounter.period_start == period_start]
        if ceiling is not None:
            cond.append(UsageCounter.value + amount <= ceiling)
        result = self.session.execute(update(UsageCounter).where(*cond).values(
            value=UsageCounter.value + amount).returning(UsageCounter.value))
        value = result.scalar()
        return None if value is None else int(value)

    def set_usage(self, customer_pk: int, feature_pk: int, period_start: datetime,
                  value: int) -> int:
        self.session.execute(update(UsageCounter).where(
            UsageCounter.environment_id == self.env, UsageCounter.customer_id == customer_pk,
            UsageCounter.feature_id == feature_pk, UsageCounter.period_start == period_start,
        ).values(value=value))
        return value

    def claim_report(self, values: dict) -> int | None:  # type: ignore[type-arg]
        """Insert a usage report; None when its idempotency key was already used (a concurrent
        holder of the key is waited for on PostgreSQL)."""
        stmt = self.insert_statement(UsageReport.__table__).values(environment_id=self.env, **values)
        if values.get("idempotency_key"):
            stmt = stmt.on_conflict_do_nothing(index_elements=["environment_id",
                                                               "idempotency_key"])
        return self.session.execute(stmt.returning(UsageReport.__table__.c.id)).scalar()

    def claim_reports(self, rows: list[dict]) -> set[str]:  # type: ignore[type-arg]
        """Insert many usage reports, skipping keys used before; the keys that were new.
        PostgreSQL gets one `INSERT ... SELECT FROM unnest(arrays)` (one statement whatever the
        batch size); SQLite an executemany compiled once."""
        table = UsageReport.__table__
        if self.session.get_bind().dialect.name != "postgresql":
            stmt = self.insert_statement(table).on_conflict_do_nothing(
                index_elements=["environment_id", "idempotency_key"]).returning(
                table.c.idempotency_key)
            return {k for k in self.session.execute(stmt, rows).scalars() if k is not None}
        stamp = now()
        columns = {"environment_id": "bigint", "customer_id": "bigint", "feature_id": "bigint",
                   "kind": "varchar", "amount": "bigint", "value_after": "bigint",
                   "period_start": "timestamptz", "occurred_at": "timestamptz",
                   "idempotency_key": "varchar", "created_at": "timestamptz"}
        arrays = {name: [r.get(name, stamp) if name == "created_at" else r[name] for r in rows]
                  for name in columns}
        arrays["environment_id"] = [self.env] * len(rows)
        names = ", ".join(columns)
        sources = ", ".join(f"CAST(:{n} AS {t}[])" for n, t in columns.items())
        sql = text(f"INSERT INTO usage_reports ({names}) SELECT * FROM unnest({sources}) "
                   "ON CONFLICT (environment_id, idempotency_key) DO NOTHING "
                   "RETURNING idempotency_key")
        return {k for k in self.session.execute(sql, arrays).scalars() if k is not None}

    def settle_report(self, report_id: int, value_after: int) -> None:
        self.session.execute(update(UsageReport).where(UsageReport.id == report_id).values(
            value_after=value_after))

    def drop_report(self, report_id: int) -> None:
        self.session.execute(delete(UsageReport).where(UsageReport.id == report_id))

    def report_by_key(self, key: str) -> UsageReport | None:
        return self.session.scalar(select(UsageReport).where(
            UsageReport.environment_id == self.env, UsageReport.idempotency_key == key))

    def claim_alert(self, customer_pk: int, feature_pk: int, period_start: datetime, kind: str,
                    percent: int) -> bool:
        """Record a crossed threshold once per period; False when it was recorded before."""
        stmt = self.insert_statement(UsageAlert.__table__).values(
            environment_id=self.env, customer_id=customer_pk, feature_id=feature_pk,
            period_start=period_start, kind=kind, percent=percent,
        ).on_conflict_do_nothing(index_elements=["environment_id", "customer_id", "feature_id",
                                                 "period_start", "kind"])
        return self.session.execute(stmt.returning(UsageAlert.__table__.c.id)).scalar() \
            is not None

    def history(self, customer_pk: int, feature_pk: int, start: datetime, end: datetime):
        """Usage reports of a feature in [start, end), oldest first."""
        return list(self.session.execute(select(
            UsageReport.occurred_at, UsageReport.kind, UsageReport.amount,
            UsageReport.value_after, UsageReport.period_start).where(
            UsageReport.environment_id == self.env, UsageReport.customer_id == customer_pk,
            UsageReport.feature_id == feature_pk, UsageReport.occurred_at >= start,
            UsageReport.occurred_at < end).order_by(UsageReport.occurred_at, UsageReport.id)))

    def count_reports(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(UsageReport).where(
            UsageReport.environment_id == self.env)) or 0)

    # -- meters and raw events ------------------------------------------------------------------
    def meters(self) -> list[Meter]:
        return list(self.session.scalars(select(Meter).where(Meter.environment_id == self.env)
                                         .order_by(Meter.id)))

    def meter_for(self, feature_pk: int) -> Meter | None:
        return self.session.scalar(select(Meter).where(Meter.environment_id == self.env,
                                                       Meter.feature_id == feature_pk))

    def claim_events(self, rows: list[dict]) -> set[str]:  # type: ignore[type-arg]
        """Store raw events whose idempotency key is new; the keys stored."""
        table = UsageEvent.__table__
        stmt = self.insert_statement(table).on_conflict_do_nothing(
            index_elements=["environment_id", "idempotency_key"]).returning(
            table.c.idempotency_key)
        return set(self.session.execute(stmt, [{"environment_id": self.env, **r}
                                               for r in rows]).scalars())

    def raise_usage(self, customer_pk: int, feature_pk: int, period_start: datetime,
                    value: int) -> None:
        """The counter becomes `value` if that is higher."""
        self.session.execute(update(UsageCounter).where(
            UsageCounter.environment_id == self.env, UsageCounter.customer_id == customer_pk,
            UsageCounter.feature_id == feature_pk, UsageCounter.period_start == period_start,
            UsageCounter.value < value).values(value=value))

    def latest_usage(self, customer_pk: int, feature_pk: int, period_start: datetime,
                     at: datetime, value: int) -> None:
        """The counter takes `value` unless a later event already set it."""
        self.session.execute(update(UsageCounter).where(
            UsageCounter.environment_id == self.env, UsageCounter.customer_id == customer_pk,
            UsageCounter.feature_id == feature_pk, UsageCounter.period_start == period_start,
            or_(UsageCounter.latest_at.is_(None), UsageCounter.latest_at <= at)).values(
            value=value, latest_at=at))

    def add_uniques(self, meter_pk: int, customer_pk: int, period_start: datetime,
                    values: set[str]) -> int:
        """Remember distinct values; how many were new."""
        table = MeterUnique.__table__
        stmt = self.insert_statement(table).on_conflict_do_nothing(
            index_elements=["meter_id", "customer_id", "period_start", "value"]).returning(
            table.c.id)
        rows = [{"environment_id": self.env, "meter_id": meter_pk, "customer_id": customer_pk,
                 "period_start": period_start, "value": v[:255]} for v in sorted(values)]
        return len(list(self.session.execute(stmt, rows).scalars()))

    def events_page(self, params: PageParams, customer_ref: str | None, name: str | None):
        stmt: Select = select(UsageEvent).where(UsageEvent.environment_id == self.env)
        if customer_ref:
            stmt = stmt.where(UsageEvent.customer_ref == customer_ref)
        if name:
            stmt = stmt.where(UsageEvent.name == name)
        return paginate(stmt, UsageEvent.id, params, self.session, descending=True)
