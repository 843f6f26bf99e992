"""An import's SQLite connection takes a large page cache and gives it back: pooled
connections keep a small one, so a long-running server does not grow by a cache per
connection (bench_soak measured 1 MiB a second with 128 MiB each)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Connection

from frontline.domain.records import RecordKind
from frontline.records.kinds import build_row
from frontline.records.writers import InlineWriter
from frontline.store.database import make_engine, migrate
from frontline.store.repository import RecordStore
from tests.factories import document

NOW = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)


def _cache_kib(connection: Connection) -> int:
    return int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one())


def test_an_import_connection_has_a_large_cache_and_the_pool_gets_a_small_one_back(
    tmp_path: Path,
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'frontline.db'}")
    migrate(engine)
    with engine.connect() as ordinary:
        assert _cache_kib(ordinary) == -16384
    writer = InlineWriter(RecordStore(engine), RecordKind.DOCUMENTS, NOW)
    assert _cache_kib(writer._connection) == -131072
    writer.send([build_row(RecordKind.DOCUMENTS, document(f"CACHE{n:04d}")) for n in range(50)])
    assert writer.commit() == 50
    # The pool hands back the same connection (SQLite file engines pool them): small again.
    with engine.connect() as returned:
        assert _cache_kib(returned) == -16384
        assert returned.exec_driver_sql("SELECT count(*) FROM documents").scalar_one() == 50
    engine.dispose()
