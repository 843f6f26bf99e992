"""Removal through its doors: DELETE /v1/dna/profiles/{id} and
DELETE /v1/faces/enrolments/{record_id}/{enrolment_id} over HTTP (200 with the removal,
403, 404 and 422 in the one error shape), and ``frontline dna remove``, ``faces remove`` and
``biometrics purge`` (exit 2 with a message on bad input, never a traceback).

Faces are enrolled here straight into the store with made-up descriptors: removal needs no
photo and no model (the searches after a removal are in tests/biometrics/test_removal.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import orjson
import pytest
from typer.testing import CliRunner

from frontline.biometrics.decision import ALGORITHM
from frontline.cli import app
from frontline.domain.records import RecordKind
from frontline.ids import new_id
from frontline.records.kinds import build_row
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.store.faces import Enrolment
from tests.api.conftest import Api
from tests.dna.test_profiles import BASE, profile
from tests.factories import ADMIN, person


def _people(services: Services) -> None:
    rows = [person(id="PER-1", owner="FRA"), person("John Smith", id="PER-2", owner="GBR")]
    built = [build_row(RecordKind.PERSONS, row) for row in rows]
    services.store.upsert(RecordKind.PERSONS, built, now=services.clock())


def face(services: Services, record_id: str, owner: str, seed: int) -> str:
    """A face enrolment with a random unit descriptor: its id."""
    vector = np.random.default_rng(seed).standard_normal(128).astype(np.float32)
    enrolment = Enrolment(
        id=new_id("fac"),
        record_id=record_id,
        owner=owner,
        algorithm=ALGORITHM,
        enrolled_at=services.clock(),
        enrolled_by="test",
    )
    services.faces.store.add(
        enrolment,
        vector=vector / np.linalg.norm(vector),
        photo_sha256=f"{seed:064d}",
        then=lambda connection: None,
    )
    return enrolment.id


def test_a_bureau_removes_its_dna_profile_over_http(api: Api) -> None:
    _people(api.services)
    bureau = api.headers("bureau", "FRA")
    enrolled = api.client.post(
        "/v1/dna/profiles", json={"record_id": "PER-1", "loci": BASE}, headers=bureau
    ).json()
    probe = {"loci": BASE}
    assert api.client.post("/v1/dna/search", json=probe, headers=api.headers()).json()["hits"]
    url = f"/v1/dna/profiles/{enrolled['id']}"
    answer = api.client.request("DELETE", url, json={"reason": "entered wrongly"}, headers=bureau)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert {key: body[key] for key in ("kind", "item_id", "record_id", "owner", "reason")} == {
        "kind": "dna",
        "item_id": enrolled["id"],
        "record_id": "PER-1",
        "owner": "FRA",
        "reason": "entered wrongly",
    }
    assert body["removed_by"] == "bureau-FRA"
    assert body["id"].startswith("rmv_")
    found = api.client.post("/v1/dna/search", json=probe, headers=api.headers()).json()
    assert found["verdict"] == "no_hit"
    assert api.client.get(url, headers=bureau).status_code == 404
    again = api.client.request("DELETE", url, json={"reason": "again"}, headers=bureau)
    assert again.status_code == 404
    assert again.json()["error"]["code"] == "not_found"


def test_dna_removal_refuses_other_bureaus_officers_and_a_missing_reason(api: Api) -> None:
    _people(api.services)
    gbr = api.services.dna.enrol(principal=ADMIN, record_id="PER-2", raw=profile(FGA=[20]))
    url = f"/v1/dna/profiles/{gbr.id}"
    reason = {"reason": "not ours"}
    foreign = api.client.request("DELETE", url, json=reason, headers=api.headers("bureau", "FRA"))
    assert foreign.status_code == 403
    assert foreign.json()["error"]["code"] == "forbidden"
    officer = api.client.request("DELETE", url, json=reason, headers=api.headers("officer", "GBR"))
    assert officer.status_code == 403
    unknown = api.client.request(
        "DELETE", "/v1/dna/profiles/dna_none", json=reason, headers=api.headers("admin")
    )
    assert unknown.status_code == 404
    gbr_bureau = api.headers("bureau", "GBR")
    for body in ({}, {"reason": ""}, {"reason": "   "}, {"reason": "x" * 501}, {"why": "x"}):
        refused = api.client.request("DELETE", url, json=body, headers=gbr_bureau)
        assert refused.status_code == 422, body
        assert refused.json()["error"]["code"] == "invalid_input", body
    no_body = api.client.request("DELETE", url, headers=gbr_bureau)
    assert no_body.status_code == 422
    assert api.services.dna.store.get(gbr.id)  # still there
    assert [entry.event for entry in api.services.audit.list()] == ["dna_enrol"]


def test_a_bureau_removes_a_face_enrolment_over_http(api: Api) -> None:
    _people(api.services)
    first, second = face(api.services, "PER-1", "FRA", 1), face(api.services, "PER-1", "FRA", 2)
    gbr = face(api.services, "PER-2", "GBR", 3)
    bureau = api.headers("bureau", "FRA")
    reason = {"reason": "photo of the wrong person"}
    answer = api.client.request(
        "DELETE", f"/v1/faces/enrolments/PER-1/{first}", json=reason, headers=bureau
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["kind"] == "face"
    assert answer.json()["item_id"] == first
    listed = api.client.get("/v1/faces/enrolments/PER-1", headers=api.headers()).json()
    assert [item["id"] for item in listed["items"]] == [second]
    cases = {
        f"/v1/faces/enrolments/PER-2/{gbr}": 403,  # GBR's record
        f"/v1/faces/enrolments/PER-1/{first}": 404,  # removed already
        f"/v1/faces/enrolments/PER-1/{gbr}": 404,  # another record's enrolment
        "/v1/faces/enrolments/PER-404/fac_none": 404,
        "/v1/faces/enrolments/PER-1/fac_none": 404,
    }
    for url, status in cases.items():
        refused = api.client.request("DELETE", url, json=reason, headers=bureau)
        assert refused.status_code == status, url
        assert set(refused.json()["error"]) == {"code", "message", "details"}
    officer = api.client.request(
        "DELETE", f"/v1/faces/enrolments/PER-1/{second}", json=reason, headers=api.headers()
    )
    assert officer.status_code == 403
    assert api.services.faces.store.count() == 2


def _cli_world(settings: Settings) -> tuple[str, str, str]:
    """PER-1 (FRA) with two faces and a DNA profile, in the CLI's database: their ids."""
    services = open_services(settings, use_index=False)
    try:
        _people(services)
        dna = services.dna.enrol(principal=ADMIN, record_id="PER-1", raw=BASE)
        return face(services, "PER-1", "FRA", 1), face(services, "PER-1", "FRA", 2), dna.id
    finally:
        services.close()


