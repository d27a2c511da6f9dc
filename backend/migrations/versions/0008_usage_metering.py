"""Usage metering: usage counters per period, the usage report trail (idempotent), raw usage
events and the meters that count them, promotional entitlements, once-per-period usage alerts,
and a per-customer entitlements revision.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 15:02:33.702775
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import backend.models.base

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('usage_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_ref', sa.String(length=128), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('dimensions', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('occurred_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('idempotency_key', sa.String(length=255), nullable=False),
    sa.Column('created_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('environment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'], name=op.f('fk_usage_events_environment_id_environments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_usage_events')),
    sa.UniqueConstraint('environment_id', 'idempotency_key', name=op.f('uq_usage_events_environment_id_idempotency_key'))
    )
    with op.batch_alter_table('usage_events', schema=None) as batch_op:
        batch_op.create_index('ix_usage_events_customer_name_at', ['environment_id', 'customer_ref', 'name', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_usage_events_environment_id'), ['environment_id'], unique=False)

    op.create_table('meters',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('feature_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('event_name', sa.String(length=128), nullable=False),
    sa.Column('aggregation', sa.String(length=16), nullable=False),
    sa.Column('field', sa.String(length=128), nullable=True),
    sa.Column('filters', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('environment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'], name=op.f('fk_meters_environment_id_environments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['feature_id'], ['features.id'], name=op.f('fk_meters_feature_id_features'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meters')),
    sa.UniqueConstraint('environment_id', 'feature_id', name=op.f('uq_meters_environment_id_feature_id'))
    )
    with op.batch_alter_table('meters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meters_environment_id'), ['environment_id'], unique=False)

    op.create_table('promotional_entitlements',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('ref', sa.String(length=40), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('feature_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('limit', sa.BigInteger(), nullable=True),
    sa.Column('unlimited', sa.Boolean(), nullable=False),
    sa.Column('soft_limit', sa.Boolean(), nullable=False),
    sa.Column('reset_period', sa.String(length=8), nullable=True),
    sa.Column('enum_values', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('period', sa.String(length=16), nullable=False),
    sa.Column('starts_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', backend.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', backend.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('environment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_promotional_entitlements_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'], name=op.f('fk_promotional_entitlements_environment_id_environments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['feature_id'], ['features.id'], name=op.f('fk_promotional_entitlements_feature_id_features'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_promotional_entitlements')),
    sa.UniqueConstraint('environment_id', 'ref', name=op.f('uq_promotional_entitlements_environment_id_ref'))
    )
    with op.batch_alter_table('promotional_entitlements', schema=None) as batch_op:
        batch_op.create_index('ix_promotional_entitlements_customer', ['environment_id', 'customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_promotional_entitlements_environment_id'), ['environment_id'], unique=False)

    op.create_table('usage_alerts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('feature_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('period_start', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('created_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('environment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_usage_alerts_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'], name=op.f('fk_usage_alerts_environment_id_environments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['feature_id'], ['features.id'], name=op.f('fk_usage_alerts_feature_id_features'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_usage_alerts')),
    sa.UniqueConstraint('environment_id', 'customer_id', 'feature_id', 'period_start', 'kind', name='uq_usage_alerts_once')
    )
    with op.batch_alter_table('usage_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_usage_alerts_environment_id'), ['environment_id'], unique=False)

    op.create_table('usage_counters',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('feature_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('period_start', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('period_end', backend.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('latest_at', backend.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('environment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_usage_counters_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'], name=op.f('fk_usage_counters_environment_id_environments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['feature_id'], ['features.id'], name=op.f('fk_usage_counters_feature_id_features'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_usage_counters')),
    sa.UniqueConstraint('environment_id', 'customer_id', 'feature_id', 'period_start', name='uq_usage_counters_period')
    )
    with op.batch_alter_table('usage_counters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_usage_counters_environment_id'), ['environment_id'], unique=False)

    op.create_table('usage_reports',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('feature_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('value_after', sa.BigInteger(), nullable=False),
    sa.Column('period_start', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('occurred_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('idempotency_key', sa.String(length=255), nullable=True),
    sa.Column('created_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('environment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_usage_reports_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'], name=op.f('fk_usage_reports_environment_id_environments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['feature_id'], ['features.id'], name=op.f('fk_usage_reports_feature_id_features'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_usage_reports')),
    sa.UniqueConstraint('environment_id', 'idempotency_key', name=op.f('uq_usage_reports_environment_id_idempotency_key'))
    )
    with op.batch_alter_table('usage_reports', schema=None) as batch_op:
        batch_op.create_index('ix_usage_reports_customer_feature_at', ['environment_id', 'customer_id', 'feature_id', 'occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_usage_reports_environment_id'), ['environment_id'], unique=False)

    op.create_table('meter_uniques',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('meter_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('period_start', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('value', sa.String(length=255), nullable=False),
    sa.Column('environment_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_meter_uniques_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'], name=op.f('fk_meter_uniques_environment_id_environments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meter_id'], ['meters.id'], name=op.f('fk_meter_uniques_meter_id_meters'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meter_uniques')),
    sa.UniqueConstraint('meter_id', 'customer_id', 'period_start', 'value', name=op.f('uq_meter_uniques_meter_id_customer_id_period_start_value'))
    )
    with op.batch_alter_table('meter_uniques', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meter_uniques_environment_id'), ['environment_id'], unique=False)

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entitlements_revision', sa.BigInteger(), nullable=False,
                                      server_default="0"))
    # The default only filled existing rows; the application sets the value itself.
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.alter_column('entitlements_revision', existing_type=sa.BigInteger(),
                              server_default=None)



def downgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_column('entitlements_revision')

    with op.batch_alter_table('meter_uniques', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meter_uniques_environment_id'))

    op.drop_table('meter_uniques')
    with op.batch_alter_table('usage_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_usage_reports_environment_id'))
        batch_op.drop_index('ix_usage_reports_customer_feature_at')

    op.drop_table('usage_reports')
    with op.batch_alter_table('usage_counters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_usage_counters_environment_id'))

    op.drop_table('usage_counters')
    with op.batch_alter_table('usage_alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_usage_alerts_environment_id'))

    op.drop_table('usage_alerts')
    with op.batch_alter_table('promotional_entitlements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promotional_entitlements_environment_id'))
        batch_op.drop_index('ix_promotional_entitlements_customer')

    op.drop_table('promotional_entitlements')
    with op.batch_alter_table('meters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meters_environment_id'))

    op.drop_table('meters')
    with op.batch_alter_table('usage_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_usage_events_environment_id'))
        batch_op.drop_index('ix_usage_events_customer_name_at')

    op.drop_table('usage_events')
