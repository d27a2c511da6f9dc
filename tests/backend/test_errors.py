"""Every refusal is an RFC 9457 problem; no request input produces a 5xx."""

from urllib.parse import quote

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from backend.app import create_app
from backend.catalog.schemas import (
    AddonCreate,
    EntitlementIn,
    FeatureCreate,
    PlanCreate,
    PriceIn,
    ProductCreate,
)
from backend.client.transport import SyncASGITransport
from backend.customers.schemas import CustomerCreate, InitialSubscription
from backend.estimates.schemas import AddonChoice, EstimateRequest
from tests.backend.helpers import assert_problem, make_product


def test_unknown_route_and_method_are_problems(api):
    body = assert_problem(api.get("/api/v1/nothing-here"), 404)
    assert body["type"].startswith("https://tollgate.dev/problems/")
    assert_problem(api.delete("/api/v1/products"), 405)


def test_validation_lists_every_field(api):
    response = api.post(
        "/api/v1/customers",
        json={
            "id": "c",
            "email": "no-at-sign",
            "billing_country": "Narnia",
            "locale": 42,
        },
    )
    body = assert_problem(response, 422, "email", "billing_country", "locale")
    assert body["title"] == "Invalid request"
    assert "email" in body["detail"] and "billing_country" in body["detail"]
    assert all({"field", "message", "code"} <= set(e) for e in body["errors"])


def test_nested_field_names(api):
    make_product(api, "app")
    response = api.post(
        "/api/v1/plans",
        json={
            "id": "p",
            "product_id": "app",
            "display_name": "P",
            "prices": [
                {"billing_period": "monthly", "currency": "USD", "amount_minor": 1},
                {"billing_period": "annual", "currency": "QQQ", "amount_minor": -5},
            ],
            "entitlements": [{"feature_id": "f", "limit": "many"}],
        },
    )
    assert_problem(
        response, 422, "prices.1.currency", "prices.1.amount_minor", "entitlements.0.limit"
    )


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "/api/v1/plans",
            {"id": "p", "product_id": "ghost", "display_name": "P", "pricing_type": "free"},
            "product_id",
        ),
        (
            "/api/v1/addons",
            {
                "id": "a",
                "product_id": "ghost",
                "display_name": "A",
                "prices": [{"billing_period": "monthly", "currency": "USD", "amount_minor": 1}],
            },
            "product_id",
        ),
        (
            "/api/v1/plans",
            {
                "id": "p",
                "product_id": "app",
                "display_name": "P",
                "pricing_type": "free",
                "base_plan_id": "ghost",
            },
            "base_plan_id",
        ),
        (
            "/api/v1/plans",
            {
                "id": "p",
                "product_id": "app",
                "display_name": "P",
                "pricing_type": "free",
                "entitlements": [{"feature_id": "ghost"}],
            },
            "entitlements.0.feature_id",
        ),
        (
            "/api/v1/addons",
            {
                "id": "a",
                "product_id": "app",
                "display_name": "A",
                "entitlements": [{"feature_id": "ghost", "limit": 1}],
                "prices": [{"billing_period": "monthly", "currency": "USD", "amount_minor": 1}],
            },
            "entitlements.0.feature_id",
        ),
        (
            "/api/v1/plans",
            {
                "id": "p",
                "product_id": "app",
                "display_name": "P",
                "pricing_type": "free",
                "compatible_addon_ids": ["ghost"],
            },
            "compatible_addon_ids.0",
        ),
    ],
)
def test_unknown_references_are_422_naming_the_field(api, path, body, field):
    make_product(api, "app")
    body = assert_problem(api.post(path, json=body), 422, field)
    assert "ghost" in body["detail"]


