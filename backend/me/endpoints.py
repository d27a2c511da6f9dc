"""`/me`: the customer of the request's customer token, and that customer's paywall.

Every endpoint here acts for the token's customer only, so a token can never reach another
customer, whatever the request names.
"""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from backend.auth.customer_tokens import require_scope
from backend.auth.dependencies import CustomerDep
from backend.customers import service as customers
from backend.customers.repository import CustomerRepository
from backend.customers.schemas import CustomerPublic
from backend.db import SessionDep
from backend.paywall import service as paywall
from backend.paywall.schemas import Paywall

router = APIRouter(prefix="/me", tags=["me"])
PRIVATE = {"Cache-Control": "private, no-cache", "Vary": "Authorization, X-Customer-Token"}


@router.get("", response_model=CustomerPublic)
def get_me(session: SessionDep, me: CustomerDep):
    """The token's customer with their subscriptions."""
    require_scope(me, "read")
    repo = CustomerRepository(session, me.environment_id)
    return customers.customer_public(repo, customers.get_customer(repo, me.customer_ref))


@router.get("/paywall", response_model=Paywall, responses={304: {"description": "Not modified"}})
def get_my_paywall(
    request: Request,
    session: SessionDep,
    me: CustomerDep,
    product_id: Annotated[str, Query(max_length=128)],
    currency: Annotated[str | None, Query(min_length=3, max_length=3)] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    locale: Annotated[str | None, Query(max_length=35)] = None,
):
    """The paywall of a product for the token's customer (their plan marked)."""
    require_scope(me, "read")
    rendered = paywall.render_paywall(
        session, me.environment_id, request.app.state.settings, request.app.state.paywall_cache,
        product_id=product_id, customer_id=me.customer_ref, currency=currency, country=country,
        locale=locale, may_read_customer=True,
    )
    headers = {"ETag": rendered.etag, **PRIVATE}
    if request.headers.get("if-none-match") == rendered.etag:
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type="application/json", headers=headers)
