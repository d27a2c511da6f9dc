"""Moving subscriptions to the latest published version of their plan, one or all at once.

A migration is an update with the plan version as its only change (`service.plan_update` with
`migrate=True`): immediately with by-the-second proration, or scheduled for the period end.
"""

from backend.catalog.repository import CatalogRepository
from backend.errors import NotFound, ProblemError
from backend.subscriptions import service
from backend.subscriptions.billing import Ctx
from backend.subscriptions.repository import SubscriptionRepository
from backend.subscriptions.schemas import MigrateRequest, MigrationCounts, SubscriptionUpdate


def _as_update(body: MigrateRequest) -> SubscriptionUpdate:
    return SubscriptionUpdate(effective=body.at)


def plan_migrate(ctx: Ctx, ref: str, body: MigrateRequest) -> service.Plan:
    return service.plan_update(ctx, service.get(ctx, ref), _as_update(body), migrate=True)


def migrate(ctx: Ctx, ref: str, body: MigrateRequest) -> service.Outcome:
    return service.update(ctx, service.get(ctx, ref, lock=True), _as_update(body), migrate=True)


def migrate_plan(ctx: Ctx, plan_ref: str, body: MigrateRequest) -> MigrationCounts:
    """Migrate every live subscription on an older version of the plan; declines are counted."""
    latest = CatalogRepository(ctx.session, ctx.env).package("plan", plan_ref)
    if latest is None:
        raise NotFound(f"No published plan '{plan_ref}' in this environment")
    migrated = scheduled = failed = 0
    for sub in SubscriptionRepository(ctx.session, ctx.env).on_older_versions(plan_ref,
                                                                              latest.version):
        try:
            outcome = service.update(ctx, sub, _as_update(body), migrate=True)
        except ProblemError:  # refused before anything changed (no card, an invalid choice)
            failed += 1
            continue
        if outcome.declined is not None:
            failed += 1
        elif outcome.plan.preview.effective == "period_end":
            scheduled += 1
        else:
            migrated += 1
    return MigrationCounts(plan_id=plan_ref, version=latest.version, migrated=migrated,
                           scheduled=scheduled, failed=failed)
