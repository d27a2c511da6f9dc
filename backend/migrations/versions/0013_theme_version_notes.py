"""Theme versions: a note on what changed and which key published it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 23:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


COLUMNS = (('note', sa.String(length=500)), ('published_by', sa.String(length=240)))


def upgrade() -> None:
    with op.batch_alter_table('theme_versions', schema=None) as batch_op:
        for name, type_ in COLUMNS:
            batch_op.add_column(sa.Column(name, type_, nullable=False, server_default=''))
    with op.batch_alter_table('theme_versions', schema=None) as batch_op:
        for name, type_ in COLUMNS:
            batch_op.alter_column(name, existing_type=type_, server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('theme_versions', schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
