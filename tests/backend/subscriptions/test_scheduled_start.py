"""Subscriptions that start at a later date: scheduled, nothing charged until the test clock
reaches `start_at`; then charged (or past due on a decline) or trialing; cancelable before."""

from datetime import timedelta

from tests.backend.helpers import assert_problem, make_plan, ok
from tests.backend.payments.conftest import DECLINED, card
from tests.backend.subscriptions.conftest import T0, subscribe
from tests.backend.subscriptions.test_period_end import advance, invoices

LATER = T0 + timedelta(days=5)


def test_a_future_start_is_scheduled_and_charged_when_it_comes(shop):
    body = {"customer_id": "ada", "plan_id": "basic", "billing_period": "monthly",
            "start_at": LATER.isoformat()}
    preview = ok(shop.post("/api/v1/subscriptions/preview", json=body))
    assert preview["effective"] == "start_at" and preview["immediate"]["lines"] == []
    assert preview["next_invoice"]["total"]["amount_minor"] == 3000
    assert preview["next_invoice"]["period_start"].startswith("2026-04-06")
    made = subscribe(shop, start_at=LATER.isoformat())
    sub = made["subscription"]
    assert sub["status"] == "scheduled" and made["invoice"] is None
    assert ok(shop.get("/api/v1/customers/ada/payments"))["data"] == []
    assert_problem(shop.post("/api/v1/subscriptions", json={**body, "plan_id": "pro"}), 409)
    assert_problem(shop.patch(f"/api/v1/subscriptions/{sub['id']}", json={"plan_id": "pro"}), 409)
    assert advance(shop, LATER + timedelta(hours=1)) == ["subscription.started"]
    got = ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))
    assert got["status"] == "active" and got["current_period_end"].startswith("2026-05-06")
    assert [(i["reason"], i["total"]["amount_minor"]) for i in invoices(shop)] == [
        ("subscription_create", 3000)]


def test_a_declined_start_is_past_due(shop):
    ok(shop.post("/api/v1/customers/ada/payment-methods", json=card(DECLINED, make_default=True)), 201)
    sub = subscribe(shop, start_at=LATER.isoformat())["subscription"]
    assert advance(shop, LATER) == ["subscription.past_due"]
    assert ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))["status"] == "past_due"
    assert invoices(shop)[0]["status"] == "open"


def test_a_scheduled_trial_starts_at_start_at(shop):
    make_plan(shop, "tried", prices=[{"billing_period": "monthly", "currency": "USD",
                                      "amount_minor": 3000}], trial_days=14)
    sub = subscribe(shop, plan="tried", trial=True, start_at=LATER.isoformat())["subscription"]
    assert sub["status"] == "scheduled" and sub["trial_end"].startswith("2026-04-20")
    assert advance(shop, LATER) == ["subscription.started", "trial.started"]
    got = ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))
    assert got["status"] == "trialing" and got["current_period_end"].startswith("2026-04-20")
    assert ok(shop.get("/api/v1/customers/ada/payments"))["data"] == []


def test_canceling_a_scheduled_subscription_ends_it_now(shop):
    sub = subscribe(shop, start_at=LATER.isoformat())["subscription"]
    done = ok(shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel", json={"reason": "other"}))
    assert done["subscription"]["status"] == "canceled" and done["invoice"] is None
    assert advance(shop, LATER + timedelta(days=1)) == []
    assert ok(shop.get("/api/v1/customers/ada/payments"))["data"] == []


def test_a_start_in_the_past_is_refused(shop):
    body = {"customer_id": "ada", "plan_id": "basic", "billing_period": "monthly",
            "start_at": (T0 - timedelta(days=1)).isoformat()}
    assert_problem(shop.post("/api/v1/subscriptions", json=body), 422, "start_at")
    assert_problem(shop.post("/api/v1/subscriptions/preview", json=body), 422, "start_at")
