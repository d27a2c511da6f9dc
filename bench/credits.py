"""Credit consumption throughput on PostgreSQL with concurrent clients.

`wrk -t1 -c8` on `POST /api/v1/credits/consume` (1 credit per request, through the per-account
lock, burn planning, ledger entries and the idempotency record) versus a bare endpoint on the
same server doing only `UPDATE ... SET balance = balance - 1 WHERE balance >= 1` on one row
(the floor of any safe consumption). One account (every request contends for one lock, like
the bare row) and 50 accounts (requests spread across customers) are both measured.
"""

from __future__ import annotations

import uuid

import httpx

from bench.harness import on_each_database, print_table, seeded_server, wrk

ACCOUNTS = 50
CONNECTIONS = 8  # more queue behind one worker's thread pool and only add latency
SPREAD = """
counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"customer_id":"bench-%d","currency_id":"credits","amount":"1"}', counter % ACCOUNTS)
  return wrk.format(nil, nil, nil, body)
end
""".replace("ACCOUNTS", str(ACCOUNTS))


def _fund(base: str, key: str) -> None:
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"},
                      timeout=30) as http:
        for n in range(ACCOUNTS):
            http.post("/api/v1/customers", json={"id": f"bench-{n}"}).raise_for_status()
        for customer in ["globex"] + [f"bench-{n}" for n in range(ACCOUNTS)]:
            http.post("/api/v1/credits/grants", json={
                "customer_id": customer, "currency_id": "credits", "amount": "1000000000",
                "idempotency_key": f"bench-{customer}-{uuid.uuid4().hex}"}).raise_for_status()


def run_for(label: str, database_url: str | None) -> None:
    if database_url is None:
        return  # the issue measures PostgreSQL; SQLite serialises every writer anyway
    with seeded_server(database_url, app="bench.app:create_bench_app") as s:
        _fund(s.base, s.key)
        consume = f"{s.base}/api/v1/credits/consume"
        one = {"customer_id": "globex", "currency_id": "credits", "amount": "1"}
        results = {
            "bare UPDATE ... WHERE balance >= 1": wrk(f"{s.base}/bench/bare-consume", s.key, {},
                                                      connections=CONNECTIONS),
            "consume, one account": wrk(consume, s.key, one, connections=CONNECTIONS),
            f"consume, {ACCOUNTS} accounts": wrk(consume, s.key, lua=SPREAD,
                                                 connections=CONNECTIONS),
        }
        print_table(label, results, "bare UPDATE ... WHERE balance >= 1", CONNECTIONS)
        with httpx.Client(base_url=s.base, headers={"Authorization": f"Bearer {s.key}"}) as http:
            balance = http.get("/api/v1/credits/balance", params={
                "customer_id": "globex", "currency_id": "credits"}).json()
        print(f"globex consumed {balance['consumed']} credits; ledger balance "
              f"{balance['current']} (granted {balance['granted']})")


if __name__ == "__main__":
    on_each_database(run_for)
