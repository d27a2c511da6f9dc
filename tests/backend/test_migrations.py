"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, pool

import backend.models  # noqa: F401  (registers every table)
from backend.migrations import alembic_config, upgrade
from backend.models.base import Base
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
