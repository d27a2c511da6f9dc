"""A customer token acts for exactly one customer of one environment, until it expires.

Customers acme and globex of the demo catalog; acme holds the token.
"""

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta

import pytest

from backend.db import session_scope
from backend.kit.clock import set_clock
from backend.models import Environment
from tests.backend.helpers import assert_problem, ok


def issue(tenant, customer="acme", **extra):
    body = {"customer_id": customer, **extra}
    return ok(tenant.client().post("/api/v1/customer-tokens", json=body), 201)["token"]


def as_customer(tenant, token, key=None):
    """A browser: the customer token, optionally next to an API key."""
    return tenant.client(key, **{"X-Customer-Token": token})


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def split(token):
    payload, signature = token.removeprefix("tg_ct_").split(".")
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))), signature


def forge(claims, secret):
    """A token signed the way the server signs, with a secret the forger holds."""
    signed = "tg_ct_" + b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{signed}.{b64(hmac.new(secret.encode(), signed.encode(), hashlib.sha256).digest())}"


def secret_of(tenant):
    with session_scope(tenant.url) as session:
        return session.get(Environment, tenant.id).token_secret


def reason(response, status=401):
    return assert_problem(response, status).get("reason")


# -- one customer --------------------------------------------------------------------------------
def test_me_is_always_the_tokens_customer(seeded):
    token = issue(seeded)
    for browser in (as_customer(seeded, token), as_customer(seeded, token, "publishable"),
                    seeded.client(token)):  # also as `Authorization: Bearer tg_ct_...`
        me = ok(browser.get("/api/v1/me"))
        assert (me["id"], me["name"]) == ("acme", "Acme Corp")
        assert [s["plan_id"] for s in me["subscriptions"]] == ["plus"]
        assert ok(browser.get("/api/v1/me", params={"customer_id": "globex"}))["id"] == "acme"
        paywall = browser.get("/api/v1/me/paywall", params={"product_id": "workspace"})
        assert ok(paywall)["customer"]["id"] == "acme"
        assert paywall.headers["cache-control"] == "private, no-cache"


def test_paywall_with_a_customer_token_reads_that_customer_only(seeded):
    browser = as_customer(seeded, issue(seeded), "publishable")
    own = ok(browser.get("/api/v1/paywall",
                         params={"product_id": "workspace", "customer_id": "acme"}))
    assert own["customer"]["current_plan_id"] == "plus"
    response = browser.get("/api/v1/paywall",
                           params={"product_id": "workspace", "customer_id": "globex"})
    assert_problem(response, 403)
    # the secret key does not lift the restriction while a customer token is sent
    response = as_customer(seeded, issue(seeded), "secret").get(
        "/api/v1/paywall", params={"product_id": "workspace", "customer_id": "globex"})
    assert_problem(response, 403)
    anonymous = ok(browser.get("/api/v1/paywall", params={"product_id": "workspace"}))
    assert anonymous["customer"] is None


def _customer_routes(app):
    """Every operation naming a customer (path or query `customer_id`), as a request for globex."""
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            params = {p["name"]: p for p in operation.get("parameters", [])}
            if "customer_id" not in params:
                continue
            url, query = path, {}
            for name, param in params.items():
                value = "globex" if name == "customer_id" else "workspace"
                if param["in"] == "path":
                    url = url.replace("{" + name + "}", value)
                elif param["in"] == "query" and (param.get("required") or name == "customer_id"):
                    query[name] = value
            yield method.upper(), url, query


def test_no_endpoint_reads_or_changes_another_customer(seeded):
    token = issue(seeded)
    checked = 0
    for method, path, params in _customer_routes(seeded.app):
        for key in (None, "publishable"):
            response = as_customer(seeded, token, key).request(method, path, params=params, json={})
            assert response.status_code in (401, 403), (method, path, key, response.text)
            checked += 1
    assert checked >= 8  # customers get/patch/archive, paywall, events ... (and what comes next)


def test_customer_tokens_cannot_call_api_key_endpoints(seeded):
    token = issue(seeded)
    bearer = seeded.client(token)  # `Authorization: Bearer tg_ct_...`: not an API key
    assert "customer token" in assert_problem(bearer.get("/api/v1/customers"), 401)["detail"]
    for browser in (as_customer(seeded, token), bearer):
        assert_problem(browser.get("/api/v1/customers"), 401)
        assert_problem(browser.get("/api/v1/customers/acme"), 401)
        assert_problem(browser.post("/api/v1/customer-tokens", json={"customer_id": "acme"}), 401)
        assert_problem(browser.post("/api/v1/environment/token-secret/rotate"), 401)
        assert_problem(browser.get("/api/v1/events"), 401)
    with_key = as_customer(seeded, token, "publishable")
    assert_problem(with_key.get("/api/v1/customers"), 403)
    assert_problem(with_key.post("/api/v1/customer-tokens", json={"customer_id": "globex"}), 403)


def test_publishable_key_cannot_issue_tokens(seeded):
    response = seeded.client("publishable").post("/api/v1/customer-tokens",
                                                 json={"customer_id": "acme"})
    assert_problem(response, 403)
    assert_problem(seeded.client(None).post("/api/v1/customer-tokens",
                                            json={"customer_id": "acme"}), 401)


def test_scopes_are_enforced(seeded):
    write_only = as_customer(seeded, issue(seeded, scopes=["write"]), "publishable")
    assert_problem(write_only.get("/api/v1/me"), 403)
    assert_problem(write_only.get("/api/v1/me/paywall", params={"product_id": "workspace"}), 403)
    assert_problem(write_only.get("/api/v1/paywall",
                                  params={"product_id": "workspace", "customer_id": "acme"}), 403)


