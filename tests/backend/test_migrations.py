"""The Alembic migrations build exactly the schema the models describe, on both databases,
and carry existing data forward."""

import httpx
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, pool

import backend.models  # noqa: F401  (registers every table)
from backend.app import create_app
from backend.auth import service as auth_service
from backend.client.transport import SyncASGITransport
from backend.config import Settings
from backend.db import session_scope
from backend.kit.clock import now
from backend.migrations import alembic_config, upgrade
from backend.models.base import Base, JsonType, UTCDateTime
from tests.conftest import fresh_database


def schema_diff(url: str) -> list:
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def test_session_database_is_at_head_and_matches_the_models(database_url):
    head = ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()
    assert current_revision(database_url) == head
    assert schema_diff(database_url) == []  # what `alembic check` verifies


def test_upgrade_downgrade_upgrade_on_a_fresh_database(database_url, tmp_path):
    kind = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    with fresh_database(kind, tmp_path) as url:
        upgrade(url)
        tables = set(inspect(create_engine(url, poolclass=pool.NullPool)).get_table_names())
        assert set(Base.metadata.tables) <= tables
        upgrade(url)  # idempotent
        command.downgrade(alembic_config(url), "base")
        left = set(inspect(create_engine(url, poolclass=pool.NullPool)).get_table_names())
        assert left <= {"alembic_version"}
        upgrade(url)
        assert schema_diff(url) == []


def test_one_linear_history():
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    assert all(
        rev.down_revision is None or isinstance(rev.down_revision, str)
        for rev in script.walk_revisions()
    )


# -- 0002: flat prices move into `spec` ----------------------------------------------------------
def _table(name: str, *columns: str, **typed: sa.types.TypeEngine) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns),
                    *(sa.column(c, t) for c, t in typed.items()))


STAMPS = {"created_at": UTCDateTime(), "updated_at": UTCDateTime()}
OLD_PRICES = [("monthly", "USD", 2900), ("annual", "USD", 29000), ("monthly", "JPY", 3200),
              ("monthly", "KWD", 1250)]


def _seed_0001(url: str) -> int:
    """An environment with a product, a plan with flat prices and an add-on, at revision 0001."""
    engine = create_engine(url, poolclass=pool.NullPool)
    stamp = now()
    try:
        with engine.begin() as db:
            env = db.execute(
                _table("environments", "id", "slug", "name", "kind", "catalog_revision", **STAMPS)
                .insert().values(slug="old", name="Old", kind="development", catalog_revision=1,
                                 created_at=stamp, updated_at=stamp)
                .returning(sa.column("id"))
            ).scalar_one()
            common = {"environment_id": env, "created_at": stamp, "updated_at": stamp,
                      "metadata": {}}
            product = db.execute(
                _table("products", "id", "environment_id", "ref", "display_name", "description",
                       metadata=JsonType, **STAMPS)
                .insert().values(ref="app", display_name="App", description=None, **common)
                .returning(sa.column("id"))
            ).scalar_one()
            packages = _table("packages", "id", "environment_id", "kind", "ref", "product_id",
                              "display_name", "sort_order", "highlighted", "hidden",
                              "pricing_type", "trial_days", "max_quantity",
                              metadata=JsonType, **STAMPS)
            ids = {}
            for kind, ref, trial in (("plan", "pro", 14), ("addon", "boost", None)):
                ids[ref] = db.execute(
                    packages.insert().values(
                        kind=kind, ref=ref, product_id=product, display_name=ref.title(),
                        sort_order=0, highlighted=False, hidden=False, pricing_type="paid",
                        trial_days=trial, max_quantity=None, **common)
                    .returning(sa.column("id"))
                ).scalar_one()
            prices = _table("package_prices", "package_id", "billing_period", "currency",
                            "amount_minor")
            db.execute(prices.insert(), [
                {"package_id": ids["pro"], "billing_period": period, "currency": currency,
                 "amount_minor": amount}
                for period, currency, amount in OLD_PRICES
            ] + [{"package_id": ids["boost"], "billing_period": "monthly", "currency": "USD",
                  "amount_minor": 500}])
        return env
    finally:
        engine.dispose()


