"""Fixtures of the subscription tests: a product with $30 / $90 plans, a customer with a card,
and a clock the test moves."""

from datetime import UTC, datetime, timedelta

import pytest

from backend.kit.clock import set_clock
from tests.backend.helpers import make_plan, make_product, ok, usd
from tests.backend.payments.conftest import card

T0 = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)  # April: a 30-day monthly period


class Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def set(self, at: datetime) -> None:
        self.at = at

    def advance(self, **delta: float) -> datetime:
        self.at += timedelta(**delta)
        return self.at


@pytest.fixture
def clock():
    c = Clock(T0)
    set_clock(lambda: c.at)
    yield c
    set_clock(None)


@pytest.fixture
def shop(api, clock):
    """Product 'app' with plans basic $30/month and pro $90/month (annual too); customer 'ada'
    with a working card."""
    make_product(api, "app")
    make_plan(api, "basic", prices=usd(3000, 30000))
    make_plan(api, "pro", prices=usd(9000, 90000))
    ok(api.post("/api/v1/customers", json={"id": "ada", "billing_country": "US"}), 201)
    ok(api.post("/api/v1/customers/ada/payment-methods", json=card()), 201)
    return api


def subscribe(api, plan="basic", **extra):
    body = {"customer_id": "ada", "plan_id": plan, "billing_period": "monthly", **extra}
    return ok(api.post("/api/v1/subscriptions", json=body), 201)
