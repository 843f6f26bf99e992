"""Tables of issue 9's references: DNA profiles enrolled to person records, specimens of
genuine documents and counterfeit alerts (migration 0009 creates exactly these)."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, Index, Integer, String, Table

from frontline.store.tables import metadata

__all__ = ["counterfeit_alerts", "dna_profiles", "specimens"]

dna_profiles = Table(
    "dna_profiles",
    metadata,
    # seq orders enrolments: each search index reads the rows past the last seq it holds.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("record_id", String(64), nullable=False),
    Column("owner", String(3), nullable=False),
    Column("loci", JSON, nullable=False),
    Column("str_loci", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(80), nullable=False),
    Index("ix_dna_profiles_record_id", "record_id"),
)

specimens = Table(
    "specimens",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("owner", String(3), nullable=False),
    Column("country", String(3), nullable=False),
    Column("document_type", String(24), nullable=False),
    Column("series", String(80), nullable=False),
    Column("valid_from", Date, nullable=False),
    Column("body", JSON, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_specimens_country", "country", "document_type"),
)

counterfeit_alerts = Table(
    "counterfeit_alerts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("owner", String(3), nullable=False),
    Column("country", String(3), nullable=False),
    Column("document_type", String(24), nullable=False),
    Column("issued_on", Date, nullable=False),
    Column("body", JSON, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_counterfeit_alerts_country", "country", "document_type"),
)
