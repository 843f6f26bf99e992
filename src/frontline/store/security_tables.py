"""Tables of issue 8: the audit chain's head and the owners' restrictions on records."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, String, Table

from frontline.store.tables import metadata

__all__ = ["audit_chain", "record_restrictions"]

# One row (id 1): the hash of the newest audit entry and how many entries were ever chained;
# after a purge, the anchor the oldest kept entry follows. Writers lock this row to chain.
audit_chain = Table(
    "audit_chain",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False),
    Column("length", BigInteger, nullable=False),
    Column("anchor_hash", String(64), nullable=False),
    Column("anchor_length", BigInteger, nullable=False),
    Column("purged_before", DateTime, nullable=True),
)

# A record its owner shows only to listed countries ("only") or hides from them ("except").
# Kept beside the record tables rather than in them: only the hit path reads it.
record_restrictions = Table(
    "record_restrictions",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("record_id", String(64), primary_key=True),
    Column("mode", String(8), nullable=False),
    Column("countries", String(400), nullable=False),
    Column("owner", String(3), nullable=False),
    Column("set_by", String(80), nullable=False),
    Column("set_at", DateTime, nullable=False),
)
