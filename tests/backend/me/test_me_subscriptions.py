"""A customer self-serves with their token: preview, subscribe, change, cancel, undo, cards,
invoices and the portal read; previews equal what is charged."""

import pytest

from tests.backend.helpers import assert_problem, ok
from tests.backend.me.conftest import browser
from tests.backend.payments.conftest import DECLINED, card

PLUS = {"plan_id": "plus", "billing_period": "monthly", "quantities": {"seats": 3}}


def live(me, product="workspace"):
    return ok(me.get("/api/v1/me/portal", params={"product_id": product}))["subscription"]


def test_upgrade_from_free_charges_exactly_the_preview(shop):
    me = browser(shop, "initech")
    assert live(me)["plan_id"] == "free"
    sub_id = live(me)["id"]
    preview = ok(me.post(f"/api/v1/me/subscriptions/{sub_id}/preview-update",
                         json={"plan_id": "plus", "quantities": {"seats": 3}}))
    assert preview["change"] == "upgrade" and preview["effective"] == "immediately"
    due = preview["immediate"]["total"]
    assert due["currency"] == "GBP" and due["amount_minor"] > 0
    result = ok(me.patch(f"/api/v1/me/subscriptions/{sub_id}",
                         json={"plan_id": "plus", "quantities": {"seats": 3}}))
    assert result["invoice"]["total"] == due
    portal = ok(me.get("/api/v1/me/portal", params={"product_id": "workspace"}))
    assert portal["subscription"]["plan_name"] == "Plus"
    assert portal["subscription"]["quantity_labels"] == ["3 seats"]
    assert portal["subscription"]["upcoming_bill"]["total"]["currency"] == "GBP"
    invoices = ok(me.get("/api/v1/me/invoices"))["data"]
    assert invoices[0]["total"] == due and invoices[0]["status"] == "paid"


def test_downgrade_is_scheduled_shown_in_words_and_undone(shop):
    me = browser(shop, "acme")
    sub = live(me)
    result = ok(me.patch(f"/api/v1/me/subscriptions/{sub['id']}", json={"plan_id": "free"}))
    assert result["preview"]["effective"] == "period_end" and result["invoice"] is None
    scheduled = live(me)["scheduled"]
    assert [s["description"] for s in scheduled] == ["Change to the Free plan"]
    assert live(me)["upcoming_bill"] is None  # the free plan bills nothing
    ok(me.post(f"/api/v1/me/subscriptions/{sub['id']}/undo"))
    assert live(me)["scheduled"] == [] and live(me)["upcoming_bill"] is not None


def test_cancel_at_period_end_with_reason_then_undo(shop):
    me = browser(shop, "acme")
    sub = live(me)
    body = {"reason": "too_expensive", "comment": "Budget cuts"}
    preview = ok(me.post(f"/api/v1/me/subscriptions/{sub['id']}/preview-cancel", json=body))
    assert preview["effective"] == "period_end"
    assert preview["effective_at"] == sub["current_period_end"]
    ok(me.post(f"/api/v1/me/subscriptions/{sub['id']}/cancel", json=body))
    after = live(me)
    assert after["cancel_at_period_end"] and after["upcoming_bill"] is None
    assert after["scheduled"][0]["kind"] == "cancellation"
    ok(me.post(f"/api/v1/me/subscriptions/{sub['id']}/undo"))
    assert not live(me)["cancel_at_period_end"]


def test_portal_names_the_fallback_and_the_cancel_reasons(shop):
    portal = ok(browser(shop, "acme").get("/api/v1/me/portal", params={"product_id": "workspace"}))
    assert portal["fallback_plan_name"] == "Free"
    assert portal["default_payment_method"]["last4"] == "4242"
    assert {r["value"] for r in portal["cancel_reasons"]} >= {"too_expensive", "other"}
    assert portal["subscription"]["entitlements"]


def test_declined_card_changes_nothing(shop):
    me = browser(shop, "initech")
    declined = ok(me.post("/api/v1/me/payment-methods",
                          json=card(DECLINED, make_default=True)), 201)
    assert declined["is_default"]
    sub_id = live(me)["id"]
    problem = assert_problem(me.patch(f"/api/v1/me/subscriptions/{sub_id}",
                                      json={"plan_id": "plus"}), 402)
    assert problem["decline_code"] == "card_declined"
    assert live(me)["plan_id"] == "free"
    assert ok(me.get("/api/v1/me/invoices"))["data"] == []


def test_a_retried_subscribe_is_charged_once(shop):
    me = browser(shop, "acme")
    sub = live(me)
    ok(me.post(f"/api/v1/me/subscriptions/{sub['id']}/cancel",
               json={"at": "immediately", "reason": "other"}))
    # acme now falls back to Free; subscribing again to Plus with the same key twice
    free = live(me)
    assert free["plan_id"] == "free"
    ok(me.post(f"/api/v1/me/subscriptions/{free['id']}/cancel",
               json={"at": "immediately", "reason": "other"}))
    headers = {"Idempotency-Key": "checkout-1"}
    first = me.post("/api/v1/me/subscriptions", json=PLUS, headers=headers)
    second = me.post("/api/v1/me/subscriptions", json=PLUS, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json() and second.headers["Idempotent-Replayed"] == "true"
    create_invoices = [i for i in ok(me.get("/api/v1/me/invoices"))["data"]
                       if i["reason"] == "subscription_create"]
    assert len(create_invoices) == 1


def test_cards_are_managed_by_their_owner(shop):
    me = browser(shop, "initech")
    added = ok(me.post("/api/v1/me/payment-methods",
                       json=card("5555555555554444")), 201)
    assert not added["is_default"]
    ok(me.post(f"/api/v1/me/payment-methods/{added['id']}/default"))
    methods = ok(me.get("/api/v1/me/payment-methods"))
    assert [m["last4"] for m in methods][0] == "4444" and methods[0]["is_default"]
    ok(me.delete(f"/api/v1/me/payment-methods/{added['id']}"))
    assert [m["last4"] for m in ok(me.get("/api/v1/me/payment-methods"))] == ["4242"]


@pytest.mark.parametrize("code,reason", [("NOPE", "not_found")])
def test_a_bad_promo_code_is_refused_with_a_reason(shop, code, reason):
    me = browser(shop, "initech")
    problem = assert_problem(me.post("/api/v1/me/subscriptions/preview",
                                     json={**PLUS, "coupon_code": code}), 422, "coupon_code")
    assert problem["reason"] == reason


def test_portal_lists_promotional_entitlements_in_force(shop):
    ok(shop.client().post("/api/v1/customers/acme/promotional-entitlements",
                          json={"feature_id": "sso", "period": "1_month"}), 201)
    portal = ok(browser(shop, "acme").get("/api/v1/me/portal", params={"product_id": "workspace"}))
    assert [(p["feature_id"], p["label"]) for p in portal["promotions"]] == [
        ("sso", "SAML single sign-on")]
    assert portal["promotions"][0]["ends_at"] is not None
