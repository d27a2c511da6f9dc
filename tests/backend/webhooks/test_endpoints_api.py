"""The endpoints API: the secret shown once, validation errors as RFC 9457 problems (never a
500), secret-key only, environments kept apart."""

import pytest

from tests.backend.helpers import assert_problem, ok

BASE = "/api/v1/webhooks/endpoints"


def test_create_shows_the_secret_once(api):
    created = ok(api.post(BASE, json={"url": "https://example.com/hooks", "description": "Ops",
                                      "event_types": ["subscription.", "invoice.paid"]}), 201)
    assert created["secret"].startswith("whsec_") and created["id"].startswith("we_")
    assert created["event_types"] == ["subscription.", "invoice.paid"]
    assert created["enabled"] is True and created["disabled_reason"] is None
    fetched = ok(api.get(f"{BASE}/{created['id']}"))
    assert "secret" not in fetched
    assert fetched["url"] == "https://example.com/hooks"
    page = ok(api.get(BASE))
    assert [e["id"] for e in page["data"]] == [created["id"]] and "secret" not in page["data"][0]


def test_update_and_delete(api):
    created = ok(api.post(BASE, json={"url": "https://example.com/a"}), 201)
    updated = ok(api.patch(f"{BASE}/{created['id']}", json={
        "url": "https://example.com/b", "event_types": ["customer.*"], "enabled": False}))
    assert updated["url"] == "https://example.com/b" and updated["event_types"] == ["customer."]
    assert updated["enabled"] is False
    assert api.delete(f"{BASE}/{created['id']}").status_code == 204
    assert_problem(api.get(f"{BASE}/{created['id']}"), 404)


def test_list_paginates(api):
    for i in range(3):
        ok(api.post(BASE, json={"url": f"https://example.com/{i}"}), 201)
    first = ok(api.get(BASE, params={"limit": 2}))
    assert len(first["data"]) == 2 and first["has_more"]
    rest = ok(api.get(BASE, params={"limit": 2, "cursor": first["next_cursor"]}))
    assert len(rest["data"]) == 1 and not rest["has_more"]


@pytest.mark.parametrize("body, field", [
    ({}, "url"),
    ({"url": "ftp://example.com/x"}, "url"),
    ({"url": "not a url"}, "url"),
    ({"url": "https://user:pw@example.com/"}, "url"),
    ({"url": "https://example.com/" + "x" * 2000}, "url"),
    ({"url": 42}, "url"),
    ({"url": "https://example.com", "event_types": ["nope.created"]}, "event_types.0"),
    ({"url": "https://example.com", "event_types": ["customer.created", "nope."]},
     "event_types.1"),
    ({"url": "https://example.com", "event_types": [""]}, "event_types"),
    ({"url": "https://example.com", "event_types": "customer.created"}, "event_types"),
    ({"url": "https://example.com", "description": "x" * 501}, "description"),
    ({"url": "https://example.com", "secret": "whsec_mine"}, "secret"),
    ({"url": "https://example.com", "enabled": "maybe"}, "enabled"),
])
def test_create_validation_errors_are_problems(api, body, field):
    assert_problem(api.post(BASE, json=body), 422, field)


def test_update_and_action_validation_errors_are_problems(api):
    created = ok(api.post(BASE, json={"url": "https://example.com/a"}), 201)
    path = f"{BASE}/{created['id']}"
    assert_problem(api.patch(path, json={"url": None}), 422, "url")
    assert_problem(api.patch(path, json={"event_types": ["nope"]}), 422, "event_types.0")
    assert_problem(api.patch(path, json={"url": "mailto:a@b.c"}), 422, "url")
    assert_problem(api.post(f"{path}/rotate-secret", json={"overlap_hours": -1}), 422,
                   "overlap_hours")
    assert_problem(api.post(f"{path}/rotate-secret", json={"overlap_hours": 1000}), 422,
                   "overlap_hours")
    assert_problem(api.post(f"{path}/replay", json={}), 422, "since")
    assert_problem(api.post(f"{path}/replay", json={"since": "2026-01-01T00:00:00"}), 422,
                   "since")
    assert_problem(api.post(f"{path}/replay", json={
        "since": "2026-02-01T00:00:00Z", "until": "2026-01-01T00:00:00Z"}), 422, "until")
    assert_problem(api.get(f"{path}/messages", params={"status": "lost"}), 422, "status")
    assert_problem(api.get(f"{path}/attempts", params={"cursor": "garbage"}), 422, "cursor")
    assert_problem(api.post(f"{path}/messages/msg_nope/redeliver"), 404)
    assert_problem(api.post(f"{BASE}/we_nope/rotate-secret"), 404)
    assert_problem(api.post(f"{path}/replay", content=b"{not json",
                            headers={"content-type": "application/json"}), 422)


def test_rotation_body_is_optional(api):
    created = ok(api.post(BASE, json={"url": "https://example.com/a"}), 201)
    rotated = ok(api.post(f"{BASE}/{created['id']}/rotate-secret"))
    assert rotated["secret"] != created["secret"]
    assert rotated["previous_secret_expires_at"] is not None
    assert "secret" not in ok(api.get(f"{BASE}/{created['id']}"))


def test_secret_key_only(tenant):
    public = tenant.client("publishable")
    assert public.get(BASE).status_code in (401, 403)
    assert public.post(BASE, json={"url": "https://example.com"}).status_code in (401, 403)
    assert tenant.client(None).get(BASE).status_code == 401


def test_endpoints_of_another_environment_are_invisible(api, make_tenant):
    other = make_tenant().client()
    theirs = ok(other.post(BASE, json={"url": "https://example.com/theirs"}), 201)
    assert_problem(api.get(f"{BASE}/{theirs['id']}"), 404)
    assert_problem(api.patch(f"{BASE}/{theirs['id']}", json={"enabled": False}), 404)
    assert_problem(api.delete(f"{BASE}/{theirs['id']}"), 404)
    assert ok(api.get(BASE))["data"] == []


def test_create_is_idempotent_with_a_key(api):
    body = {"url": "https://example.com/once"}
    first = ok(api.post(BASE, json=body, headers={"Idempotency-Key": "wh-1"}), 201)
    again = ok(api.post(BASE, json=body, headers={"Idempotency-Key": "wh-1"}), 201)
    assert again["id"] == first["id"]
    assert len(ok(api.get(BASE))["data"]) == 1


def test_the_catalog_lists_the_disabled_event(api):
    types = {t["type"] for t in ok(api.get("/api/v1/events/types"))}
    assert "webhook_endpoint.disabled" in types
