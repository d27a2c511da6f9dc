"""Subscriptions through the API: create, upgrade with proration, declines, downgrade, cancel,
undo, and one live subscription per product."""

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.backend.helpers import assert_problem, ok
from tests.backend.payments.conftest import DECLINED, card
from tests.backend.subscriptions.conftest import T0, subscribe


def amounts(draft):
    return [line["amount"]["amount_minor"] for line in draft["lines"]]


def test_create_charges_the_first_period_and_issues_an_invoice(shop):
    preview = ok(shop.post("/api/v1/subscriptions/preview", json={
        "customer_id": "ada", "plan_id": "basic", "billing_period": "monthly"}))
    assert preview["immediate"]["total"]["amount_minor"] == 3000
    assert preview["next_invoice"]["period_start"].startswith("2026-05-01")
    made = subscribe(shop)
    sub = made["subscription"]
    assert sub["status"] == "active" and sub["plan_id"] == "basic"
    assert sub["current_period_end"].startswith("2026-05-01T12:00")
    assert made["invoice"]["total"]["amount_minor"] == 3000 and made["invoice"]["status"] == "paid"
    invoices = ok(shop.get("/api/v1/customers/ada/invoices"))["data"]
    assert [i["id"] for i in invoices] == [made["invoice"]["id"]]
    assert ok(shop.get(f"/api/v1/invoices/{made['invoice']['id']}"))["number"] >= 1
    assert ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))["id"] == sub["id"]
    listed = ok(shop.get("/api/v1/subscriptions", params={"customer_id": "ada", "status": "active"}))
    assert [s["id"] for s in listed["data"]] == [sub["id"]]
    assert ok(shop.get("/api/v1/subscriptions", params={"plan_id": "pro"}))["data"] == []
    types = [e["type"] for e in ok(shop.get("/api/v1/events", params={"limit": 100}))["data"]]
    assert {"subscription.created", "invoice.created", "invoice.paid"} <= set(types)


def test_one_live_subscription_per_product(shop):
    subscribe(shop)
    assert_problem(shop.post("/api/v1/subscriptions", json={
        "customer_id": "ada", "plan_id": "pro", "billing_period": "monthly"}), 409)


def test_worked_example_upgrade_one_third_into_the_period(shop, clock):
    sub = subscribe(shop)["subscription"]
    clock.set(T0 + timedelta(days=10))  # one third of April's 30 days
    path = f"/api/v1/subscriptions/{sub['id']}"
    preview = ok(shop.post(f"{path}/preview-update", json={"plan_id": "pro"}))
    assert preview["change"] == "upgrade" and preview["effective"] == "immediately"
    assert amounts(preview["immediate"]) == [-2000, 6000]
    assert preview["immediate"]["total"]["amount_minor"] == 4000
    assert preview["next_invoice"]["total"]["amount_minor"] == 9000
    applied = ok(shop.patch(path, json={"plan_id": "pro"}))
    assert applied["invoice"]["total"]["amount_minor"] == 4000
    assert amounts(applied["invoice"]) == [-2000, 6000]
    assert applied["subscription"]["plan_id"] == "pro"
    payments = ok(shop.get("/api/v1/customers/ada/payments"))["data"]
    assert [p["amount"]["amount_minor"] for p in payments] == [4000, 3000]


def test_declined_upgrade_changes_nothing_and_keeps_the_failed_payment(shop, clock):
    sub = subscribe(shop)["subscription"]
    ok(shop.post("/api/v1/customers/ada/payment-methods", json=card(DECLINED, make_default=True)), 201)
    clock.advance(days=3)
    body = assert_problem(shop.patch(f"/api/v1/subscriptions/{sub['id']}", json={"plan_id": "pro"}), 402)
    assert body["decline_code"] == "card_declined"
    assert ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))["plan_id"] == "basic"
    payments = ok(shop.get("/api/v1/customers/ada/payments"))["data"]
    assert [p["status"] for p in payments] == ["failed", "succeeded"]
    assert len(ok(shop.get("/api/v1/customers/ada/invoices"))["data"]) == 1


def test_downgrade_is_scheduled_then_undone(shop, clock):
    sub = subscribe(shop, plan="pro")["subscription"]
    path = f"/api/v1/subscriptions/{sub['id']}"
    clock.advance(days=5)
    done = ok(shop.patch(path, json={"plan_id": "basic"}))
    assert done["preview"]["change"] == "downgrade" and done["preview"]["effective"] == "period_end"
    assert done["invoice"] is None and done["subscription"]["plan_id"] == "pro"
    assert done["subscription"]["scheduled_change"]["plan_id"] == "basic"
    assert done["preview"]["next_invoice"]["total"]["amount_minor"] == 3000
    undone = ok(shop.post(f"{path}/undo"))
    assert undone["scheduled_change"] is None and undone["plan_id"] == "pro"
    assert_problem(shop.post(f"{path}/undo"), 409)


