"""Period-end transitions through the test clock: renewals, scheduled downgrades and
cancellations, declined renewals (past due, then expired), trials converting or ending."""

from datetime import timedelta

from tests.backend.helpers import make_plan, ok
from tests.backend.payments.conftest import DECLINED, card
from tests.backend.subscriptions.conftest import T0, subscribe

CLOCK = "/api/v1/test-clock"


def advance(api, to):
    ok(api.post(CLOCK + "/freeze", json={}))
    return [(t["type"]) for t in ok(api.post(CLOCK + "/advance", json={"to": to.isoformat()}))["transitions"]]


def invoices(api):
    return ok(api.get("/api/v1/customers/ada/invoices"))["data"]


def test_renewal_charges_the_next_period(shop):
    sub = subscribe(shop)["subscription"]
    assert advance(shop, T0 + timedelta(days=31)) == ["subscription.renewed"]
    got = ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))
    assert got["status"] == "active" and got["current_period_end"].startswith("2026-06-01")
    assert [(i["reason"], i["total"]["amount_minor"], i["status"]) for i in invoices(shop)] == [
        ("subscription_cycle", 3000, "paid"), ("subscription_create", 3000, "paid")]


def test_scheduled_downgrade_applies_at_period_end(shop):
    sub = subscribe(shop, plan="pro")["subscription"]
    ok(shop.patch(f"/api/v1/subscriptions/{sub['id']}", json={"plan_id": "basic"}))
    advance(shop, T0 + timedelta(days=30))
    got = ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))
    assert got["plan_id"] == "basic" and got["scheduled_change"] is None
    assert invoices(shop)[0]["total"]["amount_minor"] == 3000


def test_cancel_at_period_end_ends_the_subscription(shop):
    sub = subscribe(shop)["subscription"]
    ok(shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel", json={"reason": "other"}))
    assert advance(shop, T0 + timedelta(days=40)) == ["subscription.canceled"]
    got = ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))
    assert got["status"] == "canceled" and got["ended_at"].startswith("2026-05-01T12:00")


def test_declined_renewal_is_past_due_then_expires(shop):
    sub = subscribe(shop)["subscription"]
    ok(shop.post("/api/v1/customers/ada/payment-methods", json=card(DECLINED, make_default=True)), 201)
    assert advance(shop, T0 + timedelta(days=31)) == ["subscription.past_due"]
    assert ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))["status"] == "past_due"
    assert invoices(shop)[0]["status"] == "open"
    ok(shop.post(CLOCK + "/advance", json={"to": (T0 + timedelta(days=62)).isoformat()}))
    assert ok(shop.get(f"/api/v1/subscriptions/{sub['id']}"))["status"] == "expired"


def test_trial_converts_with_a_card_and_ends_without(shop, make_tenant):
    make_plan(shop, "tried", prices=[{"billing_period": "monthly", "currency": "USD",
                                      "amount_minor": 3000}], trial_days=14)
    made = subscribe(shop, plan="tried", trial=True)
    assert made["subscription"]["status"] == "trialing" and made["invoice"] is None
    assert made["preview"]["immediate"]["total"]["amount_minor"] == 0
    assert made["preview"]["next_invoice"]["total"]["amount_minor"] == 3000
    assert advance(shop, T0 + timedelta(days=14)) == [
        "trial.ending", "trial.ended", "subscription.renewed"]
    got = ok(shop.get(f"/api/v1/subscriptions/{made['subscription']['id']}"))
    assert got["status"] == "active" and invoices(shop)[0]["total"]["amount_minor"] == 3000

    other = make_tenant().client()
    from tests.backend.helpers import make_product
    make_product(other, "app")
    make_plan(other, "tried", prices=[{"billing_period": "monthly", "currency": "USD",
                                       "amount_minor": 3000}], trial_days=14)
    ok(other.post("/api/v1/customers", json={"id": "ada"}), 201)
    sub = subscribe(other, plan="tried", trial=True)["subscription"]
    assert advance(other, T0 + timedelta(days=15)) == ["trial.ending", "trial.ended"]
    assert ok(other.get(f"/api/v1/subscriptions/{sub['id']}"))["status"] == "expired"


def test_a_coupon_for_three_periods_stops_after_three(shop):
    ok(shop.post("/api/v1/coupons", json={"id": "half", "code": "HALF3", "percent_off": "50",
                                          "duration": "repeating", "duration_periods": 3,
                                          "max_redemptions": 1}), 201)
    made = subscribe(shop, coupon_code="half3")
    assert made["invoice"]["total"]["amount_minor"] == 1500
    assert [line["kind"] for line in made["invoice"]["lines"]] == ["recurring", "discount"]
    assert made["subscription"]["coupon_code"] == "HALF3"
    assert made["subscription"]["coupon_periods_left"] == 2
    advance(shop, T0 + timedelta(days=92))
    assert [i["total"]["amount_minor"] for i in reversed(invoices(shop))] == [1500, 1500, 1500, 3000]
    got = ok(shop.get(f"/api/v1/subscriptions/{made['subscription']['id']}"))
    assert got["coupon_periods_left"] == 0


def test_upgrade_with_a_forever_coupon_prorates_the_discount(shop, clock):
    ok(shop.post("/api/v1/coupons", json={"id": "ten", "code": "TEN", "percent_off": "10",
                                          "duration": "forever"}), 201)
    sub = subscribe(shop, coupon_code="TEN")["subscription"]
    clock.set(T0 + timedelta(days=10))
    path = f"/api/v1/subscriptions/{sub['id']}"
    preview = ok(shop.post(f"{path}/preview-update", json={"plan_id": "pro"}))
    # paid 27.00; credit 2/3 of it, charge 2/3 of 90.00, less 2/3 of the 9.00 discount
    assert [line["amount"]["amount_minor"] for line in preview["immediate"]["lines"]] == [
        -1800, 6000, -600]
    applied = ok(shop.patch(path, json={"plan_id": "pro"}))
    assert applied["invoice"]["total"]["amount_minor"] == preview["immediate"]["total"]["amount_minor"] == 3600


def test_a_declined_first_charge_creates_nothing(shop):
    ok(shop.post("/api/v1/customers/ada/payment-methods", json=card(DECLINED, make_default=True)), 201)
    response = shop.post("/api/v1/subscriptions", json={
        "customer_id": "ada", "plan_id": "basic", "billing_period": "monthly"})
    assert response.status_code == 402, response.text
    assert ok(shop.get("/api/v1/subscriptions"))["data"] == []
    assert [p["status"] for p in ok(shop.get("/api/v1/customers/ada/payments"))["data"]] == ["failed"]
