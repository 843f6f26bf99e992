"""The server side of sync on both databases: the files a node is sent, and uploads."""

from __future__ import annotations

import gzip
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select

from frontline.domain.records import RecordKind, RecordState
from frontline.errors import InvalidInput, NotReady, StorageFailed
from frontline.records.kinds import build_row
from frontline.services import Services
from frontline.settings import Settings
from frontline.store import tables
from frontline.store.codecs import record_to_dict
from frontline.store.database import make_engine
from frontline.store.repository import RecordStore
from frontline.sync.feed import RETRY_AFTER, Feed, Scope, entry_message, manifest_message
from frontline.sync.node import Node
from frontline.sync.sealing import NodeKey
from frontline.sync.signing import ServerKey, verify
from frontline.sync.uploads import OfflineUploads
from frontline.sync.working import database_url, ensure_working_copy, synced_version
from tests.conftest import FrozenClock
from tests.factories import OFFICER, blank_range, document
from tests.factories import person as factory_person


@pytest.fixture
def feed(services: Services, tmp_path: Path) -> Feed:
    return Feed(
        store=services.store,
        key=ServerKey.in_folder(tmp_path / "key"),
        folder=tmp_path / "sync",
        clock=services.clock,
        compact_records=3,
    )


def lines_in(feed: Feed, entry: dict[str, Any]) -> list[dict[str, Any]]:
    lines = gzip.decompress((feed.folder / entry["name"]).read_bytes()).splitlines()
    return [orjson.loads(line) for line in lines[1:]]


