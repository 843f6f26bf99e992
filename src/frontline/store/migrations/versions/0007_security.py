"""audit chain, record restrictions (issue 8)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

Adds the audit trail's hash chain (``prev_hash``, ``hash`` and the one-row head
``audit_chain``) and chains the entries already there, oldest first; adds the owners'
per-record restrictions (``record_restrictions``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from frontline.store.audit_chain import GENESIS, entry_hash

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("audit", sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("anchor_hash", sa.String(length=64), nullable=False),
        sa.Column("anchor_length", sa.BigInteger(), nullable=False),
        sa.Column("purged_before", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "record_restrictions",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("countries", sa.String(length=400), nullable=False),
        sa.Column("owner", sa.String(length=3), nullable=False),
        sa.Column("set_by", sa.String(length=80), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id"),
    )
    _chain_existing_entries()


def _chain_existing_entries() -> None:
    """Chain the entries written before the chain existed, oldest first, and start the head
    on the newest (typed columns, so the JSON and times read back as the writers stored them)."""
    json_columns = ("query", "record_ids", "result")
    audit = sa.table(
        "audit",
        sa.column("seq", sa.Integer()),
        sa.column("at", sa.DateTime()),
        *(sa.column(name, sa.JSON()) for name in json_columns),
        *(sa.column(name) for name in _PLAIN),
    )
    connection = op.get_bind()
    previous, length = GENESIS, 0
    for row in connection.execute(sa.select(audit).order_by(audit.c.seq)).all():
        new = entry_hash(previous, row)
        connection.execute(
            sa.update(audit).where(audit.c.seq == row.seq).values(prev_hash=previous, hash=new)
        )
        previous, length = new, length + 1
    head = sa.table("audit_chain", *(sa.column(name) for name in _HEAD))
    connection.execute(
        sa.insert(head).values(
            id=1, hash=previous, length=length, anchor_hash=GENESIS, anchor_length=0
        )
    )


_PLAIN = (
    *("user_id", "user_name", "role", "country", "event", "check_id", "verdict"),
    *("operation_id", "border_point", "prev_hash", "hash"),
)
_HEAD = ("id", "hash", "length", "anchor_hash", "anchor_length")


def downgrade() -> None:
    op.drop_table("record_restrictions")
    op.drop_table("audit_chain")
    op.drop_column("audit", "hash")
    op.drop_column("audit", "prev_hash")
