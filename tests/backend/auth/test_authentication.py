"""Every call is authenticated and scoped to one environment; publishable keys only read."""

import pytest

from tests.backend.helpers import (
    assert_problem,
    make_addon,
    make_feature,
    make_plan,
    make_product,
    ok,
)

PROTECTED = [
    ("GET", "/api/v1/environment"),
    ("GET", "/api/v1/api-keys"),
    ("GET", "/api/v1/products"),
    ("GET", "/api/v1/customers"),
    ("GET", "/api/v1/paywall?product_id=workspace"),
    ("POST", "/api/v1/products"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_missing_key_is_401(tenant, method, path):
    response = tenant.client(None).request(method, path, json={})
    body = assert_problem(response, 401)
    assert "API key" in body["detail"]


@pytest.mark.parametrize(
    "header",
    [
        {"Authorization": "Bearer not-a-tollgate-key"},  # malformed
        {"Authorization": "Basic dXNlcjpwYXNz"},  # not a bearer token at all
        {"Authorization": "Bearer tg_sk_this-key-was-never-issued"},  # unknown
        {"X-API-Key": "tg_pk_unknown"},
        {"Authorization": "Bearer "},
    ],
    ids=["malformed", "basic", "unknown-secret", "unknown-publishable", "empty"],
)
def test_bad_keys_are_401(tenant, header):
    response = tenant.client(None, **header).get("/api/v1/products")
    assert_problem(response, 401)


def test_x_api_key_header_is_accepted(tenant):
    response = tenant.client(None, **{"X-API-Key": tenant.secret}).get("/api/v1/environment")
    assert ok(response)["slug"] == tenant.slug


def test_revoked_key_is_401_immediately(tenant, api):
    extra = ok(api.post("/api/v1/api-keys", json={"kind": "secret", "name": "ci"}), 201)
    other = tenant.client(extra["key"])
    assert other.get("/api/v1/products").status_code == 200
    ok(api.post(f"/api/v1/api-keys/{extra['id']}/revoke"))
    body = assert_problem(other.get("/api/v1/products"), 401)
    assert "revoked" in body["detail"]


def test_a_key_can_revoke_itself(tenant, api):
    me = next(k for k in ok(api.get("/api/v1/api-keys")) if k["kind"] == "secret")
    ok(api.post(f"/api/v1/api-keys/{me['id']}/revoke"))
    assert_problem(api.get("/api/v1/environment"), 401)


WRITES = [
    ("POST", "/api/v1/products", {"id": "p", "display_name": "P"}),
    ("PATCH", "/api/v1/products/app", {"display_name": "X"}),
    ("POST", "/api/v1/products/app/archive", None),
    ("POST", "/api/v1/features", {"id": "f", "display_name": "F", "type": "boolean"}),
    ("PATCH", "/api/v1/features/f", {"display_name": "X"}),
    ("POST", "/api/v1/features/f/archive", None),
    (
        "POST",
        "/api/v1/plans",
        {"id": "p2", "product_id": "app", "display_name": "P", "pricing_type": "free"},
    ),
    ("PATCH", "/api/v1/plans/basic", {"display_name": "X"}),
    ("POST", "/api/v1/plans/basic/archive", None),
    (
        "POST",
        "/api/v1/addons",
        {
            "id": "a2",
            "product_id": "app",
            "display_name": "A",
            "prices": [{"billing_period": "monthly", "currency": "USD", "amount_minor": 1}],
        },
    ),
    ("PATCH", "/api/v1/addons/boost", {"display_name": "X"}),
    ("POST", "/api/v1/addons/boost/archive", None),
    ("POST", "/api/v1/customers", {"id": "c"}),
    ("PATCH", "/api/v1/customers/c", {"name": "X"}),
    ("POST", "/api/v1/customers/c/archive", None),
    ("POST", "/api/v1/api-keys", {"kind": "secret"}),
    ("POST", "/api/v1/api-keys/1/revoke", None),
]


def test_publishable_key_cannot_write_or_read_secrets(tenant, api, public_api):
    make_product(api, "app")
    make_feature(api, "f")
    make_plan(api, "basic")
    make_addon(api, "boost")
    ok(api.post("/api/v1/customers", json={"id": "c", "name": "Before"}), 201)
    for method, path, body in WRITES:
        assert_problem(public_api.request(method, path, json=body), 403)
    for path in (
        "/api/v1/customers",
        "/api/v1/customers/c",
        "/api/v1/environment",
        "/api/v1/api-keys",
    ):
        assert_problem(public_api.get(path), 403)
    # nothing changed
    assert ok(api.get("/api/v1/products/app"))["display_name"] == "App"
    assert ok(api.get("/api/v1/customers/c"))["name"] == "Before"
    assert len(ok(api.get("/api/v1/api-keys"))) == 2
    # but it reads the public catalog
    assert [p["id"] for p in ok(public_api.get("/api/v1/products"))["data"]] == ["app"]
    assert ok(public_api.get("/api/v1/plans/basic"))["id"] == "basic"


def test_other_environment_is_invisible(make_tenant):
    a, b = make_tenant(), make_tenant()
    api_a, api_b = a.client(), b.client()
    a.seed_demo()
    for path in (
        "/api/v1/products",
        "/api/v1/features",
        "/api/v1/plans",
        "/api/v1/addons",
        "/api/v1/customers",
    ):
        assert ok(api_a.get(path))["data"], path
        assert ok(api_b.get(path)) == {"data": [], "has_more": False, "next_cursor": None}, path
    for path in (
        "/api/v1/products/workspace",
        "/api/v1/features/seats",
        "/api/v1/plans/plus",
        "/api/v1/addons/ai-boost",
        "/api/v1/customers/acme",
        "/api/v1/paywall?product_id=workspace",
    ):
        assert_problem(api_b.get(path), 404)
        assert_problem(
            b.client("publishable").get(path) if "customers" not in path else api_b.get(path), 404
        )
    # writes cannot reach across either
    assert_problem(api_b.patch("/api/v1/plans/plus", json={"display_name": "Hijacked"}), 404)
    assert_problem(api_b.post("/api/v1/customers/acme/archive"), 404)
    assert_problem(
        api_b.post(
            "/api/v1/plans",
            json={
                "id": "mine",
                "product_id": "workspace",
                "display_name": "M",
                "pricing_type": "free",
            },
        ),
        422,
        "product_id",
    )
    # the same ids are free to use in B
    make_product(api_b, "workspace")
    ok(api_b.post("/api/v1/customers", json={"id": "acme"}), 201)
    assert ok(api_a.get("/api/v1/plans/plus"))["display_name"] == "Plus"
    assert ok(api_a.get("/api/v1/customers/acme"))["name"] == "Acme Corp"
    # keys are per environment too
    key_a = ok(api_a.get("/api/v1/api-keys"))[0]
    assert_problem(api_b.post(f"/api/v1/api-keys/{key_a['id']}/revoke"), 404)
    assert ok(api_a.get("/api/v1/api-keys"))[0]["revoked_at"] is None
    assert ok(api_b.get("/api/v1/environment"))["slug"] == b.slug
