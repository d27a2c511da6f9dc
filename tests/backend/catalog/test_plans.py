"""Plans: price rules per pricing type, entitlements per feature type, inheritance, add-ons."""

import pytest

from tests.backend.helpers import (
    assert_problem,
    make_addon,
    make_feature,
    make_plan,
    make_product,
    ok,
    usd,
)


@pytest.fixture
def catalog(api):
    """A product with one feature of each type and an add-on."""
    make_product(api, "app")
    make_feature(api, "sso", "boolean")
    make_feature(api, "seats", "configuration", unit="seat", unit_plural="seats")
    make_feature(api, "calls", "metered", unit="call", unit_plural="calls")
    make_feature(api, "history", "enum", enum_values=["7 days", "90 days", "forever"])
    make_addon(api, "boost")
    return api


def plan_body(**extra):
    body = {"id": "pro", "product_id": "app", "display_name": "Pro", "prices": usd(2900, 29000)}
    body.update(extra)
    return body


def test_create_full_plan(catalog):
    api = catalog
    created = make_plan(
        api,
        "pro",
        display_name="Pro",
        description="For pros",
        order=2,
        highlighted=True,
        trial_days=14,
        metadata={"badge": "popular"},
        compatible_addon_ids=["boost"],
        prices=[
            *usd(2900, 29000),
            {"billing_period": "monthly", "currency": "eur", "amount_minor": 2700},
        ],
        entitlements=[
            {"feature_id": "sso"},
            {"feature_id": "seats", "limit": 10},
            {"feature_id": "calls", "limit": 1000, "soft_limit": True, "reset_period": "month"},
            {
                "feature_id": "history",
                "enum_values": ["90 days"],
                "display_name": "90 days of history",
            },
        ],
    )
    assert created["order"] == 2 and created["highlighted"] and not created["hidden"]
    assert created["pricing_type"] == "paid" and created["trial_days"] == 14
    assert created["compatible_addon_ids"] == ["boost"] and created["base_plan_id"] is None
    assert created["trial_requires_payment_method"] is False
    assert (created["version"], created["status"]) == (1, "published")
    assert created["published_at"] is not None
    # a price leaves without a model as a flat price; fields of other models are null
    assert [{k: v for k, v in p.items() if v is not None} for p in created["prices"]] == [
        {"billing_period": "monthly", "currency": "USD", "model": "flat", "amount_minor": 2900,
         "amount": "29.00"},
        {"billing_period": "annual", "currency": "USD", "model": "flat", "amount_minor": 29000,
         "amount": "290.00"},
        {"billing_period": "monthly", "currency": "EUR", "model": "flat", "amount_minor": 2700,
         "amount": "27.00"},
    ]
    assert all(p["country"] is None and p["unit_amount"] is None for p in created["prices"])
    ents = {e["feature_id"]: e for e in created["entitlements"]}
    assert list(ents) == ["sso", "seats", "calls", "history"]  # order kept
    assert ents["seats"]["limit"] == 10 and not ents["seats"]["unlimited"]
    assert ents["calls"]["soft_limit"] and ents["calls"]["reset_period"] == "month"
    assert ents["history"]["enum_values"] == ["90 days"]
    assert ents["history"]["display_name"] == "90 days of history"
    assert ok(api.get("/api/v1/plans/pro")) == created


def test_price_rules_by_pricing_type(catalog):
    api = catalog
    assert_problem(api.post("/api/v1/plans", json=plan_body(prices=[])), 422, "prices")
    assert_problem(api.post("/api/v1/plans", json=plan_body(pricing_type="free")), 422, "prices")
    assert_problem(api.post("/api/v1/plans", json=plan_body(pricing_type="custom")), 422, "prices")
    free = make_plan(api, "free", pricing_type="free")
    custom = make_plan(api, "ent", pricing_type="custom")
    assert free["prices"] == [] and custom["prices"] == []
    # changing the type must keep the rule
    assert_problem(api.patch("/api/v1/plans/free", json={"pricing_type": "paid"}), 422, "prices")
    paid = ok(api.patch("/api/v1/plans/free", json={"pricing_type": "paid", "prices": usd(500)}))
    assert paid["pricing_type"] == "paid" and paid["prices"][0]["amount_minor"] == 500
    assert_problem(api.patch("/api/v1/plans/free", json={"prices": []}), 422, "prices")
    back = ok(api.patch("/api/v1/plans/free", json={"pricing_type": "free", "prices": []}))
    assert back["prices"] == []


