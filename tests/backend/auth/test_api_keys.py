"""API keys: shown once, stored as SHA-256 only, listed without the secret, revocable."""

import hashlib

from sqlalchemy import select

from backend.auth.keys import display_prefix, hash_key, kind_of, new_key
from backend.db import session_scope
from backend.models import ApiKey
from tests.backend.helpers import assert_problem, ok


def test_key_format():
    secret, publishable = new_key("secret"), new_key("publishable")
    assert secret.startswith("tg_sk_") and publishable.startswith("tg_pk_")
    assert kind_of(secret) == "secret" and kind_of(publishable) == "publishable"
    assert kind_of("sk_live_123") is None
    assert len(secret) > 30 and new_key("secret") != secret
    assert hash_key(secret) == hashlib.sha256(secret.encode()).hexdigest()
    assert display_prefix(secret) == secret[:12] + "…"


def test_environment(tenant, api):
    assert ok(api.get("/api/v1/environment")) == {
        "slug": tenant.slug,
        "name": f"Test {tenant.slug}",
        "kind": "development",
    }


def test_created_key_is_shown_once_and_stored_hashed(tenant, api):
    created = ok(api.post("/api/v1/api-keys", json={"kind": "publishable", "name": "web"}), 201)
    raw = created["key"]
    assert raw.startswith("tg_pk_")
    assert created["kind"] == "publishable" and created["name"] == "web"
    assert created["display_prefix"] == raw[:12] + "…"
    assert created["revoked_at"] is None

    listed = ok(api.get("/api/v1/api-keys"))
    assert [k["kind"] for k in listed] == ["secret", "publishable", "publishable"]
    assert all("key" not in k for k in listed)
    assert raw not in api.get("/api/v1/api-keys").text
    assert ok(api.get("/api/v1/api-keys")) == listed

    with session_scope(tenant.url) as session:
        row = session.scalar(select(ApiKey).where(ApiKey.id == created["id"]))
        assert row.key_hash == hashlib.sha256(raw.encode()).hexdigest()
        assert row.environment_id == tenant.id
        stored = [str(getattr(row, c.key)) for c in ApiKey.__table__.columns]
        assert all(raw not in value for value in stored)

    # the new key works
    assert tenant.client(raw).get("/api/v1/products").status_code == 200


def test_revoke(tenant, api):
    created = ok(api.post("/api/v1/api-keys", json={"kind": "secret"}), 201)
    revoked = ok(api.post(f"/api/v1/api-keys/{created['id']}/revoke"))
    assert revoked["revoked_at"] is not None
    # revoking again keeps the first time
    again = ok(api.post(f"/api/v1/api-keys/{created['id']}/revoke"))
    assert again["revoked_at"] == revoked["revoked_at"]
    assert_problem(tenant.client(created["key"]).get("/api/v1/products"), 401)
    assert_problem(api.post("/api/v1/api-keys/987654321/revoke"), 404)
    assert_problem(api.post("/api/v1/api-keys/0/revoke"), 422, "key_id")
    assert_problem(api.post("/api/v1/api-keys/99999999999999999999999/revoke"), 422, "key_id")


def test_create_key_validation(api):
    assert_problem(api.post("/api/v1/api-keys", json={"kind": "admin"}), 422, "kind")
    assert_problem(
        api.post("/api/v1/api-keys", json={"kind": "secret", "name": "x" * 201}), 422, "name"
    )
