"""TollgateClient and AsyncTollgateClient in-process (app=): typed results, problem errors."""

import asyncio

import pytest

from backend.auth.schemas import ApiKeyCreated, ApiKeyPublic, EnvironmentPublic
from backend.catalog.schemas import (
    AddonCreate,
    AddonPublic,
    FeatureCreate,
    FeaturePublic,
    FeatureUpdate,
    PlanCreate,
    PlanPublic,
    PlanUpdate,
    ProductCreate,
    ProductPublic,
    ProductUpdate,
)
from backend.client import AsyncTollgateClient, TollgateClient, TollgateError
from backend.customers.schemas import CustomerCreate, CustomerPublic, CustomerUpdate
from backend.kit.pagination import Page
from backend.paywall.schemas import Paywall


@pytest.fixture
def client(tenant):
    with TollgateClient(tenant.secret, app=tenant.app) as c:
        yield c


def test_account_operations(client, tenant):
    env = client.get_environment()
    assert isinstance(env, EnvironmentPublic) and env.slug == tenant.slug
    created = client.create_api_key("publishable", "browser")
    assert isinstance(created, ApiKeyCreated) and created.key.startswith("tg_pk_")
    keys = client.list_api_keys()
    assert all(isinstance(k, ApiKeyPublic) for k in keys) and len(keys) == 3
    revoked = client.revoke_api_key(created.id)
    assert revoked.revoked_at is not None
    with (
        TollgateClient(created.key, app=tenant.app) as revoked_client,
        pytest.raises(TollgateError) as raised,
    ):
        revoked_client.list_products()
    assert raised.value.status == 401


def test_embed_origins_operations(client):
    assert client.get_embed_origins() == {"origins": []}
    saved = client.set_embed_origins(["https://App.Example.com/", "http://localhost:8000"])
    assert saved == {"origins": ["https://app.example.com", "http://localhost:8000"]}
    assert client.get_embed_origins() == saved
    with pytest.raises(TollgateError) as raised:
        client.set_embed_origins(["http://app.example.com"])
    assert raised.value.status == 422 and client.get_embed_origins() == saved


def test_catalog_operations(client):
    product = client.create_product(ProductCreate(id="app", display_name="App", description="d"))
    assert isinstance(product, ProductPublic) and product.description == "d"
    # an update model sends only the fields that were set
    product = client.update_product("app", ProductUpdate(display_name="The App"))
    assert product.display_name == "The App" and product.description == "d"
    assert client.update_product("app", {"description": None}).description is None
    assert client.get_product("app").display_name == "The App"

    feature = client.create_feature(
        FeatureCreate(id="seats", display_name="Seats", type="configuration", unit="seat")
    )
    assert isinstance(feature, FeaturePublic) and feature.unit_plural == "seat"
    assert client.update_feature("seats", FeatureUpdate(unit_plural="seats")).unit_plural == "seats"
    client.create_feature({"id": "sso", "display_name": "SSO", "type": "boolean"})
    page = client.list_features(type="boolean")
    assert isinstance(page, Page) and [f.id for f in page.data] == ["sso"]

    addon = client.create_addon(
        AddonCreate(
            id="more",
            product_id="app",
            display_name="More seats",
            entitlements=[{"feature_id": "seats", "limit": 5}],
            prices=[{"billing_period": "monthly", "currency": "USD", "amount_minor": 900}],
        )
    )
    assert isinstance(addon, AddonPublic) and addon.prices[0].amount == "9.00"
    assert client.update_addon("more", {"max_quantity": 3}).max_quantity == 3
    assert client.get_addon("more").id == "more"

    plan = client.create_plan(
        PlanCreate(
            id="pro",
            product_id="app",
            display_name="Pro",
            compatible_addon_ids=["more"],
            entitlements=[{"feature_id": "seats", "limit": 10}, {"feature_id": "sso"}],
            prices=[{"billing_period": "monthly", "currency": "USD", "amount_minor": 2900}],
        )
    )
    assert isinstance(plan, PlanPublic) and plan.entitlements[0].limit == 10
    plan = client.update_plan("pro", PlanUpdate(highlighted=True), publish=True)
    assert plan.highlighted and plan.compatible_addon_ids == ["more"]
    assert client.get_plan("pro").highlighted

    for i in range(3):
        client.create_plan(
            {"id": f"p{i}", "product_id": "app", "display_name": "P", "pricing_type": "free"}
        )
    first = client.list_plans(product_id="app", limit=2)
    second = client.list_plans(product_id="app", limit=2, cursor=first.next_cursor)
    assert [p.id for p in first.data + second.data] == ["pro", "p0", "p1", "p2"]
    assert first.has_more and not second.has_more

    assert client.archive_plan("p0").archived
    assert client.archive_addon("more").archived
    assert client.archive_feature("sso").archived
    assert [p.id for p in client.list_plans(include_archived=True).data][:2] == ["pro", "p0"]
    assert "p0" not in [p.id for p in client.list_plans().data]
    assert (
        client.list_addons().data == [] and len(client.list_addons(include_archived=True).data) == 1
    )
    assert client.archive_product("app").archived
    assert client.list_products().data == []


