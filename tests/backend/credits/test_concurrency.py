"""Concurrent consumption on PostgreSQL: 1,000 parallel consumptions never overdraw, one
idempotency key burns once, and automatic recharge fires once per threshold crossing."""

import random
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import httpx
import pytest

from tests.backend.credits.conftest import grant
from tests.backend.entitlements.conftest import serving
from tests.backend.helpers import ok
from tests.conftest import is_postgres


@pytest.fixture
def server(credits_api, tenant, database_url):
    if not is_postgres(database_url):
        pytest.skip("real concurrency needs PostgreSQL; SQLite serializes every writer")
    with serving(tenant.app) as url:
        yield credits_api, url, tenant.secret


_local = threading.local()


def _http(url, key) -> httpx.Client:
    """One keep-alive client per worker thread."""
    if getattr(_local, "url", None) != url:
        _local.url = url
        _local.client = httpx.Client(base_url=url, timeout=120,
                                     headers={"Authorization": f"Bearer {key}"})
    return _local.client


def _consume(url, key, amount, idempotency_key=None):
    body = {"customer_id": "ada", "currency_id": "tokens", "amount": str(amount)}
    if idempotency_key:
        body["idempotency_key"] = idempotency_key
    response = _http(url, key).post("/api/v1/credits/consume", json=body)
    assert response.status_code in (200, 402), response.text
    return amount, response


def _balance(api):
    return ok(api.get("/api/v1/credits/balance",
                      params={"customer_id": "ada", "currency_id": "tokens"}))


def test_1000_parallel_consumptions_never_overdraw(server):
    api, url, key = server
    grant(api, 5000)
    rng = random.Random(7)
    amounts = [Decimal(rng.randint(1, 2000)) / 100 for _ in range(1000)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda a: _consume(url, key, a), amounts))
    accepted = [a for a, r in results if r.status_code == 200]
    refused = [a for a, r in results if r.status_code == 402]
    final = Decimal(_balance(api)["current"])
    assert final == 5000 - sum(accepted)
    assert final >= 0 and accepted and refused
    assert final < min(refused)  # the balance only fell, so each refusal was deserved
    assert all(r.json()["reason"] == "insufficient_credits"
               for _, r in results if r.status_code == 402)


def test_parallel_retries_with_one_key_burn_once(server):
    api, url, key = server
    grant(api, 100)
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda _: _consume(url, key, 7, "job-42"), range(40)))
    bodies = [r.json() for _, r in results]
    assert all(r.status_code == 200 for _, r in results)
    assert sum(not b["duplicate"] for b in bodies) == 1 and len({b["id"] for b in bodies}) == 1
    assert Decimal(_balance(api)["current"]) == 93


def test_auto_recharge_fires_once_per_threshold_crossing(server):
    api, url, key = server
    grant(api, 1000)
    ok(api.put("/api/v1/credits/auto-recharge", json={
        "customer_id": "ada", "currency_id": "tokens", "enabled": True, "threshold": "500",
        "target_balance": "1000"}))
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(lambda _: _consume(url, key, 10), range(300)))
    assert [r.text for _, r in results if r.status_code != 200] == []
    # Every 51st consumption takes the balance from 500 to 490: one recharge of 510 each time.
    recharges = [r.json()["recharge"] for _, r in results if r.json()["recharge"]]
    assert len(recharges) == 5
    assert {(x["status"], x["credits"]) for x in recharges} == {("succeeded", "510")}
    assert Decimal(_balance(api)["current"]) == 1000 + 5 * 510 - 3000
    payments = ok(api.get("/api/v1/customers/ada/payments", params={"limit": 100}))["data"]
    assert len(payments) == 5 and {p["amount"]["amount_minor"] for p in payments} == {510}
