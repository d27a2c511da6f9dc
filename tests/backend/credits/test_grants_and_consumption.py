"""Grants, burn order, the ledger and the balance through the API."""

from tests.backend.credits.conftest import D, balance, consume, grant
from tests.backend.helpers import assert_problem, ok


def test_burn_order_priority_then_earliest_expiry_then_oldest(credits_api):
    api = credits_api
    paid = grant(api, 100, type="paid")
    soon = grant(api, 50, expires_at="2099-01-01T00:00:00Z")
    first = grant(api, 30, priority=10)
    result = consume(api, 120)
    burned = [(e["grant_id"], D(e["amount"])) for e in result["entries"]]
    assert burned == [(first["id"], D(-30)), (soon["id"], D(-50)), (paid["id"], D(-40))]
    assert D(result["balance"]["current"]) == 60
    assert D(result["balance"]["consumed"]) == 120 and D(result["balance"]["granted"]) == 180


def test_feature_usage_costs_credits_and_decimals_stay_exact(credits_api):
    api = credits_api
    grant(api, 10)
    out = consume(api, feature_id="minutes", quantity="3")
    assert D(out["amount"]) == D("4.5") and out["feature_id"] == "minutes"
    out = consume(api, feature_id="images", currency_id=None)
    assert D(out["amount"]) == 4
    assert D(balance(api)["current"]) == D("1.5")


def test_short_balance_is_refused_and_changes_nothing(credits_api):
    api = credits_api
    grant(api, 5)
    response = api.post("/api/v1/credits/consume",
                        json={"customer_id": "ada", "currency_id": "tokens", "amount": "6"})
    body = assert_problem(response, 402)
    assert body["reason"] == "insufficient_credits" and body["available"] == "5"
    assert D(balance(api)["current"]) == 5


def test_idempotency_key_consumes_once(credits_api):
    api = credits_api
    grant(api, 10)
    a = consume(api, 3, idempotency_key="job-1")
    b = consume(api, 3, idempotency_key="job-1")
    assert b["duplicate"] and b["id"] == a["id"]
    assert D(balance(api)["current"]) == 7
    response = api.post("/api/v1/credits/consume", json={
        "customer_id": "ada", "currency_id": "tokens", "amount": "4", "idempotency_key": "job-1"})
    assert_problem(response, 409)


def test_void_removes_the_unused_remainder(credits_api):
    api = credits_api
    g = grant(api, 10)
    consume(api, 4)
    voided = ok(api.post(f"/api/v1/credits/grants/{g['id']}/void", json={"reason": "refund"}))
    assert voided["status"] == "voided" and D(voided["remaining"]) == 0
    b = balance(api)
    assert D(b["current"]) == 0 and D(b["voided"]) == 6
    assert_problem(api.post(f"/api/v1/credits/grants/{g['id']}/void", json={"reason": "x"}), 409)
    grant(api, 3)
    assert_problem(api.post("/api/v1/credits/consume", json={
        "customer_id": "ada", "currency_id": "tokens", "amount": "4"}), 402)


def test_overdraft_is_kept_as_debt_and_settled_by_the_next_grant(credits_api):
    api = credits_api
    ok(api.patch("/api/v1/credits/currencies/tokens", json={"allow_overdraft": True}))
    grant(api, 5)
    out = consume(api, 8)
    assert D(out["overdraft"]) == 3 and D(out["balance"]["current"]) == -3
    g = grant(api, 10)
    assert D(g["remaining"]) == 7 and D(g["consumed"]) == 3
    b = balance(api)
    assert D(b["current"]) == 7 and D(b["overdraft"]) == 0
    types = [e["type"] for e in ok(api.get("/api/v1/credits/ledger", params={
        "customer_id": "ada", "currency_id": "tokens"}))["data"]]
    assert types.count("settlement") == 2 and "overdraft" in types


def test_grants_list_statuses_and_pagination(credits_api):
    api = credits_api
    grant(api, 5)
    grant(api, 5, effective_at="2099-01-01T00:00:00Z")
    used = grant(api, 2, priority=1)
    consume(api, 2)
    page = ok(api.get("/api/v1/credits/grants", params={
        "customer_id": "ada", "currency_id": "tokens", "limit": 2}))
    assert page["has_more"] and len(page["data"]) == 2
    assert page["data"][0]["id"] == used["id"] and page["data"][0]["status"] == "depleted"
    assert page["data"][1]["status"] == "scheduled"
    rest = ok(api.get("/api/v1/credits/grants", params={
        "customer_id": "ada", "currency_id": "tokens", "cursor": page["next_cursor"]}))
    assert [g["status"] for g in rest["data"]] == ["active"]
    assert D(balance(api)["scheduled"]) == 5


def test_bad_input_gets_problem_details(credits_api):
    api = credits_api
    assert_problem(api.post("/api/v1/credits/grants", json={
        "customer_id": "ada", "currency_id": "tokens", "amount": "0.0000001"}), 422, "amount")
    assert_problem(api.post("/api/v1/credits/grants", json={
        "customer_id": "ada", "currency_id": "nope", "amount": "1"}), 404)
    assert_problem(api.post("/api/v1/credits/consume", json={
        "customer_id": "ada", "currency_id": "tokens", "amount": "1", "feature_id": "images"}),
        422, "amount")
    assert_problem(api.post("/api/v1/credits/currencies", json={
        "id": "other", "name": "O", "unit_singular": "o", "unit_plural": "os",
        "feature_costs": {"images": "1"}}), 409)


def _report(api, value, key=None):
    body = {"customer_id": "ada", "feature_id": "images", "value": value}
    if key:
        body["idempotency_key"] = key
    return api.post("/api/v1/usage", json=body)


def test_usage_reports_of_priced_features_burn_credits_once(credits_api):
    api = credits_api
    grant(api, 20)
    ok(_report(api, 3, "batch-1"))
    ok(_report(api, 3, "batch-1"))
    assert D(balance(api)["current"]) == 8
    [entry] = ok(api.get("/api/v1/credits/ledger", params={
        "customer_id": "ada", "currency_id": "tokens", "type": "consume"}))["data"]
    assert entry["feature_id"] == "images" and D(entry["amount"]) == -12
    body = assert_problem(_report(api, 3, "batch-2"), 402)
    assert body["reason"] == "insufficient_credits"
    assert D(balance(api)["current"]) == 8
    ok(_report(api, 2, "batch-2"))  # the refused report left its key unused
    assert D(balance(api)["current"]) == 0
