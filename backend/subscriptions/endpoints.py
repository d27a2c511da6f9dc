"""Subscription and invoice endpoints (secret key). Thin: rules live in the service."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status
from fastapi.responses import JSONResponse

from backend.auth.dependencies import SecretDep
from backend.db import SessionDep
from backend.errors import PROBLEM_JSON, NotFound
from backend.idempotency import IdempotencyDep
from backend.kit.pagination import Page, PageParams, page_params
from backend.models import Invoice, Payment
from backend.subscriptions import (
    billing,
    ending,
    invoices,
    lifecycle,  # noqa: F401  (registers the period-end transitions)
    migration,
    service,
)
from backend.subscriptions.billing import Ctx
from backend.subscriptions.credits import credit_balances
from backend.subscriptions.repository import SubscriptionRepository
from backend.subscriptions.schemas import (
    CancelRequest,
    ChangeResult,
    CreditBalances,
    InvoicePublic,
    MigrateRequest,
    MigrationCounts,
    Preview,
    Status,
    SubscriptionCreate,
    SubscriptionPublic,
    SubscriptionUpdate,
)

router = APIRouter(tags=["subscriptions"])


def _ctx(request: Request, session: SessionDep, p: SecretDep) -> Ctx:
    settings = request.app.state.settings
    return Ctx(session, p.environment_id, settings, request.app.state.catalog_cache,
               settings.default_locale)


CtxDep = Annotated[Ctx, Depends(_ctx)]


def declined_response(pay: Payment) -> JSONResponse:
    err = service.PaymentDeclined(
        pay.failure_message or "The card was declined; nothing was changed",
        decline_code=pay.decline_code, payment_id=pay.ref)
    # Returned, not raised: the failed payment is kept (the session commits).
    return JSONResponse(err.body(), status_code=err.status, media_type=PROBLEM_JSON)


def change_response(ctx: Ctx, outcome: service.Outcome, status_code: int = 200):
    """The change as a `ChangeResult`, or a 402 problem when the card was declined."""
    if outcome.declined is not None:
        return declined_response(outcome.declined)
    repo = SubscriptionRepository(ctx.session, ctx.env)
    body = ChangeResult(
        subscription=service.public(ctx, outcome.subscription), preview=outcome.plan.preview,
        invoice=billing.invoice_public(repo, outcome.invoice, ctx.locale) if outcome.invoice else None,
        fallback_subscription=service.public(ctx, outcome.fallback) if outcome.fallback else None,
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=status_code)


@router.post("/subscriptions/preview", response_model=Preview)
def preview_create(body: SubscriptionCreate, ctx: CtxDep):
    """What creating this subscription charges now, and its next recurring invoice."""
    return service.plan_create(ctx, body)[0].preview


@router.post("/subscriptions", response_model=ChangeResult, status_code=status.HTTP_201_CREATED)
def create_subscription(body: SubscriptionCreate, ctx: CtxDep, idem: IdempotencyDep):
    """Start a subscription, charging the first period (or starting the trial). 409 when the
    customer already has a live subscription to the product; 402 on a declined card. Retry
    safely with `Idempotency-Key`."""
    return idem.run(body, lambda: change_response(ctx, service.create(ctx, body), 201), status_code=201)


@router.get("/subscriptions", response_model=Page[SubscriptionPublic])
def list_subscriptions(ctx: CtxDep, page: Annotated[PageParams, Depends(page_params)],
                       customer_id: str | None = None, status: Status | None = None,
                       plan_id: Annotated[str | None, Query()] = None):
    customer_pk = service.customer_of(ctx, customer_id).id if customer_id else None
    rows, has_more, cursor = SubscriptionRepository(ctx.session, ctx.env).page(
        page, customer_pk, status, plan_id)
    return {"data": [service.public(ctx, r) for r in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.get("/subscriptions/{subscription_id}", response_model=SubscriptionPublic)
def get_subscription(subscription_id: str, ctx: CtxDep):
    return service.public(ctx, service.get(ctx, subscription_id))


@router.post("/subscriptions/{subscription_id}/preview-update", response_model=Preview)
def preview_update(subscription_id: str, body: SubscriptionUpdate, ctx: CtxDep):
    """Exactly what PATCH with this body would charge (or credit) now, and the next invoice."""
    return service.plan_update(ctx, service.get(ctx, subscription_id), body).preview


@router.patch("/subscriptions/{subscription_id}", response_model=ChangeResult)
def update_subscription(subscription_id: str, body: SubscriptionUpdate, ctx: CtxDep,
                        idem: IdempotencyDep):
    """Upgrades apply now with proration; downgrades and period changes at period end unless
    `effective` says otherwise. 402 on a declined card (nothing changes). Retry safely with
    `Idempotency-Key`."""
    return idem.run(body, lambda: change_response(
        ctx, service.update(ctx, service.get(ctx, subscription_id, lock=True), body)))


@router.post("/subscriptions/{subscription_id}/cancel", response_model=ChangeResult)
def cancel_subscription(subscription_id: str, body: CancelRequest, ctx: CtxDep):
    """Cancel at period end (default) or immediately with a prorated credit."""
    return change_response(ctx, ending.cancel(ctx, service.get(ctx, subscription_id, lock=True), body))


@router.post("/subscriptions/{subscription_id}/undo", response_model=SubscriptionPublic)
def undo_scheduled(subscription_id: str, ctx: CtxDep):
    """Remove a scheduled cancellation or change."""
    return service.public(ctx, ending.undo(ctx, service.get(ctx, subscription_id, lock=True)))


@router.post("/subscriptions/{subscription_id}/preview-migrate", response_model=Preview)
def preview_migrate(subscription_id: str, ctx: CtxDep, body: MigrateRequest | None = None):
    """Exactly what migrating to the plan's latest version would charge now, and the next invoice."""
    return migration.plan_migrate(ctx, subscription_id, body or MigrateRequest()).preview