def test_period_change_is_scheduled(shop):
    sub = subscribe(shop)["subscription"]
    done = ok(shop.patch(f"/api/v1/subscriptions/{sub['id']}", json={"billing_period": "annual"}))
    assert done["preview"]["effective"] == "period_end"
    assert done["subscription"]["scheduled_change"]["billing_period"] == "annual"


def test_cancel_at_period_end_then_undo(shop, clock):
    sub = subscribe(shop)["subscription"]
    path = f"/api/v1/subscriptions/{sub['id']}"
    done = ok(shop.post(f"{path}/cancel", json={"reason": "too_expensive", "comment": "later"}))
    assert done["subscription"]["cancel_at_period_end"] is True
    assert done["subscription"]["status"] == "active" and done["invoice"] is None
    assert_problem(shop.post(f"{path}/cancel", json={"reason": "nope"}), 422, "reason")
    undone = ok(shop.post(f"{path}/undo"))
    assert undone["cancel_at_period_end"] is False and undone["cancel_reason"] is None


def test_immediate_cancel_credits_unused_time(shop, clock):
    sub = subscribe(shop)["subscription"]
    clock.set(T0 + timedelta(days=20))
    done = ok(shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                        json={"at": "immediately", "reason": "unused"}))
    assert done["subscription"]["status"] == "canceled"
    assert amounts(done["invoice"]) == [-1000, 1000]  # the credit goes to the balance
    assert done["invoice"]["total"]["amount_minor"] == 0
    assert_problem(shop.patch(f"/api/v1/subscriptions/{sub['id']}", json={"plan_id": "pro"}), 409)
    balance = ok(shop.get("/api/v1/customers/ada/credit-balance"))["data"]
    assert [(b["currency"], b["amount_minor"]) for b in balance] == [("USD", 1000)]
    again = subscribe(shop, plan="pro")  # no live subscription left: a new one may start
    assert amounts(again["invoice"]) == [9000, -1000]
    assert again["invoice"]["total"]["amount_minor"] == 8000
    assert ok(shop.get("/api/v1/customers/ada/credit-balance"))["data"][0]["amount_minor"] == 0


def test_immediate_downgrade_yields_a_credit(shop, clock):
    sub = subscribe(shop, plan="pro")["subscription"]
    clock.set(T0 + timedelta(days=15))
    done = ok(shop.patch(f"/api/v1/subscriptions/{sub['id']}",
                         json={"plan_id": "basic", "effective": "immediately"}))
    assert amounts(done["invoice"]) == [-4500, 1500, 3000]
    assert done["invoice"]["total"]["amount_minor"] == 0
    assert done["subscription"]["plan_id"] == "basic"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seconds=st.integers(0, 30 * 86_400 - 1))
def test_preview_equals_the_applied_invoice(make_tenant, clock, seconds):
    from tests.backend.helpers import make_plan, make_product, usd

    api = make_tenant().client()
    make_product(api, "app")
    make_plan(api, "basic", prices=usd(2999))
    make_plan(api, "pro", prices=usd(8999))
    ok(api.post("/api/v1/customers", json={"id": "ada"}), 201)
    ok(api.post("/api/v1/customers/ada/payment-methods", json=card()), 201)
    clock.set(T0)
    sub = subscribe(api)["subscription"]
    clock.set(T0 + timedelta(seconds=seconds))
    path = f"/api/v1/subscriptions/{sub['id']}"
    preview = ok(api.post(f"{path}/preview-update", json={"plan_id": "pro"}))
    applied = ok(api.patch(path, json={"plan_id": "pro"}))
    assert applied["invoice"]["total"] == preview["immediate"]["total"]
    assert amounts(applied["invoice"]) == amounts(preview["immediate"])
    assert -amounts(preview["immediate"])[0] <= 2999


def test_a_retried_create_with_the_same_key_charges_once(shop):
    body = {"customer_id": "ada", "plan_id": "basic", "billing_period": "monthly"}
    first = shop.post("/api/v1/subscriptions", json=body, headers={"Idempotency-Key": "k1"})
    again = shop.post("/api/v1/subscriptions", json=body, headers={"Idempotency-Key": "k1"})
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["subscription"]["id"] == first.json()["subscription"]["id"]
    assert len(ok(shop.get("/api/v1/customers/ada/payments"))["data"]) == 1
