"""The table of removed biometric data (migration 0011): one row per face enrolment or DNA
profile taken off a person record, naming it and why, holding nothing biometric.

``seq`` orders removals: each server process reads the rows past the last ``seq`` it holds
and drops those items from its face gallery or DNA index, as it reads new enrolments.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table

from frontline.domain.removals import MAX_REMOVAL_REASON
from frontline.store.tables import metadata

__all__ = ["biometric_removals"]

biometric_removals = Table(
    "biometric_removals",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("kind", String(8), nullable=False),
    Column("item_id", String(40), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("owner", String(3), nullable=False),
    Column("removed_at", DateTime, nullable=False),
    Column("removed_by", String(80), nullable=False),
    Column("reason", String(MAX_REMOVAL_REASON), nullable=False),
    Index("ix_biometric_removals_record", "record_id"),
)
