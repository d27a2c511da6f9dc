"""`/me` payment methods and credit balance: the token's customer manages their own cards."""

from fastapi import APIRouter, status

from backend.idempotency import CustomerIdempotencyDep
from backend.me.context import Reader, Writer
from backend.payments import service
from backend.payments.repository import PaymentRepository
from backend.payments.schemas import PaymentMethodCreate, PaymentMethodPublic
from backend.subscriptions.credits import credit_balances
from backend.subscriptions.schemas import CreditBalances

router = APIRouter(prefix="/me", tags=["me"])
MAX_METHODS = 20


@router.get("/payment-methods", response_model=list[PaymentMethodPublic])
def list_my_payment_methods(me: Reader):
    """The customer's cards (brand, last four, expiry), the default first."""
    ctx, customer = me
    repo = PaymentRepository(ctx.session, ctx.env)
    rows = repo.methods_of(customer.id, MAX_METHODS)
    return [service.method_public(r, customer) for r in rows]


@router.post("/payment-methods", response_model=PaymentMethodPublic,
             status_code=status.HTTP_201_CREATED)
def add_my_payment_method(body: PaymentMethodCreate, me: Writer, idem: CustomerIdempotencyDep):
    """Add a test card (development environments). Only brand, last four and expiry are kept."""
    ctx, customer = me

    def run() -> PaymentMethodPublic:
        row = service.attach_method(ctx.session, ctx.env, customer, body)
        return service.method_public(row, customer)

    return idem.run(body.redacted(), run, status_code=201)  # type: ignore[arg-type]


@router.post("/payment-methods/{method_id}/default", response_model=PaymentMethodPublic)
def set_my_default_payment_method(method_id: str, me: Writer):
    """Charge this card from now on."""
    ctx, customer = me
    return service.method_public(service.set_default(ctx.session, ctx.env, customer, method_id),
                                 customer)


@router.delete("/payment-methods/{method_id}", response_model=PaymentMethodPublic)
def remove_my_payment_method(method_id: str, me: Writer):
    """Remove a card; past payments keep referring to it."""
    ctx, customer = me
    return service.method_public(service.remove_method(ctx.session, ctx.env, customer, method_id),
                                 customer)


@router.get("/credit-balance", response_model=CreditBalances)
def my_credit_balance(me: Reader):
    """Credit from downgrades and cancellations, used up by the next invoices."""
    ctx, customer = me
    return credit_balances(ctx, customer)
