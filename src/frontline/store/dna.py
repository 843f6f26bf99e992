"""The DNA profiles table: enrolments written with their audit entry, read back in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from frontline.errors import NotFound
from frontline.store.codecs import naive_utc, utc
from frontline.store.reference_tables import dna_profiles

__all__ = ["DnaStore", "StoredProfile"]


@dataclass(frozen=True, slots=True)
class StoredProfile:
    """One enrolled profile as stored: ``loci`` is the read profile's ``as_dict``."""

    seq: int
    id: str
    record_id: str
    owner: str
    loci: dict[str, list[str]]
    created_at: dt.datetime
    created_by: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "record_id": self.record_id,
            "owner": self.owner,
            "loci": self.loci,
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "created_by": self.created_by,
        }


class DnaStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @staticmethod
    def insert_in(connection: Connection, row: dict[str, Any]) -> None:
        """Write one profile inside the caller's transaction (the one of its audit entry)."""
        connection.execute(
            insert(dna_profiles), [{**row, "created_at": naive_utc(row["created_at"])}]
        )

    def get(self, profile_id: str) -> StoredProfile:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(dna_profiles).where(dna_profiles.c.id == profile_id)
            ).first()
        if row is None:
            raise NotFound(f"no DNA profile {profile_id}")
        return _profile(row._mapping)

    def by_ids(self, ids: Iterable[str]) -> dict[str, StoredProfile]:
        wanted = list(ids)
        if not wanted:
            return {}
        with self.engine.connect() as connection:
            rows = connection.execute(select(dna_profiles).where(dna_profiles.c.id.in_(wanted)))
            return {row.id: _profile(row._mapping) for row in rows}

    def for_record(self, record_id: str) -> list[StoredProfile]:
        """The profiles enrolled to a person record, oldest first."""
        query = (
            select(dna_profiles)
            .where(dna_profiles.c.record_id == record_id)
            .order_by(dna_profiles.c.seq)
        )
        with self.engine.connect() as connection:
            return [_profile(row._mapping) for row in connection.execute(query)]

    def last_seq(self) -> int:
        with self.engine.connect() as connection:
            found = connection.execute(select(func.max(dna_profiles.c.seq))).scalar()
        return int(found or 0)

    def after(self, seq: int, *, batch: int = 50_000) -> Iterator[list[StoredProfile]]:
        """Profiles enrolled after ``seq``, in order, a batch at a time."""
        while True:
            query = (
                select(dna_profiles)
                .where(dna_profiles.c.seq > seq)
                .order_by(dna_profiles.c.seq)
                .limit(batch)
            )
            with self.engine.connect() as connection:
                rows = [_profile(row._mapping) for row in connection.execute(query)]
            if not rows:
                return
            yield rows
            seq = rows[-1].seq


def _profile(row: Any) -> StoredProfile:
    return StoredProfile(
        seq=row["seq"],
        id=row["id"],
        record_id=row["record_id"],
        owner=row["owner"],
        loci=dict(row["loci"]),
        created_at=utc(row["created_at"]) or row["created_at"],
        created_by=row["created_by"],
    )
