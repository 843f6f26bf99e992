"""Tables of issue 9, faces: one row per enrolled photo of a person record.

The descriptor (128 float32, little-endian: 512 bytes) is stored, never the photo: the
gallery is rebuilt from descriptors alone, and a photo kept would be one more copy of a
person's likeness to protect. ``photo_sha256`` only refuses the same file enrolled twice.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, LargeBinary, String, Table

from frontline.store.tables import metadata

__all__ = ["face_enrolments"]

face_enrolments = Table(
    "face_enrolments",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("record_id", String(64), nullable=False),
    Column("owner", String(3), nullable=False),
    Column("algorithm", String(40), nullable=False),
    Column("embedding", LargeBinary, nullable=False),
    Column("photo_sha256", String(64), nullable=False),
    Column("enrolled_at", DateTime, nullable=False),
    Column("enrolled_by", String(80), nullable=False),
    Index("ix_face_enrolments_record", "record_id", "photo_sha256", unique=True),
)
