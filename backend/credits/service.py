"""Credit rules behind the endpoints: grants, consumption, balances, the ledger, usage series,
automatic-recharge settings and purchases. Each change opens (locks) the customer's account in
the currency first; see `accounts`."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from backend.credits import allowances, autorecharge, ledger, series
from backend.credits.accounts import (
    ZERO,
    Account,
    book_grant,
    burn,
    currency_of,
    customer_of,
    open_account,
    view,
    void,
)
from backend.credits.repository import CreditRepository
from backend.credits.schemas import (
    AutoRechargePublic,
    AutoRechargeSettings,
    ConsumeCredits,
    ConsumptionResult,
    CreditBalance,
    CreditUsage,
    GrantCreate,
    GrantPublic,
    LedgerEntryPublic,
    NextExpiry,
    PurchaseResult,
    UsagePoint,
    UsageSeries,
)
from backend.credits.views import brief, entry_public, grant_public, money, recharge_public
from backend.errors import Conflict, Invalid, NotFound
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.kit.money import to_minor
from backend.kit.pagination import Page, PageParams
from backend.models import (
    CreditAccount,
    CreditConsumption,
    CreditCurrency,
    CreditGrant,
    CreditRechargeSettings,
    Customer,
)


def _open(repo: CreditRepository, customer_ref: str, currency_ref: str) -> Account:
    return open_account(repo, currency_of(repo, currency_ref), customer_of(repo, customer_ref))


# -- grants --------------------------------------------------------------------------------------
def create_grant(repo: CreditRepository, body: GrantCreate) -> GrantPublic:
    """Grant credits; a grant with this `idempotency_key` already made is returned as it is."""
    at = now()
    if body.idempotency_key:
        earlier = repo.grant_by_key(body.idempotency_key)
        if earlier is not None:
            return _replayed_grant(repo, earlier, body, at)
    if body.expires_at is not None and body.expires_at <= at:
        raise Invalid("A grant must expire in the future", field="expires_at")
    account = _open(repo, body.customer_id, body.currency_id)
    at = account.at  # type: ignore[assignment]
    cost = (body.cost.amount_minor, body.cost.currency) if body.cost else None
    grant = book_grant(account, type=body.type, amount=body.amount, at=at,
                       effective_at=body.effective_at, expires_at=body.expires_at,
                       priority=body.priority, display_name=body.display_name, cost=cost,
                       idempotency_key=body.idempotency_key, metadata=body.metadata)
    autorecharge.after_change(account, at)
    return grant_public(grant, account.customer, account.currency, at)


def _owner(repo: CreditRepository, account_pk: int
           ) -> tuple[CreditAccount, Customer, CreditCurrency]:
    row = repo.accounts([account_pk])[0]
    customer = repo.customer_by_pk(row.customer_id)
    currency = repo.session.get(CreditCurrency, row.currency_id)
    assert customer is not None and currency is not None
    return row, customer, currency


def _replayed_grant(repo: CreditRepository, grant: CreditGrant, body: GrantCreate,
                    at: datetime) -> GrantPublic:
    _, customer, currency = _owner(repo, grant.account_id)
    if (customer.ref, currency.ref, grant.amount) != (body.customer_id, body.currency_id,
                                                      body.amount):
        raise Conflict("This idempotency key was used for a different grant",
                       reason="idempotency_key_reused")
    return grant_public(grant, customer, currency, at)


def void_grant(repo: CreditRepository, ref: str, reason: str) -> GrantPublic:
    at = now()
    grant = repo.grant(ref)
    if grant is None:
        raise NotFound(f"No credit grant '{ref}' in this environment")
    _, customer, currency = _owner(repo, grant.account_id)
    account = open_account(repo, currency, customer)
    at = account.at  # type: ignore[assignment]
    grant = next((g for g in account.grants if g.id == grant.id), grant)
    if grant.voided_at is not None:
        raise Conflict("This grant is already voided", reason="already_voided")
    if grant.expired_at is not None:
        raise Conflict("This grant has expired; nothing is left to void", reason="expired")
    void(account, grant, reason, at)
    account.event("credit.grant.voided", {"grant_id": grant.ref, "reason": reason},
                  subject=("credit_grant", grant.ref))
    autorecharge.after_change(account, at)
    return grant_public(grant, customer, currency, at)


def list_grants(repo: CreditRepository, customer: Customer, currency: CreditCurrency,
                params: PageParams) -> Page[GrantPublic]:
    at = now()
    account = repo.account(customer.id, currency.id, create=False)
    if account is None:
        return Page(data=[], has_more=False)
    if _due(repo, account.id, at):
        at = open_account(repo, currency, customer).at  # type: ignore[assignment]
    rows, more, cursor = repo.grants_page(account.id, params)
    return Page(data=[grant_public(g, customer, currency, at) for g in rows], has_more=more,
                next_cursor=cursor)


def _due(repo: CreditRepository, account_pk: int, at: datetime) -> bool:
    """Whether bringing the account up to date would change anything (so reads lock rarely)."""
    row, customer, currency = _owner(repo, account_pk)
    grants = repo.live_grants(account_pk)
    if any(g.expires_at is not None and g.expires_at <= at for g in grants):
        return True
    if row.overdraft > 0 and ledger.available([view(g) for g in grants], at) > 0:
        return True
    return not allowances.checked(row, customer, currency, at)


# -- consumption ---------------------------------------------------------------------------------
def _amount_of(currency: CreditCurrency, body: ConsumeCredits) -> Decimal:
    if body.amount is not None:
        return body.amount
    cost = currency.feature_costs.get(body.feature_id or "")
    if cost is None:
        raise Invalid(f"Feature '{body.feature_id}' costs no '{currency.ref}' credits; set "
                      "its cost on the credit currency", field="feature_id")
    amount = Decimal(cost) * (body.quantity or Decimal(1))
    if amount != amount.quantize(Decimal("0.000001")):
        raise Invalid("That quantity costs a fraction of a credit finer than a millionth",
                      field="quantity")
    return amount


def currency_for(repo: CreditRepository, body: ConsumeCredits) -> CreditCurrency:
    if body.currency_id is not None:
        return currency_of(repo, body.currency_id)
    found = feature_currency(repo, body.feature_id or "")
    if found is None:
        raise Invalid(f"Feature '{body.feature_id}' costs no credits in any credit currency",
                      field="feature_id")
    return found


def feature_currency(repo: CreditRepository, feature_ref: str) -> CreditCurrency | None:
    """The credit currency a feature's usage costs credits in, if any."""
    return next((c for c in repo.currencies() if feature_ref in c.feature_costs), None)


