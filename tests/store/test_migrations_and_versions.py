"""The schema migrates on both databases, and every write takes versions in order."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import frontline.store
from frontline.domain.records import RecordKind, RecordState
from frontline.records.kinds import build_row
from frontline.services import Services
from frontline.store.database import make_engine, migrate, schema_revision
from frontline.store.repository import RecordStore
from tests.factories import document


def test_a_fresh_database_is_migrated_to_head_and_migrating_again_is_a_no_op(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    assert schema_revision(engine) is None
    migrate(engine)
    migrate(engine)
    versions = Path(frontline.store.__file__).parent / "migrations" / "versions"
    head = max(path.name[:4] for path in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))
    assert schema_revision(engine) == head
    engine.dispose()


def test_each_write_takes_the_next_version_and_the_feed_returns_writes_in_order(
    services: Services,
) -> None:
    store = services.store
    rows = [build_row(RecordKind.DOCUMENTS, document(f"X{n}", id=f"DOC-{n}")) for n in range(3)]
    store.upsert(RecordKind.DOCUMENTS, rows, now=services.clock())
    store.set_state(RecordKind.DOCUMENTS, "DOC-0", RecordState.CANCELLED, now=services.clock())
    feed = _feed(store, since=0)
    assert [(row[4], row[1]) for row in feed] == [("X1", 1), ("X2", 1), ("X0", 2)]
    assert feed[-1][2] == "cancelled"
    assert store.current_version() == 2
    assert [row[4] for row in _feed(store, since=1)] == ["X0"]


def test_the_feed_pages_through_one_big_write_without_losing_a_row(services: Services) -> None:
    rows = [build_row(RecordKind.DOCUMENTS, document(f"X{n}", id=f"DOC-{n}")) for n in range(25)]
    services.store.upsert(RecordKind.DOCUMENTS, rows, now=services.clock())
    feed = _feed(services.store, since=0, batch=4)
    assert sorted(row[4] for row in feed) == sorted(f"X{n}" for n in range(25))


def _feed(store: RecordStore, *, since: int, batch: int = 50_000) -> list[Sequence[Any]]:
    """The change feed of documents since ``since``: (rid, version, state, expires_at, number)."""
    batches = store.changed_batches(
        RecordKind.DOCUMENTS, since=since, columns=("number",), batch=batch
    )
    return [row for rows in batches for row in rows]


def test_an_update_keeps_created_at_and_moves_updated_at(services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    store = services.store
    row = build_row(RecordKind.DOCUMENTS, document("X1", id="DOC-1"))
    store.upsert(RecordKind.DOCUMENTS, [row], now=clock())
    first = store.get(RecordKind.DOCUMENTS, "DOC-1")
    clock.advance(hours=1)
    store.upsert(RecordKind.DOCUMENTS, [row], now=clock())
    second = store.get(RecordKind.DOCUMENTS, "DOC-1")
    assert second.created_at == first.created_at
    assert second.updated_at == clock()
    assert second.version > first.version


def test_the_index_sees_writes_made_by_another_process(
    services: Services, database_url: str
) -> None:
    from frontline.records.keys import document_key
    from frontline.screening.probes import Probe
    from frontline.store.repository import RecordStore

    other = RecordStore(make_engine(database_url))
    other.upsert(
        RecordKind.DOCUMENTS,
        [build_row(RecordKind.DOCUMENTS, document("Z9", id="D"))],
        now=services.clock(),
    )
    assert services.index is not None
    services.index.ensure_fresh()
    assert services.index.candidates(Probe.DOCUMENT, document_key("Z9", "FRA")) != ()
    other.engine.dispose()
