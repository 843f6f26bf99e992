"""manifests and their travellers (re-screening); partner limits and daily usage

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "manifests",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.String(length=80), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("reference", sa.String(length=80), nullable=True),
        sa.Column("flight", sa.JSON(), nullable=True),
        sa.Column("arrives_at", sa.DateTime(), nullable=True),
        sa.Column("travellers", sa.Integer(), nullable=False),
        sa.Column("rescreened_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_manifests_arrives", "manifests", ["arrives_at"], unique=False)
    op.create_table(
        "manifest_travellers",
        sa.Column("manifest_id", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("traveller", sa.JSON(), nullable=False),
        sa.Column("request", sa.JSON(), nullable=False),
        sa.Column("raised", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("manifest_id", "position"),
    )
    op.create_table(
        "partner_limits",
        sa.Column("partner", sa.String(length=80), nullable=False),
        sa.Column("daily_quota", sa.Integer(), nullable=False),
        sa.Column("per_minute", sa.Integer(), nullable=False),
        sa.Column("max_batch", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("partner"),
    )
    op.create_table(
        "partner_usage",
        sa.Column("partner", sa.String(length=80), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("checks", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("partner", "day"),
    )


def downgrade() -> None:
    op.drop_table("partner_usage")
    op.drop_table("partner_limits")
    op.drop_table("manifest_travellers")
    op.drop_index("ix_manifests_arrives", table_name="manifests")
    op.drop_table("manifests")
