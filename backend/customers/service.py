"""Customer rules: provisioning (optionally with a first subscription), updates, archiving.

Each change records its domain event (`customer.*`, `subscription.created`) in the same session.
"""

from sqlalchemy.orm import Session

from backend.catalog.repository import CatalogRepository
from backend.customers.repository import CustomerRepository
from backend.customers.schemas import (
    CustomerCreate,
    CustomerPublic,
    CustomerUpdate,
    InitialSubscription,
    SubscriptionSummary,
)
from backend.errors import Conflict, Invalid, NotFound
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.kit.patch import RENAMES, apply_changes, archive
from backend.kit.regions import currencies_of
from backend.models import Customer, Package, Subscription
from backend.subscriptions.proration import period_bounds


def subscription_summary(s: Subscription) -> SubscriptionSummary:
    return SubscriptionSummary(
        id=s.ref, product_id=s.plan.product.ref, plan_id=s.plan.ref, plan_version=s.plan.version,
        billing_period=s.billing_period, currency=s.currency,
        status=s.status, started_at=s.started_at,
    )


def customer_public(repo: CustomerRepository, c: Customer) -> CustomerPublic:
    subs = [subscription_summary(s) for s in repo.subscriptions(c.id)]
    return CustomerPublic(
        id=c.ref, name=c.name, email=c.email, billing_country=c.billing_country, locale=c.locale,
        metadata=c.meta, archived=c.archived_at is not None, subscriptions=subs,
        created_at=c.created_at, updated_at=c.updated_at,
    )


def get_customer(repo: CustomerRepository, ref: str) -> Customer:
    customer = repo.get(ref)
    if customer is None:
        raise NotFound(f"No customer '{ref}' in this environment")
    return customer


def provision(session: Session, environment_id: int, body: CustomerCreate) -> Customer:
    repo = CustomerRepository(session, environment_id)
    if repo.get(body.id) is not None:
        raise Conflict(f"A customer with id '{body.id}' already exists")
    customer = Customer(
        environment_id=environment_id, ref=body.id, name=body.name, email=body.email,
        billing_country=body.billing_country, locale=body.locale, meta=body.metadata,
    )
    repo.add(customer)
    _record(repo, "customer.created", customer)
    if body.subscription is not None:
        start_subscription(session, environment_id, customer, body.subscription)
    return customer


def _pick_currency(plan: Package, wanted: str | None, country: str | None) -> str:
    offered = [p.currency for p in plan.prices]
    if wanted:
        if offered and wanted not in offered:
            raise Invalid(f"Plan '{plan.ref}' has no {wanted} price", field="subscription.currency")
        return wanted
    for currency in currencies_of(country) if country else []:
        if not offered or currency in offered:
            return currency
    return offered[0] if offered else "USD"


def start_subscription(session: Session, environment_id: int, customer: Customer,
                       params: InitialSubscription) -> Subscription:
    """Put a customer on a plan (active from now), without charging: provisioning and seeding.
    Billed subscriptions are created through `backend.subscriptions.service.create`."""
    catalog = CatalogRepository(session, environment_id)
    plan = catalog.package("plan", params.plan_id)
    if plan is None or plan.archived_at is not None:
        raise Invalid(f"No live plan '{params.plan_id}' in this environment", field="subscription.plan_id")
    currency = _pick_currency(plan, params.currency, customer.billing_country)
    if plan.pricing_type == "paid" and not any(
        p.billing_period == params.billing_period and p.currency == currency for p in plan.prices
    ):
        raise Invalid(f"Plan '{plan.ref}' has no {params.billing_period} {currency} price",
                      field="subscription.billing_period")
    repo = CustomerRepository(session, environment_id)
    if repo.live_subscription(customer.id, plan.product_id) is not None:
        raise Conflict("The customer already has a live subscription to this product")
    start = now()
    sub = Subscription(
        environment_id=environment_id, ref=random_token("sub_", 12), customer_id=customer.id,
        product_id=plan.product_id, plan_id=plan.id, plan=plan,
        billing_period=params.billing_period, currency=currency, status="active", started_at=start,
        country=customer.billing_country, current_period_start=start,
        current_period_end=period_bounds(start, params.billing_period, 0)[1],
        quantities={}, addons=[], period_paid=False,  # nothing paid: no credit if it ends early
    )
    repo.add(sub)
    record(session, environment_id, "subscription.created",
           {"subscription": subscription_summary(sub)}, customer_ref=customer.ref,
           subject=("subscription", sub.ref))
    return sub


def _record(repo: CustomerRepository, event_type: str, customer: Customer, **extra: object) -> None:
    data = {"customer": customer_public(repo, customer), **extra}
    record(repo.session, repo.env, event_type, data, customer_ref=customer.ref,
           subject=("customer", customer.ref))


def update_customer(repo: CustomerRepository, ref: str, body: CustomerUpdate) -> Customer:
    """Apply the fields given; `customer.updated` carries the previous values of those changed."""
    customer = get_customer(repo, ref)
    changes = body.model_dump(exclude_unset=True)
    before = {key: getattr(customer, RENAMES.get(key, key)) for key in changes}
    apply_changes(customer, changes)
    repo.session.flush()
    previous = {key: old for key, old in before.items()
                if old != getattr(customer, RENAMES.get(key, key))}
    if previous:
        _record(repo, "customer.updated", customer, previous=previous)
    return customer


def archive_customer(repo: CustomerRepository, ref: str) -> Customer:
    customer = get_customer(repo, ref)
    if customer.archived_at is None:
        _record(repo, "customer.archived", archive(customer))
    return customer
