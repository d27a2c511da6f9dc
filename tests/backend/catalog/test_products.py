"""Products: create, read, update, archive, list with pagination."""

from tests.backend.helpers import assert_problem, make_product, ok


def test_create_get_update_archive(api):
    created = make_product(api, "app", description="The app", metadata={"tier": "core", "n": 1})
    assert created["id"] == "app" and created["display_name"] == "App"
    assert created["metadata"] == {"tier": "core", "n": 1} and created["archived"] is False
    assert ok(api.get("/api/v1/products/app")) == created

    updated = ok(api.patch("/api/v1/products/app", json={"display_name": "The App"}))
    assert updated["display_name"] == "The App"
    assert updated["description"] == "The app"  # fields left out stay
    assert updated["metadata"] == {"tier": "core", "n": 1}
    assert updated["updated_at"] >= created["updated_at"]
    cleared = ok(api.patch("/api/v1/products/app", json={"description": None, "metadata": {}}))
    assert cleared["description"] is None and cleared["metadata"] == {}

    archived = ok(api.post("/api/v1/products/app/archive"))
    assert archived["archived"] is True
    assert ok(api.get("/api/v1/products/app"))["archived"] is True  # kept for history
    assert ok(api.get("/api/v1/products"))["data"] == []
    listed = ok(api.get("/api/v1/products", params={"include_archived": True}))["data"]
    assert [p["id"] for p in listed] == ["app"]
    # archiving twice is harmless
    assert ok(api.post("/api/v1/products/app/archive"))["archived"] is True


def test_validation_and_conflicts(api):
    make_product(api, "app")
    assert_problem(api.post("/api/v1/products", json={"id": "app", "display_name": "Again"}), 409)
    assert_problem(
        api.post("/api/v1/products", json={"id": "has space", "display_name": "x"}), 422, "id"
    )
    assert_problem(
        api.post("/api/v1/products", json={"id": "ok", "display_name": ""}), 422, "display_name"
    )
    assert_problem(
        api.post("/api/v1/products", json={"id": "ok", "display_name": "x", "colour": "red"}),
        422,
        "colour",
    )
    assert_problem(
        api.patch("/api/v1/products/app", json={"display_name": None}), 422, "display_name"
    )
    assert_problem(api.patch("/api/v1/products/nope", json={"display_name": "x"}), 404)
    assert_problem(api.get("/api/v1/products/nope"), 404)
    assert_problem(api.post("/api/v1/products/nope/archive"), 404)


def test_list_pages(api):
    for i in range(5):
        make_product(api, f"p{i}")
    first = ok(api.get("/api/v1/products", params={"limit": 2}))
    assert [p["id"] for p in first["data"]] == ["p0", "p1"] and first["has_more"]
    second = ok(api.get("/api/v1/products", params={"limit": 2, "cursor": first["next_cursor"]}))
    third = ok(api.get("/api/v1/products", params={"limit": 2, "cursor": second["next_cursor"]}))
    assert [p["id"] for p in second["data"] + third["data"]] == ["p2", "p3", "p4"]
    assert third["has_more"] is False and third["next_cursor"] is None
    assert_problem(api.get("/api/v1/products", params={"limit": 0}), 422, "limit")
    assert_problem(api.get("/api/v1/products", params={"limit": 101}), 422, "limit")
