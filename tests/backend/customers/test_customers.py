"""Customers: provision (with and without a first subscription), read, update, archive, list."""

import pytest

from tests.backend.helpers import assert_problem, ok


def test_provision_without_subscription(api):
    created = ok(
        api.post(
            "/api/v1/customers",
            json={
                "id": "u_1",
                "name": "  Ada Lovelace ",
                "email": "ada@example.com",
                "billing_country": "gb",
                "locale": "en-GB",
                "metadata": {"crm": 42},
            },
        ),
        201,
    )
    assert created["name"] == "Ada Lovelace"  # whitespace trimmed
    assert created["billing_country"] == "GB" and created["locale"] == "en-GB"
    assert created["metadata"] == {"crm": 42} and created["subscriptions"] == []
    assert created["archived"] is False
    assert ok(api.get("/api/v1/customers/u_1")) == created
    minimal = ok(api.post("/api/v1/customers", json={"id": "u_2"}), 201)
    assert minimal["name"] is None and minimal["metadata"] == {}


def test_provision_with_subscription(seeded):
    api = seeded.client()
    created = ok(
        api.post(
            "/api/v1/customers",
            json={
                "id": "hans",
                "billing_country": "DE",
                "subscription": {"plan_id": "plus", "billing_period": "annual"},
            },
        ),
        201,
    )
    [sub] = created["subscriptions"]
    assert sub["id"].startswith("sub_")
    assert (
        sub["product_id"],
        sub["plan_id"],
        sub["billing_period"],
        sub["currency"],
        sub["status"],
    ) == ("workspace", "plus", "annual", "EUR", "active")  # currency from the country
    us = ok(
        api.post("/api/v1/customers", json={"id": "joe", "subscription": {"plan_id": "business"}}),
        201,
    )
    assert (
        us["subscriptions"][0]["currency"] == "USD"
        and us["subscriptions"][0]["billing_period"] == "monthly"
    )
    jp = ok(
        api.post(
            "/api/v1/customers",
            json={
                "id": "yuki",
                "billing_country": "JP",
                "subscription": {"plan_id": "plus", "currency": "eur"},
            },
        ),
        201,
    )
    assert jp["subscriptions"][0]["currency"] == "EUR"
    free = ok(
        api.post("/api/v1/customers", json={"id": "f", "subscription": {"plan_id": "free"}}), 201
    )
    assert free["subscriptions"][0]["plan_id"] == "free"


@pytest.mark.parametrize(
    ("subscription", "field"),
    [
        ({"plan_id": "nope"}, "subscription.plan_id"),
        ({"plan_id": "plus", "currency": "JPY"}, "subscription.currency"),
        ({"plan_id": "plus", "currency": "XYZ"}, "subscription.currency"),
        ({"plan_id": "plus", "billing_period": "weekly"}, "subscription.billing_period"),
        ({"plan_id": "plus", "trial": True}, "subscription.trial"),
    ],
)
def test_subscription_rules(seeded, subscription, field):
    response = seeded.client().post(
        "/api/v1/customers", json={"id": "c", "subscription": subscription}
    )
    assert_problem(response, 422, field)
    assert_problem(seeded.client().get("/api/v1/customers/c"), 404)  # nothing was created


def test_archived_plan_cannot_be_subscribed(seeded):
    api = seeded.client()
    ok(api.post("/api/v1/plans/plus/archive"))
    response = api.post("/api/v1/customers", json={"id": "c", "subscription": {"plan_id": "plus"}})
    assert_problem(response, 422, "subscription.plan_id")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"id": ""}, "id"),
        ({"id": "has space"}, "id"),
        ({"id": "x" * 129}, "id"),
        ({"id": "c", "email": "not-an-email"}, "email"),
        ({"id": "c", "billing_country": "XX"}, "billing_country"),
        ({"id": "c", "billing_country": "ZZ"}, "billing_country"),
        ({"id": "c", "billing_country": "DEU"}, "billing_country"),
        ({"id": "c", "locale": "xx-ZZ-nope"}, "locale"),
        ({"id": "c", "name": "n" * 201}, "name"),
        ({"id": "c", "metadata": []}, "metadata"),
        ({"id": "c", "nickname": "x"}, "nickname"),
    ],
)
def test_contact_validation(api, body, field):
    assert_problem(api.post("/api/v1/customers", json=body), 422, field)


