"""/v1/faces over HTTP: enrol by the owner's bureau, search by officers, and every bad
photo refused with the one error shape (SQLite only: storage is tested on both backends
in tests/biometrics)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from frontline.domain.records import RecordKind
from frontline.records.kinds import build_row
from tests.api.conftest import Api
from tests.biometrics.photos import needs_photos, photo, remembered_faces
from tests.factories import person

pytestmark = [needs_photos, pytest.mark.usefixtures("remembered_faces")]
__all__ = ["remembered_faces"]

JPEG = {"Content-Type": "image/jpeg"}


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'frontline.db'}"


@pytest.fixture
def gallery(api: Api) -> Api:
    services = api.services
    row = build_row(RecordKind.PERSONS, person(id="PER-BIDEN", owner="FRA"))
    services.store.create(RecordKind.PERSONS, row, now=services.clock())
    answer = api.client.post(
        "/v1/faces/enrolments/PER-BIDEN",
        content=photo("biden.jpg"),
        headers={**api.headers("bureau", "FRA"), **JPEG},
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["record_id"] == "PER-BIDEN"
    return api


def test_an_officer_uploads_a_photo_and_gets_the_person(gallery: Api) -> None:
    answer = gallery.client.post(
        "/v1/faces/search",
        files={"photo": ("probe.jpg", photo("biden_biden2.jpg"), "image/jpeg")},
        headers=gallery.headers("officer"),
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["verdict"] == "hit"
    assert [hit["record_id"] for hit in body["hits"]] == ["PER-BIDEN"]
    assert body["candidates"][0]["decision"] == "hit"
    assert body["thresholds"]["hit"] > body["thresholds"]["possible_match"]
    listed = gallery.client.get("/v1/faces/enrolments/PER-BIDEN", headers=gallery.headers())
    assert [item["record_id"] for item in listed.json()["items"]] == ["PER-BIDEN"]


def test_a_stranger_is_no_hit(gallery: Api) -> None:
    answer = gallery.client.post(
        "/v1/faces/search",
        content=photo("rose_leslie_img2.jpg"),
        headers={**gallery.headers(), **JPEG},
    )
    assert answer.status_code == 200
    assert answer.json()["verdict"] == "no_hit"
    assert answer.json()["hits"] == []


BAD_PHOTOS: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (lambda: b"", "is empty"),
    "not-an-image": (lambda: b"GIF89a not really", "is not an image"),
    "cut": (lambda: photo("obama.jpg")[:5_000], "cannot be decoded"),
    "two-faces": (lambda: photo("two_people.jpg"), "2 faces found"),
}


@pytest.mark.parametrize("bad", sorted(BAD_PHOTOS))
def test_a_bad_photo_is_refused_clearly(gallery: Api, bad: str) -> None:
    body, words = BAD_PHOTOS[bad]
    answer = gallery.client.post(
        "/v1/faces/search", content=body(), headers={**gallery.headers(), **JPEG}
    )
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid_input"
    assert words in error["message"]
    assert error["details"][0]["field"] == "photo"


def test_a_huge_photo_is_413(gallery: Api) -> None:
    limit = gallery.services.settings.face_max_image_bytes
    answer = gallery.client.post(
        "/v1/faces/search", content=b"\xff" * (limit + 1), headers={**gallery.headers(), **JPEG}
    )
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "payload_too_large"


def test_who_may_enrol_and_search(gallery: Api) -> None:
    probe = photo("obama_small.jpg")
    officer = gallery.client.post(
        "/v1/faces/enrolments/PER-BIDEN", content=probe, headers={**gallery.headers(), **JPEG}
    )
    assert officer.status_code == 403
    other_bureau = gallery.client.post(
        "/v1/faces/enrolments/PER-BIDEN",
        content=probe,
        headers={**gallery.headers("bureau", "DEU"), **JPEG},
    )
    assert other_bureau.status_code == 403
    assert gallery.client.post("/v1/faces/search", content=probe).status_code == 401
    form_without_photo = gallery.client.post(
        "/v1/faces/search", files={"other": ("x", b"x")}, headers=gallery.headers()
    )
    assert form_without_photo.status_code == 422
    assert (
        gallery.client.post(
            "/v1/faces/search?limit=500", content=probe, headers={**gallery.headers(), **JPEG}
        ).status_code
        == 422
    )


def test_a_removed_photo_no_longer_hits_and_another_bureau_cannot_remove_it(gallery: Api) -> None:
    listed = gallery.client.get("/v1/faces/enrolments/PER-BIDEN", headers=gallery.headers())
    url = f"/v1/faces/enrolments/PER-BIDEN/{listed.json()['items'][0]['id']}"
    reason = {"reason": "enrolled to the wrong record"}
    foreign = gallery.client.request(
        "DELETE", url, json=reason, headers=gallery.headers("bureau", "DEU")
    )
    assert foreign.status_code == 403
    removed = gallery.client.request(
        "DELETE", url, json=reason, headers=gallery.headers("bureau", "FRA")
    )
    assert removed.status_code == 200, removed.text
    assert removed.json()["reason"] == "enrolled to the wrong record"
    answer = gallery.client.post(
        "/v1/faces/search", content=photo("biden_biden2.jpg"), headers={**gallery.headers(), **JPEG}
    )
    assert answer.status_code == 200
    assert answer.json()["verdict"] == "no_hit"
    assert answer.json()["candidates"] == []
    again = gallery.client.request("DELETE", url, json=reason, headers=gallery.headers("admin"))
    assert again.status_code == 404
