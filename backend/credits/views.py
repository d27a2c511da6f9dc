"""Rows as API shapes (no rules, no SQL)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from backend.credits import ledger
from backend.credits.schemas import (
    CreditCurrencyPublic,
    CreditPrice,
    CurrencyBrief,
    GrantPublic,
    LedgerEntryPublic,
    PlanAllowance,
    RechargePublic,
)
from backend.kit.money import format_money
from backend.models import CreditCurrency, CreditEntry, CreditGrant, CreditRecharge, Customer
from backend.paywall.schemas import Money


def money(amount_minor: int, currency: str, customer: Customer | None = None) -> Money:
    locale = (customer.locale if customer else None) or "en_US"
    return Money(amount_minor=amount_minor, currency=currency,
                 formatted=format_money(amount_minor, currency, locale))


def brief(c: CreditCurrency) -> CurrencyBrief:
    return CurrencyBrief(id=c.ref, name=c.name, symbol=c.symbol, unit_singular=c.unit_singular,
                         unit_plural=c.unit_plural)


def currency_public(c: CreditCurrency) -> CreditCurrencyPublic:
    price = CreditPrice(amount=Decimal(c.price_amount), currency=c.price_currency) \
        if c.price_amount and c.price_currency else None
    return CreditCurrencyPublic(
        id=c.ref, name=c.name, symbol=c.symbol, unit_singular=c.unit_singular,
        unit_plural=c.unit_plural, allow_overdraft=c.allow_overdraft, price=price,
        purchase_options=list(c.purchase_options or []),
        feature_costs={k: Decimal(v) for k, v in (c.feature_costs or {}).items()},
        plan_allowances=[PlanAllowance(**a) for a in c.plan_allowances or []],
        created_at=c.created_at)


def grant_public(g: CreditGrant, customer: Customer, currency: CreditCurrency,
                 at: datetime) -> GrantPublic:
    return GrantPublic(
        id=g.ref, customer_id=customer.ref, currency_id=currency.ref, type=g.type,  # type: ignore[arg-type]
        status=ledger.status(voided=g.voided_at is not None, effective_at=g.effective_at,  # type: ignore[arg-type]
                             expires_at=g.expires_at, remaining=g.remaining, at=at),
        display_name=g.display_name, amount=g.amount, consumed=g.consumed,
        remaining=g.remaining, priority=g.priority, effective_at=g.effective_at,
        expires_at=g.expires_at, voided_at=g.voided_at, void_reason=g.void_reason,
        cost=money(g.cost_minor, g.cost_currency, customer)
        if g.cost_minor is not None and g.cost_currency else None,
        subscription_id=g.subscription_ref, metadata=g.metadata_ or {}, created_at=g.created_at)


def entry_public(e: CreditEntry, grant_refs: dict[int, str]) -> LedgerEntryPublic:
    return LedgerEntryPublic(
        id=e.id, type=e.type, amount=e.amount,  # type: ignore[arg-type]
        grant_id=grant_refs.get(e.grant_id) if e.grant_id else None, feature_id=e.feature_ref,
        consumption_id=e.consumption_ref, note=e.note, at=e.at)


def recharge_public(r: CreditRecharge, customer: Customer) -> RechargePublic:
    return RechargePublic(
        id=r.ref, status=r.status, credits=r.credits,  # type: ignore[arg-type]
        cost=money(r.cost_minor, r.currency, customer) if r.currency and r.cost_minor else None,
        failure=r.failure, grant_id=r.grant.ref if r.grant else None, at=r.at)
