"""Idempotency-Key: a retried provision replays the first response instead of acting twice."""

import threading

import pytest

from backend.client import TollgateClient
from tests.backend.helpers import assert_problem, ok
from tests.conftest import is_postgres


def count_customers(api) -> int:
    return len(ok(api.get("/api/v1/customers", params={"limit": 100}))["data"])


def test_same_key_replays_the_first_response(api):
    body = {"id": "c1", "name": "Ada", "metadata": {"n": 1}}
    first = api.post("/api/v1/customers", json=body, headers={"Idempotency-Key": "k-1"})
    second = api.post("/api/v1/customers", json=body, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == second.status_code == 201
    assert "idempotent-replayed" not in first.headers
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()
    assert count_customers(api) == 1
    # without the key the same request is a duplicate
    assert_problem(api.post("/api/v1/customers", json=body), 409)


def test_same_key_with_another_body_is_422(api):
    ok(api.post("/api/v1/customers", json={"id": "c1"}, headers={"Idempotency-Key": "k"}), 201)
    response = api.post("/api/v1/customers", json={"id": "c2"}, headers={"Idempotency-Key": "k"})
    assert_problem(response, 422, "Idempotency-Key")
    assert count_customers(api) == 1


def test_a_failed_request_does_not_use_up_the_key(api):
    bad = api.post(
        "/api/v1/customers", json={"id": "c1", "email": "nope"}, headers={"Idempotency-Key": "k"}
    )
    assert_problem(bad, 422, "email")
    refused = api.post(
        "/api/v1/customers",
        json={"id": "c1", "subscription": {"plan_id": "none"}},
        headers={"Idempotency-Key": "k"},
    )
    assert_problem(refused, 422, "subscription.plan_id")
    good = api.post("/api/v1/customers", json={"id": "c1"}, headers={"Idempotency-Key": "k"})
    assert good.status_code == 201 and "idempotent-replayed" not in good.headers


def test_keys_belong_to_one_environment(make_tenant):
    a, b = make_tenant(), make_tenant()
    for tenant in (a, b):
        response = tenant.client().post(
            "/api/v1/customers", json={"id": "same"}, headers={"Idempotency-Key": "shared"}
        )
        assert response.status_code == 201 and "idempotent-replayed" not in response.headers


def test_key_length_is_limited(api):
    response = api.post(
        "/api/v1/customers", json={"id": "c"}, headers={"Idempotency-Key": "k" * 256}
    )
    assert_problem(response, 422, "idempotency-key")


def test_concurrent_requests_with_one_key_create_one_customer(tenant, database_url):
    if not is_postgres(database_url):
        pytest.skip("concurrent writers: PostgreSQL (SQLite serialises writers with a file lock)")
    workers = 8
    barrier = threading.Barrier(workers)
    results: list[tuple[int, dict, bool]] = []
    lock = threading.Lock()

    def provision() -> None:
        with TollgateClient(tenant.secret, app=tenant.app) as client:
            barrier.wait()
            response = client._http.post(  # the raw response, to see the replay header
                "/api/v1/customers",
                json={"id": "racer", "name": "Race"},
                headers={"Idempotency-Key": "race-1"},
            )
            with lock:
                results.append(
                    (
                        response.status_code,
                        response.json(),
                        response.headers.get("idempotent-replayed") == "true",
                    )
                )

    threads = [threading.Thread(target=provision) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(results) == workers
    assert {status for status, _, _ in results} == {201}, results
    assert sum(1 for _, _, replayed in results if not replayed) == 1
    assert len({body["created_at"] for _, body, _ in results}) == 1
    assert count_customers(tenant.client()) == 1
