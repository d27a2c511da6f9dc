"""What follows an ended subscription: the product's fallback (free) plan, or no access, on
every ending path (immediate cancel, cancel at period end, trial without a card, past due)."""

from datetime import timedelta

import pytest

from tests.backend.helpers import make_plan, make_product, ok
from tests.backend.payments.conftest import DECLINED, card
from tests.backend.subscriptions.conftest import T0, subscribe
from tests.backend.subscriptions.test_period_end import CLOCK, advance


@pytest.fixture
def fallback_shop(api, clock):
    """Product 'app' falling back to its free plan; plans free, basic $30 (14-day trial)."""
    make_product(api, "app", settings={"on_subscription_end": "fallback_plan"})
    make_plan(api, "free", pricing_type="free")
    make_plan(api, "basic", prices=[{"billing_period": "monthly", "currency": "USD",
                                     "amount_minor": 3000}], trial_days=14)
    ok(api.post("/api/v1/customers", json={"id": "ada", "billing_country": "US"}), 201)
    return api


def live(api):
    subs = ok(api.get("/api/v1/subscriptions", params={"customer_id": "ada"}))["data"]
    return [(s["plan_id"], s["status"]) for s in subs if s["status"] in ("active", "trialing", "past_due")]


def events(api, type_):
    return [e for e in ok(api.get("/api/v1/events", params={"limit": 100}))["data"] if e["type"] == type_]


def add_card(api, number=None):
    ok(api.post("/api/v1/customers/ada/payment-methods",
                json=card(number, make_default=True) if number else card()), 201)


def test_immediate_cancel_falls_back_to_the_free_plan(fallback_shop, clock):
    add_card(fallback_shop)
    sub = subscribe(fallback_shop)["subscription"]
    clock.advance(days=3)
    done = ok(fallback_shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                                 json={"at": "immediately", "reason": "unused"}))
    fb = done["fallback_subscription"]
    assert fb["plan_id"] == "free" and fb["status"] == "active"
    assert live(fallback_shop) == [("free", "active")]
    canceled = events(fallback_shop, "subscription.canceled")[0]
    assert canceled["data"]["fallback_subscription_id"] == fb["id"]
    created = [e["data"]["subscription"]["id"] for e in events(fallback_shop, "subscription.created")]
    assert fb["id"] in created
    # the free subscription renews without charging anything
    advance(fallback_shop, T0 + timedelta(days=70))
    assert live(fallback_shop) == [("free", "active")]
    assert len(ok(fallback_shop.get("/api/v1/customers/ada/payments"))["data"]) == 1
    bills = ok(fallback_shop.get("/api/v1/customers/ada/invoices"))["data"]
    assert [(i["reason"], i["total"]["amount_minor"]) for i in bills] == [
        ("subscription_cancel", 0), ("subscription_create", 3000)]  # the free plan bills nothing


def test_cancel_at_period_end_falls_back_when_the_period_ends(fallback_shop):
    add_card(fallback_shop)
    sub = subscribe(fallback_shop)["subscription"]
    ok(fallback_shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel", json={"reason": "other"}))
    assert live(fallback_shop) == [("basic", "active")]
    assert advance(fallback_shop, T0 + timedelta(days=31))[0] == "subscription.canceled"
    assert live(fallback_shop) == [("free", "active")]
    canceled = events(fallback_shop, "subscription.canceled")[0]
    assert canceled["data"]["fallback_subscription_id"]


def test_trial_without_a_card_falls_back(fallback_shop):
    subscribe(fallback_shop, trial=True)
    assert advance(fallback_shop, T0 + timedelta(days=15)) == ["trial.ending", "trial.ended"]
    assert live(fallback_shop) == [("free", "active")]
    assert events(fallback_shop, "trial.ended")[0]["data"]["fallback_subscription_id"]


def test_expired_past_due_falls_back(fallback_shop):
    add_card(fallback_shop)
    subscribe(fallback_shop)
    add_card(fallback_shop, DECLINED)
    advance(fallback_shop, T0 + timedelta(days=31))
    assert live(fallback_shop) == [("basic", "past_due")]
    ok(fallback_shop.post(CLOCK + "/advance", json={"to": (T0 + timedelta(days=62)).isoformat()}))
    assert live(fallback_shop) == [("free", "active")]
    assert events(fallback_shop, "subscription.expired")[0]["data"]["fallback_subscription_id"]


def test_an_explicit_fallback_plan_wins(fallback_shop):
    make_plan(fallback_shop, "starter", pricing_type="free")
    ok(fallback_shop.patch("/api/v1/products/app", json={"settings": {"fallback_plan_id": "starter"}}))
    add_card(fallback_shop)
    sub = subscribe(fallback_shop)["subscription"]
    done = ok(fallback_shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                                 json={"at": "immediately", "reason": "unused"}))
    assert done["fallback_subscription"]["plan_id"] == "starter"


def test_no_access_leaves_no_subscription(shop, clock):
    make_plan(shop, "free", pricing_type="free")
    sub = subscribe(shop)["subscription"]
    done = ok(shop.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                        json={"at": "immediately", "reason": "unused"}))
    assert done["fallback_subscription"] is None and live(shop) == []
    assert events(shop, "subscription.canceled")[0]["data"]["fallback_subscription_id"] is None


def test_the_demo_product_falls_back_to_free_without_crediting_a_provisioned_plan(seeded, clock):
    api = seeded.client()
    sub = ok(api.get("/api/v1/subscriptions", params={"customer_id": "acme"}))["data"][0]
    assert sub["plan_id"] == "plus"
    clock.advance(days=5)
    done = ok(api.post(f"/api/v1/subscriptions/{sub['id']}/cancel",
                       json={"at": "immediately", "reason": "unused"}))
    assert done["fallback_subscription"]["plan_id"] == "free"
    assert done["invoice"] is None  # provisioned without payment: no credit for unused time
    assert ok(api.get("/api/v1/customers/acme/credit-balance"))["data"] == []
