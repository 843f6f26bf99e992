"""DNA through the API, the CLI and the console: enrol to a person record, search, refuse
bad input with the error naming it, and audit the type of query only."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
from typer.testing import CliRunner

from frontline.cli import app
from frontline.domain.records import RecordKind
from frontline.records.kinds import build_row
from frontline.services import Services
from tests.api.conftest import Api
from tests.dna.test_profiles import BASE, profile
from tests.factories import person


def _people(services: Services) -> None:
    rows = [person(id="PER-1", owner="FRA"), person("John Smith", id="PER-2", owner="GBR")]
    built = [build_row(RecordKind.PERSONS, row) for row in rows]
    services.store.upsert(RecordKind.PERSONS, built, now=services.clock())


def test_enrol_then_search_ranks_the_enrolled_person_and_names_the_loci(api: Api) -> None:
    _people(api.services)
    bureau = api.headers("bureau", "FRA")
    enrolled = api.client.post(
        "/v1/dna/profiles", json={"record_id": "PER-1", "loci": BASE}, headers=bureau
    )
    assert enrolled.status_code == 201, enrolled.text
    other = {"record_id": "PER-2", "loci": profile(FGA=[20, 22])}
    gbr = api.client.post("/v1/dna/profiles", json=other, headers=api.headers("bureau", "GBR"))
    assert gbr.status_code == 201
    probe = {"loci": profile(FGA=[20, 22]), "max_mismatches": 1}
    found = api.client.post("/v1/dna/search", json=probe, headers=api.headers()).json()
    assert [hit["record_id"] for hit in found["hits"]] == ["PER-2", "PER-1"]
    first, second = found["hits"]
    assert first["mismatches"] == 0
    assert first["loci_agreeing"] == 10
    assert second["disagreeing"] == ["FGA"]
    assert "TH01" in second["agreeing"]
    assert second["record"]["name"] == "Анна Петрова"
    strict = api.client.post("/v1/dna/search", json={"loci": BASE}, headers=api.headers())
    assert [hit["record_id"] for hit in strict.json()["hits"]] == ["PER-1"]
    profile_id = enrolled.json()["id"]
    assert api.client.get(f"/v1/dna/profiles/{profile_id}", headers=bureau).json()["loci"]


def test_the_audit_records_the_type_of_query_never_the_profile(api: Api) -> None:
    _people(api.services)
    api.client.post(
        "/v1/dna/profiles",
        json={"record_id": "PER-1", "loci": BASE},
        headers=api.headers("bureau", "FRA"),
    )
    api.client.post("/v1/dna/search", json={"loci": BASE}, headers=api.headers())
    entries = api.services.audit.list()
    assert [entry.event for entry in entries] == ["dna_search", "dna_enrol"]
    assert entries[0].query == {"type": "DNA search"}
    assert entries[0].record_ids == ["PER-1"]
    text = json.dumps([entry.as_dict() for entry in entries])
    assert "D3S1358" not in text
    assert "9.3" not in text


BAD_SEARCHES: list[tuple[dict[str, object], str]] = [
    ({"loci": {**BASE, "D3S1358": [15, 16, 17]}}, "loci.D3S1358"),
    ({"loci": {**BASE, "XYZ1": [1]}}, "loci.XYZ1"),
    ({"loci": {**BASE, "TH01": ["nine"]}}, "loci.TH01"),
    ({"loci": {"TH01": [6, 7]}}, "loci"),  # fewer loci than min_loci
    ({"loci": BASE, "max_mismatches": 99}, "max_mismatches"),
    ({"loci": BASE, "min_loci": "many"}, "min_loci"),
    ({"loci": BASE, "probe": 1}, "probe"),
]


def test_bad_searches_are_422_naming_the_field(api: Api) -> None:
    for body, field in BAD_SEARCHES:
        response = api.client.post("/v1/dna/search", json=body, headers=api.headers())
        assert response.status_code == 422, body
        assert response.json()["error"]["details"][0]["field"] == field, body


def test_corrupt_json_unknown_records_and_other_bureaus_are_refused(api: Api) -> None:
    _people(api.services)
    corrupt = api.client.post(
        "/v1/dna/search",
        content=b'{"loci": {"TH01": [6,',
        headers={**api.headers(), "content-type": "application/json"},
    )
    assert corrupt.status_code == 422
    assert corrupt.json()["error"]["code"] == "invalid_input"
    bureau = api.headers("bureau", "FRA")
    missing = {"record_id": "PER-404", "loci": BASE}
    assert api.client.post("/v1/dna/profiles", json=missing, headers=bureau).status_code == 404
    foreign = {"record_id": "PER-2", "loci": BASE}
    assert api.client.post("/v1/dna/profiles", json=foreign, headers=bureau).status_code == 403
    officer = {"record_id": "PER-1", "loci": BASE}
    refused = api.client.post("/v1/dna/profiles", json=officer, headers=api.headers())
    assert refused.status_code == 403
    assert api.services.audit.list() == []


def test_another_process_sees_enrolments_without_a_restart(services: Services) -> None:
    from frontline.biometrics.dna_service import SearchLimits
    from frontline.services import open_services
    from tests.factories import ADMIN

    _people(services)
    other = open_services(services.settings, use_index=False, clock=services.clock)
    try:
        assert other.dna.search(principal=ADMIN, raw=BASE, limits=SearchLimits()).hits == ()
        services.dna.enrol(principal=ADMIN, record_id="PER-1", raw=BASE)
        found = other.dna.search(principal=ADMIN, raw=BASE, limits=SearchLimits())
        assert [hit.record_id for hit in found.hits] == ["PER-1"]
    finally:
        other.close()


def test_the_cli_enrols_and_searches_and_bad_files_exit_2(cli: CliRunner, tmp_path: Path) -> None:
    people = tmp_path / "persons.jsonl"
    people.write_bytes(orjson.dumps(person(id="PER-1", owner="FRA")) + b"\n")
    assert cli.invoke(app, ["import", "persons", str(people)]).exit_code == 0
    probe = tmp_path / "probe.json"
    probe.write_bytes(orjson.dumps({"loci": BASE}))
    enrolled = cli.invoke(app, ["dna", "enrol", "PER-1", str(probe), "--json"])
    assert enrolled.exit_code == 0, enrolled.output
    searched = cli.invoke(app, ["dna", "search", str(probe), "--json"])
    assert searched.exit_code == 0, searched.output
    assert json.loads(searched.stdout)["hits"][0]["record_id"] == "PER-1"
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"loci": {"TH01": [6,')
    refused = cli.invoke(app, ["dna", "search", str(corrupt)])
    assert refused.exit_code == 2
    assert "not JSON" in " ".join(refused.output.split())
    unknown = tmp_path / "unknown.json"
    unknown.write_bytes(orjson.dumps({**BASE, "D0S0": [1]}))
    refused = cli.invoke(app, ["dna", "search", str(unknown)])
    assert refused.exit_code == 2
    assert "D0S0" in refused.output
    assert "Traceback" not in refused.output


def test_migration_0009_creates_its_tables_as_declared(services: Services) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from frontline.store import reference_tables

    names = ("dna_profiles", "specimens", "counterfeit_alerts")
    assert {table.name for table in reference_tables.metadata.sorted_tables} >= set(names)
    with services.engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection), reference_tables.metadata
        )
    assert [item for item in differences if any(name in repr(item) for name in names)] == []
