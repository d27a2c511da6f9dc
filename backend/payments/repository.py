"""SQL for payment methods and payments."""

from sqlalchemy import Select, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models import Customer, Environment, Payment, PaymentMethod
from backend.payments.provider import CardMethod


def card_of(row: PaymentMethod) -> CardMethod:
    return CardMethod(provider_ref=row.provider_ref, brand=row.brand, last4=row.last4,
                      exp_month=row.exp_month, exp_year=row.exp_year)


class PaymentRepository(EnvironmentRepository):
    def environment_kind(self) -> str | None:
        return self.session.scalar(select(Environment.kind).where(Environment.id == self.env))

    def lock_customer(self, customer_pk: int) -> None:
        """Serialize changes to one customer's payment methods (PostgreSQL row lock)."""
        self.session.execute(
            select(Customer.id).where(Customer.id == customer_pk, Customer.environment_id == self.env)
            .with_for_update()
        )

    # -- payment methods ------------------------------------------------------------------------
    def method(self, customer_pk: int, ref: str) -> PaymentMethod | None:
        return self.session.scalar(select(PaymentMethod).where(
            PaymentMethod.environment_id == self.env, PaymentMethod.customer_id == customer_pk,
            PaymentMethod.ref == ref,
        ))

    def default_method(self, customer_pk: int) -> PaymentMethod | None:
        return self.session.scalar(select(PaymentMethod).where(
            PaymentMethod.environment_id == self.env, PaymentMethod.customer_id == customer_pk,
            PaymentMethod.is_default.is_(True), PaymentMethod.archived_at.is_(None),
        ))

    def methods_of(self, customer_pk: int, limit: int) -> list[PaymentMethod]:
        """The customer's live methods, the default first, then the newest."""
        return list(self.session.scalars(select(PaymentMethod).where(
            PaymentMethod.environment_id == self.env, PaymentMethod.customer_id == customer_pk,
            PaymentMethod.archived_at.is_(None),
        ).order_by(PaymentMethod.is_default.desc(), PaymentMethod.id.desc()).limit(limit)))

    def page_methods(self, customer_pk: int, params: PageParams, include_archived: bool):
        stmt: Select = select(PaymentMethod).where(
            PaymentMethod.environment_id == self.env, PaymentMethod.customer_id == customer_pk)
        if not include_archived:
            stmt = stmt.where(PaymentMethod.archived_at.is_(None))
        return paginate(stmt, PaymentMethod.id, params, self.session)

    def live_methods_of(self, customer_ref: str, provider: str) -> list[PaymentMethod]:
        stmt = (
            select(PaymentMethod).join(Customer, Customer.id == PaymentMethod.customer_id)
            .where(PaymentMethod.environment_id == self.env, Customer.ref == customer_ref,
                   PaymentMethod.provider == provider, PaymentMethod.archived_at.is_(None))
            .order_by(PaymentMethod.id)
        )
        return list(self.session.scalars(stmt))

    def clear_default(self, customer_pk: int) -> None:
        """No method of the customer is the default (before another one becomes it)."""
        self.session.execute(
            update(PaymentMethod)
            .where(PaymentMethod.environment_id == self.env, PaymentMethod.customer_id == customer_pk,
                   PaymentMethod.is_default.is_(True))
            .values(is_default=False)
            .execution_options(synchronize_session="fetch")
        )

    # -- payments -------------------------------------------------------------------------------
    def payment_by_key(self, idempotency_key: str) -> Payment | None:
        return self.session.scalar(select(Payment).where(
            Payment.environment_id == self.env, Payment.idempotency_key == idempotency_key,
        ).execution_options(populate_existing=True))

    def claim_payment(self, values: dict) -> Payment | None:  # type: ignore[type-arg]
        """Insert a payment unless its idempotency key exists; None when it does.

        `INSERT ... ON CONFLICT DO NOTHING` waits for a concurrent holder of the key
        (PostgreSQL), so the loser then reads the winner's committed payment.
        """
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        table = Payment.__table__
        stmt = (
            insert(table).values(environment_id=self.env, **values)
            .on_conflict_do_nothing(index_elements=["environment_id", "idempotency_key"])
            .returning(table.c.id)
        )
        pk = self.session.execute(stmt).scalar()
        return None if pk is None else self.session.get(Payment, pk)

    def page_payments(self, customer_pk: int, params: PageParams):
        stmt: Select = select(Payment).where(
            Payment.environment_id == self.env, Payment.customer_id == customer_pk)
        return paginate(stmt, Payment.id, params, self.session, descending=True)

    def add_refund(self, payment_pk: int, amount_minor: int) -> int | None:
        """Count a refund unless it would exceed the payment; the new total, or None if refused."""
        stmt = (
            update(Payment)
            .where(Payment.id == payment_pk, Payment.environment_id == self.env,
                   Payment.status == "succeeded",
                   Payment.amount_refunded_minor + amount_minor <= Payment.amount_minor)
            .values(amount_refunded_minor=Payment.amount_refunded_minor + amount_minor)
            .returning(Payment.amount_refunded_minor)
            .execution_options(synchronize_session=False)
        )
        return self.session.execute(stmt).scalar_one_or_none()
