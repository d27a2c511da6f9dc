"""Trials: `trial.ending` once, three days ahead (or at once for a short trial), and one trial
per customer per product (refused on create; the paywall offers subscribe instead)."""

from datetime import timedelta

from tests.backend.helpers import assert_problem, make_plan, ok, usd
from tests.backend.subscriptions.conftest import T0, subscribe
from tests.backend.subscriptions.test_period_end import CLOCK


def trial_plan(api, ref="tried", days=14):
    make_plan(api, ref, prices=usd(3000), trial_days=days)


def ending_events(api):
    return ok(api.get("/api/v1/events", params={"type": "trial.ending"}))["data"]


def test_trial_ending_is_recorded_once_three_days_ahead(shop):
    trial_plan(shop)
    sub = subscribe(shop, plan="tried", trial=True)["subscription"]
    ok(shop.post(CLOCK + "/freeze", json={}))
    moved = ok(shop.post(CLOCK + "/advance", json={"to": (T0 + timedelta(days=12)).isoformat()}))
    assert [(t["type"], t["at"][:10]) for t in moved["transitions"]] == [("trial.ending", "2026-04-12")]
    ok(shop.post(CLOCK + "/advance", json={"to": (T0 + timedelta(days=13)).isoformat()}))
    events = ending_events(shop)
    assert [e["data"]["subscription"]["id"] for e in events] == [sub["id"]]


def test_a_short_trial_announces_its_end_at_once(shop):
    trial_plan(shop, days=2)
    subscribe(shop, plan="tried", trial=True)
    assert len(ending_events(shop)) == 1
    ok(shop.post(CLOCK + "/freeze", json={}))
    ok(shop.post(CLOCK + "/advance", json={"to": (T0 + timedelta(days=1)).isoformat()}))
    assert len(ending_events(shop)) == 1


def test_one_trial_per_customer_per_product(shop):
    trial_plan(shop)
    sub = subscribe(shop, plan="tried", trial=True)["subscription"]
    paywall = ok(shop.get("/api/v1/paywall", params={"product_id": "app", "customer_id": "ada"}))
    ok(shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                 json={"at": "immediately", "reason": "other"}))
    body = assert_problem(shop.post("/api/v1/subscriptions", json={
        "customer_id": "ada", "plan_id": "tried", "billing_period": "monthly", "trial": True}), 409)
    assert body["reason"] == "trial_already_used"
    again = subscribe(shop, plan="tried")["subscription"]
    assert again["status"] == "active"
    assert paywall["customer"]["id"] == "ada"


def test_the_paywall_offers_subscribe_after_a_trial(shop):
    trial_plan(shop)

    def intent():
        paywall = ok(shop.get("/api/v1/paywall", params={"product_id": "app", "customer_id": "ada"}))
        plan = next(p for p in paywall["plans"] if p["id"] == "tried")
        return plan["actions"]["monthly"]["intent"]

    assert intent() == "start_trial"
    sub = subscribe(shop, plan="tried", trial=True)["subscription"]
    ok(shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                 json={"at": "immediately", "reason": "other"}))
    assert intent() == "subscribe"
