"""Widgets act for a customer through a customer token: issued once per customer and reused,
replaced when the backend stops accepting it, and never without a customer."""

import pytest

from backend.client import TollgateError
from tests.backend.helpers import ok
from tests.widgets.conftest import run_async
from widgets import _client, _customer


@pytest.fixture
def backend(seeded):
    _client.configure(app=seeded.app, api_key=seeded.secret)
    yield seeded
    run(_customer.forget_clients())
    _client.configure()


run = run_async


def test_calls_act_for_the_named_customer_only(backend):
    async def scenario():
        me = await _customer.as_customer("acme", None, lambda c: c.get_me())
        other = await _customer.as_customer("globex", None, lambda c: c.get_me())
        first = await _customer.customer_client("acme")
        again = await _customer.customer_client("acme")
        return me.id, other.id, first is again

    assert run(scenario()) == ("acme", "globex", True)


def test_a_token_the_backend_refuses_is_replaced_once(backend):
    async def scenario():
        await _customer.as_customer("acme", None, lambda c: c.get_me())
        assert backend.client().post("/api/v1/environment/token-secret/rotate").status_code == 204
        return (await _customer.as_customer("acme", None, lambda c: c.get_me())).id

    assert run(scenario()) == "acme"


def test_a_given_token_is_used_as_is(backend):
    token = ok(backend.client().post("/api/v1/customer-tokens",
                                     json={"customer_id": "initech"}), 201)["token"]

    async def scenario():
        return (await _customer.as_customer(None, token, lambda c: c.get_me())).id

    assert run(scenario()) == "initech"

    async def tampered():
        await _customer.as_customer(None, token[:-3] + "AAA", lambda c: c.get_me())

    with pytest.raises(TollgateError) as refused:
        run(tampered())
    assert refused.value.status == 401


def test_no_customer_no_client():
    with pytest.raises(_customer.NoCustomer):
        run(_customer.customer_client(None, None))