def consume(repo: CreditRepository, body: ConsumeCredits, at: datetime | None = None
            ) -> ConsumptionResult:
    """Burn credits atomically (402 `insufficient-credits` changes nothing); the same
    `idempotency_key` burns once and answers like the first time."""
    currency = currency_for(repo, body)
    amount = _amount_of(currency, body)
    customer = customer_of(repo, body.customer_id)
    account = open_account(repo, currency, customer, at)
    at = account.at
    key = body.idempotency_key or random_token("ccn_", 16)
    earlier = repo.consumption_by_key(key) if body.idempotency_key else None
    if earlier is not None:
        if earlier.account_id != account.row.id or earlier.amount != amount:
            raise Conflict("This idempotency key was used for a different consumption",
                           reason="idempotency_key_reused")
        return _result(account, earlier, at, duplicate=True)
    consumption = CreditConsumption(
        environment_id=repo.env, ref=random_token("ccn_", 14), account_id=account.row.id,
        amount=amount, feature_ref=body.feature_id, idempotency_key=key, at=at)
    repo.session.add(consumption)  # written with the ledger entries, in one flush
    entries, uncovered = burn(account, amount, at, consumption_ref=consumption.ref,
                              feature_ref=body.feature_id)
    consumption.overdraft = uncovered
    attempt = autorecharge.after_change(account, at)
    return _result(account, consumption, at, entries=entries, recharge=attempt)


def _result(account: Account, consumption: CreditConsumption, at: datetime, *,
            entries: list | None = None, duplicate: bool = False,  # type: ignore[type-arg]
            recharge=None) -> ConsumptionResult:  # type: ignore[no-untyped-def]
    if entries is None:
        entries = account.repo.consumption_entries(consumption.ref)
    by_pk = {g.id: g.ref for g in account.grants}
    refs = {pk: by_pk[pk] for pk in {e.grant_id for e in entries} if pk in by_pk}
    missing = {e.grant_id for e in entries if e.grant_id and e.grant_id not in refs}
    refs |= account.repo.grant_refs(missing)
    return ConsumptionResult(
        id=consumption.ref, customer_id=account.customer.ref, currency_id=account.currency.ref,
        amount=consumption.amount, feature_id=consumption.feature_ref, duplicate=duplicate,
        overdraft=consumption.overdraft, entries=[entry_public(e, refs) for e in entries],
        balance=balance_of(account, at),
        recharge=recharge_public(recharge, account.customer) if recharge else None)


