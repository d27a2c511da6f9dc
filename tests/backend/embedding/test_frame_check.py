"""The check a hosted widget page makes: publishable key, allowed host origin, customer token."""

from datetime import UTC, datetime, timedelta

import pytest

from backend.kit.clock import set_clock
from tests.backend.helpers import assert_problem, ok

HOST = "http://localhost:5173"


@pytest.fixture
def framed(seeded):
    ok(seeded.client().put("/api/v1/environment/embed-origins", json={"origins": [HOST]}))
    return seeded


def check(tenant, **body):
    body = {"publishable_key": tenant.publishable, "origin": HOST, **body}
    return tenant.client(None).post("/api/v1/embed/frame-check", json=body)


def token(tenant, customer="acme", **extra):
    body = {"customer_id": customer, **extra}
    return ok(tenant.client().post("/api/v1/customer-tokens", json=body), 201)["token"]


def reason(response, status):
    return assert_problem(response, status)["reason"]


def test_a_publishable_key_on_an_allowed_origin_may_show_public_widgets(framed):
    assert ok(check(framed, origin="http://LOCALHOST:5173/")) == {
        "origin": HOST, "customer_id": None, "expires_at": None}


def test_keys_are_refused_with_a_reason(framed):
    assert reason(check(framed, publishable_key=None), 401) == "key_missing"
    secret = assert_problem(check(framed, publishable_key=framed.secret), 403)
    assert secret["reason"] == "secret_key" and "never appear in a web page" in secret["detail"]
    assert reason(check(framed, publishable_key="tg_pk_forged"), 401) == "key_invalid"
    assert reason(check(framed, publishable_key="hello"), 401) == "key_invalid"


def test_the_host_origin_must_be_allowed(framed):
    assert reason(check(framed, origin=None), 403) == "origin_missing"
    assert reason(check(framed, origin="https://evil.example"), 403) == "origin_not_allowed"
    assert reason(check(framed, origin="not an origin"), 403) == "origin_not_allowed"
    own = "https://tollgate.example"
    assert ok(check(framed, origin=own, page_origin=own))["origin"] == own  # 'self'
    assert reason(check(framed, origin=own, page_origin="https://other.example"),
                  403) == "origin_not_allowed"


def test_customer_widgets_need_a_valid_token_of_the_keys_environment(framed, make_tenant):
    assert reason(check(framed, customer_required=True), 401) == "token_missing"
    assert reason(check(framed, customer_token="tg_ct_junk", customer_required=True),
                  401) == "malformed"
    verified = ok(check(framed, customer_token=token(framed), customer_required=True))
    assert verified["customer_id"] == "acme" and verified["expires_at"]
    other = make_tenant()
    other.seed_demo()
    assert reason(check(framed, customer_token=token(other)), 401) == "environment_mismatch"


def test_an_expired_token_is_refused_as_expired(framed):
    start = datetime.now(UTC)
    at = {"now": start}
    set_clock(lambda: at["now"])
    try:
        issued = token(framed, ttl_seconds=60)
        at["now"] = start + timedelta(seconds=61)
        assert reason(check(framed, customer_token=issued), 401) == "expired"
    finally:
        set_clock(None)
