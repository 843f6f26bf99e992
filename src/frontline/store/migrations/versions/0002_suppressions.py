"""suppressions: decided false hits, and their change counter

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suppressions",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("subject_key", sa.String(length=320), nullable=False),
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("record_owner", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("reversed_by", sa.String(length=80), nullable=True),
        sa.Column("reversed_at", sa.DateTime(), nullable=True),
        sa.Column("reversed_reason", sa.Text(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("rid"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("suppressions", schema=None) as batch_op:
        batch_op.create_index("ix_suppressions_record", ["record_kind", "record_id"], unique=False)
        batch_op.create_index(
            "ix_suppressions_active",
            ["subject_key", "record_kind", "record_id"],
            unique=True,
            sqlite_where=sa.text("reversed_at IS NULL"),
            postgresql_where=sa.text("reversed_at IS NULL"),
        )
    # The change counter a server polls to see that the active set changed (one cheap read).
    op.bulk_insert(
        sa.table(
            "frontline_settings", sa.column("key", sa.String), sa.column("value", sa.BigInteger)
        ),
        [{"key": "suppressions", "value": 0}],
    )


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM frontline_settings WHERE key = 'suppressions'"))
    with op.batch_alter_table("suppressions", schema=None) as batch_op:
        batch_op.drop_index("ix_suppressions_active")
        batch_op.drop_index("ix_suppressions_record")
    op.drop_table("suppressions")
