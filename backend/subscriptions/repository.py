"""SQL for subscriptions and invoices."""

from datetime import datetime

from sqlalchemy import Select, func, select

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models import Customer, CustomerCredit, Event, Invoice, Package, Subscription

LIVE_STATUSES = ("active", "trialing", "past_due", "scheduled")


class SubscriptionRepository(EnvironmentRepository):
    def get(self, ref: str, *, lock: bool = False) -> Subscription | None:
        stmt = select(Subscription).where(Subscription.environment_id == self.env,
                                          Subscription.ref == ref)
        if lock:
            stmt = stmt.with_for_update(of=Subscription)
        return self.session.scalar(stmt)

    def customer_ref(self, customer_pk: int) -> str:
        return self.session.scalar(select(Customer.ref).where(Customer.id == customer_pk)) or ""

    def page(self, params: PageParams, customer_pk: int | None, status: str | None,
             plan_ref: str | None):
        stmt: Select = select(Subscription).where(Subscription.environment_id == self.env)
        if customer_pk is not None:
            stmt = stmt.where(Subscription.customer_id == customer_pk)
        if status:
            stmt = stmt.where(Subscription.status == status)
        if plan_ref:
            stmt = stmt.join(Package, Package.id == Subscription.plan_id).where(Package.ref == plan_ref)
        return paginate(stmt, Subscription.id, params, self.session, descending=True)

    def due(self, until: datetime) -> list[Subscription]:
        """Live subscriptions whose period or trial ends at or before `until`."""
        stmt = select(Subscription).where(
            Subscription.environment_id == self.env, Subscription.status.in_(LIVE_STATUSES),
            Subscription.current_period_end.is_not(None), Subscription.current_period_end <= until,
        ).order_by(Subscription.current_period_end, Subscription.id)
        return list(self.session.scalars(stmt))

    def next_due(self, after: datetime) -> datetime | None:
        return self.session.scalar(select(func.min(Subscription.current_period_end)).where(
            Subscription.environment_id == self.env, Subscription.status.in_(LIVE_STATUSES),
            Subscription.current_period_end > after))

    def of_customer(self, customer_pk: int, limit: int = 50) -> list[Subscription]:
        """The customer's subscriptions, newest first."""
        return list(self.session.scalars(
            select(Subscription).where(Subscription.environment_id == self.env,
                                       Subscription.customer_id == customer_pk)
            .order_by(Subscription.id.desc()).limit(limit)))

    def on_older_versions(self, plan_ref: str, version: int) -> list[Subscription]:
        """Live subscriptions (not scheduled to start) on versions of a plan before `version`."""
        return list(self.session.scalars(
            select(Subscription).join(Package, Package.id == Subscription.plan_id).where(
                Subscription.environment_id == self.env, Package.ref == plan_ref,
                Package.version < version,
                Subscription.status.in_([s for s in LIVE_STATUSES if s != "scheduled"]))
            .order_by(Subscription.id)))

    def trials_ending(self, until: datetime) -> list[Subscription]:
        """Trialing subscriptions whose trial ends at or before `until`, not yet told so."""
        told = select(Event.subject_ref).where(
            Event.environment_id == self.env, Event.type == "trial.ending",
            Event.subject_type == "subscription", Event.subject_ref.is_not(None))
        return list(self.session.scalars(select(Subscription).where(
            Subscription.environment_id == self.env, Subscription.status == "trialing",
            Subscription.trial_end.is_not(None), Subscription.trial_end <= until,
            Subscription.ref.not_in(told)).order_by(Subscription.trial_end, Subscription.id)))

    def next_trial_end(self, after: datetime) -> datetime | None:
        return self.session.scalar(select(func.min(Subscription.trial_end)).where(
            Subscription.environment_id == self.env, Subscription.status == "trialing",
            Subscription.trial_end > after))

    # -- invoices -------------------------------------------------------------------------------
    def next_invoice_number(self) -> int:
        top = self.session.scalar(select(func.max(Invoice.number)).where(
            Invoice.environment_id == self.env))
        return (top or 0) + 1

    def invoice(self, ref: str, *, lock: bool = False) -> Invoice | None:
        stmt = select(Invoice).where(Invoice.environment_id == self.env, Invoice.ref == ref)
        if lock:
            stmt = stmt.with_for_update(of=Invoice)
        return self.session.scalar(stmt)

    def page_invoices(self, customer_pk: int, params: PageParams):
        stmt: Select = select(Invoice).where(Invoice.environment_id == self.env,
                                             Invoice.customer_id == customer_pk)
        return paginate(stmt, Invoice.id, params, self.session, descending=True)

    def subscription_ref(self, pk: int | None) -> str | None:
        if pk is None:
            return None
        return self.session.scalar(select(Subscription.ref).where(Subscription.id == pk))

    # -- credit balance ---------------------------------------------------------------------------
    def credit_balance(self, customer_pk: int, currency: str) -> int:
        return int(self.session.scalar(select(func.coalesce(func.sum(CustomerCredit.amount_minor), 0))
                                       .where(CustomerCredit.environment_id == self.env,
                                              CustomerCredit.customer_id == customer_pk,
                                              CustomerCredit.currency == currency)) or 0)

    def credit_balances(self, customer_pk: int) -> list[tuple[str, int]]:
        rows = self.session.execute(
            select(CustomerCredit.currency, func.sum(CustomerCredit.amount_minor))
            .where(CustomerCredit.environment_id == self.env,
                   CustomerCredit.customer_id == customer_pk)
            .group_by(CustomerCredit.currency).order_by(CustomerCredit.currency))
        return [(currency, int(total)) for currency, total in rows]
