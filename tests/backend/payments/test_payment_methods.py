"""Payment methods of a customer: attach test cards, choose the default, remove; validation."""

import pytest

from tests.backend.helpers import assert_problem, ok
from tests.backend.payments.conftest import (
    DECLINED,
    MASTERCARD,
    VISA,
    card,
    methods_path,
)


def test_attach_keeps_brand_last_four_and_expiry_only(api, customer):
    created = ok(api.post(methods_path(), json=card(" 4242 4242 4242 4242 ", exp_month=3,
                                                    exp_year=2099, cvc="123")), 201)
    assert created["id"].startswith("pm_") and created["customer_id"] == "ada"
    assert (created["provider"], created["type"], created["brand"], created["last4"]) == (
        "test", "card", "visa", "4242")
    assert (created["exp_month"], created["exp_year"]) == (3, 2099)
    assert created["is_default"] is True  # the first method is the default
    assert created["archived"] is False
    assert set(created) == {"id", "customer_id", "provider", "type", "brand", "last4",
                            "exp_month", "exp_year", "is_default", "archived", "created_at"}
    page = ok(api.get(methods_path()))
    assert page == {"data": [created], "has_more": False, "next_cursor": None}


def test_two_digit_years_and_the_default_switch(api, customer):
    visa = ok(api.post(methods_path(), json=card(VISA)), 201)
    master = ok(api.post(methods_path(), json=card(MASTERCARD, exp_year=99)), 201)
    assert master["brand"] == "mastercard" and master["exp_year"] == 2099
    assert master["is_default"] is False  # a default exists and make_default was not asked
    third = ok(api.post(methods_path(), json=card(DECLINED, make_default=True)), 201)
    assert third["is_default"] is True
    defaults = [m["id"] for m in ok(api.get(methods_path()))["data"] if m["is_default"]]
    assert defaults == [third["id"]]

    chosen = ok(api.post(f"{methods_path()}/{visa['id']}/default"))
    assert chosen["is_default"] is True
    assert ok(api.post(f"{methods_path()}/{visa['id']}/default")) == chosen  # again: no change
    defaults = [m["id"] for m in ok(api.get(methods_path()))["data"] if m["is_default"]]
    assert defaults == [visa["id"]]


def test_remove_archives_and_leaves_no_default(api, customer):
    visa = ok(api.post(methods_path(), json=card(VISA)), 201)
    master = ok(api.post(methods_path(), json=card(MASTERCARD)), 201)
    removed = ok(api.delete(f"{methods_path()}/{visa['id']}"))
    assert removed["archived"] is True and removed["is_default"] is False
    assert ok(api.delete(f"{methods_path()}/{visa['id']}")) == removed  # idempotent
    live = ok(api.get(methods_path()))["data"]
    assert [(m["id"], m["is_default"]) for m in live] == [(master["id"], False)]
    everything = ok(api.get(methods_path(), params={"include_archived": True}))["data"]
    assert [m["id"] for m in everything] == [visa["id"], master["id"]]
    body = assert_problem(api.post(f"{methods_path()}/{visa['id']}/default"), 409)
    assert "removed" in body["detail"]
    # a removed default is not replaced silently; the next card added becomes the default
    assert ok(api.post(methods_path(), json=card(VISA)), 201)["is_default"] is True


def test_pagination(api, customer):
    made = [ok(api.post(methods_path(), json=card()), 201)["id"] for _ in range(3)]
    first = ok(api.get(methods_path(), params={"limit": 2}))
    assert [m["id"] for m in first["data"]] == made[:2] and first["has_more"] is True
    rest = ok(api.get(methods_path(), params={"limit": 2, "cursor": first["next_cursor"]}))
    assert [m["id"] for m in rest["data"]] == made[2:] and rest["has_more"] is False


