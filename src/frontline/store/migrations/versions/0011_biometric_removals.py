"""biometric removals

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

One row per face enrolment or DNA profile removed from a person record: which item, of
which record, who removed it, when and why; never the descriptor or the profile, which
are deleted from their own tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "biometric_removals",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("item_id", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=False),
        sa.Column("removed_by", sa.String(length=80), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_biometric_removals_record", "biometric_removals", ["record_id"])


def downgrade() -> None:
    op.drop_index("ix_biometric_removals_record", table_name="biometric_removals")
    op.drop_table("biometric_removals")