def test_duplicate_is_409(api):
    ok(api.post("/api/v1/customers", json={"id": "c"}), 201)
    body = assert_problem(api.post("/api/v1/customers", json={"id": "c", "name": "Again"}), 409)
    assert "c" in body["detail"]


def test_update_and_archive(api):
    ok(
        api.post(
            "/api/v1/customers",
            json={"id": "c", "name": "Old", "email": "a@b.co", "metadata": {"a": 1}},
        ),
        201,
    )
    changed = ok(
        api.patch(
            "/api/v1/customers/c", json={"name": "New", "billing_country": "fr", "locale": "fr-FR"}
        )
    )
    assert (changed["name"], changed["billing_country"], changed["locale"]) == (
        "New",
        "FR",
        "fr-FR",
    )
    assert changed["email"] == "a@b.co" and changed["metadata"] == {"a": 1}
    cleared = ok(api.patch("/api/v1/customers/c", json={"email": None, "metadata": None}))
    assert cleared["email"] is None and cleared["metadata"] == {}
    assert_problem(api.patch("/api/v1/customers/c", json={"email": "nope"}), 422, "email")
    assert_problem(
        api.patch("/api/v1/customers/c", json={"billing_country": "QQ"}), 422, "billing_country"
    )
    assert_problem(api.patch("/api/v1/customers/c", json={"id": "renamed"}), 422, "id")
    assert_problem(api.patch("/api/v1/customers/nope", json={"name": "x"}), 404)

    archived = ok(api.post("/api/v1/customers/c/archive"))
    assert archived["archived"] is True
    assert ok(api.get("/api/v1/customers/c"))["archived"] is True
    assert ok(api.get("/api/v1/customers"))["data"] == []
    assert [
        c["id"] for c in ok(api.get("/api/v1/customers", params={"include_archived": True}))["data"]
    ] == ["c"]
    assert_problem(api.post("/api/v1/customers/nope/archive"), 404)


def test_cursor_pagination(api):
    ids = [f"cust-{i:02d}" for i in range(25)]
    for ref in ids:
        ok(api.post("/api/v1/customers", json={"id": ref}), 201)
    seen, cursor, pages = [], None, []
    while True:
        params = {"limit": 10, **({"cursor": cursor} if cursor else {})}
        page = ok(api.get("/api/v1/customers", params=params))
        pages.append(page)
        seen += [c["id"] for c in page["data"]]
        if not page["has_more"]:
            assert page["next_cursor"] is None
            break
        cursor = page["next_cursor"]
        assert cursor
    assert [len(p["data"]) for p in pages] == [10, 10, 5]
    assert seen == ids  # no duplicates, no omissions, creation order
    # a cursor stays valid when rows are added after it
    ok(api.post("/api/v1/customers", json={"id": "late"}), 201)
    tail = ok(api.get("/api/v1/customers", params={"limit": 10, "cursor": pages[1]["next_cursor"]}))
    assert [c["id"] for c in tail["data"]] == ids[20:] + ["late"]
    default = ok(api.get("/api/v1/customers"))
    assert len(default["data"]) == 20 and default["has_more"]


@pytest.mark.parametrize("cursor", ["garbage!", "djE6eA", "djI6MTA", "", "%00", "djE6LTE"])
def test_bad_cursor_is_422(api, cursor):
    response = api.get("/api/v1/customers", params={"cursor": cursor})
    if cursor == "":
        assert response.status_code == 200  # an empty cursor is no cursor
    else:
        assert_problem(response, 422, "cursor")


def test_search(api):
    people = [
        {"id": "acme-1", "name": "Acme Corp", "email": "billing@acme.example"},
        {"id": "u-2", "name": "Globex", "email": "finance@globex.example"},
        {"id": "u-3", "name": "Initech", "email": "ops@initech.example"},
        {"id": "u_4", "name": "100% Real", "email": "real@example.com"},
    ]
    for person in people:
        ok(api.post("/api/v1/customers", json=person), 201)

    def search(term):
        return [c["id"] for c in ok(api.get("/api/v1/customers", params={"search": term}))["data"]]

    assert search("ACME") == ["acme-1"]  # name and id, case-insensitive
    assert search("globex.example") == ["u-2"]  # email
    assert search("u-3") == ["u-3"]  # id
    assert search("example") == ["acme-1", "u-2", "u-3", "u_4"]
    assert search("nobody") == []
    assert search("%") == ["u_4"]  # wildcards are literal
    assert search("u_") == ["u_4"]
    assert_problem(api.get("/api/v1/customers", params={"search": "x" * 201}), 422, "search")
