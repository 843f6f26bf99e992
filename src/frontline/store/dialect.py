"""The one place where SQLite and PostgreSQL differ in the statements Frontline writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

__all__ = ["upsert_statement"]


def upsert_statement(connection: Connection, table: Table, *, keep: frozenset[str]) -> Any:
    """INSERT ... ON CONFLICT (id) DO UPDATE for every column but the key and ``keep``."""
    insert = sqlite_insert if connection.dialect.name == "sqlite" else pg_insert
    statement = insert(table)
    excluded = statement.excluded
    update = {
        column.name: excluded[column.name]
        for column in table.columns
        if column.name not in keep and column.name not in ("rid", "id")
    }
    return statement.on_conflict_do_update(index_elements=["id"], set_=update)
