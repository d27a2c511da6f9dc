"""The paywall read endpoint: public (publishable key) and cacheable; per customer with a secret
key, or with that customer's token next to a publishable key."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from backend.auth.customer_tokens import require_same_customer, require_scope
from backend.auth.dependencies import AuthDep, OptionalCustomerDep
from backend.config import Settings
from backend.db import SessionDep
from backend.paywall import service
from backend.paywall.schemas import Paywall

router = APIRouter(tags=["paywall"])


@router.get("/paywall", response_model=Paywall, responses={304: {"description": "Not modified"}})
def get_paywall(
    request: Request,
    session: SessionDep,
    p: AuthDep,
    customer: OptionalCustomerDep,
    product_id: Annotated[str, Query(max_length=128)],
    customer_id: Annotated[str | None, Query(max_length=128)] = None,
    currency: Annotated[str | None, Query(min_length=3, max_length=3)] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    locale: Annotated[str | None, Query(max_length=35)] = None,
):
    """Plans in order with resolved entitlements, prices and add-ons; marks the customer's plan."""
    settings: Settings = request.app.state.settings
    may_read_customer = p.is_secret
    if customer_id and customer is not None:  # a customer token reads its own customer only
        require_scope(require_same_customer(customer, customer_id), "read")
        may_read_customer = True
    rendered = service.render_paywall(
        session, p.environment_id, settings, request.app.state.paywall_cache,
        product_id=product_id, customer_id=customer_id, currency=currency, country=country,
        locale=locale, may_read_customer=may_read_customer,
    )
    cache = "private, no-cache" if customer_id else f"public, max-age={settings.paywall_max_age}"
    headers = {"ETag": rendered.etag, "Cache-Control": cache,
               "Vary": "Authorization, X-API-Key, X-Customer-Token"}
    if request.headers.get("if-none-match") == rendered.etag:
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type="application/json", headers=headers)
