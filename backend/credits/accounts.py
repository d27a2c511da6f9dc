"""The inside of an account's lock: bringing it up to date (`sync`), booking grants, burning
credits and reading the balance. Callers take the lock (`open_account`) before any change, so
concurrent requests for one customer's credits run one after the other and never overdraw.

Every change is a ledger entry; a grant's `remaining` moves with its entries in the same
transaction, so the balance (the ledger's sum) always equals the credits of usable grants
minus any unsettled overdraft.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from backend.credits import ledger
from backend.credits.repository import CreditRepository
from backend.errors import NotFound, ProblemError
from backend.events.service import record
from backend.kit.clock import now
from backend.kit.ids import random_token
from backend.models import CreditAccount, CreditCurrency, CreditEntry, CreditGrant, Customer

ZERO = Decimal(0)


class NotEnoughCredits(ProblemError):
    status, slug, title = 402, "insufficient-credits", "Not enough credits"


@dataclass
class Account:
    """An account under its lock, with the rows a change needs."""

    repo: CreditRepository
    row: CreditAccount
    currency: CreditCurrency
    customer: Customer
    grants: list[CreditGrant] = field(default_factory=list)
    at: datetime | None = None  # the time of the change: read once the lock is held
    recorded: list[tuple[str, str | None]] = field(default_factory=list)  # (type, subject)

    @property
    def session(self):  # type: ignore[no-untyped-def]
        return self.repo.session

    @property
    def env(self) -> int:
        return self.repo.env

    def event(self, type: str, data: dict, subject: tuple[str, str] | None = None) -> None:
        data = {"customer_id": self.customer.ref, "currency_id": self.currency.ref, **data}
        record(self.session, self.env, type, data, customer_ref=self.customer.ref,
               subject=subject)
        self.recorded.append((type, subject[1] if subject else None))

    def entry(self, type: str, amount: Decimal, at: datetime, grant: CreditGrant | None = None,
              **extra: str | None) -> CreditEntry:
        return CreditEntry(environment_id=self.env, account_id=self.row.id,
                           grant_id=grant.id if grant else None, type=type, amount=amount,
                           at=at, **extra)


TOTALS = {"grant": "granted", "recharge": "granted", "consume": "consumed",
          "overdraft": "consumed", "expire": "expired", "void": "voided"}


def post(account: Account, entries: list[CreditEntry]) -> None:
    """Write ledger entries and move the account's running totals with them (each total is
    the sum of its entry types; `settlement` pairs net to zero)."""
    row = account.row
    for e in entries:
        name = TOTALS.get(e.type)
        if name is not None:
            sign = 1 if name == "granted" else -1
            setattr(row, name, getattr(row, name) + sign * e.amount)
    account.repo.add_entries(entries)


def view(grant: CreditGrant) -> ledger.Grant:
    return ledger.Grant(id=grant.ref, amount=grant.amount, remaining=grant.remaining,
                        priority=grant.priority, effective_at=grant.effective_at,
                        created_at=grant.created_at, expires_at=grant.expires_at,
                        voided=grant.voided_at is not None)


def currency_of(repo: CreditRepository, ref: str) -> CreditCurrency:
    currency = repo.currency(ref)
    if currency is None:
        raise NotFound(f"No credit currency '{ref}' in this environment")
    return currency


def customer_of(repo: CreditRepository, ref: str) -> Customer:
    customer = repo.customer(ref)
    if customer is None:
        raise NotFound(f"No customer '{ref}' in this environment")
    return customer


def open_account(repo: CreditRepository, currency: CreditCurrency, customer: Customer,
                 at: datetime | None = None) -> Account:
    """The account, locked and brought up to date (created on first use). Its time `at` is
    read after the lock is held, so changes of one account are stamped in the order they
    happen (a change that waited never lands before the one it waited for)."""
    row = repo.account(customer.id, currency.id, create=True)
    assert row is not None
    repo.lock(row)
    account = Account(repo, row, currency, customer, at=at or now())
    sync(account, account.at)  # type: ignore[arg-type]
    return account


def usable(account: Account, at: datetime) -> Decimal:
    return ledger.available([view(g) for g in account.grants], at)


def balance_now(account: Account, at: datetime) -> Decimal:
    """Usable credits minus the unsettled overdraft: what the ledger sums to at `at`."""
    return usable(account, at) - account.row.overdraft


# -- keeping an account up to date ---------------------------------------------------------------
def sync(account: Account, at: datetime) -> None:
    """Issue due recurring grants, book due expiries, settle any overdraft."""
    from backend.credits.allowances import issue_due

    account.grants = account.repo.live_grants(account.row.id)
    issue_due(account, at)
    book_expiries(account, at)
    settle(account, at)


def book_expiries(account: Account, at: datetime) -> None:
    """Each grant whose expiry has come loses its unused remainder at its exact expiry time."""
    due = {b.grant_id: b.amount for b in ledger.expiring([view(g) for g in account.grants], at)}
    for grant in [g for g in account.grants if g.expires_at and g.expires_at <= at]:
        left = due.get(grant.ref, ZERO)
        if left:
            post(account, [account.entry("expire", -left, grant.expires_at, grant)])
        grant.remaining, grant.expired_at = ZERO, grant.expires_at
        account.grants.remove(grant)
        if left:
            account.event("credit.grant.expired", {"grant_id": grant.ref, "expired": left,
                                                   "expired_at": grant.expires_at},
                          subject=("credit_grant", grant.ref))
    account.session.flush()


def settle(account: Account, at: datetime) -> None:
    """Repay an overdraft from the grants usable now, in burn order."""
    debt = account.row.overdraft
    have = usable(account, at)
    if debt <= 0 or have <= 0:
        return
    burns, _ = ledger.plan_burn([view(g) for g in account.grants], min(debt, have), at)
    by_ref = {g.ref: g for g in account.grants}
    entries = []
    for burn in burns:
        grant = by_ref[burn.grant_id]
        grant.remaining -= burn.amount
        grant.consumed += burn.amount
        entries += [account.entry("settlement", -burn.amount, at, grant,
                                  note="overdraft repaid from this grant"),
                    account.entry("settlement", burn.amount, at, note="overdraft repaid")]
    account.row.overdraft = debt - sum((b.amount for b in burns), ZERO)
    post(account, entries)


# -- grants --------------------------------------------------------------------------------------
def book_grant(account: Account, *, type: str, amount: Decimal, at: datetime,
               effective_at: datetime | None = None, expires_at: datetime | None = None,
               priority: int = 100, display_name: str | None = None,
               cost: tuple[int, str] | None = None, subscription_ref: str | None = None,
               idempotency_key: str | None = None, metadata: dict | None = None) -> CreditGrant:
    """Add a grant with its ledger entry (`recharge` for automatic recharges, else `grant`),
    then settle any overdraft it can repay."""
    effective = effective_at or at
    grant = CreditGrant(
        environment_id=account.env, ref=random_token("cgr_", 14), account_id=account.row.id,
        type=type, display_name=display_name, amount=amount, consumed=ZERO, remaining=amount,
        priority=priority, effective_at=effective, expires_at=expires_at,
        cost_minor=cost[0] if cost else None, cost_currency=cost[1] if cost else None,
        subscription_ref=subscription_ref, idempotency_key=idempotency_key,
        metadata_=metadata or {}, created_at=at)
    account.repo.add(grant)
    kind = "recharge" if type == "recharge" else "grant"
    post(account, [account.entry(kind, amount, effective, grant,
                                            note=display_name)])
    account.grants.append(grant)
    account.event("credit.grant.created", {
        "grant_id": grant.ref, "type": type, "amount": amount, "effective_at": effective,
        "expires_at": expires_at}, subject=("credit_grant", grant.ref))
    settle(account, at)
    return grant


def void(account: Account, grant: CreditGrant, reason: str, at: datetime) -> None:
    """The grant's unused remainder leaves the balance (from its start if it has not begun)."""
    left = grant.remaining
    when = max(at, grant.effective_at)
    if left:
        post(account, [account.entry("void", -left, when, grant, note=reason)])
    grant.remaining, grant.voided_at, grant.void_reason = ZERO, at, reason
    if grant in account.grants:
        account.grants.remove(grant)


