"""Checks, usage reports, consumption and promotions over the API, on the demo catalog:
acme is on Plus (2,000 AI credits a month, hard; 10,000 API calls, soft; 20 seats)."""

from datetime import timedelta

import pytest

from backend.kit.clock import now, set_clock
from tests.backend.helpers import assert_problem, ok


@pytest.fixture
def api(seeded):
    return seeded.client()


def check(api, feature, customer="acme", **params):
    return ok(api.get("/api/v1/entitlements/check",
                      params={"customer_id": customer, "feature_id": feature, **params}))


def use(api, feature, value, customer="acme", **extra):
    body = {"customer_id": customer, "feature_id": feature, "value": value, **extra}
    return ok(api.post("/api/v1/usage", json=body))


def test_checks_answer_with_limits_and_reasons(api):
    seats = check(api, "seats", requested_usage=20)
    assert (seats["has_access"], seats["limit"], seats["sources"]) == (True, 20, ["plan"])
    assert check(api, "seats", requested_usage=21)["denial_reason"] == "usage_limit_exceeded"
    assert check(api, "guest-access")["has_access"]
    assert check(api, "sso")["denial_reason"] == "no_feature_entitlement"
    assert check(api, "version-history", requested_value="90 days")["has_access"]
    assert check(api, "version-history",
                 requested_value="Unlimited")["denial_reason"] == "value_not_allowed"
    assert check(api, "nope")["denial_reason"] == "feature_not_found"
    assert check(api, "seats", customer="ghost")["denial_reason"] == "customer_not_found"
    credits = check(api, "ai-credits")
    assert credits["usage_period"]["reset_period"] == "month"
    assert credits["current_usage"] == 0 and credits["requested_usage"] == 1


def test_usage_reports_count_once_and_hard_limits_deny(api):
    assert use(api, "ai-credits", 1500, idempotency_key="r1")["current_usage"] == 1500
    again = use(api, "ai-credits", 1500, idempotency_key="r1")
    assert again["duplicate"] and again["current_usage"] == 1500
    assert check(api, "ai-credits", requested_usage=500)["has_access"]
    denied = check(api, "ai-credits", requested_usage=501)
    assert (denied["has_access"], denied["denial_reason"]) == (False, "usage_limit_exceeded")
    assert use(api, "ai-credits", 10, behavior="set")["current_usage"] == 10
    assert check(api, "api-calls", requested_usage=10**6)["has_access"]  # soft limit


def test_consume_stops_at_the_limit_and_refunds_once(api):
    first = ok(api.post("/api/v1/usage/consume", json={
        "customer_id": "acme", "feature_id": "ai-credits", "amount": 1999,
        "idempotency_key": "job-1"}))
    assert first["consumed"] and first["entitlement"]["current_usage"] == 1999
    retry = ok(api.post("/api/v1/usage/consume", json={
        "customer_id": "acme", "feature_id": "ai-credits", "amount": 1999,
        "idempotency_key": "job-1"}))
    assert retry["duplicate"] and retry["entitlement"]["current_usage"] == 1999
    over = ok(api.post("/api/v1/usage/consume", json={
        "customer_id": "acme", "feature_id": "ai-credits", "amount": 2}))
    assert not over["consumed"]
    assert over["entitlement"]["denial_reason"] == "usage_limit_exceeded"
    back = ok(api.post("/api/v1/usage/refund", json={"consumption_id": "job-1"}))
    assert back["current_usage"] == 0
    assert ok(api.post("/api/v1/usage/refund", json={"consumption_id": "job-1"}))["duplicate"]
    assert check(api, "ai-credits")["current_usage"] == 0


def test_thresholds_are_announced_once_per_period(seeded, api):
    use(api, "ai-credits", 1700)
    use(api, "ai-credits", 10)
    use(api, "ai-credits", 400)
    events = ok(api.get("/api/v1/events", params={"type": "entitlement."}))["data"]
    kinds = sorted(e["type"] for e in events)
    assert kinds == ["entitlement.usage_exceeded", "entitlement.usage_threshold"]


