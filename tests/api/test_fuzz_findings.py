"""What the API fuzzing (tests/api/test_fuzz.py) found, each pinned by a test of its own."""

from __future__ import annotations

import asyncio

import pytest
from starlette.requests import Request

from frontline.api.deps import MAX_SEQ, MAX_VERSION
from frontline.api.routers.faces import photo_of
from tests.api.conftest import Api

_FORM = (
    b"--b\r\n"
    b'Content-Disposition: form-data; name="photo"; filename="face.jpg"\r\n'
    b"Content-Type: image/jpeg\r\n\r\n"
    b"not really a jpeg\r\n"
    b"--b--\r\n"
)


def _multipart_request(body: bytes) -> Request:
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/v1/faces/search",
        "headers": [(b"content-type", b"multipart/form-data; boundary=b")],
    }

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(scope, receive)


def test_a_photo_sent_as_a_form_is_read_and_its_temporary_file_closed() -> None:
    async def read() -> tuple[bytes, bool]:
        request = _multipart_request(_FORM)
        photo = await photo_of(request)
        form = await request.form()  # the form read above, as the request keeps it
        upload = form["photo"]
        assert not isinstance(upload, str)
        return photo, upload.file.closed

    assert asyncio.run(read()) == (b"not really a jpeg", True)


def test_a_body_that_is_not_json_is_invalid_input_in_the_one_error_shape(api: Api) -> None:
    response = api.client.post(
        "/v1/checks",
        content=b"*\xff4\xfe",
        headers={**api.headers("officer"), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["code"], error["details"][0]["field"]) == ("invalid_input", "(body)")


def test_every_api_operation_declares_its_error_answers_in_the_one_shape(api: Api) -> None:
    schema = api.client.get("/openapi.json").json()
    error_shape = {"$ref": "#/components/schemas/ErrorOut"}
    for path, operations in schema["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, operation in operations.items():
            for status in ("401", "403", "404", "422", "429"):
                declared = operation["responses"][status]["content"]["application/json"]
                assert declared["schema"] == error_shape, (method, path, status)
    assert schema["components"]["schemas"]["ErrorOut"]["required"] == ["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/v1/audit?before=491508684729999163392",
        f"/v1/audit?before={MAX_SEQ + 1}",
        f"/v1/cases?before={MAX_SEQ + 1}",
        f"/v1/hits?owner=FRA&after={MAX_SEQ + 1}",
        f"/v1/sync/manifest?since={MAX_VERSION + 1}",
    ],
)
def test_a_sequence_number_past_its_column_is_invalid_input_not_a_server_error(
    api: Api, path: str
) -> None:
    response = api.client.get(path, headers=api.headers("admin"))
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "invalid_input"


@pytest.mark.parametrize(
    "path", [f"/v1/audit?before={MAX_SEQ}", f"/v1/sync/manifest?since={MAX_VERSION}"]
)
def test_the_largest_sequence_number_and_version_are_still_read(api: Api, path: str) -> None:
    response = api.client.get(path, headers=api.headers("admin"))
    assert response.status_code == 200, response.text
