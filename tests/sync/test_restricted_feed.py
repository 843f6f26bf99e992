"""A record its owner restricted goes into no offline file: files are cut per scope, and
any node, of any country, may hold them."""

from __future__ import annotations

from pathlib import Path

from frontline.domain.records import RecordKind
from frontline.records.kinds import build_row
from frontline.services import Services
from frontline.sync.feed import Feed, Scope
from frontline.sync.signing import ServerKey
from tests.factories import document, person, principal
from tests.sync.test_feed import add, records_in


def test_restricted_records_stay_out_of_snapshots_and_deltas(
    services: Services, tmp_path: Path
) -> None:
    feed = Feed(
        store=services.store,
        key=ServerKey.in_folder(tmp_path / "key"),
        folder=tmp_path / "sync",
        clock=services.clock,
        compact_records=100,
    )
    bureau = principal("bureau", "FRA", "bureau-fra")
    add(services, document("AA1111111", id="d-1"), document("AA2222222", id="d-2"))
    people = [build_row(RecordKind.PERSONS, person("Jean Dupont", owner="FRA", id="p-1"))]
    services.store.upsert(RecordKind.PERSONS, people, now=services.clock())
    for kind, record_id in ((RecordKind.DOCUMENTS, "d-2"), (RecordKind.PERSONS, "p-1")):
        services.records.restrict(principal=bureau, kind=kind, record_id=record_id, only=["DEU"])
    first = feed.manifest(scope=Scope(), since=0)
    (snapshot,) = first["files"]
    assert [record["id"] for record in records_in(feed, snapshot)] == ["d-1"]

    add(services, document("AA3333333", id="d-3"))
    services.records.restrict(
        principal=bureau, kind=RecordKind.DOCUMENTS, record_id="d-3", hidden_from=["RUS"]
    )
    add(services, document("AA4444444", id="d-4"))
    (delta,) = feed.manifest(scope=Scope(), since=first["version"])["files"]
    assert [record["id"] for record in records_in(feed, delta)] == ["d-4"]
