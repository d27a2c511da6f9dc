"""After a consumption, inside the account's lock: the low-balance alert and automatic recharge,
each at most once per crossing of the threshold (a flag on the account, cleared when the
balance is back at or above the threshold), so concurrent consumptions never recharge twice.

A recharge charges the customer's default card through the payment provider for whole credits
at the currency's price, within the monthly spend limit; a declined or impossible charge is
recorded as a failed recharge with `credit.recharge.failed`, and the consumption still stands.
Buying credits on demand (`purchase`) uses the same price and charge path.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from backend.credits import recharge as math
from backend.credits.accounts import ZERO, Account, balance_now, book_grant
from backend.errors import Conflict, ProblemError
from backend.kit.ids import random_token
from backend.models import CreditGrant, CreditRecharge, CreditRechargeSettings
from backend.payments import service as payments
from backend.payments.provider import PaymentMethodRequired

LOW_SHARE = Decimal("0.1")  # without settings, "low" is below 10% of the credits in force


class PurchaseFailed(ProblemError):
    status, slug, title = 402, "payment-failed", "Payment failed"


def price_of(account: Account) -> math.Price | None:
    c = account.currency
    return math.Price(Decimal(c.price_amount), c.price_currency) if c.price_amount and \
        c.price_currency else None


def rule_of(settings: CreditRechargeSettings) -> math.Rule:
    return math.Rule(settings.threshold_type, Decimal(settings.threshold),
                     settings.target_balance, settings.monthly_limit_minor)


def month_start(at: datetime) -> datetime:
    at = at.astimezone(UTC)
    return at.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def in_force(account: Account, at: datetime) -> Decimal:
    return sum((g.amount for g in account.grants
                if g.effective_at <= at and (g.expires_at is None or at < g.expires_at)), ZERO)


def _low(account: Account, settings: CreditRechargeSettings | None, balance: Decimal,
         at: datetime) -> bool:
    if settings is not None:
        return math.below_threshold(balance, rule_of(settings), price_of(account))
    return balance < in_force(account, at) * LOW_SHARE


def after_change(account: Account, at: datetime) -> CreditRecharge | None:
    """Alert and recharge once when the balance is below the threshold; re-arm both once it
    is back above. Returns the recharge attempted, if any."""
    settings = account.repo.recharge_settings(account.row.id)
    balance = balance_now(account, at)
    if not _low(account, settings, balance, at):
        account.row.low_alerted = account.row.recharge_fired = False
        return None
    if not account.row.low_alerted:
        account.row.low_alerted = True
        account.event("credit.balance.low", {"balance": balance})
    if settings is None or not settings.enabled or account.row.recharge_fired:
        return None
    account.row.recharge_fired = True
    attempt = _recharge(account, settings, balance, at)
    if attempt.status == "succeeded" and not _low(account, settings, balance_now(account, at),
                                                  at):
        account.row.low_alerted = account.row.recharge_fired = False
    return attempt


def _failed(account: Account, credits: Decimal, at: datetime, failure: str, *,
            cost: tuple[int, str | None] = (0, None),
            payment_ref: str | None = None) -> CreditRecharge:
    attempt = CreditRecharge(
        environment_id=account.env, ref=random_token("crc_", 14), account_id=account.row.id,
        status="failed", credits=credits, cost_minor=cost[0], currency=cost[1],
        payment_ref=payment_ref, failure=failure[:500], at=at)
    account.repo.add(attempt)
    account.event("credit.recharge.failed", {"recharge_id": attempt.ref, "credits": credits,
                                             "failure": attempt.failure})
    return attempt


def _expiry(settings: CreditRechargeSettings, at: datetime) -> datetime | None:
    return at + timedelta(days=settings.grant_expiry_days) if settings.grant_expiry_days else None


def _recharge(account: Account, settings: CreditRechargeSettings, balance: Decimal,
              at: datetime) -> CreditRecharge:
    price = price_of(account)
    if price is None:
        return _failed(account, ZERO, at, "The credit currency has no price to recharge at")
    spent = account.repo.spent_since(account.row.id, month_start(at))
    plan = math.plan_recharge(balance, rule_of(settings), price, spent)
    if plan is None:
        return _failed(account, ZERO, at, "The monthly spend limit is reached")
    ref = random_token("crc_", 14)
    grant, failure, payment_ref = _buy(account, plan, price, at, key=f"recharge:{ref}",
                                       kind="recharge", expires_at=_expiry(settings, at))
    if grant is None:
        return _failed(account, plan.credits, at, failure or "The payment failed",
                       cost=(plan.cost_minor, price.currency), payment_ref=payment_ref)
    attempt = CreditRecharge(
        environment_id=account.env, ref=ref, account_id=account.row.id, status="succeeded",
        credits=plan.credits, cost_minor=plan.cost_minor, currency=price.currency,
        payment_ref=payment_ref, grant_id=grant.id, at=at)
    account.repo.add(attempt)
    account.event("credit.recharge.succeeded", {
        "recharge_id": ref, "grant_id": grant.ref, "credits": plan.credits,
        "cost_minor": plan.cost_minor, "currency": price.currency})
    return attempt


def _buy(account: Account, plan: math.Purchase, price: math.Price, at: datetime, *, key: str,
         kind: str, expires_at: datetime | None = None
         ) -> tuple[CreditGrant | None, str | None, str | None]:
    """Charge the default card for `plan`; on success book the grant. Returns (grant or None,
    failure message, payment ref)."""
    try:
        payment = payments.charge(
            account.session, account.env, account.customer, plan.cost_minor, price.currency,
            idempotency_key=key, description=f"{plan.credits} {account.currency.unit_plural}")
    except PaymentMethodRequired as exc:
        return None, exc.detail, None
    if payment.status != "succeeded":
        return None, payment.failure_message or "The payment was declined", payment.ref
    grant = book_grant(account, type=kind, amount=plan.credits, at=at, expires_at=expires_at,
                       cost=(plan.cost_minor, price.currency),
                       display_name="Automatic recharge" if kind == "recharge" else
                       f"{plan.credits:,} {account.currency.unit_plural}",
                       metadata={"payment_id": payment.ref})
    return grant, None, payment.ref


def purchase(account: Account, credits: Decimal, at: datetime, key: str) -> CreditGrant:
    """Buy `credits` now with the default card: a paid grant, or `PurchaseFailed` (402)."""
    price = price_of(account)
    if price is None:
        raise Conflict(f"'{account.currency.ref}' credits have no price, so they cannot be "
                       "bought; set the currency's price first")
    plan = math.Purchase(credits=credits, cost_minor=math.cost_of(credits, price))
    if plan.cost_minor <= 0:
        raise Conflict("That purchase costs less than the smallest amount a card can be "
                       "charged; buy more credits")
    grant, failure, payment_ref = _buy(account, plan, price, at, key=key, kind="paid")
    if grant is None:
        raise PurchaseFailed(failure or "The payment failed", reason="payment_failed",
                             payment_id=payment_ref)
    after_change(account, at)
    return grant

