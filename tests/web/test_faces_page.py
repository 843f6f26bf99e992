"""/faces: a second-line inspector uploads a photo and reads the ranked candidates; a
bureau enrols a photo to its record; forms need the CSRF token; the JSON twin."""

from __future__ import annotations

import re

import pytest

from frontline.domain.records import RecordKind
from tests.biometrics.photos import needs_photos, photo, remembered_faces
from tests.factories import person
from tests.web.conftest import Browser, Console

pytestmark = [needs_photos, pytest.mark.usefixtures("remembered_faces")]
__all__ = ["remembered_faces"]


def upload(browser: Browser, path: str, name: str, **fields: str) -> object:
    return browser.client.post(
        path,
        data={"csrf_token": browser.csrf, **fields},
        files={"photo": (name, photo(name), "image/jpeg")},
    )


@pytest.fixture
def gallery(console: Console) -> Console:
    console.load(RecordKind.PERSONS, person(id="PER-ROSE", owner="FRA", name="Rose Tester"))
    bureau = console.browser("bureau")
    assert "Enrol a photo" in bureau.get("/faces").text
    enrolled = upload(bureau, "/faces/enrol", "rose_leslie_img1.jpg", record_id="PER-ROSE")
    assert enrolled.status_code == 201, enrolled.text
    assert "Enrolled photo fac_" in enrolled.text
    return console


def test_an_inspector_uploads_a_photo_and_sees_the_person_first(gallery: Console) -> None:
    officer = gallery.browser("officer")
    page = officer.get("/faces")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text
    assert "Enrol a photo" not in page.text  # officers search, bureaus enrol
    answer = upload(officer, "/faces", "rose_leslie_img2.jpg")
    assert answer.status_code == 200, answer.text
    assert "✕ HIT" in answer.text
    rows = re.findall(r'<td><a href="/records/persons/([^"]+)">', answer.text)
    assert rows == ["PER-ROSE"]
    assert "Rose Tester" in answer.text


def test_a_photo_with_no_usable_face_is_shown_as_a_problem(gallery: Console) -> None:
    officer = gallery.browser("officer")
    officer.get("/faces")
    answer = upload(officer, "/faces", "two_people.jpg")
    assert answer.status_code == 422
    assert "Not searched" in answer.text
    assert "2 faces found" in answer.text


def test_a_form_without_the_csrf_token_is_refused(gallery: Console) -> None:
    officer = gallery.browser("officer")
    officer.get("/faces")
    answer = officer.client.post(
        "/faces", files={"photo": ("p.jpg", photo("rose_leslie_img2.jpg"), "image/jpeg")}
    )
    assert answer.status_code == 403


def test_the_json_twin_answers_a_script_with_a_token(gallery: Console) -> None:
    gallery.user("officer")
    token = gallery.tokens["officer-fra"]
    officer = Browser(gallery.app)
    answer = officer.client.post(
        "/faces.json",
        files={"photo": ("p.jpg", photo("obama.jpg"), "image/jpeg")},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["verdict"] == "no_hit"
    assert [item["record_id"] for item in answer.json()["candidates"]] == ["PER-ROSE"]
