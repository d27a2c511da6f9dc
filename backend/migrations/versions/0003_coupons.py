"""coupons

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 11:12:13.908662
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import backend.models.base

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    op.create_table('coupons',
    sa.Column('id', BIG_ID, nullable=False),
    sa.Column('ref', sa.String(length=128), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('percent_off', sa.Numeric(precision=7, scale=4), nullable=True),
    sa.Column('amounts_off', JSON_TYPE, nullable=True),
    sa.Column('duration', sa.String(length=16), nullable=False),
    sa.Column('duration_periods', sa.Integer(), nullable=True),
    sa.Column('expires_at', backend.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('max_redemptions', sa.Integer(), nullable=True),
    sa.Column('redemptions', sa.Integer(), nullable=False),
    sa.Column('plan_ids', JSON_TYPE, nullable=False),
    sa.Column('metadata', JSON_TYPE, nullable=False),
    sa.Column('archived_at', backend.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('environment_id', BIG_ID, nullable=False),
    sa.Column('created_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(percent_off IS NULL) <> (amounts_off IS NULL)',
                       name=op.f('ck_coupons_one_discount')),
    sa.CheckConstraint('redemptions >= 0 AND (max_redemptions IS NULL OR redemptions <= max_redemptions)',
                       name=op.f('ck_coupons_redemptions_within_limit')),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'],
                            name=op.f('fk_coupons_environment_id_environments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coupons')),
    sa.UniqueConstraint('environment_id', 'code', name=op.f('uq_coupons_environment_id_code')),
    sa.UniqueConstraint('environment_id', 'ref', name=op.f('uq_coupons_environment_id_ref'))
    )
    with op.batch_alter_table('coupons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coupons_environment_id'), ['environment_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('coupons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coupons_environment_id'))

    op.drop_table('coupons')
