"""A customer's credit balances (from immediate downgrades and cancellations) as the API shows them."""

from backend.models import Customer
from backend.paywall.prices import money
from backend.subscriptions.billing import Ctx
from backend.subscriptions.repository import SubscriptionRepository
from backend.subscriptions.schemas import CreditBalance, CreditBalances


def credit_balances(ctx: Ctx, customer: Customer) -> CreditBalances:
    """The customer's credit per currency: the sum of its ledger entries."""
    rows = SubscriptionRepository(ctx.session, ctx.env).credit_balances(customer.id)
    return CreditBalances(customer_id=customer.ref, data=[
        CreditBalance(currency=currency, amount_minor=amount,
                      formatted=money(amount, currency, ctx.locale).formatted)
        for currency, amount in rows])