# -- reading -------------------------------------------------------------------------------------
def balance_of(account: Account, at: datetime) -> CreditBalance:
    """The balance as the ledger sums it at `at`: the account's running totals less the entries
    dated later (the account is up to date)."""
    later = account.repo.later_totals(account.row.id, at)
    t = lambda *kinds: sum((later.get(k, ZERO) for k in kinds), ZERO)  # noqa: E731
    row = account.row
    granted = row.granted - t("grant", "recharge")
    consumed = row.consumed + t("consume", "overdraft")
    expired, voided = row.expired + t("expire"), row.voided + t("void")
    views = [view(g) for g in account.grants]
    expiry = ledger.next_expiry(views, at)
    expiring = sum((v.remaining for v in views if v.usable_at(at) and v.expires_at == expiry),
                   ZERO)
    return CreditBalance(
        customer_id=account.customer.ref, currency=brief(account.currency),
        current=granted - consumed - expired - voided, granted=granted, consumed=consumed,
        expired=expired, voided=voided, overdraft=row.overdraft,
        in_force=autorecharge.in_force(account, at),
        scheduled=sum((g.amount for g in account.grants if g.effective_at > at), ZERO),
        next_expiry=NextExpiry(at=expiry, amount=expiring) if expiry else None, as_of=at)


def balance(repo: CreditRepository, customer: Customer, currency: CreditCurrency) -> CreditBalance:
    at = now()
    row = repo.account(customer.id, currency.id, create=False)
    if row is None or _due(repo, row.id, at):
        account = open_account(repo, currency, customer)
        at = account.at  # type: ignore[assignment]
    else:
        account = Account(repo, row, currency, customer, repo.live_grants(row.id))
    return balance_of(account, at)


def entries(repo: CreditRepository, customer: Customer, currency: CreditCurrency,
            params: PageParams, *, types: list[str] | None = None, feature: str | None = None,
            since: datetime | None = None, until: datetime | None = None
            ) -> Page[LedgerEntryPublic]:
    row = repo.account(customer.id, currency.id, create=False)
    if row is None:
        return Page(data=[], has_more=False)
    rows, more, cursor = repo.entries_page(row.id, params, types=types, feature=feature,
                                           since=since, until=until)
    refs = repo.grant_refs({e.grant_id for e in rows if e.grant_id})
    return Page(data=[entry_public(e, refs) for e in rows], has_more=more, next_cursor=cursor)


def usage(repo: CreditRepository, customer: Customer, currency: CreditCurrency, *,
          range_: str | None, start: datetime | None, end: datetime | None,
          bucket: str | None, feature_names: dict[str, str]) -> CreditUsage:
    """Consumption per UTC bucket and feature: a named range, or start/end with a bucket."""
    at = now()
    if start is not None or end is not None:
        if start is None or end is None or end <= start:
            raise Invalid("Give both start and end, with end after start", field="end")
        kind = bucket or "day"
    else:
        kind, start, end = series.range_window(range_ or "30d", at)
    try:
        starts = series.bucket_starts(start, end, kind)
    except ValueError as exc:
        raise Invalid(str(exc), field="bucket") from exc
    row = repo.account(customer.id, currency.id, create=False)
    rows = repo.consumed_between(row.id, starts[0], end) if row and starts else []
    sums = series.summarise(rows, starts, kind)
    out = [UsageSeries(feature_id=f, feature_name=feature_names.get(f or "", f or "Other"),
                       total=sum(values, ZERO),
                       points=[UsagePoint(start=s, value=v) for s, v in zip(starts, values)])
           for f, values in sorted(sums.items(), key=lambda kv: -sum(kv[1], ZERO))]
    return CreditUsage(customer_id=customer.ref, currency=brief(currency), bucket=kind,  # type: ignore[arg-type]
                       start=starts[0] if starts else start, end=end,
                       total=sum((s.total for s in out), ZERO), buckets=starts, series=out)


