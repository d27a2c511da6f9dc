"""Fixtures of the payment tests: a customer, test cards, a production environment."""

import secrets
from collections.abc import Iterator
from typing import Any

import pytest

from backend.auth import service as auth_service
from backend.db import session_scope
from backend.kit.clock import now
from tests.backend.helpers import ok
from tests.conftest import Tenant

VISA, MASTERCARD = "4242424242424242", "5555555555554444"
DECLINED, NO_FUNDS, PROCESSING_ERROR = "4000000000000002", "4000000000009995", "4000000000000119"
TEST_CARDS = (VISA, MASTERCARD, DECLINED, NO_FUNDS, PROCESSING_ERROR)


def card(number: str = VISA, **extra: Any) -> dict[str, Any]:
    """A card body that has not expired (valid through next year)."""
    return {"card_number": number, "exp_month": 12, "exp_year": now().year + 1, **extra}


def methods_path(customer: str = "ada") -> str:
    return f"/api/v1/customers/{customer}/payment-methods"


@pytest.fixture
def customer(api):
    """Customer 'ada' in the tenant's environment."""
    return ok(api.post("/api/v1/customers", json={"id": "ada", "locale": "de-DE"}), 201)


def make_production_tenant(url: str, app) -> Tenant:  # type: ignore[no-untyped-def]
    slug = f"prod-{secrets.token_hex(6)}"
    with session_scope(url) as session:
        env = auth_service.create_environment(session, slug, f"Prod {slug}", "production")
        _, secret = auth_service.issue_key(session, env.id, "secret", "test secret")
        _, publishable = auth_service.issue_key(session, env.id, "publishable", "test pk")
        env_id = env.id
    return Tenant(id=env_id, slug=slug, secret=secret, publishable=publishable, url=url, app=app)


@pytest.fixture
def production(database_url, app) -> Iterator[Tenant]:
    """An environment of kind production."""
    tenant = make_production_tenant(database_url, app)
    yield tenant
    tenant.close()
