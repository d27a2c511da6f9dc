"""SQL for customers and their subscriptions."""

from sqlalchemy import Select, or_, select

from backend.kit.pagination import PageParams, paginate
from backend.kit.repository import EnvironmentRepository
from backend.models import Customer, Subscription

LIVE_STATUSES = ("active", "trialing", "past_due", "scheduled")


class CustomerRepository(EnvironmentRepository):
    def get(self, ref: str) -> Customer | None:
        return self.session.scalar(
            select(Customer).where(Customer.environment_id == self.env, Customer.ref == ref)
        )

    def page(self, params: PageParams, search: str | None, include_archived: bool):
        stmt: Select = select(Customer).where(Customer.environment_id == self.env)
        if not include_archived:
            stmt = stmt.where(Customer.archived_at.is_(None))
        if search:
            literal = search.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{literal}%"
            stmt = stmt.where(or_(
                Customer.ref.ilike(pattern, escape="\\"), Customer.name.ilike(pattern, escape="\\"),
                Customer.email.ilike(pattern, escape="\\"),
            ))
        return paginate(stmt, Customer.id, params, self.session)

    def subscriptions(self, customer_pk: int) -> list[Subscription]:
        stmt = select(Subscription).where(Subscription.customer_id == customer_pk).order_by(Subscription.id)
        return list(self.session.scalars(stmt))

    def live_subscription(self, customer_pk: int, product_pk: int) -> Subscription | None:
        """The customer's active (or trialing / past due / scheduled) subscription to a product."""
        stmt = select(Subscription).where(
            Subscription.customer_id == customer_pk,
            Subscription.product_id == product_pk,
            Subscription.status.in_(LIVE_STATUSES),
        )
        return self.session.scalar(stmt.order_by(Subscription.id.desc()).limit(1))

    def had_trial(self, customer_pk: int, product_pk: int) -> bool:
        """Whether any subscription of the customer to the product (any status) had a trial."""
        return self.session.scalar(select(Subscription.id).where(
            Subscription.customer_id == customer_pk, Subscription.product_id == product_pk,
            Subscription.trial_end.is_not(None)).limit(1)) is not None
