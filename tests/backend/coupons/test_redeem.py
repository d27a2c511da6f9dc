"""redeem(): counts redemptions atomically and never beyond the limit, even when racing."""

import threading

import pytest

from backend.coupons import service
from backend.coupons.repository import CouponRepository
from backend.db import engine_for, session_factory, session_scope
from tests.backend.coupons.conftest import coupon_body
from tests.backend.helpers import ok
from tests.conftest import is_postgres


def redeem(tenant, ref="spring"):
    with session_scope(tenant.url) as session:
        coupon = CouponRepository(session, tenant.id).get(ref)
        service.redeem(session, tenant.id, coupon)
        return coupon.redemptions


def test_redeem_respects_the_limit(api, tenant):
    ok(api.post("/api/v1/coupons", json=coupon_body(max_redemptions=2)), 201)
    assert [redeem(tenant), redeem(tenant)] == [1, 2]
    with pytest.raises(service.CouponRejected) as refused:
        redeem(tenant)
    assert refused.value.reason == "limit_reached" and refused.value.status == 422
    assert ok(api.get("/api/v1/coupons/spring"))["redemptions"] == 2
    assert_limit_lowering_refused(api)


def assert_limit_lowering_refused(api):
    response = api.patch("/api/v1/coupons/spring", json={"max_redemptions": 1})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "max_redemptions"


def test_unlimited_and_rolled_back_redemptions(api, tenant):
    ok(api.post("/api/v1/coupons", json=coupon_body()), 201)
    assert [redeem(tenant) for _ in range(3)] == [1, 2, 3]
    with pytest.raises(RuntimeError), session_scope(tenant.url) as session:
        service.redeem(session, tenant.id, CouponRepository(session, tenant.id).get("spring"))
        raise RuntimeError("checkout failed after redeeming")
    assert ok(api.get("/api/v1/coupons/spring"))["redemptions"] == 3  # rolled back with it


def test_redeem_is_scoped_to_the_environment(api, tenant, make_tenant):
    ok(api.post("/api/v1/coupons", json=coupon_body(max_redemptions=5)), 201)
    other = make_tenant()
    with session_scope(tenant.url) as session:
        coupon = CouponRepository(session, tenant.id).get("spring")
        with pytest.raises(service.CouponRejected):
            service.redeem(session, other.id, coupon)
    assert ok(api.get("/api/v1/coupons/spring"))["redemptions"] == 0


def test_concurrent_redemptions_never_pass_the_limit(api, tenant, database_url):
    if not is_postgres(database_url):
        pytest.skip("real concurrency needs PostgreSQL; SQLite serializes every writer")
    ok(api.post("/api/v1/coupons", json=coupon_body(max_redemptions=5)), 201)
    factory = session_factory(engine_for(database_url))
    start = threading.Barrier(20)
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt() -> None:
        with factory() as session:
            coupon = CouponRepository(session, tenant.id).get("spring")
            start.wait(timeout=30)
            try:
                service.redeem(session, tenant.id, coupon)
                session.commit()
                outcome = "redeemed"
            except service.CouponRejected as exc:
                session.rollback()
                outcome = exc.reason
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=attempt) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["limit_reached"] * 15 + ["redeemed"] * 5
    assert ok(api.get("/api/v1/coupons/spring"))["redemptions"] == 5


def test_to_discount(api, tenant):
    from decimal import Decimal

    from backend.pricing.discounts import Discount, discount_minor

    ok(api.post("/api/v1/coupons", json=coupon_body(percent_off="12.5")), 201)
    ok(api.post("/api/v1/coupons", json=coupon_body(
        id="fixed", code="FIXED", name="Five off", percent_off=None, amounts_off={"usd": 500},
    )), 201)
    with session_scope(tenant.url) as session:
        repo = CouponRepository(session, tenant.id)
        percent = service.to_discount(repo.get("spring"))
        fixed = service.to_discount(repo.get("fixed"))
    assert percent == Discount(percent_off=Decimal("12.5"), amounts_off=None, name="Spring sale")
    assert fixed == Discount(percent_off=None, amounts_off={"USD": 500}, name="Five off")
    assert discount_minor(2900, "USD", percent) == 363  # 362.5 rounded half-up
    assert discount_minor(2900, "USD", fixed) == 500
