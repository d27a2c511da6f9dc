"""Price models (spec per price, localisation), plan versions and trial settings, product settings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Existing flat prices are carried over: `amount_minor` moves into `spec`.
"""

import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import backend.models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("package_prices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("country", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("model", sa.String(length=16), nullable=False,
                                      server_default="flat"))
        batch_op.add_column(sa.Column("spec", JSON_TYPE, nullable=True))

    prices = sa.table("package_prices", sa.column("id"), sa.column("billing_period"),
                      sa.column("currency"), sa.column("amount_minor"), sa.column("spec", JSON_TYPE))
    conn = op.get_bind()
    for row in conn.execute(sa.select(prices.c.id, prices.c.billing_period, prices.c.currency,
                                      prices.c.amount_minor)).all():
        spec = {"billing_period": row.billing_period, "currency": row.currency, "model": "flat",
                "amount_minor": row.amount_minor}
        conn.execute(prices.update().where(prices.c.id == row.id).values(spec=spec))

    with op.batch_alter_table("package_prices", schema=None) as batch_op:
        batch_op.alter_column("spec", existing_type=JSON_TYPE, nullable=False)
        batch_op.drop_constraint(batch_op.f("uq_package_prices_package_id_billing_period_currency"),
                                 type_="unique")
        batch_op.drop_column("amount_minor")

    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("trial_requires_payment_method", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("status", sa.String(length=16), nullable=False,
                                      server_default="published"))
        batch_op.add_column(sa.Column("published_at", backend.models.base.UTCDateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column("requires_addon_ids", JSON_TYPE, nullable=False,
                                      server_default=sa.text("'[]'")))
        batch_op.drop_constraint(batch_op.f("uq_packages_environment_id_kind_ref"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_packages_environment_id_kind_ref_version"),
                                          ["environment_id", "kind", "ref", "version"])

    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("settings", JSON_TYPE, nullable=False,
                                      server_default=sa.text("'{}'")))

    # The defaults above only filled existing rows; the application sets every value itself.
    for table, columns in DEFAULTED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, type_ in columns:
                batch_op.alter_column(column, existing_type=type_, server_default=None)


DEFAULTED = {
    "package_prices": [("model", sa.String(length=16))],
    "packages": [("trial_requires_payment_method", sa.Boolean()), ("version", sa.Integer()),
                 ("status", sa.String(length=16)), ("requires_addon_ids", JSON_TYPE)],
    "products": [("settings", JSON_TYPE)],
}


def downgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("settings")

    with op.batch_alter_table("packages", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_packages_environment_id_kind_ref_version"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_packages_environment_id_kind_ref"),
                                          ["environment_id", "kind", "ref"])
        for column in ("requires_addon_ids", "published_at", "status", "version",
                       "trial_requires_payment_method"):
            batch_op.drop_column(column)

    with op.batch_alter_table("package_prices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("amount_minor", sa.BigInteger(), nullable=False,
                                      server_default="0"))
    prices = sa.table("package_prices", sa.column("id"), sa.column("amount_minor"),
                      sa.column("spec", JSON_TYPE))
    conn = op.get_bind()
    for row in conn.execute(sa.select(prices.c.id, prices.c.spec)).all():
        spec = row.spec if isinstance(row.spec, dict) else json.loads(row.spec)
        conn.execute(prices.update().where(prices.c.id == row.id)
                     .values(amount_minor=spec.get("amount_minor") or 0))
    with op.batch_alter_table("package_prices", schema=None) as batch_op:
        batch_op.drop_column("spec")
        batch_op.drop_column("model")
        batch_op.drop_column("country")
