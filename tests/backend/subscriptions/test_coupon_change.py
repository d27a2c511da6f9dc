"""Changing a subscription's coupon with an update: a new code from the next invoice on (and
on the same update's proration charge), "" to remove it, refusals named on coupon_code."""

from datetime import timedelta

from tests.backend.helpers import assert_problem, ok
from tests.backend.subscriptions.conftest import T0, subscribe
from tests.backend.subscriptions.test_period_end import advance, invoices


def coupon(api, ref, code, **extra):
    body = {"id": ref, "code": code, "percent_off": "10", "duration": "forever", **extra}
    ok(api.post("/api/v1/coupons", json=body), 201)


def test_a_code_applies_from_the_next_invoice(shop):
    coupon(shop, "ten", "TEN")
    sub = subscribe(shop)["subscription"]
    path = f"/api/v1/subscriptions/{sub['id']}"
    preview = ok(shop.post(f"{path}/preview-update", json={"coupon_code": "ten"}))
    assert preview["immediate"]["lines"] == []
    assert preview["next_invoice"]["total"]["amount_minor"] == 2700
    done = ok(shop.patch(path, json={"coupon_code": "ten"}))
    assert done["subscription"]["coupon_code"] == "TEN" and done["invoice"] is None
    assert ok(shop.get("/api/v1/coupons/ten"))["redemptions"] == 1
    advance(shop, T0 + timedelta(days=31))
    assert invoices(shop)[0]["total"]["amount_minor"] == 2700


def test_a_code_with_an_upgrade_discounts_the_proration_charge(shop, clock):
    coupon(shop, "ten", "TEN")
    sub = subscribe(shop)["subscription"]
    clock.set(T0 + timedelta(days=10))
    path = f"/api/v1/subscriptions/{sub['id']}"
    body = {"plan_id": "pro", "coupon_code": "TEN"}
    preview = ok(shop.post(f"{path}/preview-update", json=body))
    assert [line["amount"]["amount_minor"] for line in preview["immediate"]["lines"]] == [
        -2000, 6000, -600]
    done = ok(shop.patch(path, json=body))
    assert done["invoice"]["total"] == preview["immediate"]["total"]
    assert done["preview"]["next_invoice"]["total"]["amount_minor"] == 8100


def test_an_empty_code_removes_the_coupon(shop):
    coupon(shop, "ten", "TEN")
    sub = subscribe(shop, coupon_code="TEN")["subscription"]
    path = f"/api/v1/subscriptions/{sub['id']}"
    done = ok(shop.patch(path, json={"coupon_code": ""}))
    assert done["subscription"]["coupon_code"] is None
    assert done["preview"]["next_invoice"]["total"]["amount_minor"] == 3000
    assert_problem(shop.patch(path, json={"coupon_code": ""}), 422, "coupon_code")


def test_refused_codes_name_the_field_and_reason(shop):
    coupon(shop, "once", "ONCE", max_redemptions=1)
    sub = subscribe(shop, coupon_code="ONCE")["subscription"]
    path = f"/api/v1/subscriptions/{sub['id']}"
    body = assert_problem(shop.patch(path, json={"coupon_code": "NOPE"}), 422, "coupon_code")
    assert body["reason"] == "not_found"
    assert_problem(shop.patch(path, json={"coupon_code": "ONCE"}), 422, "coupon_code")
