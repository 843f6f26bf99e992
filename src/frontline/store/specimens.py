"""Specimens and counterfeit alerts: written all or nothing, read whole (they are few)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, delete, func, insert, select

from frontline.domain.specimens import (
    Alert,
    Specimen,
    alert_as_dict,
    parse_alert,
    parse_specimen,
    specimen_as_dict,
)
from frontline.errors import NotFound
from frontline.store.codecs import naive_utc
from frontline.store.database import write_transaction
from frontline.store.reference_tables import counterfeit_alerts, specimens

__all__ = ["SpecimenStore"]


class SpecimenStore:
    def __init__(self, engine: Any) -> None:
        self.engine = engine

    def write(self, items: Sequence[Specimen | Alert], *, now: dt.datetime) -> tuple[int, int]:
        """Insert or replace (by id) specimens and alerts in one transaction; return how
        many of each were written."""
        stamp = naive_utc(now)
        found = [item for item in items if isinstance(item, Specimen)]
        alerts = [item for item in items if isinstance(item, Alert)]
        with write_transaction(self.engine) as connection:
            for table, rows in (
                (specimens, _specimen_rows(found)),
                (counterfeit_alerts, _alert_rows(alerts)),
            ):
                if not rows:
                    continue
                connection.execute(delete(table).where(table.c.id.in_([r["id"] for r in rows])))
                connection.execute(insert(table), [{**row, "updated_at": stamp} for row in rows])
        return len(found), len(alerts)

    def owners(self, table_name: str, ids: Sequence[str]) -> dict[str, str]:
        table = _TABLES[table_name]
        with self.engine.connect() as connection:
            rows = connection.execute(select(table.c.id, table.c.owner).where(table.c.id.in_(ids)))
            return {row.id: row.owner for row in rows}

    def specimens(
        self, *, country: str | None = None, document_type: str | None = None
    ) -> list[Specimen]:
        rows = self._rows(specimens, country, document_type, specimens.c.valid_from)
        return [parse_specimen(row.body, owner=row.owner) for row in rows]

    def alerts(
        self, *, country: str | None = None, document_type: str | None = None
    ) -> list[Alert]:
        rows = self._rows(
            counterfeit_alerts, country, document_type, counterfeit_alerts.c.issued_on
        )
        return [parse_alert(row.body, owner=row.owner) for row in rows]

    def specimen(self, specimen_id: str) -> Specimen:
        row = self._one(specimens, specimen_id, "specimen")
        return parse_specimen(row.body, owner=row.owner)

    def alert(self, alert_id: str) -> Alert:
        row = self._one(counterfeit_alerts, alert_id, "counterfeit alert")
        return parse_alert(row.body, owner=row.owner)

    def stamp(self) -> tuple[Any, ...]:
        """Changes when any specimen or alert is written: counts and latest write times."""
        with self.engine.connect() as connection:
            return tuple(
                connection.execute(
                    select(func.count(), func.max(table.c.updated_at)).select_from(table)
                ).one()
                for table in (specimens, counterfeit_alerts)
            )

    def _rows(self, table: Table, country: str | None, kind: str | None, order: Any) -> list[Any]:
        query = select(table).order_by(table.c.country, table.c.document_type, order, table.c.id)
        if country:
            query = query.where(table.c.country == country)
        if kind:
            query = query.where(table.c.document_type == kind)
        with self.engine.connect() as connection:
            return list(connection.execute(query))

    def _one(self, table: Table, identifier: str, what: str) -> Any:
        with self.engine.connect() as connection:
            row = connection.execute(select(table).where(table.c.id == identifier)).first()
        if row is None:
            raise NotFound(f"no {what} {identifier}")
        return row


_TABLES = {"specimens": specimens, "alerts": counterfeit_alerts}


def _specimen_rows(items: Sequence[Specimen]) -> list[dict[str, Any]]:
    return [
        {
            "id": item.id,
            "owner": item.owner,
            "country": item.country,
            "document_type": item.document_type.value,
            "series": item.series,
            "valid_from": item.valid_from,
            "body": specimen_as_dict(item),
        }
        for item in items
    ]


def _alert_rows(items: Sequence[Alert]) -> list[dict[str, Any]]:
    return [
        {
            "id": item.id,
            "owner": item.owner,
            "country": item.country,
            "document_type": item.document_type.value,
            "issued_on": item.issued_on,
            "body": alert_as_dict(item),
        }
        for item in items
    ]
