"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("check_id", sa.String(length=40), nullable=True),
        sa.Column("query", sa.JSON(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.Column("record_ids", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_check_id"), ["check_id"], unique=False)

    op.create_table(
        "documents",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("issuing_country", sa.String(length=3), nullable=False),
        sa.Column("country_key", sa.String(length=3), nullable=False),
        sa.Column("type", sa.String(length=24), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=35), nullable=True),
        sa.Column("number_key", sa.String(length=35), nullable=True),
        sa.Column("number_from", sa.String(length=35), nullable=True),
        sa.Column("number_to", sa.String(length=35), nullable=True),
        sa.Column("range_prefix", sa.String(length=35), nullable=True),
        sa.Column("range_start", sa.BigInteger(), nullable=True),
        sa.Column("range_end", sa.BigInteger(), nullable=True),
        sa.Column("range_width", sa.Integer(), nullable=True),
        sa.Column("reported_at", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("rid"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_documents_number_key", ["number_key", "country_key"], unique=False
        )
        batch_op.create_index(
            "ix_documents_range",
            ["country_key", "range_prefix", "range_width", "range_start"],
            unique=False,
            sqlite_where=sa.text("range_start IS NOT NULL"),
            postgresql_where=sa.text("range_start IS NOT NULL"),
        )
        batch_op.create_index("ix_documents_version", ["version", "rid"], unique=False)

    op.create_table(
        "firearms",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("serial_key", sa.String(length=40), nullable=False),
        sa.Column("make", sa.String(length=80), nullable=False),
        sa.Column("model", sa.String(length=80), nullable=False),
        sa.Column("calibre", sa.String(length=40), nullable=False),
        sa.Column("firearm_type", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("rid"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("firearms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_firearms_serial_key"), ["serial_key"], unique=False)
        batch_op.create_index("ix_firearms_version", ["version", "rid"], unique=False)

    op.create_table(
        "frontline_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "person_documents",
        sa.Column("person_rid", sa.Integer(), nullable=False),
        sa.Column("number_key", sa.String(length=35), nullable=False),
        sa.Column("country_key", sa.String(length=3), nullable=False),
    )
    with op.batch_alter_table("person_documents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_person_documents_key", ["number_key", "country_key"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_documents_person_rid"), ["person_rid"], unique=False
        )

    op.create_table(
        "persons",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("nationalities", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("rid"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index("ix_persons_version", ["version", "rid"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "vehicles",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("vin", sa.String(length=17), nullable=True),
        sa.Column("plate", sa.String(length=15), nullable=True),
        sa.Column("plate_country", sa.String(length=3), nullable=True),
        sa.Column("plate_key", sa.String(length=20), nullable=True),
        sa.Column("make", sa.String(length=80), nullable=False),
        sa.Column("model", sa.String(length=80), nullable=False),
        sa.Column("colour", sa.String(length=40), nullable=False),
        sa.Column("engine_number", sa.String(length=40), nullable=True),
        sa.Column("parts_numbers", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("rid"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vehicles_engine_number"), ["engine_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vehicles_plate_key"), ["plate_key"], unique=False)
        batch_op.create_index("ix_vehicles_version", ["version", "rid"], unique=False)
        batch_op.create_index(batch_op.f("ix_vehicles_vin"), ["vin"], unique=False)

    op.create_table(
        "vessels",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("imo", sa.String(length=7), nullable=True),
        sa.Column("hull_id", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("engine_serials", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("rid"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("vessels", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vessels_hull_id"), ["hull_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vessels_imo"), ["imo"], unique=False)
        batch_op.create_index("ix_vessels_version", ["version", "rid"], unique=False)
    op.bulk_insert(
        sa.table(
            "frontline_settings", sa.column("key", sa.String), sa.column("value", sa.BigInteger)
        ),
        [{"key": "version", "value": 0}],
    )


def downgrade() -> None:
    with op.batch_alter_table("vessels", schema=None) as batch_op:
        batch_op.drop_index("ix_vessels_version")
        batch_op.drop_index(batch_op.f("ix_vessels_imo"))
        batch_op.drop_index(batch_op.f("ix_vessels_hull_id"))

    op.drop_table("vessels")
    with op.batch_alter_table("vehicles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vehicles_vin"))
        batch_op.drop_index("ix_vehicles_version")
        batch_op.drop_index(batch_op.f("ix_vehicles_plate_key"))
        batch_op.drop_index(batch_op.f("ix_vehicles_engine_number"))

    op.drop_table("vehicles")
    op.drop_table("users")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index("ix_persons_version")

    op.drop_table("persons")
    with op.batch_alter_table("person_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_documents_person_rid"))
        batch_op.drop_index("ix_person_documents_key")

    op.drop_table("person_documents")
    op.drop_table("frontline_settings")
    with op.batch_alter_table("firearms", schema=None) as batch_op:
        batch_op.drop_index("ix_firearms_version")
        batch_op.drop_index(batch_op.f("ix_firearms_serial_key"))

    op.drop_table("firearms")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index("ix_documents_version")
        batch_op.drop_index("ix_documents_range")
        batch_op.drop_index("ix_documents_number_key")

    op.drop_table("documents")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_check_id"))
        batch_op.drop_index(batch_op.f("ix_audit_at"))

    op.drop_table("audit")
