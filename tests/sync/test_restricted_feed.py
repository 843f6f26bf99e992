"""A record its owner restricted goes into no offline file: files are cut per scope, and
any node, of any country, may hold them."""

from __future__ import annotations

import gzip
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from frontline.domain.records import RecordKind
from frontline.records.kinds import build_row
from frontline.services import Services
from frontline.settings import Settings
from frontline.store import tables
from frontline.store.database import make_engine
from frontline.sync.feed import Feed, Scope
from frontline.sync.node import Node
from frontline.sync.sealing import NodeKey
from frontline.sync.signing import ServerKey
from frontline.sync.working import database_url, ensure_working_copy
from tests.factories import document, person, principal
from tests.sync.test_feed import _seal, add, lines_in, records_in

BUREAU = principal("bureau", "FRA", "bureau-fra")


@pytest.fixture
def feed(services: Services, tmp_path: Path) -> Feed:
    """A feed that compacts only past 100 changes: these tests read its deltas."""
    return Feed(
        store=services.store,
        key=ServerKey.in_folder(tmp_path / "key"),
        folder=tmp_path / "sync",
        clock=services.clock,
        compact_records=100,
    )


def test_restricted_records_stay_out_of_snapshots_and_deltas(
    services: Services, feed: Feed
) -> None:
    add(services, document("AA1111111", id="d-1"), document("AA2222222", id="d-2"))
    people = [build_row(RecordKind.PERSONS, person("Jean Dupont", owner="FRA", id="p-1"))]
    services.store.upsert(RecordKind.PERSONS, people, now=services.clock())
    for kind, record_id in ((RecordKind.DOCUMENTS, "d-2"), (RecordKind.PERSONS, "p-1")):
        services.records.restrict(principal=BUREAU, kind=kind, record_id=record_id, only=["DEU"])
    first = feed.manifest(scope=Scope(), since=0)
    (snapshot,) = first["files"]
    assert [record["id"] for record in records_in(feed, snapshot)] == ["d-1"]

    add(services, document("AA3333333", id="d-3"))
    services.records.restrict(
        principal=BUREAU, kind=RecordKind.DOCUMENTS, record_id="d-3", hidden_from=["RUS"]
    )
    add(services, document("AA4444444", id="d-4"))
    (delta,) = feed.manifest(scope=Scope(), since=first["version"])["files"]
    assert [record["id"] for record in records_in(feed, delta)] == ["d-4"]
    # d-3 was restricted after it was written: the delta withdraws it by its id alone.
    assert {"kind": "documents", "withdraw": "d-3"} in lines_in(feed, delta)
    assert b"AA3333333" not in gzip.decompress((feed.folder / delta["name"]).read_bytes())


def test_a_record_restricted_after_a_node_took_it_stops_hitting_there_and_comes_back_when_lifted(
    services: Services, feed: Feed, tmp_path: Path
) -> None:
    add(services, document("AA1111111", id="d-1"), document("AA2222222", id="d-2"))
    node = Node(Settings(node_dir=tmp_path / "node", node_runtime_dir=tmp_path / "ram"))
    key = NodeKey(os.urandom(32))
    first = feed.manifest(scope=Scope(), since=0)
    _seal(node, key, feed, first["files"])
    state: dict[str, Any] = {"node_id": "node_0123456789abcdef"}
    state["copy"] = {"version": first["version"], "generation": 1, "files": first["files"]}
    working = ensure_working_copy(node, state, key)

    def states() -> dict[str, str]:
        engine = make_engine(database_url(working))
        try:
            with engine.connect() as connection:
                rows = connection.execute(select(tables.documents.c.id, tables.documents.c.state))
                return {row[0]: row[1] for row in rows}
        finally:
            engine.dispose()

    def sync() -> None:
        manifest = feed.manifest(scope=Scope(), since=state["copy"]["version"])
        _seal(node, key, feed, manifest["files"])
        state["copy"]["files"] += manifest["files"]
        state["copy"]["version"] = manifest["version"]
        ensure_working_copy(node, state, key)

    assert states() == {"d-1": "active", "d-2": "active"}
    services.records.restrict(
        principal=BUREAU, kind=RecordKind.DOCUMENTS, record_id="d-2", hidden_from=["RUS"]
    )
    sync()
    assert states() == {"d-1": "active", "d-2": "cancelled"}  # no hit on this node now
    services.records.unrestrict(principal=BUREAU, kind=RecordKind.DOCUMENTS, record_id="d-2")
    sync()
    assert states() == {"d-1": "active", "d-2": "active"}
