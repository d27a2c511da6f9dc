"""Plan versions: edits go to a draft, publishing makes it the live version N+1.

A plan's versions are rows with the same ref and increasing `version`: one `published` (live),
the older published ones `superseded`, and at most one `draft`. Subscriptions point at the row
they started on, so publishing never moves a subscriber. Everything that looks a plan up by ref
(paywall, estimates, new subscriptions, coupons) sees the live version only.

Inheritance follows the live base: publishing a new version of a plan re-points the live
versions and drafts of the plans inheriting from it to the new row. Superseded versions keep
the base row they had when they were superseded.

Add-ons are not versioned (yet): their edits apply in place.

Publishing records a `plan.published` event with the new live version.
"""

from backend.catalog import service
from backend.catalog.repository import DRAFT, PUBLISHED, SUPERSEDED, CatalogRepository
from backend.catalog.schemas import PlanDiff, PlanUpdate, PlanVersionSummary
from backend.catalog.versions import plan_diff
from backend.errors import Conflict, Invalid, NotFound
from backend.events.service import record
from backend.kit.clock import now
from backend.models import Package, PackageEntitlement, PackagePrice

PLAN = service.PLAN
COPIED = ("product_id", "product", "display_name", "description", "sort_order", "highlighted",
          "hidden", "pricing_type", "base_plan", "trial_days", "trial_requires_payment_method",
          "requires_addon_ids", "max_quantity", "archived_at")


def version_summary(pkg: Package) -> PlanVersionSummary:
    return PlanVersionSummary(version=pkg.version, status=pkg.status,  # type: ignore[arg-type]
                              published_at=pkg.published_at, created_at=pkg.created_at)


def get_version(repo: CatalogRepository, ref: str, version: int) -> Package:
    service.get_package(repo, PLAN, ref)
    pkg = repo.package_version(PLAN, ref, version)
    if pkg is None:
        raise NotFound(f"Plan '{ref}' has no version {version}")
    return pkg


def get_draft(repo: CatalogRepository, ref: str) -> Package:
    service.get_package(repo, PLAN, ref)
    draft = repo.package_draft(PLAN, ref)
    if draft is None:
        raise NotFound(f"Plan '{ref}' has no draft")
    return draft


def _copy(repo: CatalogRepository, live: Package) -> Package:
    """A draft copy of the live version: all fields, entitlements, prices and add-ons."""
    draft = Package(
        environment_id=live.environment_id, kind=live.kind, ref=live.ref,
        version=repo.next_version(live.kind, live.ref), status=DRAFT, published_at=None,
        meta=dict(live.meta or {}), compatible_addons=list(live.compatible_addons),
        entitlements=[
            PackageEntitlement(
                feature_id=e.feature_id, feature=e.feature, limit=e.limit, unlimited=e.unlimited,
                soft_limit=e.soft_limit, reset_period=e.reset_period,
                enum_values=list(e.enum_values) if e.enum_values is not None else None,
                display_name_override=e.display_name_override, hidden=e.hidden,
                sort_order=e.sort_order,
            )
            for e in live.entitlements
        ],
        prices=[
            PackagePrice(billing_period=p.billing_period, currency=p.currency, country=p.country,
                         model=p.model, spec=dict(p.spec))
            for p in live.prices
        ],
        **{name: getattr(live, name) for name in COPIED},
    )
    repo.add(draft)
    return draft


def update_plan(repo: CatalogRepository, ref: str, body: PlanUpdate, *, publish: bool = False) -> Package:
    """PATCH a plan: the change goes to its draft (made from the live version if there is none).

    The live version, the paywall and subscribers are unaffected until the draft is published;
    with `publish` the draft is published in the same call.
    """
    service.get_package(repo, PLAN, ref)
    repo.lock_versions(PLAN, ref)
    live = service.get_package(repo, PLAN, ref)
    draft = repo.package_draft(PLAN, ref) or _copy(repo, live)
    service.apply_plan_update(repo, draft, body)
    return _publish(repo, live, draft) if publish else draft


def publish(repo: CatalogRepository, ref: str) -> Package:
    """Make the draft the live version; the previous live version becomes superseded."""
    service.get_package(repo, PLAN, ref)
    repo.lock_versions(PLAN, ref)
    live = service.get_package(repo, PLAN, ref)
    draft = repo.package_draft(PLAN, ref)
    if draft is None:
        raise Conflict(f"Plan '{ref}' has no draft to publish; edit the plan first")
    return _publish(repo, live, draft)


def _publish(repo: CatalogRepository, live: Package, draft: Package) -> Package:
    if draft.base_plan is not None:  # bases may have been published since this draft was edited
        try:
            draft.base_plan = service.resolve_base_plan(repo, draft, draft.product, draft.base_plan.ref)
        except Invalid as exc:
            raise Conflict(f"Cannot publish: {exc.detail}") from exc
    live.status = SUPERSEDED
    repo.session.flush()
    draft.status, draft.published_at = PUBLISHED, now()
    for child in repo.inheriting_from(live.id):
        if child.id != draft.id:
            child.base_plan = draft
    repo.session.flush()
    record(repo.session, repo.env, "plan.published",
           {"plan": service.plan_public(draft), "previous_version": live.version},
           subject=("plan", draft.ref))
    return draft


def discard_draft(repo: CatalogRepository, ref: str) -> None:
    service.get_package(repo, PLAN, ref)
    repo.lock_versions(PLAN, ref)
    draft = get_draft(repo, ref)
    repo.session.delete(draft)
    repo.session.flush()


def _side(repo: CatalogRepository, ref: str, which: str | None, field: str) -> Package:
    """`which`: a version number, 'draft', 'live' or None (the live version)."""
    if which in (None, "", "live", "published"):
        return service.get_package(repo, PLAN, ref)
    if which == "draft":
        return get_draft(repo, ref)
    if not which.isdigit():  # type: ignore[union-attr]
        raise Invalid("A version is a number, 'draft' or 'live'", field=field)
    return get_version(repo, ref, int(which))  # type: ignore[arg-type]


def diff(repo: CatalogRepository, ref: str, from_: str | None, to: str | None) -> PlanDiff:
    """What changes from one version to another (default: from the live version to the draft)."""
    before = _side(repo, ref, from_, "from")
    after = _side(repo, ref, to if to not in (None, "") else "draft", "to")
    changes = plan_diff(service.plan_public(before).model_dump(mode="json"),
                        service.plan_public(after).model_dump(mode="json"))
    return PlanDiff(plan_id=ref, from_version=before.version, to_version=after.version,
                    to_status=after.status, **changes)  # type: ignore[arg-type]
