"""Entitlement checks and usage ingestion, each against a baseline measured in the same run.

- HTTP check: `wrk -t1 -c32` on `GET /api/v1/entitlements/check` versus a bare `async def`
  FastAPI endpoint on the same server returning a JSON body of the same size (target: 70% of its
  requests/s, p99 under 25 ms); a bare `def` endpoint (run in the thread pool) is shown too.
- Usage ingestion: `POST /api/v1/usage/bulk` (5,000 reports per call, each with an idempotency
  key) versus plain INSERTs of the same rows into the same table through the same driver
  (target: 20,000 events/s on PostgreSQL and 40% of the raw rate).
- Cached client: `EntitlementCache.check` in one process versus a dict lookup in the same loop
  (target: p50 under 10 µs, 100,000 checks/s), and the time from a subscription upgrade until a
  cached check allows the new feature through the change stream (target: under 500 ms).
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime

import httpx
from sqlalchemy import create_engine, insert, select

from backend.models import Customer, Feature
from backend.models.usage import UsageReport
from bench.harness import on_each_database, print_table, seeded_server, wrk

BATCH, BATCHES = 5000, 8


def ingestion(base: str, key: str, database_url: str | None, data_dir: str) -> None:
    headers = {"Authorization": f"Bearer {key}"}
    run = uuid.uuid4().hex[:8]
    with httpx.Client(base_url=base, headers=headers, timeout=120) as http:
        http.post("/api/v1/usage/bulk", json={"reports": [
            {"customer_id": "acme", "feature_id": "api-calls", "value": 1,
             "idempotency_key": f"warm-{run}"}]}).raise_for_status()
        started = time.perf_counter()
        for b in range(BATCHES):
            reports = [{"customer_id": ("acme", "globex")[i % 2], "feature_id": "api-calls",
                        "value": 1, "idempotency_key": f"{run}-{b}-{i}"} for i in range(BATCH)]
            http.post("/api/v1/usage/bulk", json={"reports": reports}).raise_for_status()
        api_rate = BATCH * BATCHES / (time.perf_counter() - started)
    url = database_url or f"sqlite:///{data_dir}/tollgate.db"
    engine = create_engine(url)
    with engine.begin() as conn:
        customer = conn.scalar(select(Customer.id).where(Customer.ref == "acme"))
        env = conn.scalar(select(Customer.environment_id).where(Customer.id == customer))
        feature = conn.scalar(select(Feature.id).where(Feature.ref == "api-calls"))
    now = datetime.now(UTC)
    started = time.perf_counter()
    for b in range(BATCHES):
        rows = [{"environment_id": env, "customer_id": customer, "feature_id": feature,
                 "kind": "delta", "amount": 1, "value_after": 0, "period_start": now,
                 "occurred_at": now, "idempotency_key": f"raw-{run}-{b}-{i}", "created_at": now}
                for i in range(BATCH)]
        with engine.begin() as conn:
            conn.execute(insert(UsageReport), rows)
    raw_rate = BATCH * BATCHES / (time.perf_counter() - started)
    engine.dispose()
    print(f"usage ingestion: bulk API {api_rate:,.0f} events/s, raw INSERT {raw_rate:,.0f} rows/s,"
          f" ratio {api_rate / raw_rate:.2f}  ({BATCHES} batches of {BATCH:,})")


CACHED_CHECKS = 200_000


def cached_client(base: str, key: str) -> None:
    """In-process cached checks (p50 per call, checks/s) against a plain dict lookup in the same
    loop; then how long an upgrade takes to reach a cached check through the change stream."""
    from backend.client import TollgateClient
    from backend.client.cache import EntitlementCache

    with TollgateClient(key, base_url=base) as client, EntitlementCache(client) as cache:
        cache.connected.wait(10)
        cache.check("acme", "ai-credits")
        table = {("acme", "ai-credits"): True}
        for label, call in (("dict lookup (baseline)", lambda: table.get(("acme", "ai-credits"))),
                            ("EntitlementCache.check", lambda: cache.check("acme", "ai-credits"))):
            samples = []
            started = time.perf_counter()
            for _ in range(CACHED_CHECKS):
                t = time.perf_counter_ns()
                call()
                samples.append(time.perf_counter_ns() - t)
            rate = CACHED_CHECKS / (time.perf_counter() - started)
            samples.sort()
            print(f"{label:28} p50 {samples[len(samples) // 2] / 1000:6.2f} µs  "
                  f"p99 {samples[len(samples) * 99 // 100] / 1000:6.2f} µs  {rate:,.0f} calls/s")
        requests = cache.counters.requests
        print(f"requests made by the cached checks: {requests}")
        client.add_payment_method("acme", {"card_number": "4242424242424242", "exp_month": 12,
                                           "exp_year": 2099})
        sub = client.list_subscriptions(customer_id="acme").data[0]
        assert not cache.check("acme", "sso").has_access
        rtt = time.perf_counter()
        client.check("acme", "sso")
        rtt = time.perf_counter() - rtt
        started = time.perf_counter()
        client.update_subscription(sub.id, {"plan_id": "business"})
        while not cache.check("acme", "sso").has_access:
            if time.perf_counter() - started > 10:
                raise RuntimeError("the upgrade never reached the cache")
            time.sleep(0.005)
        print(f"change propagation: upgrade -> cached check allows SSO in "
              f"{(time.perf_counter() - started) * 1000:.0f} ms (one uncached HTTP check: "
              f"{rtt * 1000:.1f} ms)")


def run_for(label: str, database_url: str | None) -> None:
    with seeded_server(database_url, app="bench.app:create_bench_app") as s:
        check = f"{s.base}/api/v1/entitlements/check?customer_id=acme&feature_id=ai-credits"
        results = {"bare (check-sized JSON)": wrk(f"{s.base}/bench/bare", s.key),
                   "bare, sync def (thread pool)": wrk(f"{s.base}/bench/bare-sync", s.key),
                   "entitlement check (metered)": wrk(check, s.key),
                   "entitlement check (boolean)": wrk(check.replace("ai-credits", "guest-access"),
                                                      s.key)}
        print_table(label, results, "bare (check-sized JSON)")
        ingestion(s.base, s.key, database_url, s.data_dir)
        cached_client(s.base, s.key)


if __name__ == "__main__":
    on_each_database(run_for)
