"""Random sequences of grants, consumptions, voids and clock moves through the API: the balance
is always the ledger's sum and the usable grants' credits; consumption never lands on an
expired, voided or future grant; without overdraft nothing is consumed beyond what was
granted."""

import itertools
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.backend.helpers import ok

amounts = st.decimals(min_value=Decimal("0.5"), max_value=Decimal(60), places=1)
ops = st.lists(st.one_of(
    st.tuples(st.just("grant"), amounts, st.sampled_from([None, 1, 3, 48]),
              st.sampled_from([0, 0, 0, 2]), st.integers(0, 2)),
    st.tuples(st.just("consume"), amounts),
    st.tuples(st.just("void"), st.integers(0, 20)),
    st.tuples(st.just("advance"), st.sampled_from([1, 2, 5, 30])),
), min_size=3, max_size=12)
counter = itertools.count()


def _all_entries(api, customer):
    entries, cursor = [], None
    while True:
        params = {"customer_id": customer, "currency_id": "tokens", "limit": 100}
        if cursor:
            params["cursor"] = cursor
        page = ok(api.get("/api/v1/credits/ledger", params=params))
        entries += page["data"]
        if not page["has_more"]:
            return entries
        cursor = page["next_cursor"]


def _grants(api, customer):
    return ok(api.get("/api/v1/credits/grants", params={
        "customer_id": customer, "currency_id": "tokens", "limit": 100}))["data"]


@pytest.fixture
def frozen(credits_api):
    ok(credits_api.post("/api/v1/test-clock/freeze", json={}))
    return credits_api


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=ops, overdraft=st.booleans())
def test_the_balance_is_always_the_ledger_sum(frozen, steps, overdraft):
    api = frozen
    customer = f"c{next(counter)}"
    ok(api.post("/api/v1/customers", json={"id": customer}), 201)
    ok(api.patch("/api/v1/credits/currencies/tokens", json={"allow_overdraft": overdraft}))
    made: list[str] = []
    for step in steps:
        now = datetime.fromisoformat(ok(api.get("/api/v1/test-clock"))["time"])
        if step[0] == "grant":
            _, amount, expires_h, starts_h, priority = step
            body = {"customer_id": customer, "currency_id": "tokens", "amount": str(amount),
                    "priority": priority,
                    "effective_at": (now + timedelta(hours=starts_h)).isoformat()}
            if expires_h:
                body["expires_at"] = (now + timedelta(hours=starts_h + expires_h)).isoformat()
            made.append(ok(api.post("/api/v1/credits/grants", json=body), 201)["id"])
        elif step[0] == "consume":
            r = api.post("/api/v1/credits/consume", json={
                "customer_id": customer, "currency_id": "tokens", "amount": str(step[1])})
            assert r.status_code in (200, 402), r.text
            assert r.status_code == 200 or not overdraft
        elif step[0] == "void" and made:
            r = api.post(f"/api/v1/credits/grants/{made[step[1] % len(made)]}/void",
                         json={"reason": "test"})
            assert r.status_code in (200, 409), r.text
        elif step[0] == "advance":
            ok(api.post("/api/v1/test-clock/advance", json={"seconds": step[1] * 3600}))
        _check(api, customer, overdraft)


def _check(api, customer, overdraft):
    now = datetime.fromisoformat(ok(api.get("/api/v1/test-clock"))["time"])
    balance = ok(api.get("/api/v1/credits/balance", params={
        "customer_id": customer, "currency_id": "tokens"}))
    entries = _all_entries(api, customer)
    grants = {g["id"]: g for g in _grants(api, customer)}
    current = Decimal(balance["current"])
    assert current == sum((Decimal(e["amount"]) for e in entries
                           if datetime.fromisoformat(e["at"]) <= now), Decimal(0))
    usable = sum((Decimal(g["remaining"]) for g in grants.values() if g["status"] == "active"),
                 Decimal(0))
    assert current == usable - Decimal(balance["overdraft"])
    for e in entries:
        if e["type"] != "consume":
            continue
        g, at = grants[e["grant_id"]], datetime.fromisoformat(e["at"])
        assert datetime.fromisoformat(g["effective_at"]) <= at
        assert g["expires_at"] is None or at < datetime.fromisoformat(g["expires_at"])
        assert g["voided_at"] is None or at <= datetime.fromisoformat(g["voided_at"])
    if not overdraft:
        assert Decimal(balance["consumed"]) <= Decimal(balance["granted"])
        assert current >= 0