def test_customer_operations(seeded):
    with TollgateClient(seeded.secret, app=seeded.app) as client:
        body = CustomerCreate(
            id="new",
            name="New Co",
            billing_country="DE",
            subscription={"plan_id": "plus", "billing_period": "annual"},
        )
        first = client.provision_customer(body, idempotency_key="idem-1")
        again = client.provision_customer(body, idempotency_key="idem-1")
        assert isinstance(first, CustomerPublic) and first == again
        assert first.subscriptions[0].currency == "EUR"
        with pytest.raises(TollgateError) as raised:
            client.provision_customer(body)  # no key: a duplicate
        assert raised.value.status == 409

        assert client.get_customer("acme").name == "Acme Corp"
        found = client.list_customers(search="globex")
        assert isinstance(found, Page) and [c.id for c in found.data] == ["globex"]
        changed = client.update_customer("new", CustomerUpdate(email="billing@new.example"))
        assert changed.email == "billing@new.example" and changed.name == "New Co"
        assert client.archive_customer("new").archived
        assert "new" not in [c.id for c in client.list_customers(limit=100).data]

        paywall = client.get_paywall("workspace", customer_id="globex")
        assert isinstance(paywall, Paywall) and paywall.currency == "EUR"
        assert [p.id for p in paywall.plans if p.is_current] == ["business"]


def test_errors_carry_the_problem(client):
    with pytest.raises(TollgateError) as raised:
        client.get_product("nope")
    error = raised.value
    assert error.status == 404 and error.title == "Not found"
    assert error.problem["type"].startswith("https://tollgate.dev/problems/")
    assert "nope" in error.detail and "404" in str(error)
    with pytest.raises(TollgateError) as raised:
        client.create_product({"id": "bad id", "display_name": ""})
    assert raised.value.status == 422
    assert {e["field"] for e in raised.value.problem["errors"]} == {"id", "display_name"}
    with (
        TollgateClient(None, app=client._http._transport._transport.app) as anonymous,
        pytest.raises(TollgateError) as raised,
    ):
        anonymous.get_environment()
    assert raised.value.status == 401


def test_ids_are_escaped_in_paths(client):
    with pytest.raises(TollgateError) as raised:
        client.get_customer("a?b#c d")
    assert raised.value.status == 404 and "a?b#c d" in raised.value.detail


def test_async_client(seeded):
    async def main():
        async with AsyncTollgateClient(seeded.publishable, app=seeded.app) as client:
            paywall = await client.get_paywall("workspace")
            assert isinstance(paywall, Paywall)
            assert [p.id for p in paywall.plans] == ["free", "plus", "business", "enterprise"]
            products = await client.list_products()
            assert [p.id for p in products.data] == ["workspace"]
            with pytest.raises(TollgateError) as raised:
                await client.get_paywall("workspace", customer_id="acme")
            assert raised.value.status == 403
        async with AsyncTollgateClient(seeded.secret, app=seeded.app) as client:
            results = await asyncio.gather(
                *(client.get_customer(ref) for ref in ("acme", "globex", "initech"))
            )
            assert [c.id for c in results] == ["acme", "globex", "initech"]
            created = await client.provision_customer({"id": "async-co"}, idempotency_key="a-1")
            assert created.id == "async-co"

    asyncio.run(main())


def test_client_needs_somewhere_to_go(monkeypatch):
    monkeypatch.delenv("TOLLGATE_API_URL", raising=False)
    with pytest.raises(ValueError):
        TollgateClient("tg_sk_x")
    with pytest.raises(ValueError):
        AsyncTollgateClient("tg_sk_x")
