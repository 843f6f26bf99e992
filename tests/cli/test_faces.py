"""``frontline faces enrol|search|list``: the gallery from the command line (SQLite only:
storage is tested on both backends in tests/biometrics)."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from frontline.cli import app
from tests.biometrics.photos import needs_photos, photo_path, remembered_faces
from tests.factories import person

pytestmark = [needs_photos, pytest.mark.usefixtures("remembered_faces")]
__all__ = ["remembered_faces"]


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'frontline.db'}"


@pytest.fixture
def gallery(cli: CliRunner, tmp_path: Path) -> CliRunner:
    rows = [person(id="PER-OBAMA"), person("Joseph Bidenko", id="PER-BIDEN")]
    path = tmp_path / "persons.jsonl"
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    assert cli.invoke(app, ["import", "persons", str(path)]).exit_code == 0
    for record_id, name in (("PER-OBAMA", "obama.jpg"), ("PER-BIDEN", "biden.jpg")):
        enrolled = cli.invoke(app, ["faces", "enrol", record_id, str(photo_path(name))])
        assert enrolled.exit_code == 0, enrolled.output
        assert f"to {record_id}" in enrolled.stderr
    return cli


def test_search_prints_the_check_result_best_first(gallery: CliRunner) -> None:
    found = gallery.invoke(app, ["faces", "search", str(photo_path("obama_small.jpg")), "--json"])
    assert found.exit_code == 0, found.output
    body = json.loads(found.stdout)
    assert body["verdict"] == "hit"
    assert [hit["record_id"] for hit in body["hits"]] == ["PER-OBAMA"]
    assert [item["record_id"] for item in body["candidates"]] == ["PER-OBAMA", "PER-BIDEN"]
    words = gallery.invoke(app, ["faces", "search", str(photo_path("rose_leslie_img2.jpg"))])
    assert words.exit_code == 0
    assert "NO HIT" in words.stderr
    assert "PER-OBAMA: similarity" in words.stderr
    listed = gallery.invoke(app, ["faces", "list", "PER-BIDEN", "--json"])
    assert [item["record_id"] for item in json.loads(listed.stdout)["items"]] == ["PER-BIDEN"]


def test_bad_photos_exit_2_with_a_message(gallery: CliRunner, tmp_path: Path) -> None:
    two = gallery.invoke(app, ["faces", "search", str(photo_path("two_people.jpg"))])
    assert two.exit_code == 2
    assert "2 faces found" in two.stderr
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo")
    assert "is not an image" in gallery.invoke(app, ["faces", "search", str(text)]).stderr
    missing = gallery.invoke(app, ["faces", "enrol", "PER-OBAMA", str(tmp_path / "gone.jpg")])
    assert missing.exit_code == 2
    assert "cannot read" in missing.stderr
    unknown = gallery.invoke(app, ["faces", "enrol", "PER-NONE", str(photo_path("obama.jpg"))])
    assert unknown.exit_code == 2
    assert "no persons record PER-NONE" in unknown.stderr
