"""Payment method and payment endpoints of a customer (secret key)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from backend.auth.dependencies import SecretDep
from backend.db import SessionDep
from backend.idempotency import IdempotencyDep
from backend.kit.pagination import Page, PageParams, page_params
from backend.payments import service
from backend.payments.repository import PaymentRepository
from backend.payments.schemas import PaymentMethodCreate, PaymentMethodPublic, PaymentPublic

router = APIRouter(prefix="/customers/{customer_id}", tags=["payments"])


@router.get("/payment-methods", response_model=Page[PaymentMethodPublic])
def list_payment_methods(
    customer_id: str, session: SessionDep, p: SecretDep,
    page: Annotated[PageParams, Depends(page_params)],
    include_archived: Annotated[bool, Query(description="Include removed methods")] = False,
):
    customer = service.get_customer(session, p.environment_id, customer_id)
    rows, has_more, cursor = PaymentRepository(session, p.environment_id).page_methods(
        customer.id, page, include_archived)
    return {"data": [service.method_public(r, customer) for r in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.post("/payment-methods", response_model=PaymentMethodPublic,
             status_code=status.HTTP_201_CREATED)
def add_payment_method(customer_id: str, body: PaymentMethodCreate, session: SessionDep,
                       p: SecretDep, idem: IdempotencyDep):
    """Attach a test card (development environments; 403 in production). The number is checked
    (Luhn, a known test card, not expired) and dropped: only brand, last four and expiry are
    kept. Retry safely with `Idempotency-Key`.

    Test cards: 4242 4242 4242 4242 (Visa) and 5555 5555 5555 4444 (Mastercard) succeed;
    4000 0000 0000 0002 is declined (`card_declined`), 4000 0000 0000 9995 too
    (`insufficient_funds`); 4000 0000 0000 0119 fails with a processing error. Any card is
    declined (`expired_card`) once its expiry month has passed.
    """

    def run() -> PaymentMethodPublic:
        customer = service.get_customer(session, p.environment_id, customer_id)
        row = service.attach_method(session, p.environment_id, customer, body)
        return service.method_public(row, customer)

    return idem.run(body.redacted(), run, status_code=201)  # type: ignore[arg-type]


@router.post("/payment-methods/{method_id}/default", response_model=PaymentMethodPublic)
def set_default_payment_method(customer_id: str, method_id: str, session: SessionDep,
                               p: SecretDep):
    """Charge this method from now on."""
    customer = service.get_customer(session, p.environment_id, customer_id)
    row = service.set_default(session, p.environment_id, customer, method_id)
    return service.method_public(row, customer)


@router.delete("/payment-methods/{method_id}", response_model=PaymentMethodPublic)
def remove_payment_method(customer_id: str, method_id: str, session: SessionDep, p: SecretDep):
    """Remove (detach and archive) a method; past payments keep referring to it."""
    customer = service.get_customer(session, p.environment_id, customer_id)
    return service.method_public(
        service.remove_method(session, p.environment_id, customer, method_id), customer)


@router.get("/payments", response_model=Page[PaymentPublic])
def list_payments(customer_id: str, session: SessionDep, p: SecretDep,
                  page: Annotated[PageParams, Depends(page_params)]):
    """Every charge attempt for the customer, newest first (succeeded and failed)."""
    customer = service.get_customer(session, p.environment_id, customer_id)
    rows, has_more, cursor = PaymentRepository(session, p.environment_id).page_payments(
        customer.id, page)
    return {"data": [service.payment_public(r, customer) for r in rows], "has_more": has_more,
            "next_cursor": cursor}
