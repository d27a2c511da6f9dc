"""Domain events, and the per-environment secret that signs customer tokens.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

Existing environments get no secret here: the first customer token they issue makes one.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import backend.models.base

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql')
BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')


def upgrade() -> None:
    with op.batch_alter_table('environments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('token_secret', sa.String(length=64), nullable=True))

    op.create_table('events',
    sa.Column('id', BIG_ID, nullable=False),
    sa.Column('ref', sa.String(length=40), nullable=False),
    sa.Column('type', sa.String(length=64), nullable=False),
    sa.Column('customer_ref', sa.String(length=128), nullable=True),
    sa.Column('subject_type', sa.String(length=32), nullable=True),
    sa.Column('subject_ref', sa.String(length=128), nullable=True),
    sa.Column('data', JSON_TYPE, nullable=False),
    sa.Column('created_at', backend.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('environment_id', BIG_ID, nullable=False),
    sa.ForeignKeyConstraint(['environment_id'], ['environments.id'],
                            name=op.f('fk_events_environment_id_environments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('ref', name=op.f('uq_events_ref'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_environment_id_customer_ref_id',
                              ['environment_id', 'customer_ref', 'id'], unique=False)
        batch_op.create_index('ix_events_environment_id_type_id',
                              ['environment_id', 'type', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_environment_id'), ['environment_id'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_environment_id'))
        batch_op.drop_index('ix_events_environment_id_type_id')
        batch_op.drop_index('ix_events_environment_id_customer_ref_id')

    op.drop_table('events')
    with op.batch_alter_table('environments', schema=None) as batch_op:
        batch_op.drop_column('token_secret')