@pytest.fixture
def cli_world(cli: CliRunner, settings: Settings) -> tuple[str, str, str]:
    return _cli_world(settings)


def test_the_cli_removes_a_face_and_a_profile_and_purges_the_rest(
    cli: CliRunner, cli_world: tuple[str, str, str], settings: Settings
) -> None:
    first, second, dna = cli_world
    removed = cli.invoke(
        app,
        [
            "faces",
            "remove",
            "--record",
            "PER-1",
            "--enrolment",
            first,
            "--reason",
            "wrong",
            "--json",
        ],
    )
    assert removed.exit_code == 0, removed.output
    assert json.loads(removed.stdout)["item_id"] == first
    shown = cli.invoke(app, ["dna", "remove", "--profile", dna, "--reason", "entered wrongly"])
    assert shown.exit_code == 0, shown.output
    assert f"removed DNA profile {dna} from PER-1" in " ".join(shown.output.split())
    purged = cli.invoke(
        app, ["biometrics", "purge", "--record", "PER-1", "--reason", "notice cancelled", "--json"]
    )
    assert purged.exit_code == 0, purged.output
    items = json.loads(purged.stdout)["items"]
    assert [(item["kind"], item["item_id"]) for item in items] == [("face", second)]
    again = cli.invoke(app, ["biometrics", "purge", "--record", "PER-1", "--reason", "again"])
    assert again.exit_code == 0
    assert "nothing to remove" in again.output
    services = open_services(settings, use_index=False)
    try:
        assert services.faces.store.count() == 0
        events = [entry.event for entry in services.audit.list(limit=3)]
        assert events == ["face_remove", "dna_remove", "face_remove"]
    finally:
        services.close()


BAD_COMMANDS: list[tuple[list[str], str]] = [
    (
        ["faces", "remove", "--record", "PER-1", "--enrolment", "fac_none", "--reason", "x"],
        "no face enrolment fac_none",
    ),
    (
        ["faces", "remove", "--record", "PER-404", "--enrolment", "fac_none", "--reason", "x"],
        "PER-404",
    ),
    (
        ["faces", "remove", "--record", "PER-1", "--enrolment", "fac_none"],
        "Missing option '--reason'",
    ),
    (["faces", "remove", "--record", "PER-1", "--reason", "x"], "Missing option '--enrolment'"),
    (["dna", "remove", "--profile", "dna_none", "--reason", "x"], "no DNA profile dna_none"),
    (["dna", "remove", "--profile", "dna_none", "--reason", "  "], "reason: is required"),
    (["dna", "remove", "--reason", "x"], "Missing option '--profile'"),
    (["biometrics", "purge", "--record", "PER-404", "--reason", "x"], "PER-404"),
    (["biometrics", "purge", "--record", "PER-1", "--reason", ""], "reason: is required"),
    (["biometrics", "purge", "--record", "PER-1", "--reason", "x" * 501], "at most 500"),
    (["biometrics", "purge", "--record", "PER-1"], "Missing option '--reason'"),
]


def test_bad_cli_input_exits_2_with_a_message_and_removes_nothing(
    cli: CliRunner, cli_world: tuple[str, str, str], settings: Settings
) -> None:
    for arguments, message in BAD_COMMANDS:
        result = cli.invoke(app, arguments)
        assert result.exit_code == 2, (arguments, result.output)
        assert message in " ".join(result.output.split()), (arguments, result.output)
        assert "Traceback" not in result.output
    services = open_services(settings, use_index=False)
    try:
        assert services.faces.store.count() == 2
        assert len(services.dna.store.for_record("PER-1")) == 1
    finally:
        services.close()


def test_a_purge_of_a_record_without_biometrics_removes_nothing(
    cli: CliRunner, tmp_path: Path
) -> None:
    people = tmp_path / "persons.jsonl"
    people.write_bytes(orjson.dumps(person(id="PER-9", owner="FRA")) + b"\n")
    assert cli.invoke(app, ["import", "persons", str(people)]).exit_code == 0
    result = cli.invoke(app, ["biometrics", "purge", "--record", "PER-9", "--reason", "x"])
    assert result.exit_code == 0
    assert "nothing to remove" in result.output
