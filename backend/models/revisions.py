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
