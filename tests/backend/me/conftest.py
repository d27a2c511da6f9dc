"""Fixtures of the `/me` tests: the demo catalog and browsers holding customer tokens."""

import pytest

from tests.backend.helpers import ok
from tests.backend.payments.conftest import card


def issue(tenant, customer: str, **extra) -> str:
    body = {"customer_id": customer, **extra}
    return ok(tenant.client().post("/api/v1/customer-tokens", json=body), 201)["token"]


def browser(tenant, customer: str, **extra):
    """What a widget in a customer's browser holds: that customer's token, nothing else."""
    return tenant.client(None, **{"X-Customer-Token": issue(tenant, customer, **extra)})


@pytest.fixture
def shop(seeded):
    """The demo catalog; initech (on Free, GBP) and acme (on Plus, USD) each with a Visa card."""
    for customer in ("initech", "acme"):
        ok(seeded.client().post(f"/api/v1/customers/{customer}/payment-methods", json=card()),
           201)
    return seeded
