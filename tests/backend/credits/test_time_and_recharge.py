"""Expiry and recurring plan credits under the test clock; automatic recharge; purchases."""

from datetime import datetime, timedelta

from tests.backend.credits.conftest import D, balance, consume, grant
from tests.backend.helpers import assert_problem, ok
from tests.backend.payments.conftest import card


def _freeze(api) -> datetime:
    return datetime.fromisoformat(ok(api.post("/api/v1/test-clock/freeze", json={}))["time"])


def _advance(api, **delta) -> dict:
    seconds = int(timedelta(**delta).total_seconds())
    return ok(api.post("/api/v1/test-clock/advance", json={"seconds": seconds}))


def _events(api, type_):
    return ok(api.get("/api/v1/events", params={"type": type_}))["data"]


def _ledger(api, customer="ada", **params):
    return ok(api.get("/api/v1/credits/ledger", params={
        "customer_id": customer, "currency_id": "tokens", **params}))["data"]


def test_a_grant_expires_at_its_exact_time_under_the_test_clock(credits_api):
    api = credits_api
    start = _freeze(api)
    expiry = start + timedelta(hours=1)
    g = grant(api, 10, expires_at=expiry.isoformat())
    consume(api, 4)
    moved = _advance(api, hours=2)
    assert any(t["type"] == "credit.grant.expired" for t in moved["transitions"])
    [entry] = _ledger(api, type="expire")
    assert D(entry["amount"]) == -6 and datetime.fromisoformat(entry["at"]) == expiry
    assert entry["grant_id"] == g["id"]
    assert D(balance(api)["current"]) == 0 and D(balance(api)["expired"]) == 6
    assert_problem(api.post("/api/v1/credits/consume", json={
        "customer_id": "ada", "currency_id": "tokens", "amount": "1"}), 402)
    [event] = _events(api, "credit.grant.expired")
    assert event["data"]["grant_id"] == g["id"]


def test_plans_grant_credits_every_month_with_rollover_up_to_the_cap(credits_api):
    api = credits_api
    ok(api.patch("/api/v1/credits/currencies/tokens", json={"plan_allowances": [
        {"plan_id": "pro", "credits_per_month": "1000", "rollover_cap": "200"}]}))
    ok(api.post("/api/v1/customers", json={"id": "bob", "subscription": {"plan_id": "pro"}}),
       201)
    _freeze(api)
    first = balance(api, "bob")
    assert D(first["current"]) == 1000 and D(first["granted"]) == 1000
    consume(api, 100, customer_id="bob")
    _advance(api, days=32)
    second = balance(api, "bob")
    assert D(second["current"]) == 1200  # 1,000 new + 200 of the 900 left (the cap)
    assert D(second["expired"]) == 900
    grants = ok(api.get("/api/v1/credits/grants", params={
        "customer_id": "bob", "currency_id": "tokens"}))["data"]
    assert [g["type"] for g in grants] == ["recurring", "recurring"]
    assert grants[0]["metadata"]["rolled_over"] == "200"
    assert [g["status"] for g in grants] == ["active", "expired"]
    _advance(api, days=31)
    assert D(balance(api, "bob")["current"]) == 1200  # nothing used: 1,000 + 200 again
    assert len(_events(api, "credit.grant.created")) == 3


def _recharge(api, **settings):
    body = {"customer_id": "ada", "currency_id": "tokens", "enabled": True, "threshold": "20",
            "target_balance": "100", **settings}
    return ok(api.put("/api/v1/credits/auto-recharge", json=body))


def test_auto_recharge_buys_up_to_the_target_once_per_crossing(credits_api):
    api = credits_api
    grant(api, 50)
    _recharge(api, monthly_limit="5")
    out = consume(api, 35)  # 15 left: below 20, buy 85 credits for $0.85
    assert out["recharge"]["status"] == "succeeded" and D(out["recharge"]["credits"]) == 85
    grants = ok(api.get("/api/v1/credits/grants", params={
        "customer_id": "ada", "currency_id": "tokens"}))["data"]
    assert out["recharge"]["grant_id"] == grants[0]["id"] and grants[0]["type"] == "recharge"
    assert out["recharge"]["cost"] == {"amount_minor": 85, "currency": "USD",
                                       "formatted": "$0.85"}
    assert D(out["balance"]["current"]) == 100
    consume(api, 50)
    assert D(balance(api)["current"]) == 50  # above the threshold: no recharge
    state = ok(api.get("/api/v1/credits/auto-recharge", params={
        "customer_id": "ada", "currency_id": "tokens"}))
    assert state["spent_this_month"]["amount_minor"] == 85 and state["enabled"]
    assert len(_events(api, "credit.recharge.succeeded")) == 1
    assert len(_events(api, "credit.balance.low")) == 1


def test_the_monthly_limit_caps_recharges_and_failures_never_block_consumption(credits_api):
    api = credits_api
    grant(api, 30)
    _recharge(api, monthly_limit="0.50")
    out = consume(api, 15)  # 15 left: wants 85 ($0.85) but only $0.50 fits: 50 credits
    assert D(out["recharge"]["credits"]) == 50
    out = consume(api, 50)  # 15 left again, and this month's limit is spent
    assert out["recharge"]["status"] == "failed"
    assert "limit" in out["recharge"]["failure"]
    out = consume(api, 5)  # the same crossing: no second attempt
    assert out["recharge"] is None and D(out["balance"]["current"]) == 10
    assert len(_events(api, "credit.recharge.failed")) == 1


def test_a_declined_card_is_recorded_and_consumption_continues(credits_api):
    api = credits_api
    ok(api.post("/api/v1/customers", json={"id": "cy", "subscription": {"plan_id": "free"}}),
       201)
    ok(api.post("/api/v1/customers/cy/payment-methods",
                json=card("4000 0000 0000 0002")), 201)
    grant(api, 30, customer_id="cy")
    _recharge(api, customer_id="cy")
    out = consume(api, 20, customer_id="cy")
    assert out["recharge"]["status"] == "failed" and D(out["balance"]["current"]) == 10
    [event] = _events(api, "credit.recharge.failed")
    assert event["customer_id"] == "cy"
    payments = ok(api.get("/api/v1/customers/cy/payments"))["data"]
    assert [p["status"] for p in payments] == ["failed"]


def test_recharge_settings_are_validated(credits_api):
    api = credits_api
    body = {"customer_id": "ada", "currency_id": "tokens", "enabled": True}
    assert_problem(api.put("/api/v1/credits/auto-recharge", json={
        **body, "threshold": "50", "target_balance": "50"}), 422, "target_balance")
    assert_problem(api.put("/api/v1/credits/auto-recharge", json={
        **body, "threshold": "5", "target_balance": "50", "monthly_limit": "-1"}),
        422, "monthly_limit")
    assert_problem(api.put("/api/v1/credits/auto-recharge", json={
        **body, "threshold": "x", "target_balance": "50"}), 422, "threshold")


def test_buying_credits_charges_the_card_once_per_key(credits_api):
    api = credits_api
    body = {"customer_id": "ada", "currency_id": "tokens", "credits": "500"}
    first = ok(api.post("/api/v1/credits/purchases", json=body,
                        headers={"Idempotency-Key": "order-1"}), 201)
    again = ok(api.post("/api/v1/credits/purchases", json=body,
                        headers={"Idempotency-Key": "order-1"}), 201)
    assert first == again and first["cost"]["formatted"] == "$5"
    assert first["grant"]["type"] == "paid" and D(first["balance"]["current"]) == 500
    assert len(ok(api.get("/api/v1/customers/ada/payments"))["data"]) == 1
