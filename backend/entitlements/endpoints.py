"""Entitlement checks, usage and promotional entitlements (secret key), and the customer's own
entitlements (`/me`, customer token). Thin: rules live in the service modules."""

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool

from backend.auth.customer_tokens import require_scope
from backend.auth.dependencies import CustomerDep, SecretDep, raw_key
from backend.auth.service import require_secret
from backend.db import SessionDep
from backend.entitlements import bulk, promotions, service, usage
from backend.entitlements.schemas import (
    BulkUsage,
    BulkUsageResult,
    CheckRequest,
    ConsumeRequest,
    ConsumeResult,
    CustomerEntitlements,
    EntitlementState,
    PromotionCreate,
    PromotionPublic,
    RefundRequest,
    UsageRecorded,
    UsageReport,
)
from backend.entitlements.service import Ctx, entitlements, load
from backend.errors import NotFound
from backend.kit import clock
from backend.kit.clock import now

router = APIRouter(tags=["entitlements"])


def _ctx(request: Request, session: SessionDep, p: SecretDep) -> Ctx:
    return Ctx(session, p.environment_id, request.app.state.entitlement_cache)


def _me_ctx(request: Request, session: SessionDep, me: CustomerDep) -> Ctx:
    require_scope(me, "read")
    return Ctx(session, me.environment_id, request.app.state.entitlement_cache)


CtxDep = Annotated[Ctx, Depends(_ctx)]
MeCtxDep = Annotated[Ctx, Depends(_me_ctx)]
FeatureQuery = Annotated[str, Query(max_length=128)]
RequestedUsage = Annotated[int | None, Query(ge=0, le=2**63 - 1)]
RequestedValue = Annotated[str | None, Query(max_length=200)]


def _all(ctx: Ctx, customer_ref: str) -> CustomerEntitlements:
    subject = load(ctx, customer_ref)
    if subject.customer is None:
        raise NotFound(f"No customer '{customer_ref}' in this environment")
    return CustomerEntitlements(customer_id=customer_ref,
                                revision=subject.customer.entitlements_revision,
                                entitlements=entitlements(ctx, subject))


def _answer(state: EntitlementState) -> Response:
    """The state as JSON, serialised once (it is already validated)."""
    return Response(state.model_dump_json(), media_type="application/json")


def _check_in_db(request: Request, key: str | None, customer_ref: str, feature_ref: str,
                 requested_usage: int | None, requested_value: str | None) -> Response:
    hot = request.app.state.entitlement_reads
    with clock.scope(), request.app.state.session_factory() as session:
        principal = require_secret(hot.principal(session, key))
        if principal.clock_time is not None:
            clock.pin(principal.clock_time)
        ctx = Ctx(session, principal.environment_id, request.app.state.entitlement_cache)
        state = service.check(ctx, hot, customer_ref, feature_ref,
                              requested_usage=requested_usage, requested_value=requested_value)
        session.commit()
    return _answer(state)


async def _check(request: Request, key: str | None, customer_ref: str, feature_ref: str,
                 requested_usage: int | None, requested_value: str | None) -> Response:
    """From memory when everything needed is there (no database, no thread hop); else the
    database path in the thread pool, which fills the memory for the next check."""
    hot = request.app.state.entitlement_reads
    hot.start_poller(request.app.state.session_factory)
    principal = hot.cached_principal(key)
    if principal is not None and principal.is_secret:
        body = service.answer_from_memory(
            hot, principal.environment_id, principal.clock_time or now(),
            customer_ref, feature_ref, requested_usage=requested_usage,
            requested_value=requested_value)
        if body is not None:
            return Response(body, media_type="application/json")
    return await run_in_threadpool(_check_in_db, request, key, customer_ref, feature_ref,
                                   requested_usage, requested_value)


@router.get("/entitlements/check", response_model=EntitlementState)
async def check(request: Request, customer_id: Annotated[str, Query(max_length=128)],
                feature_id: FeatureQuery, requested_usage: RequestedUsage = None,
                requested_value: RequestedValue = None,
                authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
                x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None):
    """May the customer use the feature (this much, this value)? An unknown customer or feature
    is a denial with its reason, not an error. Metered: `requested_usage` defaults to 1.
    Answered from this process's memory after the first check of a customer."""
    return await _check(request, raw_key(authorization, x_api_key), customer_id, feature_id,
                        requested_usage, requested_value)


