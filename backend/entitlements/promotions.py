"""Promotional entitlements: a feature granted to one customer for a while (a week, a month,
for good or until a given time), outside any subscription, and revocable."""

from __future__ import annotations

from datetime import datetime, timedelta

from backend.entitlements.repository import EntitlementRepository
from backend.entitlements.schemas import PromotionCreate, PromotionPublic
from backend.errors import Conflict, Invalid, NotFound
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import Customer, Feature
from backend.models.usage import PromotionalEntitlement
from backend.subscriptions.proration import add_months

MONTHS = {"1_month": 1, "6_months": 6, "1_year": 12}


def ends_at(period: str, start: datetime, custom: datetime | None) -> datetime | None:
    """When a promotion of `period` that starts at `start` ends (None: never)."""
    if period == "1_week":
        return start + timedelta(weeks=1)
    if period in MONTHS:
        return add_months(start, MONTHS[period])
    if period == "custom":
        return custom
    return None


def public(p: PromotionalEntitlement, customer_ref: str, feature_ref: str,
           at: datetime) -> PromotionPublic:
    status = "revoked" if p.revoked_at else "expired" if p.ends_at and p.ends_at <= at \
        else "active"
    return PromotionPublic(
        id=p.ref, customer_id=customer_ref, feature_id=feature_ref, limit=p.limit,
        unlimited=p.unlimited, soft_limit=p.soft_limit, reset_period=p.reset_period,
        enum_values=p.enum_values, period=p.period, starts_at=p.starts_at, ends_at=p.ends_at,
        status=status, created_at=p.created_at)  # type: ignore[arg-type]


def grant(repo: EntitlementRepository, customer: Customer, body: PromotionCreate) -> PromotionPublic:
    """Grant a feature to the customer from now on."""
    features = repo.features()
    feature: Feature | None = features.get(body.feature_id)
    if feature is None:
        raise NotFound(f"No feature '{body.feature_id}' in this environment")
    if feature.type in ("configuration", "metered") and body.limit is None and not body.unlimited:
        raise Invalid("A configuration or metered feature needs a limit or unlimited",
                      field="limit")
    if feature.type == "enum" and not body.enum_values:
        raise Invalid("An enum feature needs enum_values", field="enum_values")
    start = now()
    end = ends_at(body.period, start, body.ends_at)
    if end is not None and end <= start:
        raise Invalid("The promotion would end before it starts", field="ends_at")
    row = PromotionalEntitlement(
        environment_id=repo.env, ref=random_token("promo_", 12), customer_id=customer.id,
        feature_id=feature.id, limit=body.limit, unlimited=body.unlimited,
        soft_limit=body.soft_limit, reset_period=body.reset_period,
        enum_values=body.enum_values, period=body.period, starts_at=start, ends_at=end)
    repo.add(row)
    out = public(row, customer.ref, feature.ref, start)
    record(repo.session, repo.env, "entitlement.promotion_granted", {"promotion": out},
           customer_ref=customer.ref, subject=("promotion", row.ref))
    return out


def revoke(repo: EntitlementRepository, ref: str) -> PromotionPublic:
    """End a promotion now."""
    row = repo.promotion(ref)
    if row is None:
        raise NotFound(f"No promotional entitlement '{ref}' in this environment")
    if row.revoked_at is not None:
        raise Conflict(f"Promotional entitlement '{ref}' was already revoked")
    row.revoked_at = now()
    repo.session.flush()
    customer = repo.session.get(Customer, row.customer_id)
    feature = repo.session.get(Feature, row.feature_id)
    assert customer is not None and feature is not None
    out = public(row, customer.ref, feature.ref, now())
    record(repo.session, repo.env, "entitlement.promotion_revoked", {"promotion": out},
           customer_ref=customer.ref, subject=("promotion", row.ref))
    return out