# -- consumption ---------------------------------------------------------------------------------
def burn(account: Account, amount: Decimal, at: datetime, *, consumption_ref: str,
         feature_ref: str | None) -> tuple[list[CreditEntry], Decimal]:
    """Burn `amount` in burn order; the uncovered part becomes overdraft when the currency
    allows it, else `NotEnoughCredits` (402) and nothing changes."""
    try:
        burns, uncovered = ledger.plan_burn([view(g) for g in account.grants], amount, at,
                                            allow_overdraft=account.currency.allow_overdraft)
    except ledger.InsufficientCredits as exc:
        raise NotEnoughCredits(
            f"{exc.wanted} {account.currency.unit_plural} needed, {exc.available} available",
            reason="insufficient_credits", wanted=str(exc.wanted),
            available=str(exc.available)) from exc
    by_ref = {g.ref: g for g in account.grants}
    entries = []
    for b in burns:
        grant = by_ref[b.grant_id]
        grant.remaining -= b.amount
        grant.consumed += b.amount
        entries.append(account.entry("consume", -b.amount, at, grant,
                                     feature_ref=feature_ref, consumption_ref=consumption_ref))
    if uncovered:
        account.row.overdraft += uncovered
        entries.append(account.entry("overdraft", -uncovered, at, feature_ref=feature_ref,
                                     consumption_ref=consumption_ref))
    post(account, entries)
    return entries, uncovered