@router.post("/subscriptions/{subscription_id}/migrate", response_model=ChangeResult)
def migrate_subscription(subscription_id: str, ctx: CtxDep, idem: IdempotencyDep,
                         body: MigrateRequest | None = None):
    """Move to the latest published version of the plan, now (prorated like an update) or at
    the period end (default). 409 when already on it or not live; 402 on a declined card."""
    body = body or MigrateRequest()
    return idem.run(body, lambda: change_response(ctx, migration.migrate(ctx, subscription_id, body)))


@router.post("/plans/{plan_id}/migrate-subscribers", response_model=MigrationCounts)
def migrate_plan_subscribers(plan_id: str, ctx: CtxDep, idem: IdempotencyDep,
                             body: MigrateRequest | None = None):
    """Migrate every live subscription on an older version of the plan; returns the counts."""
    body = body or MigrateRequest()
    return idem.run(body, lambda: migration.migrate_plan(ctx, plan_id, body))


@router.get("/customers/{customer_id}/invoices", response_model=Page[InvoicePublic])
def list_invoices(customer_id: str, ctx: CtxDep, page: Annotated[PageParams, Depends(page_params)]):
    customer = service.customer_of(ctx, customer_id)
    repo = SubscriptionRepository(ctx.session, ctx.env)
    rows, has_more, cursor = repo.page_invoices(customer.id, page)
    return {"data": [billing.invoice_public(repo, r, ctx.locale) for r in rows],
            "has_more": has_more, "next_cursor": cursor}


@router.get("/invoices/{invoice_id}", response_model=InvoicePublic)
def get_invoice(invoice_id: str, ctx: CtxDep):
    repo = SubscriptionRepository(ctx.session, ctx.env)
    inv = repo.invoice(invoice_id)
    if inv is None:
        raise NotFound(f"No invoice '{invoice_id}' in this environment")
    return billing.invoice_public(repo, inv, ctx.locale)


def _invoice_response(ctx: Ctx, inv: Invoice) -> InvoicePublic:
    return billing.invoice_public(SubscriptionRepository(ctx.session, ctx.env), inv, ctx.locale)


@router.post("/invoices/{invoice_id}/void", response_model=InvoicePublic)
def void_invoice(invoice_id: str, ctx: CtxDep):
    """Void an open invoice: nothing is owed on it. 409 unless open."""
    return _invoice_response(ctx, invoices.void(ctx, invoice_id))


@router.post("/invoices/{invoice_id}/mark-uncollectible", response_model=InvoicePublic)
def mark_invoice_uncollectible(invoice_id: str, ctx: CtxDep):
    """Give up collecting an open invoice. 409 unless open."""
    return _invoice_response(ctx, invoices.mark_uncollectible(ctx, invoice_id))


@router.post("/invoices/{invoice_id}/pay", response_model=InvoicePublic)
def pay_invoice(invoice_id: str, ctx: CtxDep, idem: IdempotencyDep):
    """Charge an open invoice to the default payment method; a past-due subscription it bills
    becomes active again. 402 on a decline (the invoice stays open), 409 unless open. Retry
    safely with `Idempotency-Key`."""

    def pay():
        inv, declined = invoices.pay(ctx, invoice_id)
        return declined_response(declined) if declined else _invoice_response(ctx, inv)

    return idem.run(None, pay)


@router.get("/customers/{customer_id}/credit-balance", response_model=CreditBalances)
def credit_balance(customer_id: str, ctx: CtxDep):
    """The customer's credit per currency (from immediate downgrades and cancellations), used
    up by their next invoices in that currency."""
    return credit_balances(ctx, service.customer_of(ctx, customer_id))

