"""POST /coupons/validate: a usable code returns the coupon; each refusal has its reason."""

from datetime import timedelta

import pytest

from tests.backend.coupons.conftest import coupon_body
from tests.backend.helpers import assert_problem, ok


def validate(api, **body):
    return api.post("/api/v1/coupons/validate", json=body)


def refused(response, reason, field="code"):
    body = assert_problem(response, 422, field)
    assert body["reason"] == reason, body
    assert body["type"].endswith("/coupon-rejected")
    return body


def test_valid_code_any_case(plans):
    created = ok(plans.post("/api/v1/coupons", json=coupon_body(plan_ids=["business"])), 201)
    for code in ("SPRING-20", "spring-20", "  Spring-20 "):
        result = ok(validate(plans, code=code, plan_id="business", currency="eur"))
        assert result == {"valid": True, "coupon": created}
    assert ok(validate(plans, code="spring-20"))["valid"] is True  # no plan given: not checked


def test_not_found(api):
    for code in ("NOPE", "x", "not a code at all!"):
        body = refused(validate(api, code=code), "not_found")
        assert body["detail"] == "This code does not exist"


def test_archived(api):
    ok(api.post("/api/v1/coupons", json=coupon_body()), 201)
    ok(api.post("/api/v1/coupons/spring/archive"))
    body = refused(validate(api, code="SPRING-20"), "archived")
    assert body["detail"] == "This code is no longer available"


def test_expired(api, clock):
    ok(api.post("/api/v1/coupons", json=coupon_body(expires_at="2026-03-01T12:00:00Z")), 201)
    clock.at = clock.at.replace(month=3, day=1, hour=11, minute=59)
    assert ok(validate(api, code="SPRING-20"))["valid"] is True
    clock.at += timedelta(minutes=1)  # expiry is exclusive
    body = refused(validate(api, code="SPRING-20"), "expired")
    assert body["detail"] == "This code expired on 1 March 2026"
    # moving the expiry out makes it usable again; moving it into the past is refused
    assert_problem(api.patch("/api/v1/coupons/spring", json={"expires_at": "2026-02-01T00:00:00Z"}),
                   422, "expires_at")
    ok(api.patch("/api/v1/coupons/spring", json={"expires_at": None}))
    assert ok(validate(api, code="SPRING-20"))["valid"] is True


def test_not_applicable_to_plan(plans):
    ok(plans.post("/api/v1/coupons", json=coupon_body(plan_ids=["starter"])), 201)
    assert ok(validate(plans, code="SPRING-20", plan_id="starter"))["valid"] is True
    body = refused(validate(plans, code="SPRING-20", plan_id="business"), "not_applicable_to_plan",
                   field="plan_id")
    assert body["detail"] == "This code does not apply to the Business plan"
    # an unknown plan is the caller's mistake, not the code's
    body = assert_problem(validate(plans, code="SPRING-20", plan_id="ghost"), 422, "plan_id")
    assert "reason" not in body


def test_currency_not_supported(api):
    ok(api.post("/api/v1/coupons", json=coupon_body(percent_off=None, amounts_off={"USD": 500})),
       201)
    assert ok(validate(api, code="SPRING-20", currency="usd"))["valid"] is True
    body = refused(validate(api, code="SPRING-20", currency="EUR"), "currency_not_supported",
                   field="currency")
    assert body["detail"] == "This code does not apply to prices in EUR"
    assert_problem(validate(api, code="SPRING-20", currency="XYZ"), 422, "currency")
    # a percentage applies in every currency
    ok(api.post("/api/v1/coupons", json=coupon_body(id="pct", code="PCT")), 201)
    assert ok(validate(api, code="PCT", currency="JPY"))["valid"] is True


def test_limit_reached(api, tenant):
    from backend.coupons import service
    from backend.coupons.repository import CouponRepository
    from backend.db import session_scope

    ok(api.post("/api/v1/coupons", json=coupon_body(max_redemptions=1)), 201)
    assert ok(validate(api, code="SPRING-20"))["valid"] is True
    with session_scope(tenant.url) as session:
        service.redeem(session, tenant.id, CouponRepository(session, tenant.id).get("spring"))
    body = refused(validate(api, code="SPRING-20"), "limit_reached")
    assert body["detail"] == "This code has reached its redemption limit"
    ok(api.patch("/api/v1/coupons/spring", json={"max_redemptions": 2}))  # raising it helps
    assert ok(validate(api, code="SPRING-20"))["coupon"]["redemptions"] == 1


@pytest.mark.parametrize("body", [{}, {"code": "x" * 201}, {"code": "A", "extra": 1}])
def test_malformed_requests(api, body):
    response = api.post("/api/v1/coupons/validate", json=body)
    problem = assert_problem(response, 422)
    assert "reason" not in problem