def test_duplicates_are_409(seeded):
    api = seeded.client()
    for path, body in [
        ("/api/v1/products", {"id": "workspace", "display_name": "W"}),
        ("/api/v1/features", {"id": "seats", "display_name": "S", "type": "boolean"}),
        (
            "/api/v1/plans",
            {"id": "free", "product_id": "workspace", "display_name": "F", "pricing_type": "free"},
        ),
        (
            "/api/v1/addons",
            {
                "id": "ai-boost",
                "product_id": "workspace",
                "display_name": "A",
                "prices": [{"billing_period": "monthly", "currency": "USD", "amount_minor": 1}],
            },
        ),
        ("/api/v1/customers", {"id": "acme"}),
    ]:
        body = assert_problem(api.post(path, json=body), 409)
        assert body["title"] == "Conflict" and "already exists" in body["detail"]


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b"{", "application/json"),
        (b'{"id": "x", "display_name": }', "application/json"),
        (b"\xff\xfe\x00", "application/json"),
        (b"[]", "application/json"),
        (b'"just a string"', "application/json"),
        (b"null", "application/json"),
        (b"", "application/json"),
        (b"id=x&display_name=y", "application/x-www-form-urlencoded"),
        (b'{"id": "x", "display_name": "y"}', "text/plain"),
        (b'{"id": "nan", "display_name": "y", "metadata": {"v": NaN}}', "application/json"),
        (b'{"id": "inf", "display_name": "y", "metadata": {"v": -Infinity}}', "application/json"),
        (
            b'{"id": "deep", "display_name": "y", "metadata": '
            + b'{"a": ' * 2000
            + b"1"
            + b"}" * 2001,
            "application/json",
        ),
    ],
)
def test_malformed_bodies_are_4xx(api, content, content_type):
    response = api.post("/api/v1/products", content=content, headers={"content-type": content_type})
    assert 400 <= response.status_code < 500, response.text
    assert_problem(response, response.status_code)


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "/api/v1/products",
            {"id": "p", "display_name": "P", "metadata": {"k": "a\x00b"}},
            "metadata",
        ),
        ("/api/v1/customers", {"id": "c", "metadata": {"k\x00": 1}}, "metadata"),
        ("/api/v1/products", {"id": "p", "display_name": "nul\x00here"}, None),
        ("/api/v1/customers", {"id": "c", "name": "nul\x00here"}, None),
    ],
)
def test_text_the_database_cannot_store_is_not_a_500(api, database_url, path, body, field):
    response = api.post(path, json=body)
    if field or database_url.startswith("postgresql"):
        assert_problem(response, 422, *([field] if field else []))
    else:
        assert response.status_code == 201  # SQLite stores NUL characters as given


def test_unexpected_errors_are_problems_without_internals(settings):
    app: FastAPI = create_app(settings)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    with httpx.Client(transport=SyncASGITransport(app), base_url="http://test") as client:
        response = client.get("/api/boom")
    body = assert_problem(response, 500)
    assert "secret" not in response.text and body["title"] == "Internal error"


# -- fuzzing: random junk to every create endpoint -----------------------------------------------
JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
JSON = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
PLAUSIBLE = st.sampled_from(
    [
        "workspace",
        "plus",
        "free",
        "seats",
        "ai-credits",
        "version-history",
        "extra-storage",
        "ai-boost",
        "ai-credit-pack",
        "business",
        "api-calls",
        "USD",
        "GBP",
        "eur",
        "JPY",
        "monthly",
        "annual",
        "quarterly",
        "flat",
        "per_unit",
        "tiered",
        "package",
        "usage",
        "overage",
        "credit_pack",
        "volume",
        "graduated",
        "month",
        "boolean",
        "configuration",
        "metered",
        "enum",
        "paid",
        "custom",
        "DE",
        "GB",
        "EU",
        "de-DE",
        "a@b.co",
        "7 days",
        0,
        1,
        29,
        "0.0004",
        [{"up_to": 10, "unit_amount": "2"}, {"up_to": None, "unit_amount": "1"}],
        True,
        [],
        {},
    ]
)
# Values that pass the schema's type checks but may break a database or an assumption.
HAZARDS = st.sampled_from(
    [
        "\x00",
        "nul\x00inside",
        -1,
        2**31,
        2**53 + 1,
        2**63,
        -(2**63) - 1,
        "x" * 250,
        " ",
        "",
        "é€😀",
        {"k": "\x00"},
        {"\x00": 1},
        1e308,
    ]
)
VALUE = st.one_of(PLAUSIBLE, HAZARDS, JSON)
REF = st.from_regex(r"\A[a-z][a-z0-9-]{2,12}\Z")


def shaped(model, nested=None):
    """Dicts with a random subset of the model's fields (and a stray key), holding junk."""
    nested = nested or {}
    fields = {name: nested.get(name, VALUE) for name in model.model_fields}
    fields["unexpected"] = VALUE
    return st.fixed_dictionaries({}, optional=fields)


def mutated(valid, junk):
    """A valid body (with a fresh id) with some of its fields replaced by junk."""

    def merge(ref, changes):
        return {**valid, **({"id": ref} if "id" in valid else {}), **changes}

    return st.builds(merge, REF, junk)


