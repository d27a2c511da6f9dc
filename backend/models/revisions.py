"""Every flush that changes the catalog bumps its environment's `catalog_revision`.

Readers (the paywall cache) key on the revision, so a change made by any worker process is seen
by all of them on their next read, without a separate invalidation channel.
"""

from sqlalchemy import event, update
from sqlalchemy.orm import Session

from backend.models.catalog import Feature, Package, Product
from backend.models.environment import Environment

CATALOG_TYPES = (Product, Feature, Package)


@event.listens_for(Session, "before_flush")
def _bump_catalog_revision(session: Session, _context, _instances) -> None:  # type: ignore[no-untyped-def]
    changed = {
        obj.environment_id
        for obj in (*session.new, *session.dirty, *session.deleted)
        if isinstance(obj, CATALOG_TYPES) and obj.environment_id is not None
    }
    if changed:
        session.connection().execute(
            update(Environment)
            .where(Environment.id.in_(changed))
            .values(catalog_revision=Environment.catalog_revision + 1)
        )


# Events that change what a customer may use (their plan, add-ons, trial, promotions).
ENTITLEMENT_EVENT_PREFIXES = ("subscription.", "trial.", "entitlement.promotion_")


@event.listens_for(Session, "before_flush")
def _bump_entitlements_revision(session: Session, _context, _instances) -> None:  # type: ignore[no-untyped-def]
    """A customer's `entitlements_revision` grows with every event that changes their access,
    in the same transaction; entitlement caches and change streams key on it."""
    from backend.models.customer import Customer
    from backend.models.event import Event

    changed = {
        (obj.environment_id, obj.customer_ref)
        for obj in session.new
        if isinstance(obj, Event) and obj.customer_ref
        and obj.type.startswith(ENTITLEMENT_EVENT_PREFIXES)
    }
    for environment_id, customer_ref in sorted(changed):
        session.connection().execute(
            update(Customer)
            .where(Customer.environment_id == environment_id, Customer.ref == customer_ref)
            .values(entitlements_revision=Customer.entitlements_revision + 1)
        )
