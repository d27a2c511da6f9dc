"""Payment methods and payments; environments' test clocks.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Existing environments run on real time (no test clock).
"""

import sqlalchemy as sa
from alembic import op

import backend.models.base

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
STAMP = backend.models.base.UTCDateTime(timezone=True)
LIVE_DEFAULT = sa.text('is_default AND archived_at IS NULL')


def upgrade() -> None:
    with op.batch_alter_table('environments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('test_clock_time', STAMP, nullable=True))

    op.create_table('payment_methods',
    sa.Column('id', BIG_ID, nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('customer_id', BIG_ID, nullable=False),
    sa.Column('provider', sa.String(length=32), nullable=False),
    sa.Column('provider_ref', sa.String(length=255), nullable=False),
    sa.Column('brand', sa.String(length=32), nullable=False),
    sa.Column('last4', sa.String(length=4), nullable=False),
    sa.Column('exp_month', sa.Integer(), nullable=False),
    sa.Column('exp_year', sa.Integer(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('archived_at', STAMP, nullable=True),
    sa.Column('environment_id', BIG_ID, nullable=False),
    sa.Column('created_at', STAMP, nullable=False),
    sa.Column('updated_at', STAMP, nullable=False),
    sa.CheckConstraint('exp_month BETWEEN 1 AND 12',
                       name=op.f('ck_payment_methods_exp_month_range')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                            name=op.f('fk_payment_methods_customer_id_customers')),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'],
                            name=op.f('fk_payment_methods_environment_id_environments'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_methods')),
    sa.UniqueConstraint('environment_id', 'ref', name=op.f('uq_payment_methods_environment_id_ref'))
    )
    with op.batch_alter_table('payment_methods', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_methods_customer_id'), ['customer_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_payment_methods_environment_id'), ['environment_id'],
                              unique=False)
        batch_op.create_index('uq_payment_methods_one_default', ['customer_id'], unique=True,
                              sqlite_where=LIVE_DEFAULT, postgresql_where=LIVE_DEFAULT)

    op.create_table('payments',
    sa.Column('id', BIG_ID, nullable=False),
    sa.Column('ref', sa.String(length=64), nullable=False),
    sa.Column('customer_id', BIG_ID, nullable=False),
    sa.Column('payment_method_id', BIG_ID, nullable=True),
    sa.Column('provider', sa.String(length=32), nullable=False),
    sa.Column('provider_ref', sa.String(length=255), nullable=True),
    sa.Column('amount_minor', sa.BigInteger(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decline_code', sa.String(length=64), nullable=True),
    sa.Column('failure_message', sa.String(length=500), nullable=True),
    sa.Column('description', sa.String(length=500), nullable=True),
    sa.Column('idempotency_key', sa.String(length=255), nullable=False),
    sa.Column('invoice_ref', sa.String(length=64), nullable=True),
    sa.Column('amount_refunded_minor', sa.BigInteger(), nullable=False),
    sa.Column('environment_id', BIG_ID, nullable=False),
    sa.Column('created_at', STAMP, nullable=False),
    sa.Column('updated_at', STAMP, nullable=False),
    sa.CheckConstraint('amount_minor > 0', name=op.f('ck_payments_amount_positive')),
    sa.CheckConstraint('amount_refunded_minor >= 0 AND amount_refunded_minor <= amount_minor',
                       name=op.f('ck_payments_refund_within_amount')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'],
                            name=op.f('fk_payments_customer_id_customers')),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'],
                            name=op.f('fk_payments_environment_id_environments'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['payment_method_id'], ['payment_methods.id'],
                            name=op.f('fk_payments_payment_method_id_payment_methods')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments')),
    sa.UniqueConstraint('environment_id', 'idempotency_key',
                        name=op.f('uq_payments_environment_id_idempotency_key')),
    sa.UniqueConstraint('environment_id', 'ref', name=op.f('uq_payments_environment_id_ref'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payments_environment_id'), ['environment_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_environment_id'))
        batch_op.drop_index(batch_op.f('ix_payments_customer_id'))
    op.drop_table('payments')

    with op.batch_alter_table('payment_methods', schema=None) as batch_op:
        batch_op.drop_index('uq_payment_methods_one_default')
        batch_op.drop_index(batch_op.f('ix_payment_methods_environment_id'))
        batch_op.drop_index(batch_op.f('ix_payment_methods_customer_id'))
    op.drop_table('payment_methods')

    with op.batch_alter_table('environments', schema=None) as batch_op:
        batch_op.drop_column('test_clock_time')
