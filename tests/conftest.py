"""Shared fixtures of the backend tests.

Every test that asks for `database_url` (directly or through `app`, `tenant`, `api`...) runs
twice: once on an SQLite file and once on a fresh PostgreSQL database, both brought to the
latest schema by the Alembic migrations. Tests are isolated by environment, not by truncation:
each one gets a brand-new environment with its own secret and publishable keys, and every row
the API writes belongs to that environment.

PostgreSQL is the server at 127.0.0.1:5432 (override with `TOLLGATE_TEST_POSTGRES`, an admin
URL). When it cannot be reached the PostgreSQL half is skipped locally but FAILS when the
environment variable `CI` is set: a CI run where PostgreSQL tests did not run is a failure.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from backend.app import create_app
from backend.auth import service as auth_service
from backend.client.transport import SyncASGITransport
from backend.config import Settings
from backend.db import engine_for, session_scope
from backend.migrations import upgrade

# Where to create the test databases: an admin connection to a maintenance database.
PG_ADMIN_URLS = (
    [os.environ["TOLLGATE_TEST_POSTGRES"]]
    if os.environ.get("TOLLGATE_TEST_POSTGRES")
    else [
        "postgresql://postgres@127.0.0.1:5432/postgres",
        "postgresql://postgres@127.0.0.1:5432/test",
    ]
)
DATABASES = ["sqlite", "postgresql"]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _pg_unreachable(reason: str) -> None:
    message = (
        f"PostgreSQL is not reachable at {PG_ADMIN_URLS[0]} ({reason}). The backend suite must "
        "run on PostgreSQL too; start it with `pg_ctlcluster --skip-systemctl-redirect "
        "$(ls /etc/postgresql) main start`."
    )
    if in_ci():
        pytest.fail(
            "CI is set, so the PostgreSQL half may not be skipped: " + message, pytrace=False
        )
    pytest.skip(message)


def _pg_admin_connect() -> tuple[Any, str]:
    import psycopg

    last: Exception | None = None
    for url in PG_ADMIN_URLS:
        try:
            return psycopg.connect(url, autocommit=True, connect_timeout=3), url
        except psycopg.Error as exc:  # try the next maintenance database
            last = exc
    _pg_unreachable(str(last).strip().splitlines()[0] if last else "no admin URL")
    raise AssertionError("unreachable")  # pragma: no cover


@contextmanager
def fresh_database(kind: str, tmp_dir: Path) -> Iterator[str]:
    """An empty database of `kind`; yields its SQLAlchemy URL and removes it afterwards."""
    if kind == "sqlite":
        url = f"sqlite:///{tmp_dir / f'tollgate_{secrets.token_hex(4)}.db'}"
        try:
            yield url
        finally:
            engine_for(url).dispose()
        return
    admin, admin_url = _pg_admin_connect()
    name = f"tollgate_test_{os.getpid()}_{secrets.token_hex(4)}"
    url = make_url(admin_url).set(drivername="postgresql+psycopg", database=name)
    url_text = url.render_as_string(hide_password=False)
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield url_text
        finally:
            engine_for(url_text).dispose()
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql")


# -- database and app --------------------------------------------------------------------------
@pytest.fixture(scope="session", params=DATABASES, ids=DATABASES)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated database (SQLite file, or a fresh PostgreSQL database) for the whole session."""
    with fresh_database(request.param, tmp_path_factory.mktemp(request.param)) as url:
        upgrade(url)
        yield url


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Explicit settings (never the lru-cached process settings)."""
    return Settings(
        DATABASE_URL=database_url,
        TOLLGATE_DATA_DIR=tmp_path_factory.mktemp("data"),
        TOLLGATE_API_KEY=None,
        TOLLGATE_PUBLISHABLE_KEY=None,
        TOLLGATE_API_URL=None,
        TOLLGATE_DEFAULT_CURRENCY="USD",
        TOLLGATE_DEFAULT_LOCALE="en_US",
        TOLLGATE_PAYWALL_MAX_AGE=60,
        TOLLGATE_WEBHOOK_WORKER=False,  # tests drive delivery with WebhookWorker.run_once()
        TOLLGATE_DUE_WORK=False,  # and due work with run_due_work()
    )


@pytest.fixture(scope="session")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


# -- tenants: one fresh environment with its keys ----------------------------------------------
@dataclass
class Tenant:
    """An environment of its own, with a secret and a publishable key."""

    id: int
    slug: str
    secret: str
    publishable: str
    url: str
    app: FastAPI
    _clients: list[httpx.Client] = field(default_factory=list, repr=False)

    def client(self, key: str | None = "secret", **headers: str) -> httpx.Client:
        """An httpx client through the HTTP layer (in-process ASGI) with the given key.

        `key` is "secret", "publishable", a raw key, or None for no Authorization header.
        """
        raw = {"secret": self.secret, "publishable": self.publishable}.get(key or "", key)
        if raw:
            headers = {"Authorization": f"Bearer {raw}", **headers}
        http = httpx.Client(
            transport=SyncASGITransport(self.app), base_url="http://test", headers=headers
        )
        self._clients.append(http)
        return http

    def seed_demo(self) -> None:
        seed_demo_catalog(self.url, self.id)

    def close(self) -> None:
        for http in self._clients:
            http.close()


def seed_demo_catalog(url: str, environment_id: int) -> None:
    """The demo catalog (product 'workspace', plans, add-ons, customers acme/globex/initech)."""
    from backend.demo.seed import seed_catalog

    with session_scope(url) as session:
        seed_catalog(session, environment_id)


def new_tenant(url: str, app: FastAPI) -> Tenant:
    slug = f"t-{secrets.token_hex(6)}"
    with session_scope(url) as session:
        env = auth_service.create_environment(session, slug, f"Test {slug}", "development")
        _, secret = auth_service.issue_key(session, env.id, "secret", "test secret")
        _, publishable = auth_service.issue_key(session, env.id, "publishable", "test publishable")
        env_id = env.id
    return Tenant(id=env_id, slug=slug, secret=secret, publishable=publishable, url=url, app=app)


@pytest.fixture
def make_tenant(database_url: str, app: FastAPI) -> Iterator[Callable[[], Tenant]]:
    """Factory for extra environments (cross-environment tests)."""
    made: list[Tenant] = []

    def make() -> Tenant:
        tenant = new_tenant(database_url, app)
        made.append(tenant)
        return tenant

    yield make
    for tenant in made:
        tenant.close()


@pytest.fixture
def tenant(make_tenant: Callable[[], Tenant]) -> Tenant:
    """A fresh environment for this test."""
    return make_tenant()


@pytest.fixture
def api(tenant: Tenant) -> httpx.Client:
    """HTTP client with the tenant's secret key."""
    return tenant.client("secret")


@pytest.fixture
def public_api(tenant: Tenant) -> httpx.Client:
    """HTTP client with the tenant's publishable key."""
    return tenant.client("publishable")


@pytest.fixture
def seeded(tenant: Tenant) -> Tenant:
    """The tenant with the demo catalog (writable: the test owns it)."""
    tenant.seed_demo()
    return tenant


@pytest.fixture(scope="module")
def demo(database_url: str, app: FastAPI) -> Iterator[Tenant]:
    """A demo-seeded environment shared by a module's read-only tests."""
    tenant = new_tenant(database_url, app)
    tenant.seed_demo()
    yield tenant
    tenant.close()
