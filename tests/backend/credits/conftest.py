"""Fixtures of the credit tests: a product with metered features, a credit currency that
prices them, and a customer with a card."""

from decimal import Decimal

import pytest

from tests.backend.helpers import make_feature, make_plan, make_product, ok
from tests.backend.payments.conftest import card


def grant(api, amount, **extra):
    body = {"customer_id": "ada", "currency_id": "tokens", "amount": str(amount), **extra}
    return ok(api.post("/api/v1/credits/grants", json=body), 201)


def consume(api, amount=None, status=200, **extra):
    body = {"customer_id": "ada", "currency_id": "tokens", **extra}
    if amount is not None:
        body["amount"] = str(amount)
    return ok(api.post("/api/v1/credits/consume", json=body), status)


def balance(api, customer="ada"):
    return ok(api.get("/api/v1/credits/balance",
                      params={"customer_id": customer, "currency_id": "tokens"}))


def D(value) -> Decimal:
    return Decimal(str(value))


@pytest.fixture
def credits_api(tenant):
    """See `setup_credits`."""
    return setup_credits(tenant)


def setup_credits(tenant):
    """Product `app`; features `images` (4 credits each) and `minutes` (1.5 each); plan `pro`
    including 1,000 credits a month with rollover up to 200; currency `tokens` at $0.01;
    customer `ada` on `pro` with a Visa card."""
    api = tenant.client()
    make_product(api, "app")
    make_feature(api, "images", "metered", unit="image", unit_plural="images")
    make_feature(api, "minutes", "metered", unit="minute", unit_plural="minutes")
    make_plan(api, "free", pricing_type="free", prices=[], entitlements=[])
    make_plan(api, "pro", pricing_type="free", prices=[], entitlements=[])
    ok(api.post("/api/v1/credits/currencies", json={
        "id": "tokens", "name": "Tokens", "symbol": "T", "unit_singular": "token",
        "unit_plural": "tokens", "price": {"amount": "0.01", "currency": "USD"},
        "purchase_options": [500, 2000], "feature_costs": {"images": "4", "minutes": "1.5"},
    }), 201)
    ok(api.post("/api/v1/customers", json={"id": "ada", "subscription": {"plan_id": "free"}}),
       201)
    ok(api.post("/api/v1/customers/ada/payment-methods", json=card()), 201)
    return api
