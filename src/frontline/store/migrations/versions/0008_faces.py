"""face enrolments (issue 9)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

One row per enrolled photo of a person record: its face descriptor, never the photo.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "face_enrolments",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("algorithm", sa.String(length=40), nullable=False),
        sa.Column("embedding", sa.LargeBinary(), nullable=False),
        sa.Column("photo_sha256", sa.String(length=64), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("enrolled_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    op.create_index(
        "ix_face_enrolments_record",
        "face_enrolments",
        ["record_id", "photo_sha256"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("ix_face_enrolments_record", table_name="face_enrolments")
    op.drop_table("face_enrolments")
