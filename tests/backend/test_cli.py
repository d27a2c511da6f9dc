"""The `tollgate` command line: migrate, seed the demo (idempotently), issue keys."""

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from backend.app import create_app
from backend.cli import main
from backend.client.transport import SyncASGITransport
from backend.config import Settings, get_settings
from backend.db import session_scope
from backend.models import Customer, Environment, Product
from tests.conftest import fresh_database

ROOT = Path(__file__).resolve().parents[2]
KEY = re.compile(r"tg_(?:sk|pk)_[A-Za-z0-9_-]+")


@pytest.fixture
def cli_env(database_url, tmp_path):
    """Environment variables for the CLI: a fresh data dir and (for PostgreSQL) a fresh database."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("TOLLGATE_") and k != "DATABASE_URL"
    }
    env["TOLLGATE_DATA_DIR"] = str(tmp_path / "data")
    if database_url.startswith("sqlite"):
        yield env, f"sqlite:///{tmp_path / 'data' / 'tollgate.db'}"  # the default location
        return
    with fresh_database("postgresql", tmp_path) as url:
        env["DATABASE_URL"] = url.replace("postgresql+psycopg://", "postgresql://")
        yield env, url


def tollgate(env, *args, ok=True):
    result = subprocess.run(
        [sys.executable, "-m", "backend.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if ok:
        assert result.returncode == 0, result.stderr
    return result


def test_migrate_and_seed_demo_twice(cli_env, tmp_path):
    env, url = cli_env
    assert "latest schema" in tollgate(env, "migrate").stdout
    assert "latest schema" in tollgate(env, "migrate").stdout  # again: nothing to do

    first = tollgate(env, "seed-demo").stdout
    secret, publishable = KEY.findall(first)
    assert secret.startswith("tg_sk_") and publishable.startswith("tg_pk_")
    env_file = tmp_path / "data" / "demo.env"
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    saved = env_file.read_text()
    assert (
        f"TOLLGATE_API_KEY={secret}" in saved and f"TOLLGATE_PUBLISHABLE_KEY={publishable}" in saved
    )

    second = tollgate(env, "seed-demo").stdout
    assert KEY.findall(second) == [secret, publishable]  # still valid: kept
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    with session_scope(url) as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 1
        assert session.scalar(select(func.count()).select_from(Customer)) == 3
        assert sorted(session.scalars(select(Environment.slug))) == ["development", "production"]

    issued = tollgate(env, "create-key", "--kind", "publishable", "--name", "site").stdout
    [extra] = KEY.findall(issued)
    assert extra.startswith("tg_pk_") and "shown once" in issued

    app = create_app(Settings(DATABASE_URL=url, TOLLGATE_DATA_DIR=tmp_path / "data"))
    with httpx.Client(transport=SyncASGITransport(app), base_url="http://test") as http:

        def get(path, key):
            return http.get(path, headers={"Authorization": f"Bearer {key}"})

        assert len(get("/api/v1/customers", secret).json()["data"]) == 3
        for key in (publishable, extra):
            paywall = get("/api/v1/paywall?product_id=workspace", key)
            assert paywall.status_code == 200 and len(paywall.json()["plans"]) == 4


@pytest.fixture
def in_process(cli_env, monkeypatch):
    """Run `tollgate` in this process (fast) with the CLI environment's settings."""
    env, _ = cli_env
    for key in [k for k in os.environ if k.startswith("TOLLGATE_") or k == "DATABASE_URL"]:
        monkeypatch.delenv(key)
    for key in ("TOLLGATE_DATA_DIR", "DATABASE_URL"):
        if key in env:
            monkeypatch.setenv(key, env[key])
    get_settings.cache_clear()
    yield main
    get_settings.cache_clear()


def test_refusals_are_messages(in_process, capsys):
    in_process(["migrate"])
    in_process(["create-environment", "staging", "--kind", "production"])
    assert "Created environment staging (production)" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        in_process(["create-environment", "staging"])
    assert "already exists" in str(exited.value.code)
    with pytest.raises(SystemExit) as exited:
        in_process(["create-key", "--environment", "nope"])
    assert "No environment 'nope'" in str(exited.value.code)
    in_process(["create-key", "--environment", "staging"])
    assert KEY.search(capsys.readouterr().out).group().startswith("tg_sk_")
    with pytest.raises(SystemExit):
        in_process(["create-key", "--kind", "admin"])  # argparse refuses
