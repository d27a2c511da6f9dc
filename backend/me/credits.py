"""`/me/credits`: the token's customer reads their credits, buys more and manages automatic
recharge. Every lookup is bound to the token's customer."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from backend.credits import currencies, service
from backend.credits.accounts import currency_of
from backend.credits.endpoints import feature_names, purchase_response
from backend.credits.repository import CreditRepository
from backend.credits.schemas import (
    AutoRechargePublic,
    AutoRechargeSettings,
    CreditBalance,
    CreditCurrencyPublic,
    CreditUsage,
    GrantPublic,
    PurchaseCredits,
    PurchaseResult,
    UsageRange,
)
from backend.idempotency import CustomerIdempotencyDep
from backend.kit.ids import random_token
from backend.kit.pagination import Page, PageParams, page_params
from backend.me.context import Reader, Writer

router = APIRouter(prefix="/me/credits", tags=["me"])


def _repo(ctx) -> CreditRepository:  # type: ignore[no-untyped-def]
    return CreditRepository(ctx.session, ctx.env)


@router.get("/currencies/{currency_id}", response_model=CreditCurrencyPublic)
def my_currency(currency_id: str, me: Reader):
    """Names, units, price and purchase options of a credit currency."""
    return currencies.get(_repo(me[0]), currency_id)


@router.get("/balance", response_model=CreditBalance)
def my_balance(me: Reader, currency_id: str = Query(max_length=128)):
    ctx, customer = me
    repo = _repo(ctx)
    return service.balance(repo, customer, currency_of(repo, currency_id))


@router.get("/grants", response_model=Page[GrantPublic])
def my_grants(me: Reader, page: Annotated[PageParams, Depends(page_params)],
              currency_id: str = Query(max_length=128)):
    ctx, customer = me
    repo = _repo(ctx)
    return service.list_grants(repo, customer, currency_of(repo, currency_id), page)


@router.get("/usage", response_model=CreditUsage)
def my_usage(me: Reader, currency_id: str = Query(max_length=128),
             range: UsageRange = "30d"):
    ctx, customer = me
    repo = _repo(ctx)
    return service.usage(repo, customer, currency_of(repo, currency_id), range_=range,
                         start=None, end=None, bucket=None,
                         feature_names=feature_names(repo, currency_id))


@router.get("/auto-recharge", response_model=AutoRechargePublic)
def my_auto_recharge(me: Reader, currency_id: str = Query(max_length=128)):
    ctx, customer = me
    repo = _repo(ctx)
    return service.recharge_settings(repo, customer, currency_of(repo, currency_id))


@router.put("/auto-recharge", response_model=AutoRechargePublic)
def save_my_auto_recharge(body: AutoRechargeSettings, me: Writer,
                          currency_id: str = Query(max_length=128)):
    ctx, customer = me
    repo = _repo(ctx)
    return service.save_recharge_settings(repo, customer, currency_of(repo, currency_id), body)


@router.post("/purchases", response_model=PurchaseResult, status_code=status.HTTP_201_CREATED)
def buy_credits(body: PurchaseCredits, me: Writer, idem: CustomerIdempotencyDep):
    """Buy credits with the default card; 402 when declined. Retry with `Idempotency-Key`."""
    ctx, customer = me
    repo = _repo(ctx)
    key = f"credits:{idem.key}" if idem.key else random_token("credits:", 16)

    def run():  # type: ignore[no-untyped-def]
        return purchase_response(lambda: service.purchase(
            repo, customer, currency_of(repo, body.currency_id), body.credits, key))

    return idem.run(body, run, status_code=201)
