"""Coupons: create, read, list, update (never the discount), archive; validation at the edge."""

import pytest

from tests.backend.coupons.conftest import coupon_body
from tests.backend.helpers import assert_problem, ok


def test_create_and_read_percent_coupon(plans):
    api = plans
    created = ok(api.post("/api/v1/coupons", json=coupon_body(
        description="20% off in spring", duration="repeating", duration_periods=3,
        expires_at="2099-03-01T00:00:00+01:00", max_redemptions=100, plan_ids=["business"],
        metadata={"campaign": "spring"},
    )), 201)
    assert created["id"] == "spring" and created["code"] == "SPRING-20"  # stored upper-case
    assert created["percent_off"] == "20" and created["amounts_off"] is None
    assert (created["duration"], created["duration_periods"]) == ("repeating", 3)
    assert created["expires_at"].startswith("2099-02-28T23:00:00")  # kept as UTC
    assert (created["max_redemptions"], created["redemptions"]) == (100, 0)
    assert created["plan_ids"] == ["business"] and created["metadata"] == {"campaign": "spring"}
    assert created["archived"] is False
    assert ok(api.get("/api/v1/coupons/spring")) == created


def test_create_amount_coupon_with_defaults(api):
    created = ok(api.post("/api/v1/coupons", json={
        "id": "welcome", "code": " welcome5 ", "amounts_off": {"usd": 500, "EUR": 450, "JPY": 700},
    }), 201)
    assert created["code"] == "WELCOME5" and created["name"] == "WELCOME5"  # name defaults to code
    assert created["amounts_off"] == {"USD": 500, "EUR": 450, "JPY": 700}
    assert created["percent_off"] is None
    assert (created["duration"], created["duration_periods"]) == ("once", None)
    assert created["expires_at"] is None and created["max_redemptions"] is None
    assert created["plan_ids"] == [] and created["metadata"] == {}


def test_fractional_percent_is_exact(api):
    created = ok(api.post("/api/v1/coupons", json=coupon_body(percent_off="12.5")), 201)
    assert created["percent_off"] == "12.5"
    full = ok(api.post("/api/v1/coupons", json=coupon_body(id="all", code="ALL", percent_off=100)), 201)
    assert full["percent_off"] == "100"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"percent_off": 20, "amounts_off": {"USD": 100}}, "percent_off"),  # both
        ({"percent_off": None}, "percent_off"),  # neither
        ({"percent_off": 0}, "percent_off"),
        ({"percent_off": 100.5}, "percent_off"),
        ({"percent_off": -5}, "percent_off"),
        ({"percent_off": "33.33333"}, "percent_off"),  # more than four decimals
        ({"percent_off": None, "amounts_off": {"XYZ": 100}}, "amounts_off"),
        ({"percent_off": None, "amounts_off": {"usd": 100, "USD": 200}}, "amounts_off"),
        ({"percent_off": None, "amounts_off": {}}, "amounts_off"),
        ({"percent_off": None, "amounts_off": {"USD": 0}}, "amounts_off.USD"),
        ({"percent_off": None, "amounts_off": {"USD": 2**63}}, "amounts_off.USD"),
        ({"duration": "repeating"}, "duration_periods"),
        ({"duration": "repeating", "duration_periods": 0}, "duration_periods"),
        ({"duration": "forever", "duration_periods": 3}, "duration_periods"),
        ({"duration": "weekly"}, "duration"),
        ({"code": "ab"}, "code"),
        ({"code": "x" * 41}, "code"),
        ({"code": "SPRING 20"}, "code"),
        ({"code": "SPRÏNG"}, "code"),
        ({"code": "20%OFF"}, "code"),
        ({"id": "has space"}, "id"),
        ({"name": ""}, "name"),
        ({"expires_at": "2099-01-01T00:00:00"}, "expires_at"),  # no time zone
        ({"expires_at": "2001-01-01T00:00:00Z"}, "expires_at"),  # in the past
        ({"max_redemptions": 0}, "max_redemptions"),
        ({"plan_ids": ["nope"]}, "plan_ids.0"),
        ({"plan_ids": ["business", "ghost"]}, "plan_ids.1"),
        ({"plan_ids": ["business", "business"]}, "plan_ids"),
        ({"metadata": []}, "metadata"),
        ({"redemptions": 5}, "redemptions"),
    ],
)
def test_create_validation_names_the_field(plans, changes, field):
    body = {k: v for k, v in coupon_body(**changes).items() if v is not None}
    assert_problem(plans.post("/api/v1/coupons", json=body), 422, field)
    assert_problem(plans.get("/api/v1/coupons/spring"), 404)  # nothing was created


def test_codes_are_unique_ignoring_case(api):
    ok(api.post("/api/v1/coupons", json=coupon_body()), 201)
    body = assert_problem(api.post("/api/v1/coupons", json=coupon_body(id="other", code="Spring-20")), 409)
    assert "SPRING-20" in body["detail"]
    body = assert_problem(api.post("/api/v1/coupons", json=coupon_body(code="OTHER")), 409)
    assert "spring" in body["detail"]  # the id is taken as well


