"""Every `/me` operation acts for the token's customer only: another customer's subscriptions
and cards are not found, read-only tokens cannot write, and expired or tampered tokens get
nothing. The routes are enumerated from the app, so new `/me` endpoints are covered too."""

from datetime import timedelta

from backend.kit.clock import now, set_clock
from tests.backend.helpers import assert_problem, ok
from tests.backend.me.conftest import browser, issue

WRITE_METHODS = {"POST", "PATCH", "PUT", "DELETE"}
READS_WITH_BODY = {"preview", "preview-update", "preview-cancel"}
BODIES = {
    "preview-update": {"plan_id": "plus"},
    "preview-cancel": {"reason": "other"},
    "cancel": {"reason": "other"},
    "subscriptions": {"plan_id": "plus", "billing_period": "monthly"},
    "preview": {"plan_id": "plus", "billing_period": "monthly"},
    "payment-methods": {"card_number": "4242424242424242", "exp_month": 12, "exp_year": 2099},
    "{subscription_id}": {"plan_id": "plus"},
}


def me_routes(app):
    """(method, path template, last path word) of every `/me` operation."""
    for path, operations in app.openapi()["paths"].items():
        if path == "/api/v1/me" or path.startswith("/api/v1/me/"):
            for method in operations:
                yield method.upper(), path, path.rstrip("/").split("/")[-1]


def _fill(template: str, ids: dict[str, str]) -> str:
    for name, value in ids.items():
        template = template.replace("{" + name + "}", value)
    return template


def _send(client, method, path, word):
    params = {"product_id": "workspace"}
    return client.request(method, path, params=params, json=BODIES.get(word))


def test_another_customers_things_are_not_found(shop):
    globex = browser(shop, "globex")
    theirs = {
        "subscription_id": ok(globex.get("/api/v1/me/portal",
                                         params={"product_id": "workspace"}))["subscription"]["id"],
        "method_id": ok(shop.client().post("/api/v1/customers/globex/payment-methods", json={
            "card_number": "4242424242424242", "exp_month": 12, "exp_year": 2099}), 201)["id"],
    }
    acme = browser(shop, "acme")
    checked = 0
    for method, template, word in me_routes(shop.app):
        if "{" not in template:
            continue
        response = _send(acme, method, _fill(template, theirs), word)
        assert_problem(response, 404)
        checked += 1
    assert checked >= 7  # update, its previews, cancel, undo, set default, remove card
    # and globex's subscription and card are untouched
    after = ok(globex.get("/api/v1/me/portal", params={"product_id": "workspace"}))["subscription"]
    assert (after["plan_id"], after["scheduled"], after["cancel_at_period_end"]) == (
        "business", [], False)
    assert [m["last4"] for m in ok(globex.get("/api/v1/me/payment-methods"))] == ["4242"]


def test_a_read_only_token_cannot_change_anything(shop):
    reader = shop.client(None, **{"X-Customer-Token": issue(shop, "acme", scopes=["read"])})
    own = {
        "subscription_id": ok(reader.get("/api/v1/me/portal",
                                         params={"product_id": "workspace"}))["subscription"]["id"],
        "method_id": ok(reader.get("/api/v1/me/payment-methods"))[0]["id"],
    }
    writes = 0
    for method, template, word in me_routes(shop.app):
        if method in WRITE_METHODS and word not in READS_WITH_BODY:
            assert_problem(_send(reader, method, _fill(template, own), word), 403)
            writes += 1
    assert writes >= 6
    assert ok(reader.get("/api/v1/me/portal",
                         params={"product_id": "workspace"}))["subscription"]["plan_id"] == "plus"


def test_expired_and_tampered_tokens_get_nothing(shop):
    token = issue(shop, "acme", ttl_seconds=60)
    tampered = shop.client(None, **{"X-Customer-Token": token[:-2] + ("A" if token[-2] != "A"
                                                                         else "B") + token[-1]})
    ids = {"subscription_id": "sub_x", "method_id": "pm_x"}
    for method, template, word in me_routes(shop.app):
        assert_problem(_send(tampered, method, _fill(template, ids), word), 401)
    later = now() + timedelta(minutes=2)
    set_clock(lambda: later)
    try:
        expired = shop.client(None, **{"X-Customer-Token": token})
        for method, template, word in me_routes(shop.app):
            assert_problem(_send(expired, method, _fill(template, ids), word), 401)
    finally:
        set_clock(None)
