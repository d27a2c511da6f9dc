"""Prepaid credit endpoints (secret key). Thin: rules live in `service` and `currencies`."""

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status
from fastapi.responses import JSONResponse

from backend.auth.dependencies import SecretDep
from backend.credits import (
    allowances,  # noqa: F401  (registers the test clock's credit transitions)
    currencies,
    service,
)
from backend.credits.accounts import currency_of, customer_of
from backend.credits.autorecharge import PurchaseFailed
from backend.credits.repository import CreditRepository
from backend.credits.schemas import (
    AutoRechargePublic,
    AutoRechargeWrite,
    Bucket,
    ConsumeCredits,
    ConsumptionResult,
    CreditBalance,
    CreditCurrencyCreate,
    CreditCurrencyPublic,
    CreditCurrencyUpdate,
    CreditUsage,
    EntryType,
    GrantCreate,
    GrantPublic,
    GrantVoid,
    LedgerEntryPublic,
    PurchaseForCustomer,
    PurchaseResult,
    UsageRange,
)
from backend.db import SessionDep
from backend.errors import PROBLEM_JSON
from backend.idempotency import IdempotencyDep
from backend.kit.ids import random_token
from backend.kit.pagination import Page, PageParams, page_params

router = APIRouter(prefix="/credits", tags=["credits"])
Ref = Annotated[str, Query(max_length=128)]
PageDep = Annotated[PageParams, Depends(page_params)]


def _repo(session: SessionDep, p: SecretDep) -> CreditRepository:
    return CreditRepository(session, p.environment_id)


RepoDep = Annotated[CreditRepository, Depends(_repo)]


def feature_names(repo: CreditRepository, currency_ref: str) -> dict[str, str]:
    from backend.catalog.repository import CatalogRepository

    refs = set(currency_of(repo, currency_ref).feature_costs or {})
    found = CatalogRepository(repo.session, repo.env).features_by_ref(refs)
    return {ref: f.display_name for ref, f in found.items()}


def purchase_response(run) -> PurchaseResult | JSONResponse:  # type: ignore[no-untyped-def]
    """The purchase, or its 402 problem as a response, so the failed payment stays recorded."""
    try:
        return run()
    except PurchaseFailed as exc:
        return JSONResponse(exc.body(), status_code=exc.status, media_type=PROBLEM_JSON)


@router.post("/currencies", response_model=CreditCurrencyPublic,
             status_code=status.HTTP_201_CREATED)
def create_currency(body: CreditCurrencyCreate, repo: RepoDep):
    """A credit currency: names and units, price per credit, feature costs, plan allowances."""
    return currencies.create(repo, body)


@router.get("/currencies", response_model=list[CreditCurrencyPublic])
def list_currencies(repo: RepoDep):
    return currencies.listing(repo)


@router.get("/currencies/{currency_id}", response_model=CreditCurrencyPublic)
def get_currency(currency_id: str, repo: RepoDep):
    return currencies.get(repo, currency_id)


@router.patch("/currencies/{currency_id}", response_model=CreditCurrencyPublic)
def update_currency(currency_id: str, body: CreditCurrencyUpdate, repo: RepoDep):
    """Change the fields given; `feature_costs` and `plan_allowances` replace the old ones."""
    return currencies.update(repo, currency_id, body)


@router.post("/grants", response_model=GrantPublic, status_code=status.HTTP_201_CREATED)
def create_grant(body: GrantCreate, repo: RepoDep):
    """Grant credits (paid, promotional, ...); retry safely with `idempotency_key`."""
    return service.create_grant(repo, body)


@router.get("/grants", response_model=Page[GrantPublic])
def list_grants(customer_id: Ref, currency_id: Ref, repo: RepoDep, page: PageDep):
    """A customer's grants in a currency, newest first, with their status now."""
    return service.list_grants(repo, customer_of(repo, customer_id),
                               currency_of(repo, currency_id), page)


@router.post("/grants/{grant_id}/void", response_model=GrantPublic)
def void_grant(grant_id: str, body: GrantVoid, repo: RepoDep):
    """The grant's unused credits leave the balance; consumption already made stays."""
    return service.void_grant(repo, grant_id, body.reason)


@router.post("/consume", response_model=ConsumptionResult)
def consume(body: ConsumeCredits, repo: RepoDep):
    """Burn credits (priority, earliest expiry, oldest grant first). 402 `insufficient-credits`
    when the balance is short (unless the currency allows overdraft); nothing changes then."""
    return service.consume(repo, body)


@router.get("/balance", response_model=CreditBalance)
def balance(customer_id: Ref, currency_id: Ref, repo: RepoDep):
    """The ledger's sum now, with what was granted, consumed, expired and voided."""
    return service.balance(repo, customer_of(repo, customer_id), currency_of(repo, currency_id))


@router.get("/ledger", response_model=Page[LedgerEntryPublic])
def ledger(customer_id: Ref, currency_id: Ref, repo: RepoDep, page: PageDep,
           type: Annotated[list[EntryType] | None, Query()] = None,
           feature_id: Annotated[str | None, Query(max_length=128)] = None,
           since: datetime | None = None, until: datetime | None = None):
    """Ledger entries, newest first; `since` inclusive, `until` exclusive."""
    return service.entries(repo, customer_of(repo, customer_id), currency_of(repo, currency_id),
                           page, types=type, feature=feature_id, since=since, until=until)


@router.get("/usage", response_model=CreditUsage)
def usage(customer_id: Ref, currency_id: Ref, repo: RepoDep,
          range: UsageRange | None = None, start: datetime | None = None,
          end: datetime | None = None, bucket: Bucket | None = None):
    """Credits consumed per UTC bucket and feature: `range` (24h hourly, 7d/30d daily, 12m
    monthly) or `start`, `end` and `bucket`."""
    return service.usage(repo, customer_of(repo, customer_id), currency_of(repo, currency_id),
                         range_=range, start=start, end=end, bucket=bucket,
                         feature_names=feature_names(repo, currency_id))


@router.get("/auto-recharge", response_model=AutoRechargePublic)
def get_auto_recharge(customer_id: Ref, currency_id: Ref, repo: RepoDep):
    """The settings (defaults when never saved), this month's spend and the last attempt."""
    return service.recharge_settings(repo, customer_of(repo, customer_id),
                                     currency_of(repo, currency_id))


@router.put("/auto-recharge", response_model=AutoRechargePublic)
def save_auto_recharge(body: AutoRechargeWrite, repo: RepoDep):
    """Save the settings; the next consumption below the threshold recharges."""
    settings = body.model_copy()
    return service.save_recharge_settings(repo, customer_of(repo, body.customer_id),
                                          currency_of(repo, body.currency_id), settings)


@router.post("/purchases", response_model=PurchaseResult, status_code=status.HTTP_201_CREATED)
def purchase(body: PurchaseForCustomer, repo: RepoDep, idem: IdempotencyDep):
    """Charge the customer's default card for credits at the currency's price; 402 on a
    decline (recorded as a failed payment). Retry safely with `Idempotency-Key`."""
    key = f"credits:{idem.key}" if idem.key else random_token("credits:", 16)

    def run():  # type: ignore[no-untyped-def]
        return purchase_response(lambda: service.purchase(
            repo, customer_of(repo, body.customer_id), currency_of(repo, body.currency_id),
            body.credits, key))

    return idem.run(body, run, status_code=201)
