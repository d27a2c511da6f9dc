"""Settling open invoices: void, mark uncollectible, or pay with the default payment method.

Only an `open` invoice moves (409 otherwise). Paying a past-due subscription's open invoice
makes it active again; a decline leaves the invoice open and is returned (not raised) so the
failed payment is kept.
"""

from backend.errors import Conflict, NotFound
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import Invoice, Payment, Subscription
from backend.payments import service as payments
from backend.payments.repository import PaymentRepository
from backend.subscriptions import billing, service
from backend.subscriptions.billing import Ctx
from backend.subscriptions.repository import SubscriptionRepository


def get_open(ctx: Ctx, ref: str) -> Invoice:
    inv = SubscriptionRepository(ctx.session, ctx.env).invoice(ref, lock=True)
    if inv is None:
        raise NotFound(f"No invoice '{ref}' in this environment")
    if inv.status != "open":
        raise Conflict(f"Invoice '{ref}' is {inv.status}; only an open invoice can change")
    return inv


def _record(ctx: Ctx, inv: Invoice, type_: str) -> None:
    repo = SubscriptionRepository(ctx.session, ctx.env)
    customer = service.customer_by_pk(ctx, inv.customer_id)
    data = {"invoice": billing.invoice_public(repo, inv, customer.locale or ctx.locale)}
    record(ctx.session, ctx.env, type_, data, customer_ref=customer.ref,
           subject=("invoice", inv.ref))


def void(ctx: Ctx, ref: str) -> Invoice:
    inv = get_open(ctx, ref)
    inv.status = "void"
    ctx.session.flush()
    _record(ctx, inv, "invoice.voided")
    return inv


def mark_uncollectible(ctx: Ctx, ref: str) -> Invoice:
    inv = get_open(ctx, ref)
    inv.status = "uncollectible"
    ctx.session.flush()
    _record(ctx, inv, "invoice.marked_uncollectible")
    return inv


def pay(ctx: Ctx, ref: str) -> tuple[Invoice, Payment | None]:
    """Charge the open invoice's total; returns the invoice and a declined payment (if so)."""
    inv = get_open(ctx, ref)
    customer = service.customer_by_pk(ctx, inv.customer_id)
    PaymentRepository(ctx.session, ctx.env).lock_customer(customer.id)
    payment = None
    if inv.total_minor > 0:
        payment = payments.charge(ctx.session, ctx.env, customer, inv.total_minor, inv.currency,
                                  idempotency_key=random_token("invpay_", 16),
                                  description=f"Invoice {inv.number}", invoice_ref=inv.ref)
        if payment.status != "succeeded":
            return inv, payment
    inv.status, inv.paid_at = "paid", now()
    inv.payment_ref = payment.ref if payment else inv.payment_ref
    ctx.session.flush()
    _record(ctx, inv, "invoice.paid")
    sub = ctx.session.get(Subscription, inv.subscription_id) if inv.subscription_id else None
    if sub is not None and sub.status == "past_due" and inv.period_end == sub.current_period_end:
        sub.status, sub.period_paid = "active", True
        ctx.session.flush()
        service.emit(ctx, "subscription.recovered", sub, customer, invoice_id=inv.ref)
    return inv, None
