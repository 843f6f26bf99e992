"""DNA profiles, document specimens and counterfeit alerts (issue 9)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dna_profiles",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("loci", sa.JSON(), nullable=False),
        sa.Column("str_loci", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_dna_profiles_record_id", "dna_profiles", ["record_id"])
    op.create_table(
        "specimens",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("document_type", sa.String(length=24), nullable=False),
        sa.Column("series", sa.String(length=80), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_specimens_country", "specimens", ["country", "document_type"])
    op.create_table(
        "counterfeit_alerts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("document_type", sa.String(length=24), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_counterfeit_alerts_country", "counterfeit_alerts", ["country", "document_type"]
    )


def downgrade() -> None:
    op.drop_index("ix_counterfeit_alerts_country", table_name="counterfeit_alerts")
    op.drop_table("counterfeit_alerts")
    op.drop_index("ix_specimens_country", table_name="specimens")
    op.drop_table("specimens")
    op.drop_index("ix_dna_profiles_record_id", table_name="dna_profiles")
    op.drop_table("dna_profiles")