def test_late_usage_lands_in_the_period_of_its_timestamp(api):
    period = check(api, "ai-credits")["usage_period"]
    use(api, "ai-credits", 7, timestamp=period["start"])
    before = (now() - timedelta(days=40)).isoformat()
    use(api, "ai-credits", 900, timestamp=before)
    assert check(api, "ai-credits")["current_usage"] == 7


def test_bulk_reports_with_duplicates(api):
    reports = [{"customer_id": "acme", "feature_id": "api-calls", "value": 5,
                "idempotency_key": f"k{i % 50}"} for i in range(100)]
    result = ok(api.post("/api/v1/usage/bulk", json={"reports": reports}))
    assert (result["accepted"], result["duplicates"]) == (50, 50)
    assert check(api, "api-calls")["current_usage"] == 250
    again = ok(api.post("/api/v1/usage/bulk", json={"reports": reports[:10]}))
    assert again["accepted"] == 0 and check(api, "api-calls")["current_usage"] == 250
    bad = api.post("/api/v1/usage/bulk", json={"reports": [
        *reports[:2], {"customer_id": "ghost", "feature_id": "api-calls", "value": 1}]})
    assert_problem(bad, 422, "reports.2.customer_id")


def test_usage_is_only_for_metered_features(api):
    assert_problem(api.post("/api/v1/usage", json={
        "customer_id": "acme", "feature_id": "seats", "value": 1}), 422, "feature_id")
    assert_problem(api.post("/api/v1/usage", json={
        "customer_id": "ghost", "feature_id": "ai-credits", "value": 1}), 404)


def test_promotions_grant_and_revoke_access(api):
    assert check(api, "sso")["has_access"] is False
    promo = ok(api.post("/api/v1/customers/acme/promotional-entitlements",
                        json={"feature_id": "sso", "period": "1_week"}), 201)
    sso = check(api, "sso")
    assert sso["has_access"] and sso["sources"] == [f"promotion:{promo['id']}"]
    more = ok(api.post("/api/v1/customers/acme/promotional-entitlements",
                       json={"feature_id": "ai-credits", "limit": 5000, "reset_period": "month",
                             "period": "lifetime"}), 201)
    assert check(api, "ai-credits")["limit"] == 5000
    ok(api.post(f"/api/v1/promotional-entitlements/{more['id']}/revoke"))
    assert check(api, "ai-credits")["limit"] == 2000
    listed = ok(api.get("/api/v1/customers/acme/promotional-entitlements"))
    assert {p["status"] for p in listed} == {"active", "revoked"}
    later = now() + timedelta(days=8)
    set_clock(lambda: later)
    try:
        assert check(api, "sso")["denial_reason"] == "no_feature_entitlement"
    finally:
        set_clock(None)


def test_an_upgrade_is_seen_by_the_next_check(api):
    assert check(api, "sso")["has_access"] is False
    sub = ok(api.get("/api/v1/subscriptions", params={"customer_id": "acme"}))["data"][0]
    ok(api.post("/api/v1/customers/acme/payment-methods", json={
        "card_number": "4242424242424242", "exp_month": 12, "exp_year": 2099}), 201)
    ok(api.patch(f"/api/v1/subscriptions/{sub['id']}", json={"plan_id": "business"}))
    assert check(api, "sso")["has_access"]
    assert check(api, "seats", requested_usage=10**6)["has_access"]  # unlimited on Business


def test_all_entitlements_at_once(seeded, api):
    use(api, "ai-credits", 42)
    everything = ok(api.get("/api/v1/customers/acme/entitlements"))
    by_feature = {e["feature_id"]: e for e in everything["entitlements"]}
    assert by_feature["ai-credits"]["current_usage"] == 42
    assert by_feature["projects"]["unlimited"]
    token = ok(api.post("/api/v1/customer-tokens", json={"customer_id": "acme"}), 201)["token"]
    mine = ok(seeded.client(None, **{"X-Customer-Token": token}).get("/api/v1/me/entitlements"))
    assert mine == everything


