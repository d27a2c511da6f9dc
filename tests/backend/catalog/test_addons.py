"""Add-ons: priced packages with their own entitlements."""

from tests.backend.helpers import assert_problem, make_addon, make_feature, make_product, ok, usd


def test_addon_crud(api):
    make_product(api, "app")
    make_feature(api, "seats", "configuration", unit="seat", unit_plural="seats")
    created = make_addon(
        api,
        "seats-5",
        display_name="Five seats",
        max_quantity=10,
        entitlements=[{"feature_id": "seats", "limit": 5}],
        prices=usd(1000, 10000),
        metadata={"sku": "S5"},
    )
    assert created["max_quantity"] == 10 and created["metadata"] == {"sku": "S5"}
    assert created["entitlements"][0]["limit"] == 5
    assert [p["amount"] for p in created["prices"]] == ["10.00", "100.00"]
    assert ok(api.get("/api/v1/addons/seats-5")) == created

    changed = ok(
        api.patch(
            "/api/v1/addons/seats-5",
            json={
                "prices": usd(1200),
                "entitlements": [{"feature_id": "seats", "limit": 10}],
                "max_quantity": None,
            },
        )
    )
    assert [p["amount_minor"] for p in changed["prices"]] == [1200]
    assert changed["entitlements"][0]["limit"] == 10 and changed["max_quantity"] is None
    assert changed["display_name"] == "Five seats"

    assert ok(api.post("/api/v1/addons/seats-5/archive"))["archived"] is True
    assert ok(api.get("/api/v1/addons"))["data"] == []
    assert len(ok(api.get("/api/v1/addons", params={"include_archived": True}))["data"]) == 1
    assert (
        len(
            ok(api.get("/api/v1/addons", params={"include_archived": True, "product_id": "app"}))[
                "data"
            ]
        )
        == 1
    )


def test_addon_rules(api):
    make_product(api, "app")
    base = {"id": "a", "product_id": "app", "display_name": "A"}
    assert_problem(api.post("/api/v1/addons", json=base), 422, "prices")
    assert_problem(
        api.post("/api/v1/addons", json={**base, "prices": usd(1), "max_quantity": 0}),
        422,
        "max_quantity",
    )
    assert_problem(
        api.post("/api/v1/addons", json={**base, "prices": usd(1), "product_id": "x"}),
        422,
        "product_id",
    )
    assert_problem(
        api.post(
            "/api/v1/addons",
            json={**base, "prices": usd(1), "entitlements": [{"feature_id": "x", "limit": 1}]},
        ),
        422,
        "entitlements.0.feature_id",
    )
    make_addon(api, "a")
    assert_problem(api.post("/api/v1/addons", json={**base, "prices": usd(1)}), 409)
    # an add-on always keeps a price
    assert_problem(api.patch("/api/v1/addons/a", json={"prices": []}), 422, "prices")
    assert_problem(api.patch("/api/v1/addons/a", json={"prices": None}), 422, "prices")
    assert_problem(api.patch("/api/v1/addons/a", json={"display_name": None}), 422, "display_name")
    assert ok(api.get("/api/v1/addons/a"))["prices"][0]["amount_minor"] == 500
    assert_problem(api.get("/api/v1/addons/nope"), 404)
    assert_problem(api.patch("/api/v1/addons/nope", json={"display_name": "x"}), 404)