@pytest.mark.parametrize(
    ("prices", "field"),
    [
        (
            [{"billing_period": "monthly", "currency": "ABC", "amount_minor": 1}],
            "prices.0.currency",
        ),
        (
            [{"billing_period": "monthly", "currency": "XAU", "amount_minor": 1}],
            "prices.0.currency",
        ),
        (
            [{"billing_period": "weekly", "currency": "USD", "amount_minor": 1}],
            "prices.0.billing_period",
        ),
        (
            [{"billing_period": "monthly", "currency": "USD", "amount_minor": -1}],
            "prices.0.amount_minor",
        ),
        (
            [{"billing_period": "monthly", "currency": "USD", "amount_minor": 2**63}],
            "prices.0.amount_minor",
        ),
        (
            [{"billing_period": "monthly", "currency": "USD", "amount_minor": 1.5}],
            "prices.0.amount_minor",
        ),
        ([{"billing_period": "monthly", "currency": "USD"}], "prices.0.amount_minor"),
        (usd(1) + usd(2), "prices"),
    ],
)
def test_price_validation(catalog, prices, field):
    assert_problem(catalog.post("/api/v1/plans", json=plan_body(prices=prices)), 422, field)


@pytest.mark.parametrize(
    ("entitlement", "field"),
    [
        ({"feature_id": "nope"}, "entitlements.0.feature_id"),
        ({"feature_id": "sso", "limit": 3}, "entitlements.0"),
        ({"feature_id": "sso", "unlimited": True}, "entitlements.0"),
        ({"feature_id": "seats"}, "entitlements.0.limit"),
        ({"feature_id": "seats", "limit": -1}, "entitlements.0.limit"),
        ({"feature_id": "seats", "limit": 5, "unlimited": True}, "entitlements.0.limit"),
        ({"feature_id": "seats", "limit": 5, "reset_period": "month"}, "entitlements.0"),
        ({"feature_id": "seats", "limit": 5, "soft_limit": True}, "entitlements.0"),
        ({"feature_id": "seats", "limit": 5, "enum_values": ["x"]}, "entitlements.0.enum_values"),
        (
            {"feature_id": "calls", "limit": 5, "reset_period": "fortnight"},
            "entitlements.0.reset_period",
        ),
        ({"feature_id": "calls"}, "entitlements.0.limit"),
        ({"feature_id": "history"}, "entitlements.0.enum_values"),
        ({"feature_id": "history", "enum_values": ["1 year"]}, "entitlements.0.enum_values"),
        ({"feature_id": "history", "enum_values": ["7 days"], "limit": 1}, "entitlements.0.limit"),
    ],
)
def test_entitlement_rules(catalog, entitlement, field):
    response = catalog.post("/api/v1/plans", json=plan_body(entitlements=[entitlement]))
    assert_problem(response, 422, field)


def test_entitlements_are_unique_per_feature_and_live(catalog):
    api = catalog
    twice = [{"feature_id": "seats", "limit": 1}, {"feature_id": "seats", "limit": 2}]
    assert_problem(
        api.post("/api/v1/plans", json=plan_body(entitlements=twice)), 422, "entitlements"
    )
    ok(api.post("/api/v1/features/sso/archive"))
    response = api.post("/api/v1/plans", json=plan_body(entitlements=[{"feature_id": "sso"}]))
    assert_problem(response, 422, "entitlements.0.feature_id")
    unlimited = make_plan(
        api,
        "big",
        entitlements=[
            {"feature_id": "seats", "unlimited": True},
            {"feature_id": "calls", "unlimited": True},
        ],
    )
    assert all(e["unlimited"] and e["limit"] is None for e in unlimited["entitlements"])


def test_unknown_references_and_duplicates(catalog):
    api = catalog
    assert_problem(api.post("/api/v1/plans", json=plan_body(product_id="nope")), 422, "product_id")
    assert_problem(
        api.post("/api/v1/plans", json=plan_body(base_plan_id="nope")), 422, "base_plan_id"
    )
    assert_problem(
        api.post("/api/v1/plans", json=plan_body(compatible_addon_ids=["boost", "nope"])),
        422,
        "compatible_addon_ids.1",
    )
    make_plan(api, "pro")
    assert_problem(api.post("/api/v1/plans", json=plan_body()), 409)
    # plans and add-ons have separate id spaces
    make_plan(api, "boost")
    assert_problem(
        api.post("/api/v1/plans", json=plan_body(id="x", trial_days=0)), 422, "trial_days"
    )
    assert_problem(api.post("/api/v1/plans", json=plan_body(id="x", order=2**31)), 422, "order")