ENTITLEMENTS = st.lists(shaped(EntitlementIn), max_size=3) | VALUE
PRICES = st.lists(shaped(PriceIn), max_size=3) | VALUE
PACKAGE = {
    "entitlements": ENTITLEMENTS,
    "prices": PRICES,
    "compatible_addon_ids": st.lists(PLAUSIBLE | st.text(max_size=10), max_size=3) | VALUE,
}
USD = [{"billing_period": "monthly", "currency": "USD", "amount_minor": 900}]
FEATURE_KEYS = st.sampled_from(["seats", "api-calls", "ai-credits", "projects"]) | st.text(max_size=8)
SHAPES = {
    "/api/v1/products": (shaped(ProductCreate), {"id": "", "display_name": "P"}),
    "/api/v1/features": (
        shaped(
            FeatureCreate,
            {"enum_values": st.lists(PLAUSIBLE | HAZARDS | st.text(), max_size=3) | VALUE},
        ),
        {"id": "", "display_name": "F", "type": "configuration", "unit": "seat"},
    ),
    "/api/v1/plans": (
        shaped(PlanCreate, PACKAGE),
        {"id": "", "product_id": "workspace", "display_name": "P", "prices": USD},
    ),
    "/api/v1/addons": (
        shaped(AddonCreate, PACKAGE),
        {"id": "", "product_id": "workspace", "display_name": "A", "prices": USD},
    ),
    "/api/v1/customers": (
        shaped(CustomerCreate, {"subscription": shaped(InitialSubscription) | VALUE}),
        {"id": "", "subscription": {"plan_id": "plus"}},
    ),
    "/api/v1/estimates": (
        shaped(
            EstimateRequest,
            {
                "addons": st.lists(shaped(AddonChoice), max_size=3) | VALUE,
                "quantities": st.dictionaries(FEATURE_KEYS, VALUE, max_size=3) | VALUE,
                "usage": st.dictionaries(FEATURE_KEYS, VALUE, max_size=3) | VALUE,
            },
        ),
        {"plan_id": "business", "billing_period": "monthly", "quantities": {"seats": 12}},
    ),
    "/api/v1/api-keys": (
        st.fixed_dictionaries({}, optional={"kind": VALUE, "name": VALUE}),
        {"kind": "secret", "name": "k"},
    ),
}
FUZZ = hypothesis_settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("path", list(SHAPES))
def test_fuzzed_create_bodies_never_5xx(seeded, path):
    api = seeded.client()
    junk, valid = SHAPES[path]

    @FUZZ
    @given(body=st.one_of(mutated(valid, junk), junk, JSON))
    def post(body):
        response = api.post(path, json=body)
        assert response.status_code < 500, (body, response.text)
        if response.status_code >= 400:
            assert_problem(response, response.status_code)

    post()


def test_fuzzed_raw_bytes_never_5xx(seeded):
    api = seeded.client()

    @FUZZ
    @given(
        raw=st.binary(max_size=200) | st.text(max_size=200).map(str.encode),
        path=st.sampled_from(list(SHAPES)),
    )
    def post(raw, path):
        response = api.post(path, content=raw, headers={"content-type": "application/json"})
        assert 400 <= response.status_code < 500, (raw, response.text)

    post()


QUERY_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "workspace", "acme", "EUR", "DE", "de-DE", "djE6MQ", "%", "_"]),
    st.sampled_from(["\x00", "a\x00", "djE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5", "x" * 300]),
)


def test_fuzzed_queries_never_5xx(seeded):
    api = seeded.client()

    @FUZZ
    @given(
        product=QUERY_TEXT,
        customer=st.none() | QUERY_TEXT,
        currency=st.none() | QUERY_TEXT,
        country=st.none() | QUERY_TEXT,
        locale=st.none() | QUERY_TEXT,
        search=QUERY_TEXT,
        cursor=QUERY_TEXT,
        limit=st.integers(-5, 200) | QUERY_TEXT,
        ref=QUERY_TEXT,
    )
    def get(product, customer, currency, country, locale, search, cursor, limit, ref):
        params = {
            "product_id": product,
            "customer_id": customer,
            "currency": currency,
            "country": country,
            "locale": locale,
        }
        responses = [
            api.get("/api/v1/paywall", params={k: v for k, v in params.items() if v is not None}),
            api.get(
                "/api/v1/customers", params={"search": search, "cursor": cursor, "limit": limit}
            ),
            api.get("/api/v1/plans", params={"product_id": product, "cursor": cursor}),
        ]
        segment = quote(ref, safe="") or "x"
        responses += [
            api.get(f"/api/v1/{kind}/{segment}")
            for kind in ("products", "features", "plans", "addons", "customers")
        ]
        for response in responses:
            assert response.status_code < 500, (response.request.url, response.text)

    get()
