"""Embedding: the origins allowed to frame an environment's hosted widget pages.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-24 20:14:04.419854
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('environments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('embed_origins', sa.JSON().with_variant(
            postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('environments', schema=None) as batch_op:
        batch_op.drop_column('embed_origins')
