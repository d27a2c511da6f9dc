"""Customer credit balance: a per-customer, per-currency ledger of credits earned (immediate
downgrades and cancellations) and applied (to the next positive invoice); and whether a
subscription's current period was paid for.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24

Existing subscriptions count as paid for their current period.
"""

import sqlalchemy as sa
from alembic import op

import backend.models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
STAMP = backend.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period_paid", sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
    # The default only filled existing rows; the application sets the value itself.
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.alter_column("period_paid", existing_type=sa.Boolean(), server_default=None)

    op.create_table("customer_credits",
    sa.Column("id", BIG_ID, nullable=False),
    sa.Column("customer_id", BIG_ID, nullable=False),
    sa.Column("currency", sa.String(length=3), nullable=False),
    sa.Column("amount_minor", sa.BigInteger(), nullable=False),
    sa.Column("reason", sa.String(length=32), nullable=False),
    sa.Column("invoice_ref", sa.String(length=64), nullable=True),
    sa.Column("created_at", STAMP, nullable=False),
    sa.Column("environment_id", BIG_ID, nullable=False),
    sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                            name=op.f("fk_customer_credits_customer_id_customers")),
    sa.ForeignKeyConstraint(["environment_id"], ["environments.id"],
                            name=op.f("fk_customer_credits_environment_id_environments"),
                            ondelete="CASCADE"),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_credits")),
    )
    with op.batch_alter_table("customer_credits", schema=None) as batch_op:
        for column in ("customer_id", "environment_id"):
            batch_op.create_index(batch_op.f(f"ix_customer_credits_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("customer_credits", schema=None) as batch_op:
        for column in ("environment_id", "customer_id"):
            batch_op.drop_index(batch_op.f(f"ix_customer_credits_{column}"))
    op.drop_table("customer_credits")
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.drop_column("period_paid")
