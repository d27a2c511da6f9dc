"""TollgateClient coupon operations: typed results, refusals as TollgateError with a reason."""

import pytest

from backend.client import TollgateClient, TollgateError
from backend.coupons.schemas import CouponCreate, CouponPublic, CouponUpdate, CouponValidation
from backend.kit.pagination import Page


def test_coupon_operations(tenant):
    with TollgateClient(tenant.secret, app=tenant.app) as client:
        created = client.create_coupon(
            CouponCreate(id="spring", code="spring-20", percent_off=20), idempotency_key="k1"
        )
        assert isinstance(created, CouponPublic) and created.code == "SPRING-20"
        assert client.create_coupon({"id": "spring", "code": "spring-20", "percent_off": 20},
                                    idempotency_key="k1") == created  # replayed
        assert client.update_coupon("spring", CouponUpdate(max_redemptions=3)).max_redemptions == 3
        assert client.get_coupon("spring").name == "SPRING-20"
        page = client.list_coupons(limit=5)
        assert isinstance(page, Page) and [c.id for c in page.data] == ["spring"]
        assert client.archive_coupon("spring").archived is True
        assert client.list_coupons().data == []
        assert [c.id for c in client.list_coupons(include_archived=True).data] == ["spring"]
        client.create_coupon({"id": "usd", "code": "FIVE", "amounts_off": {"USD": 500}})

    with TollgateClient(tenant.publishable, app=tenant.app) as storefront:
        checked = storefront.validate_coupon("five", currency="USD")
        assert isinstance(checked, CouponValidation) and checked.coupon.id == "usd"
        for code, reason in (("spring-20", "archived"), ("nope", "not_found")):
            with pytest.raises(TollgateError) as refused:
                storefront.validate_coupon(code)
            assert refused.value.status == 422 and refused.value.problem["reason"] == reason
        with pytest.raises(TollgateError) as refused:
            storefront.validate_coupon("five", currency="EUR")
        assert refused.value.problem["reason"] == "currency_not_supported"
