"""`/me` subscriptions and invoices: the token's customer previews, starts, changes, cancels and
undoes their own subscriptions, through the same service code as the secret-key API (so a
preview here equals what applying charges)."""

from typing import Annotated

from fastapi import APIRouter, Depends, status

from backend.idempotency import CustomerIdempotencyDep
from backend.kit.pagination import Page, PageParams, page_params
from backend.me.context import Reader, Writer, my_subscription
from backend.subscriptions import billing, ending, service
from backend.subscriptions.endpoints import change_response
from backend.subscriptions.repository import SubscriptionRepository
from backend.subscriptions.schemas import (
    CancelRequest,
    ChangeResult,
    InvoicePublic,
    Preview,
    SubscriptionChoice,
    SubscriptionCreate,
    SubscriptionPublic,
    SubscriptionUpdate,
)

router = APIRouter(prefix="/me", tags=["me"])


def _for_me(customer_ref: str, body: SubscriptionChoice) -> SubscriptionCreate:
    return SubscriptionCreate(customer_id=customer_ref, **body.model_dump())


@router.get("/subscriptions", response_model=list[SubscriptionPublic])
def list_my_subscriptions(me: Reader):
    """The customer's subscriptions, newest first (live and ended)."""
    ctx, customer = me
    repo = SubscriptionRepository(ctx.session, ctx.env)
    return [service.public(ctx, s) for s in repo.of_customer(customer.id)]


@router.post("/subscriptions/preview", response_model=Preview)
def preview_my_subscription(body: SubscriptionChoice, me: Reader):
    """What starting this subscription charges now, and the next recurring invoice."""
    ctx, customer = me
    return service.plan_create(ctx, _for_me(customer.ref, body))[0].preview


@router.post("/subscriptions", response_model=ChangeResult, status_code=status.HTTP_201_CREATED)
def create_my_subscription(body: SubscriptionChoice, me: Writer, idem: CustomerIdempotencyDep):
    """Subscribe, charging the default payment method exactly the preview's amount. 402 when
    the card is declined (nothing is created). Retry safely with `Idempotency-Key`."""
    ctx, customer = me
    return idem.run(body, lambda: change_response(
        ctx, service.create(ctx, _for_me(customer.ref, body)), 201), status_code=201)


@router.post("/subscriptions/{subscription_id}/preview-update", response_model=Preview)
def preview_my_update(subscription_id: str, body: SubscriptionUpdate, me: Reader):
    """Exactly what the change would charge (or credit) now, and the next invoice."""
    ctx, customer = me
    return service.plan_update(ctx, my_subscription(ctx, customer, subscription_id), body).preview


@router.patch("/subscriptions/{subscription_id}", response_model=ChangeResult)
def update_my_subscription(subscription_id: str, body: SubscriptionUpdate, me: Writer,
                           idem: CustomerIdempotencyDep):
    """Upgrade now, or schedule a downgrade or period change. 402 on a declined card."""
    ctx, customer = me
    return idem.run(body, lambda: change_response(ctx, service.update(
        ctx, my_subscription(ctx, customer, subscription_id, lock=True), body)))


@router.post("/subscriptions/{subscription_id}/preview-cancel", response_model=Preview)
def preview_my_cancel(subscription_id: str, body: CancelRequest, me: Reader):
    """When access ends and any credit for unused time, before confirming."""
    ctx, customer = me
    return ending.plan_cancel(ctx, my_subscription(ctx, customer, subscription_id), body).preview


@router.post("/subscriptions/{subscription_id}/cancel", response_model=ChangeResult)
def cancel_my_subscription(subscription_id: str, body: CancelRequest, me: Writer):
    """Cancel at period end (default) or immediately, with a reason."""
    ctx, customer = me
    return change_response(ctx, ending.cancel(
        ctx, my_subscription(ctx, customer, subscription_id, lock=True), body))


@router.post("/subscriptions/{subscription_id}/undo", response_model=SubscriptionPublic)
def undo_my_change(subscription_id: str, me: Writer):
    """Keep the subscription as it is: remove a scheduled cancellation or change."""
    ctx, customer = me
    return service.public(ctx, ending.undo(
        ctx, my_subscription(ctx, customer, subscription_id, lock=True)))


@router.get("/invoices", response_model=Page[InvoicePublic])
def list_my_invoices(me: Reader, page: Annotated[PageParams, Depends(page_params)]):
    """The customer's invoices, newest first."""
    ctx, customer = me
    repo = SubscriptionRepository(ctx.session, ctx.env)
    rows, has_more, cursor = repo.page_invoices(customer.id, page)
    return {"data": [billing.invoice_public(repo, r, ctx.locale) for r in rows],
            "has_more": has_more, "next_cursor": cursor}