def test_checks_see_other_processes_writes_within_the_poll_interval(seeded, api):
    """Another worker process writes without this process's session hooks: a plain connection."""
    import time

    from sqlalchemy import create_engine, insert, select, update

    from backend.entitlements.hot import POLL_SECONDS
    from backend.models import Customer, Feature
    from backend.models.usage import UsageCounter, UsageReport

    use(api, "ai-credits", 1)
    start = check(api, "ai-credits")  # now held in memory
    engine = create_engine(seeded.url)
    with engine.begin() as conn:
        customer = conn.scalar(select(Customer.id).where(Customer.ref == "acme",
                                                         Customer.environment_id == seeded.id))
        feature = conn.scalar(select(Feature.id).where(Feature.ref == "ai-credits",
                                                       Feature.environment_id == seeded.id))
        conn.execute(update(UsageCounter).where(UsageCounter.customer_id == customer,
                                                UsageCounter.feature_id == feature)
                     .values(value=1999))
        conn.execute(insert(UsageReport).values(
            environment_id=seeded.id, customer_id=customer, feature_id=feature, kind="delta",
            amount=1998, value_after=1999, period_start=conn.scalar(
                select(UsageCounter.period_start).where(UsageCounter.customer_id == customer,
                                                        UsageCounter.feature_id == feature)),
            occurred_at=now(), created_at=now()))
    engine.dispose()
    assert start["current_usage"] == 1
    time.sleep(POLL_SECONDS * 2)
    check(api, "guest-access")  # any check polls
    assert check(api, "ai-credits")["current_usage"] == 1999


def test_a_revoked_key_stops_checking_at_once(seeded):
    created = ok(seeded.client().post("/api/v1/api-keys", json={"kind": "secret"}), 201)
    other = seeded.client(created["key"])
    assert check(other, "guest-access")["has_access"]  # the key is now held in memory
    ok(seeded.client().post(f"/api/v1/api-keys/{created['id']}/revoke"))
    assert_problem(other.get("/api/v1/entitlements/check",
                             params={"customer_id": "acme", "feature_id": "seats"}), 401)


def test_checks_follow_the_test_clock(api):
    promo = ok(api.post("/api/v1/customers/acme/promotional-entitlements",
                        json={"feature_id": "sso", "period": "1_week"}), 201)
    assert check(api, "sso")["sources"] == [f"promotion:{promo['id']}"]
    ok(api.post("/api/v1/test-clock/freeze", json={}))
    ok(api.post("/api/v1/test-clock/advance", json={"seconds": 8 * 86400}))
    assert check(api, "sso")["denial_reason"] == "no_feature_entitlement"


def test_usage_periods_follow_the_subscription_anchor_across_plan_changes(api):
    """A plan change keeps the subscription (and its period anchor), so usage carries on; a new
    subscription (the fallback after an immediate cancellation) starts a new period at zero."""
    use(api, "ai-credits", 100)
    ok(api.post("/api/v1/customers/acme/payment-methods", json={
        "card_number": "4242424242424242", "exp_month": 12, "exp_year": 2099}), 201)
    sub = ok(api.get("/api/v1/subscriptions", params={"customer_id": "acme"}))["data"][0]
    period = check(api, "ai-credits")["usage_period"]
    ok(api.patch(f"/api/v1/subscriptions/{sub['id']}", json={"plan_id": "business"}))
    after = check(api, "ai-credits")
    assert (after["current_usage"], after["limit"]) == (100, 10000)
    assert after["usage_period"] == period
    ok(api.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                json={"at": "immediately", "reason": "other"}))
    fallback = check(api, "ai-credits")
    assert (fallback["current_usage"], fallback["limit"]) == (0, 100)
    assert fallback["usage_period"]["start"] != period["start"]
