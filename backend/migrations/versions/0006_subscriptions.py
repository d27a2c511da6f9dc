"""Subscription lifecycle (periods, quantities, add-ons, coupon, trial, cancel, scheduled
change) and invoices with their lines.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24

Existing subscriptions get empty quantities and add-ons; their period starts at `started_at`.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import backend.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
STAMP = backend.models.base.UTCDateTime(timezone=True)
JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")

NULLABLE = [
    ("country", sa.String(length=2)), ("current_period_start", STAMP),
    ("current_period_end", STAMP), ("coupon_ref", sa.String(length=64)),
    ("coupon_periods_left", sa.Integer()), ("trial_end", STAMP),
    ("cancel_reason", sa.String(length=32)), ("cancel_comment", sa.String(length=1000)),
    ("canceled_at", STAMP), ("scheduled_change", JSON_TYPE),
]
DEFAULTED = [("quantities", JSON_TYPE, sa.text("'{}'")), ("addons", JSON_TYPE, sa.text("'[]'")),
             ("cancel_at_period_end", sa.Boolean(), sa.false())]


def upgrade() -> None:
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        for name, type_ in NULLABLE:
            batch_op.add_column(sa.Column(name, type_, nullable=True))
        for name, type_, default in DEFAULTED:
            batch_op.add_column(sa.Column(name, type_, nullable=False, server_default=default))
    op.execute("UPDATE subscriptions SET current_period_start = started_at")
    # The defaults above only filled existing rows; the application sets every value itself.
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        for name, type_, _ in DEFAULTED:
            batch_op.alter_column(name, existing_type=type_, server_default=None)

    op.create_table("invoices",
    sa.Column("id", BIG_ID, nullable=False),
    sa.Column("ref", sa.String(length=64), nullable=False),
    sa.Column("number", sa.Integer(), nullable=False),
    sa.Column("customer_id", BIG_ID, nullable=False),
    sa.Column("subscription_id", BIG_ID, nullable=True),
    sa.Column("reason", sa.String(length=32), nullable=False),
    sa.Column("status", sa.String(length=16), nullable=False),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.Column("subtotal_minor", sa.BigInteger(), nullable=False),
    sa.Column("discount_minor", sa.BigInteger(), nullable=False),
    sa.Column("total_minor", sa.BigInteger(), nullable=False),
    sa.Column("period_start", STAMP, nullable=True),
    sa.Column("period_end", STAMP, nullable=True),
    sa.Column("payment_ref", sa.String(length=64), nullable=True),
    sa.Column("paid_at", STAMP, nullable=True),
    sa.Column("environment_id", BIG_ID, nullable=False),
    sa.Column("created_at", STAMP, nullable=False),
    sa.Column("updated_at", STAMP, nullable=False),
    sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                            name=op.f("fk_invoices_customer_id_customers")),
    sa.ForeignKeyConstraint(["environment_id"], ["environments.id"],
                            name=op.f("fk_invoices_environment_id_environments"), ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["subscription_id"], ["subscriptions.id"],
                            name=op.f("fk_invoices_subscription_id_subscriptions")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_invoices")),
    sa.UniqueConstraint("environment_id", "number", name=op.f("uq_invoices_environment_id_number")),
    sa.UniqueConstraint("environment_id", "ref", name=op.f("uq_invoices_environment_id_ref")),
    )
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        for column in ("customer_id", "environment_id", "subscription_id"):
            batch_op.create_index(batch_op.f(f"ix_invoices_{column}"), [column], unique=False)

    op.create_table("invoice_lines",
    sa.Column("id", BIG_ID, nullable=False),
    sa.Column("invoice_id", BIG_ID, nullable=False),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(length=32), nullable=False),
    sa.Column("description", sa.String(length=500), nullable=False),
    sa.Column("quantity", sa.String(length=32), nullable=True),
    sa.Column("amount_minor", sa.BigInteger(), nullable=False),
    sa.Column("environment_id", BIG_ID, nullable=False),
    sa.ForeignKeyConstraint(["environment_id"], ["environments.id"],
                            name=op.f("fk_invoice_lines_environment_id_environments"),
                            ondelete="CASCADE"),
    sa.ForeignKeyConstraint(["invoice_id"], ["invoices.id"],
                            name=op.f("fk_invoice_lines_invoice_id_invoices"), ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_invoice_lines")),
    )
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        for column in ("environment_id", "invoice_id"):
            batch_op.create_index(batch_op.f(f"ix_invoice_lines_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        for column in ("invoice_id", "environment_id"):
            batch_op.drop_index(batch_op.f(f"ix_invoice_lines_{column}"))
    op.drop_table("invoice_lines")
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        for column in ("subscription_id", "environment_id", "customer_id"):
            batch_op.drop_index(batch_op.f(f"ix_invoices_{column}"))
    op.drop_table("invoices")
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        for name, *_ in reversed(DEFAULTED):
            batch_op.drop_column(name)
        for name, _ in reversed(NULLABLE):
            batch_op.drop_column(name)