def test_environments_are_separate(api, make_tenant):
    ok(api.post("/api/v1/coupons", json=coupon_body()), 201)
    other = make_tenant().client()
    assert_problem(other.get("/api/v1/coupons/spring"), 404)
    assert ok(other.get("/api/v1/coupons"))["data"] == []
    body = assert_problem(other.post("/api/v1/coupons/validate", json={"code": "SPRING-20"}), 422)
    assert body["reason"] == "not_found"
    ok(other.post("/api/v1/coupons", json=coupon_body()), 201)  # same id and code elsewhere


def test_update(plans):
    api = plans
    ok(api.post("/api/v1/coupons", json=coupon_body(description="d", metadata={"a": 1},
                                                     max_redemptions=10)), 201)
    changed = ok(api.patch("/api/v1/coupons/spring", json={
        "name": "Spring!", "expires_at": "2099-04-01T00:00:00Z", "max_redemptions": 50,
        "plan_ids": ["starter", "business"],
    }))
    assert changed["name"] == "Spring!" and changed["description"] == "d"
    assert changed["expires_at"].startswith("2099-04-01T00:00:00")
    assert changed["max_redemptions"] == 50 and changed["plan_ids"] == ["starter", "business"]
    assert changed["metadata"] == {"a": 1} and changed["percent_off"] == "20"
    cleared = ok(api.patch("/api/v1/coupons/spring", json={
        "description": None, "expires_at": None, "max_redemptions": None, "plan_ids": None,
        "metadata": None,
    }))
    assert cleared["description"] is None and cleared["expires_at"] is None
    assert cleared["max_redemptions"] is None and cleared["plan_ids"] == []
    assert cleared["metadata"] == {}
    assert ok(api.get("/api/v1/coupons/spring")) == cleared


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"percent_off": 50}, "percent_off"),
        ({"amounts_off": {"USD": 100}}, "amounts_off"),
        ({"duration": "forever"}, "duration"),
        ({"duration_periods": 2}, "duration_periods"),
        ({"code": "NEWCODE"}, "code"),
        ({"id": "renamed"}, "id"),
        ({"redemptions": 0}, "redemptions"),
        ({"name": None}, "name"),
        ({"max_redemptions": 0}, "max_redemptions"),
        ({"expires_at": "2000-01-01T00:00:00Z"}, "expires_at"),
        ({"plan_ids": ["ghost"]}, "plan_ids.0"),
        ({"nickname": "x"}, "nickname"),
    ],
)
def test_update_rules(plans, changes, field):
    ok(plans.post("/api/v1/coupons", json=coupon_body()), 201)
    body = assert_problem(plans.patch("/api/v1/coupons/spring", json=changes), 422, field)
    if field in ("percent_off", "amounts_off", "duration", "code"):
        assert "cannot change" in body["errors"][0]["message"]
    assert ok(plans.get("/api/v1/coupons/spring"))["percent_off"] == "20"


def test_archive_and_list(api):
    for i in range(3):
        ok(api.post("/api/v1/coupons", json=coupon_body(id=f"c{i}", code=f"CODE{i}")), 201)
    archived = ok(api.post("/api/v1/coupons/c1/archive"))
    assert archived["archived"] is True
    again = ok(api.post("/api/v1/coupons/c1/archive"))  # archiving again is harmless
    assert again["archived"] is True and again["created_at"] == archived["created_at"]
    assert [c["id"] for c in ok(api.get("/api/v1/coupons"))["data"]] == ["c0", "c2"]
    everything = ok(api.get("/api/v1/coupons", params={"include_archived": True}))
    assert [c["id"] for c in everything["data"]] == ["c0", "c1", "c2"]
    first = ok(api.get("/api/v1/coupons", params={"limit": 1}))
    assert first["has_more"] and [c["id"] for c in first["data"]] == ["c0"]
    rest = ok(api.get("/api/v1/coupons", params={"limit": 1, "cursor": first["next_cursor"]}))
    assert [c["id"] for c in rest["data"]] == ["c2"] and not rest["has_more"]
    assert_problem(api.post("/api/v1/coupons/nope/archive"), 404)
    assert_problem(api.patch("/api/v1/coupons/nope", json={"name": "x"}), 404)
    assert_problem(api.get("/api/v1/coupons", params={"cursor": "garbage!"}), 422, "cursor")


def test_create_is_idempotent(api):
    headers = {"Idempotency-Key": "coupon-1"}
    first = api.post("/api/v1/coupons", json=coupon_body(), headers=headers)
    again = api.post("/api/v1/coupons", json=coupon_body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.headers["idempotent-replayed"] == "true" and again.json() == first.json()
    assert len(ok(api.get("/api/v1/coupons"))["data"]) == 1


def test_keys(tenant):
    secret, publishable = tenant.client("secret"), tenant.client("publishable")
    assert_problem(tenant.client(None).get("/api/v1/coupons"), 401)
    assert_problem(publishable.post("/api/v1/coupons", json=coupon_body()), 403)
    ok(secret.post("/api/v1/coupons", json=coupon_body()), 201)
    assert_problem(publishable.get("/api/v1/coupons"), 403)  # codes are not public
    assert_problem(publishable.get("/api/v1/coupons/spring"), 403)
    assert_problem(publishable.patch("/api/v1/coupons/spring", json={"name": "x"}), 403)
    assert_problem(publishable.post("/api/v1/coupons/spring/archive"), 403)
    # a storefront checks the code its customer typed with the publishable key
    checked = ok(publishable.post("/api/v1/coupons/validate", json={"code": "spring-20"}))
    assert checked["valid"] is True and checked["coupon"]["id"] == "spring"