def test_references_must_share_the_product(catalog):
    api = catalog
    make_product(api, "other")
    make_plan(api, "other-plan", product="other")
    make_addon(api, "other-addon", product="other")
    assert_problem(
        api.post("/api/v1/plans", json=plan_body(base_plan_id="other-plan")), 422, "base_plan_id"
    )
    assert_problem(
        api.post("/api/v1/plans", json=plan_body(compatible_addon_ids=["other-addon"])),
        422,
        "compatible_addon_ids.0",
    )


def test_inheritance_and_cycles(catalog):
    api = catalog
    make_plan(api, "a", pricing_type="free")
    b = make_plan(api, "b", base_plan_id="a")
    make_plan(api, "c", base_plan_id="b")
    assert b["base_plan_id"] == "a"
    body = assert_problem(
        api.patch("/api/v1/plans/a", json={"base_plan_id": "c"}), 422, "base_plan_id"
    )
    assert "inherit" in body["detail"]
    assert_problem(api.patch("/api/v1/plans/a", json={"base_plan_id": "a"}), 422, "base_plan_id")
    assert_problem(api.patch("/api/v1/plans/b", json={"base_plan_id": "c"}), 422, "base_plan_id")
    assert ok(api.get("/api/v1/plans/a"))["base_plan_id"] is None  # nothing changed
    moved = ok(api.patch("/api/v1/plans/c", json={"base_plan_id": "a"}))
    assert moved["base_plan_id"] == "a"
    assert ok(api.patch("/api/v1/plans/c", json={"base_plan_id": None}))["base_plan_id"] is None


def test_update_replaces_lists_and_keeps_the_rest(catalog):
    api = catalog
    make_addon(api, "extra")
    make_plan(
        api,
        "pro",
        description="Keep me",
        compatible_addon_ids=["boost"],
        entitlements=[{"feature_id": "seats", "limit": 5}, {"feature_id": "sso"}],
    )
    changed = ok(
        api.patch(
            "/api/v1/plans/pro",
            params={"publish": "true"},
            json={
                "entitlements": [
                    {"feature_id": "seats", "limit": 50},
                    {"feature_id": "calls", "limit": 9},
                ],
                "prices": usd(4900),
                "compatible_addon_ids": ["extra"],
                "order": 5,
                "highlighted": True,
                "hidden": True,
                "display_name": "Pro+",
            },
        )
    )
    assert [(e["feature_id"], e["limit"]) for e in changed["entitlements"]] == [
        ("seats", 50),
        ("calls", 9),
    ]
    assert [(p["billing_period"], p["amount_minor"]) for p in changed["prices"]] == [
        ("monthly", 4900)
    ]
    assert changed["compatible_addon_ids"] == ["extra"]
    assert (changed["order"], changed["highlighted"], changed["hidden"]) == (5, True, True)
    assert changed["description"] == "Keep me" and changed["display_name"] == "Pro+"
    assert ok(api.get("/api/v1/plans/pro")) == changed
    emptied = ok(
        api.patch("/api/v1/plans/pro", json={"entitlements": [], "compatible_addon_ids": []})
    )
    assert emptied["entitlements"] == [] and emptied["compatible_addon_ids"] == []
    for field in ("display_name", "order", "highlighted", "hidden", "pricing_type"):
        assert_problem(api.patch("/api/v1/plans/pro", json={field: None}), 422, field)
    assert_problem(
        api.patch("/api/v1/plans/pro", json={"entitlements": [{"feature_id": "zzz"}]}),
        422,
        "entitlements.0.feature_id",
    )
    assert_problem(
        api.patch("/api/v1/plans/pro", json={"compatible_addon_ids": ["zzz"]}),
        422,
        "compatible_addon_ids.0",
    )
    assert_problem(api.patch("/api/v1/plans/nope", json={"order": 1}), 404)


def test_archive_and_list(catalog):
    api = catalog
    make_product(api, "other")
    make_plan(api, "pro")
    make_plan(api, "solo", product="other")
    archived = ok(api.post("/api/v1/plans/pro/archive"))
    assert archived["archived"] is True
    assert ok(api.get("/api/v1/plans/pro"))["archived"] is True
    assert [p["id"] for p in ok(api.get("/api/v1/plans"))["data"]] == ["solo"]
    everything = ok(api.get("/api/v1/plans", params={"include_archived": True}))["data"]
    assert [p["id"] for p in everything] == ["pro", "solo"]
    only_app = ok(api.get("/api/v1/plans", params={"product_id": "app", "include_archived": True}))
    assert [p["id"] for p in only_app["data"]] == ["pro"]
    assert_problem(api.get("/api/v1/plans", params={"product_id": "nope"}), 422, "product_id")
    assert_problem(api.post("/api/v1/plans/nope/archive"), 404)
