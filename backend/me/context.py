"""What every `/me` endpoint needs: a subscription context for the token's environment, and
lookups that only ever find the token's own customer and subscriptions."""

from dataclasses import replace
from typing import Annotated

from fastapi import Depends, Request

from backend.auth.customer_tokens import CustomerPrincipal, require_scope
from backend.auth.dependencies import CustomerDep
from backend.db import SessionDep
from backend.errors import NotFound
from backend.kit.money import normalize_locale
from backend.models import Customer, Subscription
from backend.subscriptions import service
from backend.subscriptions.billing import Ctx
from backend.subscriptions.repository import SubscriptionRepository


def _ctx(request: Request, session: SessionDep, me: CustomerDep) -> tuple[Ctx, CustomerPrincipal]:
    settings = request.app.state.settings
    ctx = Ctx(session, me.environment_id, settings, request.app.state.catalog_cache,
              settings.default_locale)
    return ctx, me


Me = Annotated[tuple[Ctx, CustomerPrincipal], Depends(_ctx)]


def _bound(ctx: Ctx, principal: CustomerPrincipal) -> tuple[Ctx, Customer]:
    customer = service.customer_of(ctx, principal.customer_ref)
    return replace(ctx, locale=normalize_locale(customer.locale or ctx.locale)), customer


def reader(me: Me) -> tuple[Ctx, Customer]:
    """The context and customer for a read (`read` scope)."""
    ctx, principal = me
    require_scope(principal, "read")
    return _bound(ctx, principal)


def writer(me: Me) -> tuple[Ctx, Customer]:
    """The context and customer for a change (`write` scope)."""
    ctx, principal = me
    require_scope(principal, "write")
    return _bound(ctx, principal)


def my_subscription(ctx: Ctx, customer: Customer, ref: str, *, lock: bool = False) -> Subscription:
    """One of the customer's subscriptions; another customer's is reported as not found."""
    sub = SubscriptionRepository(ctx.session, ctx.env).get(ref, lock=lock)
    if sub is None or sub.customer_id != customer.id:
        raise NotFound(f"You have no subscription '{ref}'")
    return sub


Reader = Annotated[tuple[Ctx, Customer], Depends(reader)]
Writer = Annotated[tuple[Ctx, Customer], Depends(writer)]
