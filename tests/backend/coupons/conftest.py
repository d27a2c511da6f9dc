"""Fixtures of the coupon tests: a small catalog to restrict coupons to, and a movable clock."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from backend.kit.clock import set_clock
from tests.backend.helpers import make_plan, make_product

START = datetime(2026, 2, 1, 9, 0, tzinfo=UTC)


class FakeClock:
    """`backend.kit.clock` answers whatever `at` is; tests move it."""

    def __init__(self, at: datetime):
        self.at = at

    def __call__(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Iterator[FakeClock]:
    fake = FakeClock(START)
    set_clock(fake)
    try:
        yield fake
    finally:
        set_clock(None)


@pytest.fixture
def plans(api):
    """Product 'app' with free plans 'starter' and 'business' (display name 'Business')."""
    make_product(api, "app")
    make_plan(api, "starter", pricing_type="free")
    make_plan(api, "business", pricing_type="free")
    return api


def coupon_body(**extra):
    body = {"id": "spring", "code": "spring-20", "name": "Spring sale", "percent_off": 20}
    body.update(extra)
    return body
