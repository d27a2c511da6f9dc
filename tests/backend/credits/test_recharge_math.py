"""Automatic recharge arithmetic: worked examples and properties."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from backend.credits.recharge import Price, Rule, below_threshold, cost_of, plan_recharge

CENT = Price(Decimal("0.01"), "USD")


def test_buys_whole_credits_up_to_the_target():
    rule = Rule("credits", Decimal(20), Decimal(100), None)
    assert plan_recharge(Decimal("15.5"), rule, CENT, 0).credits == 85  # 84.5 rounds up
    assert plan_recharge(Decimal(15), rule, CENT, 0).cost_minor == 85
    assert plan_recharge(Decimal(100), rule, CENT, 0) is None


def test_the_monthly_limit_buys_what_still_fits():
    rule = Rule("credits", Decimal(20), Decimal(100), 50)
    assert plan_recharge(Decimal(15), rule, CENT, 0).credits == 50
    assert plan_recharge(Decimal(15), rule, CENT, 30).credits == 20
    assert plan_recharge(Decimal(15), rule, CENT, 50) is None


def test_cost_is_rounded_half_up_once():
    third = Price(Decimal("0.0025"), "USD")
    assert cost_of(Decimal(2), third) == 1  # $0.005 -> 1 cent
    assert cost_of(Decimal(1), third) == 0  # $0.0025 -> 0 cents
    assert cost_of(Decimal(500), Price(Decimal(3), "JPY")) == 1500


def test_threshold_in_money():
    rule = Rule("amount", Decimal("1.00"), Decimal(500), None)
    assert below_threshold(Decimal(99), rule, CENT)  # $0.99
    assert not below_threshold(Decimal(100), rule, CENT)
    assert not below_threshold(Decimal(0), rule, None)  # no price: never "below" in money


@given(balance=st.decimals(-1000, 1000, places=2), target=st.integers(1, 10_000),
       limit=st.none() | st.integers(0, 20_000), spent=st.integers(0, 20_000),
       price=st.decimals(Decimal("0.0001"), Decimal(5), places=4))
def test_a_recharge_never_passes_the_limit_or_the_target(balance, target, limit, spent, price):
    rule = Rule("credits", Decimal(0), Decimal(target), limit)
    plan = plan_recharge(balance, rule, Price(price, "USD"), spent)
    if plan is None:
        return
    assert plan.credits > 0 and plan.credits == plan.credits.to_integral_value()
    assert plan.cost_minor == cost_of(plan.credits, Price(price, "USD"))
    assert balance + plan.credits < target + 1  # never more than one credit past the target
    if limit is not None:
        assert spent + plan.cost_minor <= limit
