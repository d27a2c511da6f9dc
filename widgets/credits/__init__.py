"""Prepaid credit widgets: the balance (with an "Add credits" purchase dialog), automatic
recharge (status card and settings form), usage over time, and the grants table. Each acts
for one customer through the customer-token API."""

from widgets.credits.balance import credit_balance
from widgets.credits.grants import credit_grants
from widgets.credits.recharge import auto_recharge
from widgets.credits.texts import BALANCE_TEXTS, RECHARGE_TEXTS
from widgets.credits.usage_chart import credit_usage

__all__ = ["BALANCE_TEXTS", "RECHARGE_TEXTS", "auto_recharge", "credit_balance",
           "credit_grants", "credit_usage"]