def test_unknown_customer_and_method(api, customer):
    assert_problem(api.get(methods_path("nobody")), 404)
    assert_problem(api.post(methods_path("nobody"), json=card()), 404)
    assert_problem(api.post(f"{methods_path()}/pm_nope/default"), 404)
    assert_problem(api.delete(f"{methods_path()}/pm_nope"), 404)
    ok(api.post("/api/v1/customers", json={"id": "bob"}), 201)
    bobs = ok(api.post(methods_path("bob"), json=card()), 201)
    assert_problem(api.post(f"{methods_path()}/{bobs['id']}/default"), 404)  # not ada's
    assert_problem(api.delete(f"{methods_path()}/{bobs['id']}"), 404)


def test_archived_customer_cannot_add_a_card(api, customer):
    ok(api.post("/api/v1/customers/ada/archive"))
    assert_problem(api.post(methods_path(), json=card()), 409)


@pytest.mark.parametrize(("changes", "field", "reason"), [
    ({"card_number": "4242424242424241"}, "card_number", None),  # Luhn
    ({"card_number": "4242 4242"}, "card_number", None),
    ({"card_number": "4242-4242-4242-424a"}, "card_number", None),
    ({"card_number": 4242424242424242}, "card_number", None),  # not a string
    ({"card_number": "4111111111111111"}, "card_number", "test_card_required"),
    ({"card_number": "378282246310005"}, "card_number", "test_card_required"),
    ({"exp_year": 2001}, "exp_year", "expired_card"),
    ({"exp_month": 13}, "exp_month", None),
    ({"exp_month": 0}, "exp_month", None),
    ({"exp_year": 150}, "exp_year", None),
    ({"cvc": "12"}, "cvc", None),
    ({"cvc": "12a"}, "cvc", None),
    ({"cvc": "1234"}, "cvc", "invalid_cvc"),  # four digits are for Amex
    ({"brand": "visa"}, "brand", None),  # unknown field
])
def test_refused_cards_name_the_field(api, customer, changes, field, reason):
    response = api.post(methods_path(), json=card(**changes))
    body = assert_problem(response, 422, field)
    assert body.get("reason") == reason
    assert "4242424242424241" not in response.text and "4111111111111111" not in response.text
    assert ok(api.get(methods_path()))["data"] == []


def test_card_expiring_this_month_is_accepted(api, customer, tenant):
    from backend.kit.clock import now

    today = now()
    made = ok(api.post(methods_path(), json=card(exp_month=today.month, exp_year=today.year)), 201)
    assert made["exp_year"] == today.year


def test_production_refuses_the_test_provider(production):
    api = production.client()
    ok(api.post("/api/v1/customers", json={"id": "ada"}), 201)
    body = assert_problem(api.post(methods_path(), json=card()), 403)
    assert "development" in body["detail"]
    assert ok(api.get(methods_path()))["data"] == []


def test_publishable_key_is_refused(customer, public_api):
    assert_problem(public_api.get(methods_path()), 403)
    assert_problem(public_api.post(methods_path(), json=card()), 403)
    assert_problem(public_api.get("/api/v1/customers/ada/payments"), 403)


def test_environments_are_separate(api, customer, make_tenant):
    ok(api.post(methods_path(), json=card()), 201)
    other = make_tenant().client()
    assert_problem(other.get(methods_path()), 404)
    ok(other.post("/api/v1/customers", json={"id": "ada"}), 201)
    assert ok(other.get(methods_path()))["data"] == []


def test_idempotent_attach(api, customer):
    first = ok(api.post(methods_path(), json=card(), headers={"Idempotency-Key": "add-1"}), 201)
    again = api.post(methods_path(), json=card(), headers={"Idempotency-Key": "add-1"})
    assert ok(again, 201) == first and again.headers.get("Idempotent-Replayed") == "true"
    other = api.post(methods_path(), json=card(MASTERCARD), headers={"Idempotency-Key": "add-1"})
    assert_problem(other, 422, "Idempotency-Key")  # another card under the same key
    assert len(ok(api.get(methods_path()))["data"]) == 1