def records_in(feed: Feed, entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [item["record"] for item in lines_in(feed, entry) if "record" in item]


def add(services: Services, *rows: dict[str, Any]) -> None:
    built = [build_row(RecordKind.DOCUMENTS, row) for row in rows]
    services.store.upsert(RecordKind.DOCUMENTS, built, now=services.clock())


def test_a_new_node_gets_a_signed_snapshot_then_deltas_that_carry_cancellations(
    services: Services, feed: Feed
) -> None:
    add(services, document("AA1111111", id="d-1"), document("AA2222222", id="d-2"))
    first = feed.manifest(scope=Scope(), since=0)
    assert verify(feed.key.public_text, manifest_message(first), first["signature"])
    (snapshot,) = first["files"]
    assert verify(feed.key.public_text, entry_message(snapshot), snapshot["signature"])
    assert snapshot["type"] == "snapshot"
    assert sorted(r["id"] for r in records_in(feed, snapshot)) == ["d-1", "d-2"]
    assert feed.manifest(scope=Scope(), since=first["version"])["files"] == []

    services.store.set_state(
        RecordKind.DOCUMENTS, "d-1", RecordState.CANCELLED, now=services.clock()
    )
    (delta,) = feed.manifest(scope=Scope(), since=first["version"])["files"]
    assert delta["type"] == "delta"
    assert [(r["id"], r["state"]) for r in records_in(feed, delta)] == [("d-1", "cancelled")]


def test_a_node_behind_the_compacted_snapshot_reloads_in_full(
    services: Services, feed: Feed
) -> None:
    add(services, document("AA1111111", id="d-1"))
    old = feed.manifest(scope=Scope(), since=0)
    for n in range(4):  # more than compact_records since the base: a new snapshot is cut
        add(services, document(f"BB{n:07d}", id=f"e-{n}"))
    fresh = feed.manifest(scope=Scope(), since=0)
    (snapshot,) = fresh["files"]
    assert snapshot["to"] > old["version"]
    assert not (feed.folder / old["files"][0]["name"]).exists()  # compacted away
    behind = feed.manifest(scope=Scope(), since=old["version"] - 1 if old["version"] > 1 else 0)
    assert [entry["type"] for entry in behind["files"]] == ["snapshot"]
    assert records_in(feed, snapshot)[0]["id"] == "d-1"


def test_a_subset_holds_one_owner_and_a_bad_scope_is_refused(
    services: Services, feed: Feed
) -> None:
    add(
        services, document("AA1111111", id="fr", owner="FRA"), document("AA2", id="de", owner="DEU")
    )
    (entry,) = feed.manifest(scope=Scope.parse("documents", "DEU"), since=0)["files"]
    assert [r["id"] for r in records_in(feed, entry)] == ["de"]
    with pytest.raises(InvalidInput):
        Scope.parse("documents,notices", None)
    with pytest.raises(InvalidInput):
        feed.path_of("../frontline.db")


def _item(seq: int, *, hit: bool) -> dict[str, Any]:
    hits = (
        [
            {
                "database": "SLTD",
                "kind": "documents",
                "record_id": "d-1",
                "score": 1.0,
                "match": "certain",
                "status": "stolen",
                "owner": "FRA",
                "action": "Seize the document.",
                "reasons": [{"feature": "document_number", "detail": "exact"}],
                "record": {},
            }
        ]
        if hit
        else []
    )
    return {
        "seq": seq,
        "at": "2026-11-20T06:30:00+00:00",
        "request": {"document": {"number": "AA1111111", "country": "FRA"}},
        "result": {
            "check_id": f"chk_{seq:022d}",
            "verdict": "hit" if hit else "no_hit",
            "hits": hits,
            "warnings": [],
        },
    }


def test_uploads_count_once_and_raise_cases_at_their_true_time(
    services: Services, clock: FrozenClock
) -> None:
    uploads = OfflineUploads(engine=services.engine, cases=services.cases, clock=clock)
    items = [_item(1, hit=True), _item(2, hit=False)]
    assert uploads.accept(principal=OFFICER, node_id="node_0123456789abcdef", items=items) == {
        "accepted": 2,
        "duplicates": 0,
    }
    again = uploads.accept(principal=OFFICER, node_id="node_0123456789abcdef", items=items)
    assert again == {"accepted": 0, "duplicates": 2}
    with services.engine.connect() as connection:
        cases = connection.execute(select(tables.cases.c.created_at)).all()
        payloads = connection.execute(select(tables.outbox.c.payload)).scalars().all()
        audited = connection.execute(select(tables.audit.c.at, tables.audit.c.result)).all()
    assert [str(row[0]) for row in cases] == ["2026-11-20 06:30:00"]
    (payload,) = [p if isinstance(p, dict) else json.loads(p) for p in payloads]
    assert payload["origin"]["offline"] is True
    assert payload["origin"]["checked_at"] == "2026-11-20T06:30:00+00:00"
    assert len(audited) == 2
    assert all(str(row[0]) == "2026-11-20 06:30:00" for row in audited)


def test_a_node_clock_off_beyond_what_the_server_knows_is_corrected_and_said(
    services: Services, clock: FrozenClock
) -> None:
    """The clock now reads 2026-11-21 10:00; the copy was issued on the 20th at 06:00."""
    uploads = OfflineUploads(engine=services.engine, cases=services.cases, clock=clock)
    as_of = "2026-11-20T06:00:00Z"
    ahead = {**_item(1, hit=True), "at": "2027-03-01T00:00:00+00:00"}  # set by hand, wrongly
    behind = {**_item(2, hit=True), "at": "1970-01-01T00:05:00+00:00"}  # reset battery clock
    right = {**_item(3, hit=True), "at": "2026-11-21T10:03:00+00:00"}  # within the tolerance
    for item in (ahead, behind, right):
        item["result"] = {**item["result"], "data_as_of": as_of}
    uploads.accept(principal=OFFICER, node_id="node_0123456789abcdef", items=[ahead, behind, right])
    with services.engine.connect() as connection:
        checked = connection.execute(
            select(tables.offline_checks.c.seq, tables.offline_checks.c.checked_at).order_by(
                tables.offline_checks.c.seq
            )
        ).all()
        payloads = connection.execute(select(tables.outbox.c.payload)).scalars().all()
    assert [str(row[1]) for row in checked] == [
        "2026-11-21 10:00:00",  # no later than the upload
        "2026-11-20 06:00:00",  # no earlier than the copy it was made on
        "2026-11-21 10:03:00",
    ]
    origins = [(p if isinstance(p, dict) else json.loads(p))["origin"] for p in payloads]
    skews = {o["node_seq"]: o.get("clock_skew") for o in origins}
    assert skews[1] == {"node_clock": "2027-03-01T00:00:00+00:00", "node_clock_was": "ahead"}
    assert skews[2] == {"node_clock": "1970-01-01T00:05:00+00:00", "node_clock_was": "behind"}
    assert skews[3] is None


def test_an_upload_item_that_is_not_a_queued_check_is_refused_whole(
    services: Services, clock: FrozenClock
) -> None:
    uploads = OfflineUploads(engine=services.engine, cases=services.cases, clock=clock)
    with pytest.raises(InvalidInput):
        uploads.accept(
            principal=OFFICER, node_id="node_0123456789abcdef", items=[_item(1, hit=False), {}]
        )
    with services.engine.connect() as connection:
        assert connection.execute(select(tables.offline_checks)).all() == []


def test_documents_read_from_their_columns_are_the_records_the_slow_path_gives(
    services: Services, feed: Feed
) -> None:
    add(
        services,
        document("AA1111111", id="plain"),
        document(
            "AA2222222", id="dated", expires_at="2027-02-03T04:05:06Z", reported_at="2026-10-01"
        ),
        blank_range("BL0000100", "BL0000199", id="range"),
        document("AA3333333", id="quiet", action=""),
    )

    def built(lines: Any) -> dict[str, dict[str, Any]]:
        rows = [build_row(RecordKind.DOCUMENTS, orjson.loads(line)["record"]) for line in lines]
        return {row["id"]: row for row in rows}

    fast = built(feed._document_lines(Scope(), False, 0, 10**9))
    slow = built(feed._record_lines(RecordKind.DOCUMENTS, Scope(), False, 0, 10**9))
    assert fast == slow
    assert sorted(fast) == ["dated", "plain", "quiet", "range"]


def test_a_node_s_working_copy_holds_the_server_s_records_built_fresh_or_by_delta(
    services: Services, feed: Feed, tmp_path: Path
) -> None:
    """The node writes plain documents the fast way and a fresh copy with its indexes built
    afterwards: every record, of every shape, reads back as on the server."""
    add(
        services,
        document("AA1111111", id="plain"),
        document("aa-222 2222", id="spaced", country="DEU", reported_at="2026-10-01"),
        document("AA3333333", id="dated", expires_at="2027-02-03T04:05:06Z"),
        blank_range("BL0000100", "BL0000199", id="range"),
        document("AA4444444", id="quiet", action=""),
        document("AB-5555 555", id="dashed", country="ITA", owner="FRA"),
    )
    documents = [{"number": "P1234567", "issuing_country": "FRA", "type": "passport"}]
    person = build_row(
        RecordKind.PERSONS,
        factory_person("Jean Dupont", birth_date="1980-02-03", documents=documents),
    )
    services.store.upsert(RecordKind.PERSONS, [person], now=services.clock())
    node = Node(Settings(node_dir=tmp_path / "node", node_runtime_dir=tmp_path / "ram"))
    key = NodeKey(os.urandom(32))
    first = feed.manifest(scope=Scope(), since=0)
    _seal(node, key, feed, first["files"])
    state: dict[str, Any] = {"node_id": "node_0123456789abcdef", "copy": None}
    state["copy"] = {"version": first["version"], "generation": 1, "files": first["files"]}
    working = ensure_working_copy(node, state, key)
    assert _records(RecordStore(make_engine(database_url(working)))) == _records(services.store)

    services.store.set_state(
        RecordKind.DOCUMENTS, "plain", RecordState.CANCELLED, now=services.clock()
    )
    add(services, document("AA6666666", id="new"), document("AA7777777", id="dated"))
    (delta,) = feed.manifest(scope=Scope(), since=first["version"])["files"]
    _seal(node, key, feed, [delta])
    state["copy"]["files"].append(delta)
    assert ensure_working_copy(node, state, key) == working  # the same generation, brought on
    assert synced_version(working) == delta["to"]
    assert _records(RecordStore(make_engine(database_url(working)))) == _records(services.store)


def _seal(node: Node, key: NodeKey, feed: Feed, entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        plain = (feed.folder / entry["name"]).read_bytes()
        key.write_file(node.copy_dir() / f"{entry['name']}.sealed", [plain])


def _records(store: RecordStore) -> dict[str, list[dict[str, Any]]]:
    """Every record of every kind as the store reads it back, stamps left out."""
    stamps = ("created_at", "updated_at", "version")
    return {
        kind.value: sorted(
            (
                {k: v for k, v in record_to_dict(record).items() if k not in stamps}
                for record in store.search(kind, limit=1000)
            ),
            key=lambda fields: str(fields["id"]),
        )
        for kind in RecordKind
    }


def test_a_node_too_far_behind_for_a_delta_gets_a_new_snapshot(
    services: Services, feed: Feed
) -> None:
    add(services, document("AA1111111", id="d-1"))
    synced = feed.manifest(scope=Scope(), since=0)["version"]
    add(services, *(document(f"BB{n:07d}", id=f"e-{n}") for n in range(4)))  # > compact_records
    (snapshot,) = feed.manifest(scope=Scope(), since=synced)["files"]
    assert snapshot["type"] == "snapshot"
    assert len(records_in(feed, snapshot)) == 5


class _Gate:
    """Holds a snapshot's cut until the test lets it go, counting the cuts begun."""

    def __init__(self, feed: Feed, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = threading.Event()
        self.cuts = 0
        lines = feed._lines

        def held(*args: Any) -> Iterator[bytes]:
            self.cuts += 1
            assert self.opened.wait(30)
            yield from lines(*args)

        monkeypatch.setattr(feed, "_lines", held)


def test_a_long_snapshot_cut_runs_once_in_the_background_while_nodes_are_told_to_wait(
    services: Services, feed: Feed, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(services, document("AA1111111", id="d-1"))
    feed.cut_wait = 0.05
    gate = _Gate(feed, monkeypatch)
    for _ in range(3):  # three nodes ask while it is cut: one cut, each told when to ask
        with pytest.raises(NotReady, match="cutting a new snapshot") as pending:
            feed.manifest(scope=Scope(), since=0, wait=False)
        assert pending.value.retry_after == RETRY_AFTER
    assert gate.cuts == 1
    gate.opened.set()
    feed.cut_wait = 30
    (snapshot,) = feed.manifest(scope=Scope(), since=0, wait=False)["files"]
    assert [r["id"] for r in records_in(feed, snapshot)] == ["d-1"]
    assert gate.cuts == 1
    assert not list(feed.folder.glob("*.tmp*"))


def test_a_failed_background_cut_is_reported_and_the_next_ask_cuts_again(
    services: Services, feed: Feed, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(services, document("AA1111111", id="d-1"))
    lines = feed._lines

    def full_disk(*args: Any) -> Iterator[bytes]:
        raise OSError(28, "No space left on device")
        yield b""  # a generator, as the real one

    monkeypatch.setattr(feed, "_lines", full_disk)
    with pytest.raises(StorageFailed, match="No space left"):
        feed.manifest(scope=Scope(), since=0, wait=False)
    assert not list(feed.folder.glob("*.tmp*"))
    monkeypatch.setattr(feed, "_lines", lines)
    assert feed.manifest(scope=Scope(), since=0, wait=False)["files"][0]["type"] == "snapshot"


def test_a_part_file_of_a_server_gone_mid_cut_is_removed_and_one_of_a_live_one_kept(
    services: Services, feed: Feed
) -> None:
    gone = feed.folder / "all.any.snapshot.0-9.jsonl.gz.999999999.tmp"
    gone_facts = gone.with_name(f"{gone.name}.facts")
    live = feed.folder / f"all.any.snapshot.0-9.jsonl.gz.{os.getpid()}.tmp"
    for path in (gone, gone_facts, live):
        path.write_bytes(b"part")
    Feed(
        store=services.store,
        key=feed.key,
        folder=feed.folder,
        clock=services.clock,
        compact_records=3,
    )
    assert [path.exists() for path in (gone, gone_facts, live)] == [False, False, True]
