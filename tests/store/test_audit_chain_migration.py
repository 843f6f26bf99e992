"""Migration 0007 chains the audit entries written before the chain existed."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import JSON, DateTime, column, insert, table

from frontline.store.audit_chain import verify_chain
from frontline.store.database import _alembic_config, make_engine, write_transaction

_COLUMNS = ("at", "user_id", "user_name", "role", "country", "event", "check_id")
_COLUMNS += ("query", "verdict", "record_ids", "result", "operation_id", "border_point")


def test_entries_older_than_the_chain_are_chained_by_the_migration(database_url: str) -> None:
    engine = make_engine(database_url)
    with write_transaction(engine) as connection:
        command.upgrade(_alembic_config(connection), "0006")
    old_audit = table(
        "audit",
        *(column(name) for name in _COLUMNS if name not in {"at", "query", "record_ids", "result"}),
        column("at", DateTime()),
        *(column(name, JSON()) for name in ("query", "record_ids", "result")),
    )
    at = dt.datetime(2025, 3, 1, 12, 30, 15, 123456)
    rows = [
        {
            "at": at + dt.timedelta(seconds=n),
            "user_id": 1,
            "user_name": "officer-1",
            "role": "officer",
            "country": "FRA",
            "event": "check",
            "check_id": f"chk_{n}",
            "query": {"document": {"number": "Ж1", "country": "RUS"}, "score": 0.1 * n},
            "verdict": "hit" if n % 2 else "no_hit",
            "record_ids": ["DOC-1"] if n % 2 else [],
            "result": {"hits": [], "warnings": []},
            "operation_id": None,
            "border_point": None,
        }
        for n in range(5)
    ]
    with write_transaction(engine) as connection:
        connection.execute(insert(old_audit), rows)
        command.upgrade(_alembic_config(connection), "head")
    report = verify_chain(engine)
    engine.dispose()
    assert report.is_intact, report.problems
    assert report.entries == 5
