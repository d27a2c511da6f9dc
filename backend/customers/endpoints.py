"""Customer endpoints (secret key)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from backend.auth.dependencies import SecretDep
from backend.customers import service
from backend.customers.repository import CustomerRepository
from backend.customers.schemas import CustomerCreate, CustomerPublic, CustomerUpdate
from backend.db import SessionDep
from backend.idempotency import IdempotencyDep
from backend.kit.pagination import Page, PageParams, page_params

router = APIRouter(tags=["customers"])


@router.post("/customers", response_model=CustomerPublic, status_code=status.HTTP_201_CREATED)
def provision_customer(body: CustomerCreate, session: SessionDep, p: SecretDep, idem: IdempotencyDep):
    """Create a customer, optionally with a first subscription. Retry safely with `Idempotency-Key`."""

    def run() -> CustomerPublic:
        customer = service.provision(session, p.environment_id, body)
        return service.customer_public(CustomerRepository(session, p.environment_id), customer)

    return idem.run(body, run, status_code=201)


@router.get("/customers", response_model=Page[CustomerPublic])
def list_customers(
    session: SessionDep, p: SecretDep, page: Annotated[PageParams, Depends(page_params)],
    search: Annotated[str | None, Query(max_length=200, description="Matches id, name or email")] = None,
    include_archived: bool = False,
):
    repo = CustomerRepository(session, p.environment_id)
    rows, has_more, cursor = repo.page(page, search, include_archived)
    return {"data": [service.customer_public(repo, c) for c in rows], "has_more": has_more,
            "next_cursor": cursor}


@router.get("/customers/{customer_id}", response_model=CustomerPublic)
def get_customer(customer_id: str, session: SessionDep, p: SecretDep):
    repo = CustomerRepository(session, p.environment_id)
    return service.customer_public(repo, service.get_customer(repo, customer_id))


@router.patch("/customers/{customer_id}", response_model=CustomerPublic)
def update_customer(customer_id: str, body: CustomerUpdate, session: SessionDep, p: SecretDep):
    repo = CustomerRepository(session, p.environment_id)
    return service.customer_public(repo, service.update_customer(repo, customer_id, body))


@router.post("/customers/{customer_id}/archive", response_model=CustomerPublic)
def archive_customer(customer_id: str, session: SessionDep, p: SecretDep):
    """Archive (soft-delete) a customer; history is kept."""
    repo = CustomerRepository(session, p.environment_id)
    return service.customer_public(repo, service.archive_customer(repo, customer_id))
