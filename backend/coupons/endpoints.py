"""Coupon endpoints: management needs a secret key; validating a code accepts any key."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from backend.auth.dependencies import AuthDep, SecretDep
from backend.coupons import service
from backend.coupons.repository import CouponRepository
from backend.coupons.schemas import (
    CouponCreate,
    CouponPublic,
    CouponUpdate,
    CouponValidate,
    CouponValidation,
)
from backend.db import SessionDep
from backend.idempotency import IdempotencyDep
from backend.kit.pagination import Page, PageParams, page_params

router = APIRouter(tags=["coupons"])


@router.get("/coupons", response_model=Page[CouponPublic])
def list_coupons(
    session: SessionDep, p: SecretDep, page: Annotated[PageParams, Depends(page_params)],
    include_archived: Annotated[bool, Query(description="Include archived coupons")] = False,
):
    repo = CouponRepository(session, p.environment_id)
    rows, has_more, cursor = repo.page(page, include_archived)
    return {"data": [service.coupon_public(c) for c in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.post("/coupons", response_model=CouponPublic, status_code=status.HTTP_201_CREATED)
def create_coupon(body: CouponCreate, session: SessionDep, p: SecretDep, idem: IdempotencyDep):
    """Create a coupon. Retry safely with `Idempotency-Key`."""

    def run() -> CouponPublic:
        repo = CouponRepository(session, p.environment_id)
        return service.coupon_public(service.create_coupon(repo, body))

    return idem.run(body, run, status_code=201)


@router.post("/coupons/validate", response_model=CouponValidation)
def validate_coupon(body: CouponValidate, session: SessionDep, p: AuthDep):
    """Check a code a customer typed (optionally for a plan and currency) without redeeming it.

    A code that cannot be used is a 422 problem whose `reason` is one of `not_found`,
    `expired`, `archived`, `not_applicable_to_plan`, `limit_reached`, `currency_not_supported`.
    """
    coupon = service.validate_code(
        session, p.environment_id, body.code, body.plan_id, body.currency
    )
    return CouponValidation(coupon=service.coupon_public(coupon))


@router.get("/coupons/{coupon_id}", response_model=CouponPublic)
def get_coupon(coupon_id: str, session: SessionDep, p: SecretDep):
    repo = CouponRepository(session, p.environment_id)
    return service.coupon_public(service.get_coupon(repo, coupon_id))


@router.patch("/coupons/{coupon_id}", response_model=CouponPublic)
def update_coupon(coupon_id: str, body: CouponUpdate, session: SessionDep, p: SecretDep):
    """Change name, description, metadata, expiry, redemption limit or plans; never the discount."""
    repo = CouponRepository(session, p.environment_id)
    return service.coupon_public(service.update_coupon(repo, coupon_id, body))


@router.post("/coupons/{coupon_id}/archive", response_model=CouponPublic)
def archive_coupon(coupon_id: str, session: SessionDep, p: SecretDep):
    """Archive a coupon: its code is refused from now on."""
    repo = CouponRepository(session, p.environment_id)
    return service.coupon_public(service.archive_coupon(repo, coupon_id))
