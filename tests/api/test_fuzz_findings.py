"""What the API fuzzing (tests/api/test_fuzz.py) found, each pinned by a test of its own."""

from __future__ import annotations

import asyncio

from starlette.requests import Request

from frontline.api.routers.faces import photo_of

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
