"""Coupon rules: creation and edits, checking a code a customer typed, and redeeming it.

Other domains (price estimates, subscriptions, checkout) call `validate_code`, `redeem` and
`to_discount`; the checks and their reasons live here only.
"""

from datetime import datetime
from decimal import Decimal
from typing import Literal

from babel.dates import format_date
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from backend.catalog.repository import CatalogRepository
from backend.coupons.repository import CouponRepository
from backend.coupons.schemas import CouponCreate, CouponPublic, CouponUpdate, normalize_code
from backend.errors import Conflict, Invalid, NotFound
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.patch import apply_changes, archive
from backend.models import Package
from backend.models.coupon import Coupon
from backend.pricing.discounts import Discount

Reason = Literal[
    "not_found", "expired", "archived", "not_applicable_to_plan", "limit_reached",
    "currency_not_supported",
]


class CouponRejected(Invalid):
    """A code that cannot be used (now, for this plan or currency); `reason` says why."""

    slug, title = "coupon-rejected", "Coupon not accepted"

    def __init__(self, reason: Reason, detail: str, *, field: str = "code"):
        super().__init__(detail, field=field, reason=reason)
        self.reason = reason


# -- conversions ------------------------------------------------------------------------------
def _plain(value: Decimal | None) -> Decimal | None:
    """12.5000 -> 12.5, 100.0000 -> 100 (the database keeps four decimals)."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def coupon_public(c: Coupon) -> CouponPublic:
    return CouponPublic(
        id=c.ref, code=c.code, name=c.name, description=c.description,
        percent_off=_plain(c.percent_off), amounts_off=c.amounts_off, duration=c.duration,
        duration_periods=c.duration_periods, expires_at=c.expires_at,
        max_redemptions=c.max_redemptions, redemptions=c.redemptions, plan_ids=list(c.plan_ids),
        metadata=c.meta, archived=c.archived_at is not None, created_at=c.created_at,
        updated_at=c.updated_at,
    )


def to_discount(coupon: Coupon) -> Discount:
    """The coupon as the pure pricing module's discount (for estimates and invoices)."""
    amounts = dict(coupon.amounts_off) if coupon.amounts_off is not None else None
    return Discount(percent_off=_plain(coupon.percent_off), amounts_off=amounts, name=coupon.name)


# -- management -------------------------------------------------------------------------------
def get_coupon(repo: CouponRepository, ref: str) -> Coupon:
    coupon = repo.get(ref)
    if coupon is None:
        raise NotFound(f"No coupon '{ref}' in this environment")
    return coupon


def _check_plans(repo: CouponRepository, refs: list[str]) -> None:
    catalog = CatalogRepository(repo.session, repo.env)
    for i, ref in enumerate(refs):
        if catalog.package("plan", ref) is None:
            raise Invalid(f"No plan '{ref}' in this environment", field=f"plan_ids.{i}")


def _check_future(expires_at: datetime | None) -> None:
    if expires_at is not None and expires_at <= now():
        raise Invalid("The expiry must lie in the future", field="expires_at")


def create_coupon(repo: CouponRepository, body: CouponCreate) -> Coupon:
    if repo.get(body.id) is not None:
        raise Conflict(f"A coupon with id '{body.id}' already exists")
    if repo.by_code(body.code) is not None:
        raise Conflict(f"Another coupon already has the code '{body.code}' (codes ignore case)")
    _check_future(body.expires_at)
    _check_plans(repo, body.plan_ids)
    coupon = Coupon(
        environment_id=repo.env, ref=body.id, code=body.code, name=body.name or body.code,
        description=body.description, percent_off=body.percent_off, amounts_off=body.amounts_off,
        duration=body.duration, duration_periods=body.duration_periods,
        expires_at=body.expires_at, max_redemptions=body.max_redemptions, redemptions=0,
        plan_ids=body.plan_ids, meta=body.metadata,
    )
    repo.add(coupon)
    return coupon


def update_coupon(repo: CouponRepository, ref: str, body: CouponUpdate) -> Coupon:
    coupon = get_coupon(repo, ref)
    changes = body.model_dump(exclude_unset=True)
    if "expires_at" in changes:
        _check_future(changes["expires_at"])
    limit = changes.get("max_redemptions")
    if limit is not None and limit < coupon.redemptions:
        raise Invalid(f"The code was already redeemed {coupon.redemptions} times; the limit "
                      "cannot be lower", field="max_redemptions")
    if "plan_ids" in changes:
        changes["plan_ids"] = changes["plan_ids"] or []
        _check_plans(repo, changes["plan_ids"])
    apply_changes(coupon, changes)
    repo.session.flush()
    return coupon


def archive_coupon(repo: CouponRepository, ref: str) -> Coupon:
    """Archive a coupon: its code is refused from now on; history is kept."""
    return archive(get_coupon(repo, ref))


# -- use --------------------------------------------------------------------------------------
def _long_date(moment: datetime) -> str:
    return format_date(moment, format="d MMMM y", locale="en")


def _plan(session: Session, environment_id: int, ref: str) -> Package:
    plan = CatalogRepository(session, environment_id).package("plan", ref)
    if plan is None:
        raise Invalid(f"No plan '{ref}' in this environment", field="plan_id")
    return plan


def validate_code(session: Session, environment_id: int, code: str, plan_ref: str | None = None,
                  currency: str | None = None) -> Coupon:
    """The coupon a customer's code names, if it can be used now (for this plan and currency).

    Raises `CouponRejected` with the reason otherwise, checked in this order: not_found,
    archived, expired, not_applicable_to_plan, currency_not_supported, limit_reached.
    """
    plan = _plan(session, environment_id, plan_ref) if plan_ref is not None else None
    coupon = CouponRepository(session, environment_id).by_code(normalize_code(code))
    if coupon is None:
        raise CouponRejected("not_found", "This code does not exist")
    if coupon.archived_at is not None:
        raise CouponRejected("archived", "This code is no longer available")
    if coupon.expires_at is not None and coupon.expires_at <= now():
        raise CouponRejected("expired", f"This code expired on {_long_date(coupon.expires_at)}")
    if plan is not None and coupon.plan_ids and plan.ref not in coupon.plan_ids:
        raise CouponRejected("not_applicable_to_plan",
                             f"This code does not apply to the {plan.display_name} plan",
                             field="plan_id")
    if (currency is not None and coupon.amounts_off is not None
            and currency.upper() not in coupon.amounts_off):
        raise CouponRejected("currency_not_supported",
                             f"This code does not apply to prices in {currency.upper()}",
                             field="currency")
    if coupon.max_redemptions is not None and coupon.redemptions >= coupon.max_redemptions:
        raise _limit_reached()
    return coupon


def _limit_reached() -> CouponRejected:
    return CouponRejected("limit_reached", "This code has reached its redemption limit")


def redeem(session: Session, environment_id: int, coupon: Coupon, *,
           customer_ref: str | None = None) -> None:
    """Count one redemption, atomically: never more than `max_redemptions`, however many race.

    Raises `CouponRejected("limit_reached")` when the limit is already used up. The caller's
    transaction decides whether the redemption (and its `coupon.redeemed` event, naming the
    customer if given) sticks: it commits or rolls back with it.
    """
    count = CouponRepository(session, environment_id).increment_redemptions(coupon.id)
    if count is None:
        raise _limit_reached()
    set_committed_value(coupon, "redemptions", count)
    record(session, environment_id, "coupon.redeemed", {"coupon": coupon_public(coupon)},
           customer_ref=customer_ref, subject=("coupon", coupon.ref))
