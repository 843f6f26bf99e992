"""Manifests screened and their travellers: what a re-screening needs to raise only new hits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, bindparam, insert, select, update

from frontline.errors import NotFound
from frontline.store import tables
from frontline.store.codecs import naive_utc, utc
from frontline.store.database import write_transaction
from frontline.store.dialect import insert_rows

__all__ = ["ManifestStore", "StoredManifest", "StoredTraveller"]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredTraveller:
    position: int
    traveller: dict[str, Any]
    request: dict[str, Any]
    raised: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredManifest:
    id: str
    received_at: dt.datetime
    received_by: str
    country: str
    format: str
    reference: str | None
    flight: dict[str, Any] | None
    arrives_at: dt.datetime | None  # as the sender wrote it: the airport's local time
    travellers: int
    rescreened_at: dt.datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "received_at": self.received_at.isoformat(),
            "received_by": self.received_by,
            "country": self.country,
            "format": self.format,
            "reference": self.reference,
            "flight": self.flight,
            "arrives_at": self.arrives_at.isoformat() if self.arrives_at else None,
            "travellers": self.travellers,
            "rescreened_at": self.rescreened_at.isoformat() if self.rescreened_at else None,
        }


class ManifestStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, manifest: StoredManifest, travellers: Sequence[StoredTraveller]) -> None:
        """Keep a manifest and its travellers, in one write."""
        row = {
            "id": manifest.id,
            "received_at": naive_utc(manifest.received_at),
            "received_by": manifest.received_by,
            "country": manifest.country,
            "format": manifest.format,
            "reference": manifest.reference,
            "flight": manifest.flight,
            "arrives_at": manifest.arrives_at,
            "travellers": manifest.travellers,
            "rescreened_at": None,
        }
        rows = [
            {
                "manifest_id": manifest.id,
                "position": item.position,
                "traveller": item.traveller,
                "request": item.request,
                "raised": sorted(item.raised),
            }
            for item in travellers
        ]
        with write_transaction(self.engine) as connection:
            connection.execute(insert(tables.manifests), [row])
            if rows:
                insert_rows(connection, tables.manifest_travellers, rows)

    def get(self, manifest_id: str) -> tuple[StoredManifest, list[StoredTraveller]]:
        table, people = tables.manifests, tables.manifest_travellers
        with self.engine.connect() as connection:
            row = connection.execute(select(table).where(table.c.id == manifest_id)).first()
            if row is None:
                raise NotFound(f"no manifest {manifest_id}")
            found = connection.execute(
                select(people)
                .where(people.c.manifest_id == manifest_id)
                .order_by(people.c.position)
            ).all()
        return _manifest(row), [
            StoredTraveller(
                position=item.position,
                traveller=item.traveller,
                request=item.request,
                raised=frozenset(item.raised),
            )
            for item in found
        ]

    def record_raised(
        self, manifest_id: str, raised: Mapping[int, frozenset[str]], *, at: dt.datetime
    ) -> None:
        """After a re-screening: the record ids raised so far for each traveller."""
        people = tables.manifest_travellers
        with write_transaction(self.engine) as connection:
            connection.execute(
                update(tables.manifests)
                .where(tables.manifests.c.id == manifest_id)
                .values(rescreened_at=naive_utc(at))
            )
            if raised:
                connection.execute(
                    update(people)
                    .where(people.c.manifest_id == manifest_id)
                    .where(people.c.position == bindparam("p"))
                    .values(raised=bindparam("r")),
                    [{"p": position, "r": sorted(ids)} for position, ids in raised.items()],
                )


def _manifest(row: Any) -> StoredManifest:
    return StoredManifest(
        id=row.id,
        received_at=utc(row.received_at) or row.received_at,
        received_by=row.received_by,
        country=row.country,
        format=row.format,
        reference=row.reference,
        flight=row.flight,
        arrives_at=row.arrives_at,
        travellers=row.travellers,
        rescreened_at=utc(row.rescreened_at),
    )