@router.post("/entitlements/check", response_model=EntitlementState)
async def check_post(request: Request, body: CheckRequest,
                     authorization: Annotated[str | None, Header(include_in_schema=False)] = None,
                     x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None):
    """The same check with a JSON body."""
    return await _check(request, raw_key(authorization, x_api_key), body.customer_id,
                        body.feature_id, body.requested_usage, body.requested_value)


@router.get("/customers/{customer_id}/entitlements", response_model=CustomerEntitlements)
def list_entitlements(customer_id: str, ctx: CtxDep):
    """Every feature the customer is entitled to, with current usage and usage period."""
    return _all(ctx, customer_id)


@router.post("/usage", response_model=UsageRecorded)
def report_usage(body: UsageReport, ctx: CtxDep):
    """Report usage of a metered feature: `delta` adds, `set` sets the level (fluctuating
    features such as seats in use). A retry with the same `idempotency_key` counts once."""
    return usage.report(ctx, body)


@router.post("/usage/bulk", response_model=BulkUsageResult)
def report_usage_bulk(body: BulkUsage, ctx: CtxDep):
    """Up to 5,000 reports at once; all are recorded or (on a bad report) none."""
    return bulk.ingest(ctx, body.reports)


@router.post("/usage/consume", response_model=ConsumeResult)
def consume(body: ConsumeRequest, ctx: CtxDep):
    """Check and record in one atomic step: parallel consumers never pass a hard limit."""
    return usage.consume(ctx, body)


@router.post("/usage/refund", response_model=UsageRecorded)
def refund(body: RefundRequest, ctx: CtxDep):
    """Give back a consumption whose work failed afterwards (once)."""
    return usage.refund(ctx, body.consumption_id)


@router.post("/customers/{customer_id}/promotional-entitlements", response_model=PromotionPublic,
             status_code=status.HTTP_201_CREATED)
def grant_promotion(customer_id: str, body: PromotionCreate, ctx: CtxDep):
    """Grant a feature to the customer for a week, a month ... or for good."""
    customer = ctx.repo.customer(customer_id)
    if customer is None:
        raise NotFound(f"No customer '{customer_id}' in this environment")
    return promotions.grant(ctx.repo, customer, body)


@router.get("/customers/{customer_id}/promotional-entitlements",
            response_model=list[PromotionPublic])
def list_promotions(customer_id: str, ctx: CtxDep):
    """The customer's promotional entitlements, newest first, with their status."""
    repo = ctx.repo
    customer = repo.customer(customer_id)
    if customer is None:
        raise NotFound(f"No customer '{customer_id}' in this environment")
    refs = {f.id: ref for ref, f in repo.features().items()}
    at = now()
    return [promotions.public(p, customer.ref, refs.get(p.feature_id, ""), at)
            for p in repo.all_promotions(customer.id)]


@router.post("/promotional-entitlements/{promotion_id}/revoke", response_model=PromotionPublic)
def revoke_promotion(promotion_id: str, ctx: CtxDep):
    """End a promotional entitlement now."""
    return promotions.revoke(ctx.repo, promotion_id)


@router.get("/me/entitlements", response_model=CustomerEntitlements, tags=["me"])
def my_entitlements(ctx: MeCtxDep, me: CustomerDep):
    """The token's customer's entitlements with usage (for the portal and feature gates)."""
    return _all(ctx, me.customer_ref)


@router.get("/me/entitlements/check", response_model=EntitlementState, tags=["me"])
def my_check(request: Request, ctx: MeCtxDep, me: CustomerDep, feature_id: FeatureQuery,
             requested_usage: RequestedUsage = None, requested_value: RequestedValue = None):
    """May the token's customer use the feature?"""
    return _answer(service.check(ctx, request.app.state.entitlement_reads, me.customer_ref,
                                 feature_id, requested_usage=requested_usage,
                                 requested_value=requested_value))