# -- automatic recharge and purchases ------------------------------------------------------------
def recharge_settings(repo: CreditRepository, customer: Customer,
                      currency: CreditCurrency) -> AutoRechargePublic:
    at = now()
    row = repo.account(customer.id, currency.id, create=False)
    settings = repo.recharge_settings(row.id) if row else None
    price = currency.price_currency
    spent = repo.spent_since(row.id, autorecharge.month_start(at)) if row else 0
    last = repo.last_recharge(row.id) if row else None
    return AutoRechargePublic(
        customer_id=customer.ref, currency=brief(currency),
        price=({"amount": currency.price_amount, "currency": price}  # type: ignore[arg-type]
               if currency.price_amount else None),
        configured=settings is not None, enabled=bool(settings and settings.enabled),
        threshold_type=settings.threshold_type if settings else "credits",  # type: ignore[arg-type]
        threshold=Decimal(settings.threshold) if settings else ZERO,
        target_balance=settings.target_balance if settings else ZERO,
        monthly_limit=money(settings.monthly_limit_minor, price, customer)
        if settings and settings.monthly_limit_minor is not None and price else None,
        grant_expiry_days=settings.grant_expiry_days if settings else None,
        spent_this_month=money(spent, price, customer) if price else None,
        last_recharge=recharge_public(last, customer) if last else None,
        updated_at=settings.updated_at if settings else None)


def save_recharge_settings(repo: CreditRepository, customer: Customer, currency: CreditCurrency,
                           body: AutoRechargeSettings) -> AutoRechargePublic:
    """Validate and save; the next consumption acts on them."""
    if body.enabled and not currency.price_amount:
        raise Invalid(f"'{currency.ref}' credits have no price, so they cannot be bought "
                      "automatically", field="enabled")
    if body.threshold_type == "credits" and body.target_balance <= body.threshold:
        raise Invalid("The target balance must be above the threshold",
                      field="target_balance")
    if body.threshold_type == "amount" and currency.price_amount and \
            body.target_balance * Decimal(currency.price_amount) <= body.threshold:
        raise Invalid("The target balance must be worth more than the threshold",
                      field="target_balance")
    limit = None
    if body.monthly_limit is not None:
        limit = to_minor(body.monthly_limit, currency.price_currency or "USD")
        if limit <= 0:
            raise Invalid("The monthly limit must be at least the smallest coin",
                          field="monthly_limit")
    account = open_account(repo, currency, customer)
    at = account.at
    settings = repo.recharge_settings(account.row.id)
    if settings is None:
        settings = CreditRechargeSettings(environment_id=repo.env, account_id=account.row.id,
                                          threshold="0", target_balance=ZERO)
        repo.session.add(settings)
    settings.enabled, settings.threshold_type = body.enabled, body.threshold_type
    settings.threshold, settings.target_balance = str(body.threshold), body.target_balance
    settings.monthly_limit_minor, settings.grant_expiry_days = limit, body.grant_expiry_days
    settings.updated_at = at
    account.row.recharge_fired = False
    repo.session.flush()
    return recharge_settings(repo, customer, currency)


def purchase(repo: CreditRepository, customer: Customer, currency: CreditCurrency,
             credits: Decimal, key: str) -> PurchaseResult:
    account = open_account(repo, currency, customer)
    at = account.at  # type: ignore[assignment]
    grant = autorecharge.purchase(account, credits, at, key)
    assert grant.cost_minor is not None and grant.cost_currency is not None
    return PurchaseResult(grant=grant_public(grant, customer, currency, at),
                          cost=money(grant.cost_minor, grant.cost_currency, customer),
                          balance=balance_of(account, at))



def charge_usage(session, environment_id: int, customer_ref: str, feature_ref: str,  # type: ignore[no-untyped-def]
                 quantity: int, key: str, at: datetime) -> ConsumptionResult | None:
    """Burn the credits that `quantity` units of a feature cost (None when it costs none);
    called in the usage report's transaction, so a 402 leaves the report unrecorded."""
    if quantity <= 0:
        return None
    repo = CreditRepository(session, environment_id)
    currency = feature_currency(repo, feature_ref)
    if currency is None:
        return None
    body = ConsumeCredits(customer_id=customer_ref, currency_id=currency.ref,
                          feature_id=feature_ref, quantity=Decimal(quantity),
                          idempotency_key=f"usage:{key}"[:255])
    return consume(repo, body)
