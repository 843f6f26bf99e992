"""Wiring: settings -> engine -> migrated schema -> stores -> use cases. One per process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from frontline.hits.cache import SuppressionCache
from frontline.hits.suppressions import Suppressions
from frontline.records.service import Records
from frontline.screening.index import IndexedSource
from frontline.screening.service import Screening
from frontline.screening.sql import SqlCandidates
from frontline.settings import Settings
from frontline.store.audit import AuditLog
from frontline.store.database import make_engine, migrate
from frontline.store.repository import RecordStore
from frontline.store.suppressions import SuppressionStore
from frontline.store.users import UserStore

__all__ = ["Services", "open_services", "utc_now"]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(slots=True)
class Services:
    """Everything a front door (API, CLI) calls; built once by ``open_services``."""

    settings: Settings
    engine: Engine
    store: RecordStore
    users: UserStore
    audit: AuditLog
    screening: Screening
    records: Records
    suppression_store: SuppressionStore
    suppression_cache: SuppressionCache  # checks ask it to drop hits decided false
    suppressions: Suppressions
    index: IndexedSource | None
    clock: Callable[[], dt.datetime]

    def close(self) -> None:
        self.store.close()


def open_services(
    settings: Settings,
    *,
    use_index: bool = True,
    clock: Callable[[], dt.datetime] = utc_now,
) -> Services:
    """Open (and migrate) the database; with ``use_index`` build the memory index.

    One-shot CLI checks pass ``use_index=False`` and query SQL directly, rather than load
    every key for a single question.
    """
    engine = make_engine(settings.resolved_database_url())
    migrate(engine)
    store = RecordStore(engine)
    audit = AuditLog(engine)
    index: IndexedSource | None = None
    source: IndexedSource | SqlCandidates
    if use_index:
        index = IndexedSource(store, refresh_seconds=settings.index_refresh_seconds, clock=clock)
        index.refresh()
        source = index
    else:
        source = SqlCandidates(store, clock=clock)
    on_write = index.refresh if index is not None else (lambda: 0)
    suppression_store = SuppressionStore(engine)
    suppression_cache = SuppressionCache(
        suppression_store, refresh_seconds=settings.index_refresh_seconds
    )
    return Services(
        settings=settings,
        engine=engine,
        store=store,
        users=UserStore(engine),
        audit=audit,
        screening=Screening(
            records=store,
            audit=audit,
            source=source,
            clock=clock,
            suppressions=suppression_cache,
        ),
        records=Records(store=store, clock=clock, on_write=on_write),
        suppression_store=suppression_store,
        suppression_cache=suppression_cache,
        suppressions=Suppressions(
            store=suppression_store, records=store, cache=suppression_cache, clock=clock
        ),
        index=index,
        clock=clock,
    )
