"""Paywall and estimate throughput and latency against a bare endpoint on the same server.

Starts one uvicorn worker per database (SQLite file, and PostgreSQL if reachable), seeds the demo,
drives each endpoint with `wrk -t1 -c32 -d{DURATION}s` from a second process and prints requests/s,
p50/p99 latency and the ratio to `/api/health` measured in the same run.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(url: str, key: str, body: dict | None = None) -> dict[str, float]:
    args = ["wrk", "-t1", "-c32", f"-d{DURATION}s", "--latency", "-H", f"Authorization: Bearer {key}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if body is not None:
            script.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                         f"wrk.body = [[{json.dumps(body)}]]\n")
            script.flush()
            args += ["-s", script.name]
        out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def pct(label: str) -> float:
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": pct("50"), "p99": pct("99"), "errors": int(errors.group(1)) if errors else 0}


ESTIMATE = {"plan_id": "business", "billing_period": "monthly", "quantities": {"seats": 12},
            "usage": {"api-calls": 250000}, "addons": [{"addon_id": "ai-boost"}],
            "coupon_code": "LAUNCH20"}


def run_for(label: str, database_url: str | None) -> None:
    data_dir = tempfile.mkdtemp(prefix="tollgate-bench-")
    env = {**os.environ, "TOLLGATE_DATA_DIR": data_dir}
    if database_url:
        env["DATABASE_URL"] = database_url
    py = sys.executable
    subprocess.run([py, "-m", "backend.cli", "migrate"], env=env, check=True, cwd=ROOT, capture_output=True)
    subprocess.run([py, "-m", "backend.cli", "seed-demo"], env=env, check=True, cwd=ROOT, capture_output=True)
    key = next(line.split("=", 1)[1] for line in (Path(data_dir) / "demo.env").read_text().splitlines()
               if line.startswith("TOLLGATE_API_KEY="))
    port = free_port()
    server = subprocess.Popen(
        [py, "-m", "uvicorn", "backend.app:create_app", "--factory", "--port", str(port),
         "--log-level", "warning", "--no-access-log"], env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        targets = {
            "bare /api/health": f"{base}/api/health",
            "paywall (anonymous)": f"{base}/api/v1/paywall?product_id=workspace",
            "paywall (customer)": f"{base}/api/v1/paywall?product_id=workspace&customer_id=acme",
        }
        results = {name: wrk(url, key) for name, url in targets.items()}
        results["estimate (12 seats, usage, add-on)"] = wrk(f"{base}/api/v1/estimates", key, ESTIMATE)
        baseline = results["bare /api/health"]["rps"]
        print(f"\n[{label}] wrk -t1 -c32 -d{DURATION}s, one uvicorn worker")
        print(f"{'endpoint':36} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>7} {'non-2xx':>8}")
        for name, r in results.items():
            print(f"{name:36} {r['rps']:9.0f} {r['p50']:8.2f} {r['p99']:8.2f} "
                  f"{r['rps'] / baseline:7.2f} {r['errors']:8d}")
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(data_dir, ignore_errors=True)


def main() -> None:
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    run_for("SQLite", None)
    name = f"tollgate_bench_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        print("\n[PostgreSQL] skipped: no server at 127.0.0.1:5432")
        return
    try:
        run_for("PostgreSQL", f"postgresql://postgres@127.0.0.1:5432/{name}")
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
