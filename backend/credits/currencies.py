"""Credit currencies: names and units, the price of a credit, what features cost in credits and
what plans include each month. Feature and plan references are checked against the catalog."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError

from backend.catalog.repository import CatalogRepository
from backend.credits.accounts import currency_of
from backend.credits.repository import CreditRepository
from backend.credits.schemas import (
    CreditCurrencyCreate,
    CreditCurrencyPublic,
    CreditCurrencyUpdate,
    PlanAllowance,
)
from backend.credits.views import currency_public
from backend.errors import Conflict, Invalid
from backend.models import CreditCurrency


def _check_costs(repo: CreditRepository, costs: dict, currency_ref: str) -> dict[str, str]:
    features = CatalogRepository(repo.session, repo.env).features_by_ref(set(costs))
    for ref in costs:
        feature = features.get(ref)
        if feature is None:
            raise Invalid(f"No feature '{ref}' in this environment", field="feature_costs")
        if feature.type != "metered":
            raise Invalid(f"'{ref}' is a {feature.type} feature; only metered features cost "
                          "credits", field="feature_costs")
    for other in repo.currencies():
        clash = set(costs) & set(other.feature_costs or {})
        if other.ref != currency_ref and clash:
            raise Conflict(f"Feature '{sorted(clash)[0]}' already costs '{other.ref}' credits; "
                           "a feature costs credits in one currency", reason="feature_cost_taken")
    return {k: str(v) for k, v in costs.items()}


def _check_allowances(repo: CreditRepository, allowances: list[PlanAllowance]) -> list[dict]:
    refs = [a.plan_id for a in allowances]
    if len(set(refs)) != len(refs):
        raise Invalid("Each plan appears once in plan_allowances", field="plan_allowances")
    plans = CatalogRepository(repo.session, repo.env).packages_by_ref("plan", set(refs))
    missing = sorted(set(refs) - set(plans))
    if missing:
        raise Invalid(f"No plan '{missing[0]}' in this environment", field="plan_allowances")
    return [a.model_dump(mode="json") for a in allowances]


def create(repo: CreditRepository, body: CreditCurrencyCreate) -> CreditCurrencyPublic:
    if repo.currency(body.id) is not None:
        raise Conflict(f"A credit currency '{body.id}' already exists", reason="duplicate")
    row = CreditCurrency(
        environment_id=repo.env, ref=body.id, name=body.name, symbol=body.symbol,
        unit_singular=body.unit_singular, unit_plural=body.unit_plural,
        allow_overdraft=body.allow_overdraft,
        price_amount=str(body.price.amount) if body.price else None,
        price_currency=body.price.currency if body.price else None,
        purchase_options=body.purchase_options,
        feature_costs=_check_costs(repo, body.feature_costs, body.id),
        plan_allowances=_check_allowances(repo, body.plan_allowances))
    try:
        repo.add(row)
    except IntegrityError as exc:
        raise Conflict(f"A credit currency '{body.id}' already exists",
                       reason="duplicate") from exc
    return currency_public(row)


def update(repo: CreditRepository, ref: str, body: CreditCurrencyUpdate) -> CreditCurrencyPublic:
    row = currency_of(repo, ref)
    given = body.model_fields_set
    for name in ("name", "symbol", "unit_singular", "unit_plural", "allow_overdraft",
                 "purchase_options"):
        if name in given and (getattr(body, name) is not None or name == "symbol"):
            setattr(row, name, getattr(body, name))
    if "price" in given:
        row.price_amount = str(body.price.amount) if body.price else None
        row.price_currency = body.price.currency if body.price else None
    if body.feature_costs is not None:
        row.feature_costs = _check_costs(repo, body.feature_costs, ref)
    if body.plan_allowances is not None:
        row.plan_allowances = _check_allowances(repo, body.plan_allowances)
    repo.session.flush()
    return currency_public(row)


def listing(repo: CreditRepository) -> list[CreditCurrencyPublic]:
    return [currency_public(c) for c in repo.currencies()]


def get(repo: CreditRepository, ref: str) -> CreditCurrencyPublic:
    return currency_public(currency_of(repo, ref))
