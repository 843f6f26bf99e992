"""cases, outbox, webhooks, operations, standing access; checks carry their operation

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("operation_id", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("border_point", sa.String(length=16), nullable=True))
        batch_op.create_index("ix_audit_operation", ["operation_id", "seq"], unique=False)
    _cases()
    _outbox()
    _operations()
    op.create_table(
        "country_databases",
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("databases", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("country"),
    )


def _cases() -> None:
    op.create_table(
        "cases",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("check_id", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("database", sa.String(length=16), nullable=False),
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("record_owner", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("is_possible", sa.Integer(), nullable=False),
        sa.Column("checking_country", sa.String(length=3), nullable=False),
        sa.Column("checked_by", sa.String(length=80), nullable=False),
        sa.Column("operation_id", sa.String(length=40), nullable=True),
        sa.Column("border_point", sa.String(length=16), nullable=True),
        sa.Column("subject", sa.JSON(), nullable=False),
        sa.Column("hit", sa.JSON(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("rid"),
        sa.UniqueConstraint("id"),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_check_id", ["check_id"], unique=False)
        batch_op.create_index("ix_cases_owner", ["record_owner", "rid"], unique=False)
        batch_op.create_index("ix_cases_checking", ["checking_country", "rid"], unique=False)
        batch_op.create_index("ix_cases_operation", ["operation_id", "rid"], unique=False)
        batch_op.create_index("ix_cases_due", ["state", "due_at"], unique=False)
    op.create_table(
        "case_events",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("actor_country", sa.String(length=3), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=True),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.create_index("ix_case_events_case_id", ["case_id"], unique=False)


def _outbox() -> None:
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("receiver", sa.String(length=3), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("case_id", sa.String(length=40), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("event_id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_due", ["state", "next_attempt_at"], unique=False)
        batch_op.create_index("ix_outbox_receiver", ["receiver", "seq"], unique=False)
    op.create_table(
        "webhooks",
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("secret", sa.String(length=100), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("country"),
    )


def _operations() -> None:
    op.create_table(
        "operations",
        sa.Column("rid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("host_country", sa.String(length=3), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("crime_areas", sa.JSON(), nullable=False),
        sa.Column("databases", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("rid"),
        sa.UniqueConstraint("id"),
    )
    op.create_table(
        "operation_border_points",
        sa.Column("operation_id", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("type", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("operation_id", "code"),
    )
    op.create_table(
        "operation_participants",
        sa.Column("operation_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("operation_id", "kind", "name"),
    )


def downgrade() -> None:
    for table in (
        "country_databases",
        "operation_participants",
        "operation_border_points",
        "operations",
        "webhooks",
        "outbox",
        "case_events",
        "cases",
    ):
        op.drop_table(table)
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_operation")
        batch_op.drop_column("border_point")
        batch_op.drop_column("operation_id")
