"""The burn order and its guarantees, by worked example and property."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.credits.ledger import (
    Grant,
    InsufficientCredits,
    available,
    expiring,
    next_expiry,
    plan_burn,
)

T0 = datetime(2026, 11, 24, tzinfo=UTC)


def grant(gid, amount, priority=1, expires_in=None, age=0, **extra):
    return Grant(gid, Decimal(amount), Decimal(amount), priority, T0 - timedelta(days=30),
                 T0 - timedelta(days=age),
                 T0 + timedelta(days=expires_in) if expires_in is not None else None, **extra)


def test_priority_then_earliest_expiry_then_oldest():
    grants = [grant("paid", 100, priority=2), grant("promo-late", 50, expires_in=20),
              grant("promo-soon", 30, expires_in=5), grant("recurring-old", 10, age=20),
              grant("recurring-new", 10, age=1)]
    burns, short = plan_burn(grants, Decimal(95), T0)
    assert [(b.grant_id, b.amount) for b in burns] == [
        ("promo-soon", 30), ("promo-late", 50), ("recurring-old", 10), ("recurring-new", 5)]
    assert short == 0


def test_expired_voided_and_future_grants_hold_nothing():
    grants = [grant("gone", 10, expires_in=0), grant("void", 10, voided=True),
              Grant("later", Decimal(10), Decimal(10), 1, T0 + timedelta(days=1), T0),
              grant("ok", 5)]
    assert available(grants, T0) == 5
    with pytest.raises(InsufficientCredits) as refused:
        plan_burn(grants, Decimal(6), T0)
    assert refused.value.available == 5
    burns, short = plan_burn(grants, Decimal(6), T0, allow_overdraft=True)
    assert [(b.grant_id, b.amount) for b in burns] == [("ok", 5)] and short == 1
    assert [(b.grant_id, b.amount) for b in expiring(grants, T0)] == [("gone", 10)]


def test_fractional_credits_stay_exact():
    burns, _ = plan_burn([grant("a", "0.1"), grant("b", "0.2", age=1)], Decimal("0.3"), T0)
    assert sum(b.amount for b in burns) == Decimal("0.3")


def test_next_expiry():
    assert next_expiry([grant("a", 1, expires_in=9), grant("b", 1, expires_in=3),
                        grant("c", 1)], T0) == T0 + timedelta(days=3)


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1000), places=2)
grant_lists = st.lists(st.tuples(amounts, st.integers(0, 3), st.one_of(st.none(),
                                                                        st.integers(-5, 30)),
                                 st.integers(0, 60), st.booleans()), max_size=8)


def build(specs):
    return [grant(f"g{i}", a, priority=p, expires_in=e, age=age, voided=v)
            for i, (a, p, e, age, v) in enumerate(specs)]


@given(grant_lists, amounts)
def test_burns_never_exceed_a_grant_and_cover_exactly(specs, wanted):
    grants = build(specs)
    have = available(grants, T0)
    by_id = {g.id: g for g in grants}
    if have < wanted:
        with pytest.raises(InsufficientCredits):
            plan_burn(grants, wanted, T0)
        return
    burns, short = plan_burn(grants, wanted, T0)
    assert short == 0 and sum(b.amount for b in burns) == wanted
    for b in burns:
        g = by_id[b.grant_id]
        assert g.usable_at(T0) and 0 < b.amount <= g.remaining


@given(grant_lists, amounts)
def test_only_the_last_burn_is_partial(specs, wanted):
    grants = build(specs)
    burns, _ = plan_burn(grants, wanted, T0, allow_overdraft=True)
    by_id = {g.id: g for g in grants}
    for b in burns[:-1]:
        assert b.amount == by_id[b.grant_id].remaining
