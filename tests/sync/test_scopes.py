"""Offline copies chosen by owner region or by operation, on both databases (in process)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from frontline.cli import app
from frontline.domain.checks import Database
from frontline.domain.operations import record_kinds
from frontline.domain.records import RecordKind
from frontline.errors import InvalidInput
from frontline.services import Services
from frontline.store import tables
from frontline.sync.feed import Feed
from frontline.sync.scopes import Scope, parse_owners
from frontline.sync.signing import ServerKey
from frontline.sync.uploads import OfflineUploads
from tests.api.conftest import Api, api
from tests.conftest import FrozenClock
from tests.factories import OFFICER, document, principal
from tests.operations.conftest import make_operation
from tests.sync.test_feed import _item, add, feed, records_in

__all__ = ["api", "feed"]  # the fixtures, shared with tests/api and test_feed

NODE = "node_0123456789abcdef"


def test_an_owner_region_is_sorted_and_unique_and_names_short_shared_files() -> None:
    assert parse_owners(" FRA,DEU,BEL,FRA") == ("BEL", "DEU", "FRA")
    region = Scope.parse(None, "FRA,DEU,BEL")
    assert region.name == Scope.parse(None, "BEL,FRA,DEU").name
    assert region.name.startswith("all.r3-")
    assert len(region.name) < 24
    assert region.name != Scope.parse(None, "BEL,FRA,ITA").name
    assert Scope.parse("documents", "FRA").name == "documents.fra"  # one owner: as before
    assert Scope().name == "all.any"
    for bad in ("FRA,de", "FRANCE", "FRA,,D3U"):
        with pytest.raises(InvalidInput, match="3 capitals"):
            parse_owners(bad)


def test_an_operation_copy_holds_the_kinds_of_its_databases() -> None:
    opened = [Database.NOMINAL, Database.SMV, Database.TDAWN]
    assert record_kinds(opened) == (RecordKind.PERSONS, RecordKind.VEHICLES)
    assert record_kinds([Database.SLTD]) == (RecordKind.DOCUMENTS,)


def test_a_region_copy_holds_the_records_of_any_of_its_owners(
    services: Services, feed: Feed
) -> None:
    add(
        services,
        document("AA1111111", id="fr", owner="FRA"),
        document("AA2222222", id="de", owner="DEU"),
        document("AA3333333", id="it", owner="ITA"),
    )
    (entry,) = feed.manifest(scope=Scope.parse(None, "DEU,FRA"), since=0)["files"]
    assert sorted(r["id"] for r in records_in(feed, entry)) == ["de", "fr"]
    assert entry["name"].startswith(Scope.parse(None, "FRA,DEU").name)


def manifest(api: Api, role: str = "officer", **params: str) -> Any:
    return api.client.get("/v1/sync/manifest", params=params, headers=api.headers(role))


def test_the_api_resolves_an_operation_for_its_participants_and_refuses_bad_scopes(
    api: Api, clock: FrozenClock
) -> None:
    api.token("officer")  # the user officer-FRA, made before the operation names it
    operation = make_operation(api.services, officers=["officer-FRA"])
    given = manifest(api, operation=operation.id, owner="FRA,DEU")
    assert given.status_code == 200, given.text
    assert given.json()["scope"] == {"kinds": ["persons", "vehicles"], "owners": ["DEU", "FRA"]}
    hello = api.client.get(
        "/v1/sync/hello", params={"operation": operation.id}, headers=api.headers()
    )
    assert hello.json()["scope"]["border_points"] == ["MNL", "PHCEB", "PHMNL"]

    assert manifest(api, operation="op_nosuch").status_code == 404
    assert manifest(api, "bureau", operation=operation.id).json()["error"]["code"] == "forbidden"
    bad = manifest(api, owner="FRA,fr")
    assert bad.status_code == 422
    assert "3 capitals" in bad.json()["error"]["message"]
    assert manifest(api, operation=operation.id, kinds="documents").status_code == 422

    # A file is given only within the scope asked for, by the same rules.
    (ours,) = given.json()["files"]
    (theirs,) = manifest(api, kinds="documents").json()["files"]
    asked = {"operation": operation.id, "owner": "FRA,DEU"}

    def fetch(name: str, **params: str) -> Any:
        return api.client.get(f"/v1/sync/files/{name}", params=params, headers=api.headers())

    assert fetch(ours["name"], **asked).status_code == 200
    assert fetch(ours["name"], **asked).content[:2] == b"\x1f\x8b"  # gzip
    refused = fetch(theirs["name"], **asked)
    assert refused.status_code == 403
    assert "not a file of the scope" in refused.json()["error"]["message"]
    assert fetch(ours["name"]).status_code == 403  # no scope given: the whole copy's files
    assert fetch(ours["name"], operation=operation.id, owner="FRA,ITA").status_code == 403
    clock.advance(days=7)  # the operation is over: its copy is no longer given
    assert manifest(api, operation=operation.id).status_code == 409
    assert fetch(ours["name"], **asked).status_code == 409


def test_uploaded_checks_count_in_their_operation_when_the_uploader_takes_part(
    services: Services, clock: FrozenClock
) -> None:
    operation = make_operation(services)  # officer-1 (OFFICER) takes part
    clock.now = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
    context = {"operation_id": operation.id, "border_point": "MNL"}
    uploads = OfflineUploads(engine=services.engine, cases=services.cases, clock=clock)
    during = "2026-11-23T07:00:00+00:00"
    mine = [
        {**_item(1, hit=True), "at": during, "context": context},
        {**_item(2, hit=False), "context": context},  # 20 November: before the window
    ]
    uploads.accept(principal=OFFICER, node_id=NODE, items=mine)
    stranger = principal(name="officer-9")
    theirs = [{**_item(1, hit=False), "at": during, "context": context}]
    uploads.accept(principal=stranger, node_id="node_fedcba9876543210", items=theirs)
    with services.engine.connect() as connection:
        audited = connection.execute(
            select(
                tables.audit.c.check_id, tables.audit.c.operation_id, tables.audit.c.result
            ).where(tables.audit.c.event == "check")
        ).all()
        cases = connection.execute(select(tables.cases.c.operation_id)).scalars().all()
    assert cases == [operation.id]
    refusals = {}
    for check_id, operation_id, result in audited:
        origin = (result if isinstance(result, dict) else json.loads(result))["origin"]
        refusals[(check_id, operation_id)] = origin.get("operation_refused", "")
    assert refusals[(_item(1, hit=True)["result"]["check_id"], operation.id)] == ""
    late, stranger_refused = sorted(
        reason for (_, operation_id), reason in refusals.items() if operation_id is None
    )
    assert "not a participant" in stranger_refused
    assert "outside the window" in late


def test_node_init_refuses_a_bad_owner_list_with_exit_2_before_any_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTLINE_NODE_DIR", str(tmp_path / "node"))
    monkeypatch.setenv("FRONTLINE_NODE_PASSPHRASE", "correct horse battery staple")
    arguments = ["node", "init", "--server", "http://127.0.0.1:9", "--token", "t"]
    answer = CliRunner().invoke(app, [*arguments, "--owner", "FRA,deu"])
    assert answer.exit_code == 2
    assert "3 capitals" in answer.output
    assert answer.exception is None or isinstance(answer.exception, SystemExit)
    alone = CliRunner().invoke(app, [*arguments, "--border-point", "MNL"])
    assert alone.exit_code == 2
    assert "with an operation" in alone.output
    assert not (tmp_path / "node" / "node.json").exists()


def test_sync_compact_cuts_the_copy_an_operation_s_nodes_take(
    services: Services, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ends = dt.datetime.now(dt.UTC) + dt.timedelta(days=30)  # the command reads the real clock
    operation = make_operation(services, ends_at=ends)
    monkeypatch.setenv("FRONTLINE_DATABASE_URL", database_url)
    monkeypatch.setenv("FRONTLINE_DATA_DIR", str(tmp_path / "data"))
    cut = CliRunner().invoke(app, ["sync", "compact", "--operation", operation.id])
    assert cut.exit_code == 0, cut.output
    assert cut.output.startswith("persons+vehicles.any.snapshot.0-")
    region = CliRunner().invoke(
        app, ["sync", "compact", "--operation", operation.id, "--owner", "FRA,DEU"]
    )
    assert region.output.startswith(
        Scope(kinds=(RecordKind.PERSONS, RecordKind.VEHICLES), owners=("DEU", "FRA")).name
    )
    unknown = CliRunner().invoke(app, ["sync", "compact", "--operation", "op_nosuch"])
    assert unknown.exit_code == 2
    assert "op_nosuch" in unknown.output


def test_the_api_answers_not_ready_with_retry_after_while_a_snapshot_is_cut(
    api: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = Feed(
        store=api.services.store,
        key=ServerKey.in_folder(tmp_path / "key"),
        folder=tmp_path / "sync",
        clock=api.services.clock,
        compact_records=100,
        cut_wait=0.05,
    )
    opened = threading.Event()
    lines = feed._lines

    def held(*args: Any) -> Any:
        assert opened.wait(30)
        yield from lines(*args)

    monkeypatch.setattr(feed, "_lines", held)
    api.client.app.state.sync_feed = feed
    pending = manifest(api)
    assert pending.status_code == 503
    assert pending.headers["Retry-After"] == "15"
    assert pending.json()["error"]["code"] == "not_ready"
    opened.set()
    feed.cut_wait = 30
    assert manifest(api).status_code == 200
