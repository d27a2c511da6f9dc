"""What the benchmarks share: `wrk` runs, a seeded server per database, and result tables.

Each benchmark starts one uvicorn worker on a fresh SQLite file and (if a server is reachable)
a fresh PostgreSQL database, seeds the demo catalog, and measures its endpoints against a
baseline on the same server in the same run.
"""

from __future__ import annotations

import contextlib
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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


def wrk(url: str, key: str, body: dict | None = None, connections: int = 32,
        lua: str | None = None) -> dict[str, float]:
    """requests/s, p50 and p99 in ms, and non-2xx count for `url` (POST `body` if given, or
    requests made by the `lua` script)."""
    args = ["wrk", "-t1", f"-c{connections}", f"-d{DURATION}s", "--latency",
            "-H", f"Authorization: Bearer {key}"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if body is not None or lua is not None:
            script.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                         + (lua or f"wrk.body = [[{json.dumps(body)}]]\n"))
            script.flush()
            args += ["-s", script.name]
        out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def pct(label: str) -> float:
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": pct("50"), "p99": pct("99"),
            "errors": int(errors.group(1)) if errors else 0}


@dataclass(frozen=True)
class Server:
    base: str
    key: str
    database_url: str | None
    data_dir: str


@contextlib.contextmanager
def seeded_server(database_url: str | None, app: str = "backend.app:create_app") -> Iterator[Server]:
    """A migrated, demo-seeded uvicorn worker serving `app` (a factory)."""
    data_dir = tempfile.mkdtemp(prefix="tollgate-bench-")
    env = {**os.environ, "TOLLGATE_DATA_DIR": data_dir}
    if database_url:
        env["DATABASE_URL"] = database_url
    py = sys.executable
    for command in ("migrate", "seed-demo"):
        subprocess.run([py, "-m", "backend.cli", command], env=env, check=True, cwd=ROOT,
                       capture_output=True)
    key = next(line.split("=", 1)[1] for line in (Path(data_dir) / "demo.env").read_text()
               .splitlines() if line.startswith("TOLLGATE_API_KEY="))
    port = free_port()
    proc = subprocess.Popen(
        [py, "-m", "uvicorn", app, "--factory", "--port", str(port), "--log-level", "warning",
         "--no-access-log"], env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/api/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield Server(base, key, database_url, data_dir)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:  # an open event stream holds a graceful shutdown
            proc.kill()
            proc.wait(10)
        shutil.rmtree(data_dir, ignore_errors=True)


def print_table(label: str, results: dict[str, dict[str, float]], baseline: str,
                connections: int = 32) -> None:
    base = results[baseline]["rps"]
    print(f"\n[{label}] wrk -t1 -c{connections} -d{DURATION}s, one uvicorn worker")
    print(f"{'endpoint':40} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>7} {'non-2xx':>8}")
    for name, r in results.items():
        print(f"{name:40} {r['rps']:9.0f} {r['p50']:8.2f} {r['p99']:8.2f} "
              f"{r['rps'] / base:7.2f} {r['errors']:8d}")


def on_each_database(run: Callable[[str, str | None], None]) -> None:
    """`run(label, database_url)` on SQLite, then on a fresh PostgreSQL database if reachable."""
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    run("SQLite", None)
    name = f"tollgate_bench_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        print("\n[PostgreSQL] skipped: no server at 127.0.0.1:5432")
        return
    try:
        run("PostgreSQL", f"postgresql://postgres@127.0.0.1:5432/{name}")
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
