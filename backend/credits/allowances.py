"""Recurring credits from plans: a plan's monthly allowance is granted at the start of each
month of a subscription (counted from its start, on annual plans too) and expires at the next;
with a rollover cap, what is left of the month (up to the cap) joins the next month's grant.

Grants are issued whenever an account is brought up to date (any credit read or change) and by
the test clock at each month's start, so the outcome is the same as issuing them on time."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from backend.credits.accounts import Account, book_grant, open_account
from backend.credits.repository import CreditRepository
from backend.entitlements.periods import usage_period
from backend.models import CreditAccount, CreditCurrency, Customer, Subscription
from backend.subscriptions.proration import add_months
from backend.testclock.transitions import Transition, register

CATCH_UP = 24  # most months issued at once for one subscription


def _allowance(currency: CreditCurrency, sub: Subscription) -> dict | None:
    return next((a for a in currency.plan_allowances if a["plan_id"] == sub.plan.ref), None)


def _month_starts(sub: Subscription, after: datetime | None, at: datetime) -> list[datetime]:
    """Month starts of the subscription due by `at`: after the last one issued, or only the
    current month's when none was issued yet."""
    current, _ = usage_period("month", at, sub.started_at)
    if after is None:
        return [current]
    starts, cursor = [], add_months(after, 1)
    while cursor <= current and len(starts) < CATCH_UP:
        starts.append(cursor)
        cursor = add_months(cursor, 1)
    return starts


def checked(row: CreditAccount, customer: Customer, currency: CreditCurrency,
            at: datetime) -> bool:
    """Whether the account's last allowance check still holds (nothing can be due yet): the
    customer's subscriptions and the currency are unchanged and the next month has not come."""
    return (not currency.plan_allowances
            or (row.recurring_checked_at is not None
                and row.recurring_revision == customer.entitlements_revision
                and currency.updated_at <= row.recurring_checked_at
                and (row.recurring_due_at is None or at < row.recurring_due_at)))


def issue_due(account: Account, at: datetime) -> None:
    """Grant every month's allowance that has come for the customer's live subscriptions."""
    if checked(account.row, account.customer, account.currency, at):
        return
    dues: list[datetime] = []
    for sub in account.repo.live_subscriptions(account.customer.id):
        allowance = _allowance(account.currency, sub)
        if allowance is None:
            continue
        if sub.started_at > at:
            dues.append(sub.started_at)
            continue
        previous = account.repo.latest_recurring(account.row.id, sub.ref)
        for start in _month_starts(sub, previous.effective_at if previous else None, at):
            amount = Decimal(allowance["credits_per_month"])
            rolled = Decimal(0)
            cap = allowance.get("rollover_cap")
            if previous is not None and cap is not None and previous.voided_at is None:
                rolled = min(previous.remaining, Decimal(cap))
            previous = book_grant(
                account, type="recurring", amount=amount + rolled, at=start, effective_at=start,
                expires_at=add_months(start, 1), subscription_ref=sub.ref,
                display_name=f"{sub.plan.display_name} monthly credits",
                idempotency_key=f"recurring:{sub.ref}:{start.isoformat()}",
                metadata={"plan_id": sub.plan.ref, "rolled_over": str(rolled)} if rolled else
                {"plan_id": sub.plan.ref})
        dues.append(usage_period("month", at, sub.started_at)[1])
    row = account.row
    row.recurring_checked_at, row.recurring_due_at = at, min(dues, default=None)
    row.recurring_revision = account.customer.entitlements_revision


# -- the test clock ------------------------------------------------------------------------------
def _allowance_subscriptions(repo: CreditRepository) -> list[tuple[CreditCurrency, Subscription]]:
    currencies = [c for c in repo.currencies() if c.plan_allowances]
    if not currencies:
        return []
    return [(c, s) for s in repo.live_subscriptions() for c in currencies if _allowance(c, s)]


def run_due(session: Session, environment_id: int, start: datetime,
            end: datetime) -> list[Transition]:
    """Issue due monthly grants and book due expiries across the environment."""
    repo = CreditRepository(session, environment_id)
    opened: list[Account] = []
    for currency, sub in _allowance_subscriptions(repo):
        customer = repo.customer_by_pk(sub.customer_id)
        assert customer is not None
        row = repo.account(customer.id, currency.id, create=False)
        if row is None or not checked(row, customer, currency, end):
            opened.append(open_account(repo, currency, customer, end))
    for row in repo.accounts(repo.accounts_with_expiry_by(end)):
        customer = repo.customer_by_pk(row.customer_id)
        currency = session.get(CreditCurrency, row.currency_id)
        assert customer is not None and currency is not None
        opened.append(open_account(repo, currency, customer, end))
    session.flush()
    return [Transition(kind, end, ref) for account in opened for kind, ref in account.recorded]


def next_due(session: Session, environment_id: int, after: datetime) -> datetime | None:
    repo = CreditRepository(session, environment_id)
    dues = [usage_period("month", after, sub.started_at)[1]
            for _, sub in _allowance_subscriptions(repo)]
    expiry = repo.next_expiry_after(after)
    return min(dues + ([expiry] if expiry else []), default=None)


register("credits.due", run_due, next_due=next_due)
