"""Pure automatic-recharge arithmetic (no I/O): when a balance has fallen below its threshold,
and how many credits a recharge buys for what cost, within the monthly spend limit.

Rounding: a purchase of N credits costs N x price, rounded half-up once to the price
currency's minor units. A recharge limited by the monthly limit buys the most whole credits
whose cost fits what is left of the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from backend.kit.money import exponent, to_minor


@dataclass(frozen=True)
class Price:
    amount: Decimal  # major units per credit
    currency: str


@dataclass(frozen=True)
class Rule:
    threshold_type: str  # credits | amount
    threshold: Decimal  # credits, or major units of the price currency
    target: Decimal
    monthly_limit_minor: int | None


@dataclass(frozen=True)
class Purchase:
    credits: Decimal
    cost_minor: int


def cost_of(credits: Decimal, price: Price) -> int:
    """What `credits` cost in minor units of the price currency (half-up, once)."""
    return to_minor(credits * price.amount, price.currency)


def below_threshold(balance: Decimal, rule: Rule, price: Price | None) -> bool:
    """Whether the balance is under the threshold (in credits, or in money at the price)."""
    if rule.threshold_type == "amount":
        return price is not None and balance * price.amount < rule.threshold
    return balance < rule.threshold


def _affordable(budget_minor: int, price: Price) -> Decimal:
    per_credit = price.amount * (Decimal(10) ** exponent(price.currency))
    credits = (Decimal(budget_minor) / per_credit).to_integral_value(rounding=ROUND_FLOOR)
    while credits > 0 and cost_of(credits, price) > budget_minor:
        credits -= 1
    return max(credits, Decimal(0))


def plan_recharge(balance: Decimal, rule: Rule, price: Price, spent_minor: int) -> Purchase | None:
    """The credits that lift `balance` to the target, reduced to fit the monthly limit (None
    when nothing fits or nothing is needed). Credits bought are whole credits."""
    wanted = (rule.target - balance).to_integral_value(rounding="ROUND_CEILING")
    if wanted <= 0:
        return None
    if rule.monthly_limit_minor is not None:
        budget = rule.monthly_limit_minor - spent_minor
        if budget <= 0:
            return None
        if cost_of(wanted, price) > budget:
            wanted = _affordable(budget, price)
            if wanted <= 0:
                return None
    return Purchase(credits=wanted, cost_minor=cost_of(wanted, price))
