"""The customer's own credits (`/me/credits`) and the usage series for the chart."""

from datetime import UTC, datetime, timedelta

from tests.backend.credits.conftest import D, consume, grant
from tests.backend.helpers import assert_problem, ok
from tests.backend.me.conftest import browser


def test_a_customer_token_sees_and_changes_only_its_own_credits(credits_api, tenant):
    api = credits_api
    ok(api.post("/api/v1/customers", json={"id": "eve", "subscription": {"plan_id": "free"}}),
       201)
    grant(api, 40)
    grant(api, 7, customer_id="eve")
    ada, eve = browser(tenant, "ada"), browser(tenant, "eve")
    assert D(ok(ada.get("/api/v1/me/credits/balance", params={"currency_id": "tokens"}))[
        "current"]) == 40
    assert D(ok(eve.get("/api/v1/me/credits/balance", params={"currency_id": "tokens"}))[
        "current"]) == 7
    grants = ok(eve.get("/api/v1/me/credits/grants", params={"currency_id": "tokens"}))["data"]
    assert [D(g["amount"]) for g in grants] == [7]
    saved = ok(ada.put("/api/v1/me/credits/auto-recharge", params={"currency_id": "tokens"},
                       json={"enabled": True, "threshold": "10", "target_balance": "50"}))
    assert saved["enabled"] and saved["customer_id"] == "ada"
    assert not ok(eve.get("/api/v1/me/credits/auto-recharge",
                          params={"currency_id": "tokens"}))["configured"]
    bought = ok(ada.post("/api/v1/me/credits/purchases", json={
        "currency_id": "tokens", "credits": "500"}), 201)
    assert bought["cost"]["amount_minor"] == 500 and D(bought["balance"]["current"]) == 540
    assert_problem(eve.post("/api/v1/me/credits/purchases", json={
        "currency_id": "tokens", "credits": "500"}), 402)  # eve has no card
    currency = ok(eve.get("/api/v1/me/credits/currencies/tokens"))
    assert currency["purchase_options"] == [500, 2000] and currency["price"]["amount"] == "0.01"
    assert ada.get("/api/v1/credits/balance", params={
        "customer_id": "eve", "currency_id": "tokens"}).status_code == 401


def test_usage_series_buckets_consumption_per_feature(credits_api):
    api = credits_api
    grant(api, 100)
    consume(api, feature_id="images", quantity="2")
    consume(api, feature_id="minutes", quantity="4")
    consume(api, 3)
    usage = ok(api.get("/api/v1/credits/usage", params={
        "customer_id": "ada", "currency_id": "tokens", "range": "7d"}))
    assert usage["bucket"] == "day" and len(usage["buckets"]) == 7
    totals = {s["feature_id"]: D(s["total"]) for s in usage["series"]}
    assert totals == {"images": 8, "minutes": 6, None: 3}
    assert D(usage["total"]) == 17
    names = {s["feature_id"]: s["feature_name"] for s in usage["series"]}
    assert names == {"images": "Images", "minutes": "Minutes", None: "Other"}
    for s in usage["series"]:
        assert len(s["points"]) == 7 and D(s["points"][-1]["value"]) == D(s["total"])
    hourly = ok(api.get("/api/v1/credits/usage", params={
        "customer_id": "ada", "currency_id": "tokens", "range": "24h"}))
    assert len(hourly["buckets"]) == 24 and D(hourly["total"]) == 17
    now = datetime.now(UTC)
    custom = ok(api.get("/api/v1/credits/usage", params={
        "customer_id": "ada", "currency_id": "tokens", "bucket": "week",
        "start": (now - timedelta(days=30)).isoformat(), "end": (now + timedelta(days=1)).isoformat()}))
    assert custom["bucket"] == "week" and D(custom["total"]) == 17
    assert_problem(api.get("/api/v1/credits/usage", params={
        "customer_id": "ada", "currency_id": "tokens", "bucket": "hour",
        "start": "2000-01-01T00:00:00Z", "end": "2030-01-01T00:00:00Z"}), 422, "bucket")
