"""TollgateClient: customer tokens (issue on the server, use in the browser's client) and events."""

import asyncio
from datetime import timedelta

import pytest

from backend.auth.schemas import CustomerTokenPublic
from backend.client import AsyncTollgateClient, TollgateClient, TollgateError
from backend.customers.schemas import CustomerPublic
from backend.events.schemas import EventPublic, EventType
from backend.kit.pagination import Page
from backend.paywall.schemas import Paywall


def test_customer_token_operations(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as server:
        issued = server.create_customer_token("acme", ttl_seconds=600, scopes=["read"])
        assert isinstance(issued, CustomerTokenPublic) and issued.customer_id == "acme"
        assert issued.scopes == ["read"]
        with pytest.raises(TollgateError) as refused:
            server.create_customer_token("nobody")
        assert refused.value.status == 404

    with TollgateClient(customer_token=issued.token, app=seeded.app) as browser:
        me = browser.get_me()
        assert isinstance(me, CustomerPublic) and me.id == "acme"
        paywall = browser.get_my_paywall("workspace", locale="de-DE")
        assert isinstance(paywall, Paywall) and paywall.customer and paywall.customer.id == "acme"
        with pytest.raises(TollgateError) as refused:
            browser.list_customers()
        assert refused.value.status == 401

    with TollgateClient(seeded.publishable, customer_token=issued.token, app=seeded.app) as widget:
        assert widget.get_paywall("workspace", customer_id="acme").customer.id == "acme"
        with pytest.raises(TollgateError) as refused:
            widget.get_paywall("workspace", customer_id="globex")
        assert refused.value.status == 403

    with TollgateClient(seeded.secret, app=seeded.app) as server:
        assert server.rotate_token_secret() is None
    with TollgateClient(customer_token=issued.token, app=seeded.app) as browser:
        with pytest.raises(TollgateError) as refused:
            browser.get_me()
        assert refused.value.status == 401
        assert refused.value.problem["reason"] == "invalid_signature"


def test_async_client_with_a_customer_token(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as server:
        token = server.create_customer_token("globex").token

    async def main():
        async with AsyncTollgateClient(customer_token=token, app=seeded.app) as browser:
            return await browser.get_me()

    assert asyncio.run(main()).id == "globex"


def test_event_operations(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as client:
        client.provision_customer({"id": "hans", "subscription": {"plan_id": "plus"}})
        page = client.list_events(customer_id="hans")
        assert isinstance(page, Page) and all(isinstance(e, EventPublic) for e in page.data)
        assert [e.type for e in page.data] == ["customer.created", "subscription.created"]
        created = page.data[0]
        assert client.list_events(type="subscription.", customer_id="hans").data == page.data[1:]
        assert client.list_events(type=["customer.created"], customer_id="hans").data == [created]
        assert client.list_events(since=created.created_at, customer_id="hans").data == page.data
        until = created.created_at - timedelta(seconds=1)
        assert client.list_events(until=until, customer_id="hans").data == []
        newest = client.list_events(order="desc", limit=1)
        assert newest.data[0].sequence > created.sequence and newest.has_more
        assert client.get_event(created.id) == created
        kinds = client.list_event_types()
        assert all(isinstance(t, EventType) for t in kinds)
        assert "subscription.created" in {t.type for t in kinds}
