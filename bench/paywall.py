"""Paywall and estimate throughput and latency against a bare endpoint on the same server.

Drives each endpoint with `wrk -t1 -c32 -d{BENCH_SECONDS}s` and prints requests/s, p50/p99
latency and the ratio to `/api/health` measured in the same run, on SQLite and PostgreSQL.
"""

from bench.harness import on_each_database, print_table, seeded_server, wrk

ESTIMATE = {"plan_id": "business", "billing_period": "monthly", "quantities": {"seats": 12},
            "usage": {"api-calls": 250000}, "addons": [{"addon_id": "ai-boost"}],
            "coupon_code": "LAUNCH20"}


def run_for(label: str, database_url: str | None) -> None:
    with seeded_server(database_url) as s:
        targets = {
            "bare /api/health": f"{s.base}/api/health",
            "paywall (anonymous)": f"{s.base}/api/v1/paywall?product_id=workspace",
            "paywall (customer)": f"{s.base}/api/v1/paywall?product_id=workspace&customer_id=acme",
        }
        results = {name: wrk(url, s.key) for name, url in targets.items()}
        results["estimate (12 seats, usage, add-on)"] = wrk(f"{s.base}/api/v1/estimates", s.key,
                                                            ESTIMATE)
        print_table(label, results, "bare /api/health")


if __name__ == "__main__":
    on_each_database(run_for)
