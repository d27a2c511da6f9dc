"""A customer's entitlement sources, read from the database and combined (cached per revision).

Sources are the live subscriptions' plan versions (with what they inherit) and add-ons, and the
promotions in force. The combined result is cached under the customer's entitlements revision
and the catalog revision, so any subscription, promotion or catalog change is seen at once; it
also carries the moment it stops being valid (a promotion ending).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backend.catalog.schemas import EntitlementPublic
from backend.catalog.service import entitlements_public
from backend.entitlements.combine import Effective, Grant, combine
from backend.entitlements.repository import EntitlementRepository
from backend.entitlements.resolver import Resolved, inherit
from backend.kit.lru import LruCache
from backend.models import Customer, Package
from backend.models.usage import PromotionalEntitlement


@dataclass(frozen=True)
class FeatureInfo:
    """What checks need of a feature, kept across requests."""

    id: int
    ref: str
    type: str
    meter_type: str | None
    display_name: str = ""
    unit: str | None = None
    unit_plural: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """What a customer may use, computed at `computed_at` and valid until `valid_until`."""

    effective: dict[str, Effective]
    anchors: dict[str, datetime]  # feature ref -> the subscription start usage periods follow
    has_subscription: bool
    valid_until: datetime | None


def _plan_entitlements(plan: Package) -> list[Resolved]:
    chain: list[Package] = []
    cursor: Package | None = plan
    while cursor is not None and cursor not in chain:
        chain.append(cursor)
        cursor = cursor.base_plan
    resolved: list[Resolved] = []
    for pkg in reversed(chain):
        own = [EntitlementPublic.model_validate(e) for e in entitlements_public(pkg)]
        resolved = inherit(resolved, own)
    return resolved


def _grant(e: EntitlementPublic, source: str, quantity: int = 1) -> Grant:
    return Grant(e.feature_id, source, e.limit, e.unlimited, e.soft_limit, e.reset_period,
                 tuple(e.enum_values) if e.enum_values is not None else None, quantity)


def _promotion_grant(p: PromotionalEntitlement, feature_ref: str) -> Grant:
    return Grant(feature_ref, f"promotion:{p.ref}", p.limit, p.unlimited, p.soft_limit,
                 p.reset_period, tuple(p.enum_values) if p.enum_values is not None else None)


def compute(repo: EntitlementRepository, customer: Customer, at: datetime) -> Snapshot:
    """Read and combine every source of the customer's entitlements at `at`."""
    grants: list[Grant] = []
    anchors: dict[str, datetime] = {}
    subs = repo.live_subscriptions(customer.id)
    for sub in subs:
        plan = repo.package(sub.plan_id)
        if plan is None:
            continue
        for item in _plan_entitlements(plan):
            grants.append(_grant(item.entitlement, "plan"))
            anchors.setdefault(item.entitlement.feature_id, sub.started_at)
        chosen = {a["addon_id"]: int(a["quantity"]) for a in sub.addons or []}
        for ref, addon in repo.addons(set(chosen)).items():
            for e in entitlements_public(addon):
                grants.append(_grant(EntitlementPublic.model_validate(e), f"addon:{ref}",
                                     chosen[ref]))
                anchors.setdefault(e["feature_id"], sub.started_at)
    promotions = repo.promotions(customer.id, at)
    if promotions:
        refs = {f.id: ref for ref, f in repo.features().items()}
        grants += [_promotion_grant(p, refs[p.feature_id]) for p in promotions
                   if p.feature_id in refs]
    ends = [p.ends_at for p in promotions if p.ends_at is not None]
    return Snapshot(combine(grants), anchors, bool(subs), min(ends) if ends else None)


class SnapshotCache:
    """Snapshots per (environment, customer, entitlements revision, catalog revision), and the
    features per (environment, catalog revision)."""

    def __init__(self, max_entries: int = 10_000):
        self._lru: LruCache[Snapshot] = LruCache(max_entries)
        self._features: LruCache[dict[str, FeatureInfo]] = LruCache(256)

    def features(self, repo: EntitlementRepository, catalog_revision: int) -> dict[str, FeatureInfo]:
        return self._features.get_or_compute((repo.env, catalog_revision), lambda: {
            ref: FeatureInfo(f.id, f.ref, f.type, f.meter_type, f.display_name, f.unit,
                             f.unit_plural)
            for ref, f in repo.features().items()})

    def get(self, repo: EntitlementRepository, customer: Customer, catalog_revision: int,
            at: datetime) -> Snapshot:
        key = (repo.env, customer.id, customer.entitlements_revision, catalog_revision)
        snap = self._lru.get_or_compute(key, lambda: compute(repo, customer, at))
        if snap.valid_until is not None and at >= snap.valid_until:
            snap = compute(repo, customer, at)  # a promotion ended: not cached past its end
        return snap
