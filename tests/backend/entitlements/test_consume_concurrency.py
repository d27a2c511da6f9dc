"""Atomic check-and-consume on PostgreSQL: 500 parallel consumers against a hard limit of 100
get exactly 100 units; parallel retries with one idempotency key count once."""

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.backend.entitlements.conftest import serving
from tests.backend.helpers import make_feature, make_plan, make_product, ok
from tests.conftest import is_postgres


@pytest.fixture
def limited(tenant, database_url):
    if not is_postgres(database_url):
        pytest.skip("real concurrency needs PostgreSQL; SQLite serializes every writer")
    api = tenant.client()
    make_product(api, "app")
    make_feature(api, "jobs", "metered", unit="job", unit_plural="jobs")
    make_plan(api, "starter", pricing_type="free", prices=[],
              entitlements=[{"feature_id": "jobs", "limit": 100, "reset_period": "month"}])
    ok(api.post("/api/v1/customers", json={"id": "ada", "subscription": {"plan_id": "starter"}}),
       201)
    with serving(tenant.app) as url:
        yield url, tenant.secret


def _consume(url, key, idempotency_key=None):
    body = {"customer_id": "ada", "feature_id": "jobs", "amount": 1}
    if idempotency_key:
        body["idempotency_key"] = idempotency_key
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"},
                      timeout=60) as http:
        response = http.post("/api/v1/usage/consume", json=body)
        assert response.status_code == 200, response.text
        return response.json()


def test_500_parallel_consumers_get_exactly_the_limit(limited):
    url, key = limited
    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(lambda _: _consume(url, key), range(500)))
    granted = [r for r in results if r["consumed"]]
    assert len(granted) == 100
    assert {r["entitlement"]["denial_reason"] for r in results if not r["consumed"]} == {
        "usage_limit_exceeded"}
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}) as http:
        check = http.get("/api/v1/entitlements/check",
                         params={"customer_id": "ada", "feature_id": "jobs"}).json()
    assert check["current_usage"] == 100 and not check["has_access"]


def test_parallel_retries_with_one_key_count_once(limited):
    url, key = limited
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda _: _consume(url, key, "job-42"), range(40)))
    assert all(r["consumed"] for r in results)
    assert sum(not r["duplicate"] for r in results) == 1
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}) as http:
        check = http.get("/api/v1/entitlements/check",
                         params={"customer_id": "ada", "feature_id": "jobs"}).json()
    assert check["current_usage"] == 1
