"""Customer tokens: issuing (HTTP and in-process), format, lifetimes, scopes, signing secret."""

import base64
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from backend.auth import customer_tokens
from backend.auth.customer_tokens import issue_customer_token, verify_customer_token
from backend.db import engine_for, session_factory, session_scope
from backend.errors import Invalid, NotFound, Unauthorized
from backend.kit.clock import set_clock
from backend.models import Environment
from tests.backend.helpers import assert_problem, ok
from tests.conftest import is_postgres

T0 = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    at = {"now": T0}
    set_clock(lambda: at["now"])
    try:
        yield at
    finally:
        set_clock(None)


@pytest.fixture
def alice(api):
    ok(api.post("/api/v1/customers", json={"id": "alice", "name": "Alice"}), 201)
    return api


def claims_of(token):
    payload = token.removeprefix("tg_ct_").split(".")[0]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_issue_over_http(alice, clock, tenant):
    issued = ok(alice.post("/api/v1/customer-tokens", json={"customer_id": "alice"}), 201)
    assert issued["customer_id"] == "alice" and issued["scopes"] == ["read", "write"]
    assert datetime.fromisoformat(issued["expires_at"]) == T0 + timedelta(hours=1)  # default TTL
    token = issued["token"]
    assert token.startswith("tg_ct_") and token.count(".") == 1
    assert all(c.isalnum() or c in "-_." for c in token)  # URL-safe as it is
    assert claims_of(token) == {"v": 1, "env": tenant.id, "cus": "alice",
                                "iat": int(T0.timestamp()), "exp": int(T0.timestamp()) + 3600,
                                "scp": ["read", "write"]}
    body = {"customer_id": "alice", "ttl_seconds": 86400, "scopes": ["read"]}
    day = ok(alice.post("/api/v1/customer-tokens", json=body), 201)
    assert datetime.fromisoformat(day["expires_at"]) == T0 + timedelta(days=1)
    assert day["scopes"] == ["read"]


@pytest.mark.parametrize(("body", "status", "field"), [
    ({"customer_id": "nobody"}, 404, None),
    ({"customer_id": "alice", "ttl_seconds": 86401}, 422, "ttl_seconds"),
    ({"customer_id": "alice", "ttl_seconds": 59}, 422, "ttl_seconds"),
    ({"customer_id": "alice", "scopes": ["admin"]}, 422, "scopes"),
    ({"customer_id": "alice", "scopes": []}, 422, "scopes"),
    ({"customer_id": "alice", "extra": 1}, 422, "extra"),
    ({}, 422, "customer_id"),
])
def test_issue_refusals(alice, body, status, field):
    assert_problem(alice.post("/api/v1/customer-tokens", json=body), status,
                   *([field] if field else []))


def test_archived_customers_get_no_token(alice):
    ok(alice.post("/api/v1/customers/alice/archive"))
    body = assert_problem(alice.post("/api/v1/customer-tokens", json={"customer_id": "alice"}),
                          422, "customer_id")
    assert "archived" in body["detail"]


def test_library_functions(alice, tenant, clock):
    with session_scope(tenant.url) as session:
        issued = issue_customer_token(session, tenant.id, "alice", 600, scopes=["read"])
        assert issued.expires_at == T0 + timedelta(minutes=10) and issued.scopes == ("read",)
        me = verify_customer_token(session, issued.token)
        assert (me.environment_id, me.customer_ref, me.expires_at) == (
            tenant.id, "alice", issued.expires_at)
        assert me.scopes == frozenset({"read"})
        with pytest.raises(Unauthorized) as refused:
            verify_customer_token(session, issued.token, environment_id=tenant.id + 1)
        assert refused.value.extra["reason"] == "environment_mismatch"
        default = issue_customer_token(session, tenant.id, "alice")
        assert default.expires_at == T0 + customer_tokens.DEFAULT_TTL
        assert issue_customer_token(session, tenant.id, "alice", timedelta(hours=24)).token
        with pytest.raises(Invalid):
            issue_customer_token(session, tenant.id, "alice", timedelta(hours=25))
        with pytest.raises(NotFound):
            issue_customer_token(session, tenant.id, "bob")
        clock["now"] = T0 + timedelta(minutes=10)
        with pytest.raises(Unauthorized) as refused:
            verify_customer_token(session, issued.token)
        assert refused.value.extra["reason"] == "expired"


def test_existing_environments_get_a_secret_lazily(alice, tenant):
    with session_scope(tenant.url) as session:  # as after the migration
        session.execute(update(Environment).where(Environment.id == tenant.id)
                        .values(token_secret=None))
    with session_scope(tenant.url) as session:
        with pytest.raises(Unauthorized):  # no secret, no valid token
            verify_customer_token(session, "tg_ct_e30.AAAA")
        first = issue_customer_token(session, tenant.id, "alice")
        secret = session.get(Environment, tenant.id).token_secret
        assert secret and len(secret) >= 43  # 32 random bytes
    with session_scope(tenant.url) as session:
        second = issue_customer_token(session, tenant.id, "alice")
        assert session.get(Environment, tenant.id).token_secret == secret  # kept, not replaced
        assert verify_customer_token(session, first.token).customer_ref == "alice"
        assert verify_customer_token(session, second.token).customer_ref == "alice"


def test_new_environments_have_their_own_secret(tenant, make_tenant):
    other = make_tenant()
    with session_scope(tenant.url) as session:
        secrets = {session.get(Environment, t.id).token_secret for t in (tenant, other)}
    assert len(secrets) == 2 and None not in secrets


def test_rotation_over_http(alice, tenant):
    token = ok(alice.post("/api/v1/customer-tokens", json={"customer_id": "alice"}), 201)["token"]
    browser = tenant.client(None, **{"X-Customer-Token": token})
    assert ok(browser.get("/api/v1/me"))["id"] == "alice"
    response = alice.post("/api/v1/environment/token-secret/rotate")
    assert response.status_code == 204
    body = assert_problem(browser.get("/api/v1/me"), 401)
    assert body["reason"] == "invalid_signature"
    fresh = ok(alice.post("/api/v1/customer-tokens", json={"customer_id": "alice"}), 201)["token"]
    assert ok(tenant.client(None, **{"X-Customer-Token": fresh}).get("/api/v1/me"))["id"] == "alice"
    assert_problem(tenant.client("publishable").post("/api/v1/environment/token-secret/rotate"),
                   403)


def test_racing_first_issuers_agree_on_one_secret(alice, tenant, database_url):
    if not is_postgres(database_url):
        pytest.skip("real concurrency needs PostgreSQL; SQLite serializes every writer")
    with session_scope(tenant.url) as session:
        session.execute(update(Environment).where(Environment.id == tenant.id)
                        .values(token_secret=None))
    factory = session_factory(engine_for(database_url))
    start, tokens = threading.Barrier(8), []

    def issue() -> None:
        with factory() as session:
            start.wait(timeout=30)
            tokens.append(issue_customer_token(session, tenant.id, "alice").token)
            session.commit()

    threads = [threading.Thread(target=issue) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(tokens) == 8
    with session_scope(tenant.url) as session:
        assert all(verify_customer_token(session, t).customer_ref == "alice" for t in tokens)