def _rows(url: str, query: sa.Select) -> list[sa.Row]:
    engine = create_engine(url, poolclass=pool.NullPool)
    try:
        with engine.connect() as db:
            return list(db.execute(query))
    finally:
        engine.dispose()


def test_flat_prices_survive_the_price_model_migration(database_url, tmp_path):
    kind = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    with fresh_database(kind, tmp_path) as url:
        upgrade(url, "0001")
        env = _seed_0001(url)
        upgrade(url)  # to head

        prices = sa.table("package_prices", sa.column("id"), sa.column("package_id"),
                          sa.column("model"), sa.column("country"), sa.column("spec", JsonType))
        rows = _rows(url, sa.select(prices.c.model, prices.c.country, prices.c.spec)
                     .order_by(prices.c.id))
        assert [(r.model, r.country, r.spec) for r in rows] == [
            ("flat", None, {"billing_period": period, "currency": currency, "model": "flat",
                            "amount_minor": amount})
            for period, currency, amount in [*OLD_PRICES, ("monthly", "USD", 500)]
        ]
        columns = {c["name"] for c in inspect(create_engine(url, poolclass=pool.NullPool))
                   .get_columns("package_prices")}
        assert "amount_minor" not in columns  # the amount lives in the spec only

        packages = sa.table("packages", sa.column("ref"), sa.column("version"),
                            sa.column("status"), sa.column("trial_requires_payment_method"),
                            sa.column("requires_addon_ids", JsonType))
        assert sorted(tuple(r) for r in _rows(url, sa.select(packages))) == [
            ("boost", 1, "published", False, []),
            ("pro", 1, "published", False, []),
        ]
        products = sa.table("products", sa.column("settings", JsonType))
        assert [r.settings for r in _rows(url, sa.select(products.c.settings))] == [{}]

        # the API reads the migrated prices as before
        with session_scope(url) as session:
            _, secret = auth_service.issue_key(session, env, "secret", "after migration")
        app = create_app(Settings(DATABASE_URL=url, TOLLGATE_DATA_DIR=tmp_path / "data",
                                  TOLLGATE_API_KEY=None, TOLLGATE_PUBLISHABLE_KEY=None))
        with httpx.Client(transport=SyncASGITransport(app), base_url="http://test",
                          headers={"Authorization": f"Bearer {secret}"}) as api:
            plan = api.get("/api/v1/plans/pro").json()
            assert [(p["billing_period"], p["currency"], p["model"], p["amount_minor"],
                     p["amount"]) for p in plan["prices"]] == [
                ("monthly", "USD", "flat", 2900, "29.00"),
                ("annual", "USD", "flat", 29000, "290.00"),
                ("monthly", "JPY", "flat", 3200, "3200"),
                ("monthly", "KWD", "flat", 1250, "1.250"),
            ]
            assert (plan["trial_days"], plan["version"], plan["status"]) == (14, 1, "published")
            assert api.get("/api/v1/products/app").json()["settings"]["on_subscription_end"] == (
                "no_access")
            card = {p["id"]: p for p in api.get(
                "/api/v1/paywall", params={"product_id": "app"}).json()["plans"]}["pro"]
            assert [p["amount"]["formatted"] for p in card["prices"]] == ["$29", "$290"]
            estimate = api.post("/api/v1/estimates", json={
                "plan_id": "pro", "billing_period": "annual"}).json()
            assert estimate["total"]["amount_minor"] == 29000

        # and back: 0001 gets its amount_minor column again
        command.downgrade(alembic_config(url), "0001")
        old = sa.table("package_prices", sa.column("id"), sa.column("billing_period"),
                       sa.column("currency"), sa.column("amount_minor"))
        back = _rows(url, sa.select(old.c.billing_period, old.c.currency, old.c.amount_minor)
                     .order_by(old.c.id))
        assert [tuple(r) for r in back] == [*OLD_PRICES, ("monthly", "USD", 500)]
