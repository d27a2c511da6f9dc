"""Migrating subscriptions to the latest published plan version: one now (prorated, preview ==
apply), one at period end (applied by the test clock), and every subscriber of a plan."""

from datetime import timedelta

from tests.backend.helpers import assert_problem, ok, usd
from tests.backend.subscriptions.conftest import T0, subscribe
from tests.backend.subscriptions.test_period_end import advance

P = "/api/v1/plans"


def publish_basic(api, monthly=4500):
    ok(api.patch(f"{P}/basic", json={"prices": usd(monthly, 30000)}))
    return ok(api.post(f"{P}/basic/publish"))


def amounts(draft):
    return [line["amount"]["amount_minor"] for line in draft["lines"]]


def test_immediate_migration_prorates_like_an_update(shop, clock):
    sub = subscribe(shop)["subscription"]
    assert publish_basic(shop)["version"] == 2
    clock.set(T0 + timedelta(days=10))
    path = f"/api/v1/subscriptions/{sub['id']}"
    preview = ok(shop.post(f"{path}/preview-migrate", json={"at": "immediately"}))
    assert preview["change"] == "migration" and preview["effective"] == "immediately"
    assert amounts(preview["immediate"]) == [-2000, 3000]
    done = ok(shop.post(f"{path}/migrate", json={"at": "immediately"}))
    assert done["subscription"]["plan_version"] == 2
    assert amounts(done["invoice"]) == amounts(preview["immediate"])
    assert done["invoice"]["total"] == preview["immediate"]["total"]
    assert_problem(shop.post(f"{path}/migrate", json={"at": "immediately"}), 409)
    events = ok(shop.get("/api/v1/events", params={"type": "subscription.migrated"}))["data"]
    assert [e["data"]["subscription"]["plan_version"] for e in events] == [2]


def test_period_end_migration_is_scheduled_then_applied(shop):
    sub = subscribe(shop)["subscription"]
    publish_basic(shop)
    path = f"/api/v1/subscriptions/{sub['id']}"
    assert ok(shop.post(f"{path}/preview-migrate"))["effective"] == "period_end"
    done = ok(shop.post(f"{path}/migrate", json={}))
    assert done["invoice"] is None and done["subscription"]["plan_version"] == 1
    assert done["subscription"]["scheduled_change"]["version"] == 2
    assert done["preview"]["next_invoice"]["total"]["amount_minor"] == 4500
    advance(shop, T0 + timedelta(days=31))
    got = ok(shop.get(path))
    assert got["plan_version"] == 2 and got["scheduled_change"] is None
    invoices = ok(shop.get("/api/v1/customers/ada/invoices"))["data"]
    assert invoices[0]["total"]["amount_minor"] == 4500


def test_migrating_every_subscriber_of_a_plan(shop):
    first = subscribe(shop)["subscription"]
    ok(shop.post("/api/v1/customers", json={"id": "bob"}), 201)
    from tests.backend.payments.conftest import card
    ok(shop.post("/api/v1/customers/bob/payment-methods", json=card()), 201)
    ok(shop.post("/api/v1/subscriptions", json={"customer_id": "bob", "plan_id": "basic",
                                                "billing_period": "monthly"}), 201)
    assert_problem(shop.post(f"{P}/basic/migrate-subscribers", json={"at": "nope"}), 422, "at")
    publish_basic(shop)
    counts = ok(shop.post(f"{P}/basic/migrate-subscribers", json={"at": "immediately"}))
    assert counts == {"plan_id": "basic", "version": 2, "migrated": 2, "scheduled": 0, "failed": 0}
    assert ok(shop.get(f"/api/v1/subscriptions/{first['id']}"))["plan_version"] == 2
    again = ok(shop.post(f"{P}/basic/migrate-subscribers", json={}))
    assert again["migrated"] == again["scheduled"] == 0


def test_migration_needs_a_live_subscription(shop):
    sub = subscribe(shop)["subscription"]
    path = f"/api/v1/subscriptions/{sub['id']}"
    assert_problem(shop.post(f"{path}/migrate", json={}), 409)  # already on the latest
    publish_basic(shop)
    ok(shop.post(f"{path}/cancel", json={"at": "immediately", "reason": "other"}))
    assert_problem(shop.post(f"{path}/preview-migrate", json={}), 409)
    assert_problem(shop.post("/api/v1/subscriptions/nope/migrate", json={}), 404)