# -- refused tokens ------------------------------------------------------------------------------
def test_expired_token_is_401(seeded):
    start = datetime.now(UTC)
    at = {"now": start}
    set_clock(lambda: at["now"])
    try:
        browser = as_customer(seeded, issue(seeded, ttl_seconds=60))
        at["now"] = start + timedelta(seconds=59)
        assert ok(browser.get("/api/v1/me"))["id"] == "acme"
        at["now"] = start + timedelta(seconds=61)
        body = assert_problem(browser.get("/api/v1/me"), 401)
        assert body["reason"] == "expired" and "expired" in body["detail"]
    finally:
        set_clock(None)


def test_tampered_tokens_are_401(seeded):
    token = issue(seeded)
    claims, signature = split(token)
    payload = token.removeprefix("tg_ct_").split(".")[0]
    for changes in ({"cus": "globex"}, {"exp": claims["exp"] + 86400}, {"scp": ["read", "admin"]}):
        altered = "tg_ct_" + b64(json.dumps({**claims, **changes}, separators=(",", ":")).encode())
        body = assert_problem(as_customer(seeded, f"{altered}.{signature}").get("/api/v1/me"), 401)
        assert body["reason"] == "invalid_signature" and "invalid signature" in body["detail"]
    flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
    assert reason(as_customer(seeded, f"tg_ct_{payload}.{flipped}").get("/api/v1/me")) == (
        "invalid_signature")
    assert reason(as_customer(seeded, f"tg_ct_{payload}.").get("/api/v1/me")) == "malformed"
    assert reason(as_customer(seeded, forge(claims, "guessed")).get("/api/v1/me")) == (
        "invalid_signature")


@pytest.mark.parametrize("bad", [
    "tg_ct_", "tg_ct_garbage", "tg_ct_a.b.c", "tg_ct_!!!.AAAA", "not-a-token",
    "tg_ct_" + b64(b"[1,2]") + ".AAAA", "tg_ct_" + b64(b'{"v":2}') + ".AAAA",
    "tg_ct_" + b64(b'{"v":1,"env":"1","cus":"a","iat":1,"exp":2,"scp":[]}') + ".AAAA",
    "tg_ct_" + "A" * 5000,
], ids=["empty", "no-signature", "three-parts", "bad-base64", "no-prefix", "not-an-object",
        "future-version", "string-env", "oversized"])
def test_malformed_tokens_are_401(seeded, bad):
    body = assert_problem(as_customer(seeded, bad).get("/api/v1/me"), 401)
    assert body["reason"] == "malformed" and "malformed" in body["detail"]


def test_a_token_from_one_environment_is_invalid_in_another(seeded, make_tenant):
    other = make_tenant()
    other.seed_demo()  # it has an 'acme' too
    ok(other.client().patch("/api/v1/customers/acme", json={"name": "Other Acme"}))
    token = issue(seeded)
    # next to the other environment's key: refused
    assert reason(as_customer(other, token, "publishable").get("/api/v1/me")) == (
        "environment_mismatch")
    assert reason(as_customer(other, token, "publishable").get(
        "/api/v1/paywall", params={"product_id": "workspace"})) == "environment_mismatch"
    # alone, it speaks for its own environment's customer only
    assert ok(as_customer(other, token).get("/api/v1/me"))["name"] == "Acme Corp"
    # re-addressed to the other environment it fails the other environment's secret
    claims, _ = split(token)
    moved = forge({**claims, "env": other.id}, secret_of(seeded))
    assert reason(as_customer(other, moved).get("/api/v1/me")) == "invalid_signature"
    assert ok(as_customer(other, forge({**claims, "env": other.id}, secret_of(other)))
              .get("/api/v1/me"))["name"] == "Other Acme"  # (only the real secret signs)


def test_rotated_secret_invalidates_tokens(seeded):
    token = issue(seeded)
    browser = as_customer(seeded, token, "publishable")
    assert ok(browser.get("/api/v1/me"))["id"] == "acme"
    assert seeded.client().post("/api/v1/environment/token-secret/rotate").status_code == 204
    assert reason(browser.get("/api/v1/me")) == "invalid_signature"
    assert ok(as_customer(seeded, issue(seeded)).get("/api/v1/me"))["id"] == "acme"


def test_archiving_the_customer_ends_its_tokens(seeded):
    browser = as_customer(seeded, issue(seeded))
    ok(seeded.client().post("/api/v1/customers/acme/archive"))
    assert reason(browser.get("/api/v1/me")) == "customer_inactive"


def test_no_token_is_401(seeded):
    assert "customer token" in assert_problem(seeded.client(None).get("/api/v1/me"), 401)["detail"]
    assert_problem(seeded.client("publishable").get("/api/v1/me"), 401)
    assert_problem(seeded.client("secret").get("/api/v1/me"), 401)


def test_expiry_follows_the_environments_test_clock(seeded):
    server = seeded.client()
    ok(server.post("/api/v1/test-clock/freeze", json={}))
    browser = as_customer(seeded, issue(seeded, ttl_seconds=60))
    assert ok(browser.get("/api/v1/me"))["id"] == "acme"
    ok(server.post("/api/v1/test-clock/advance", json={"seconds": 61}))
    assert reason(browser.get("/api/v1/me")) == "expired"  # though little real time passed
