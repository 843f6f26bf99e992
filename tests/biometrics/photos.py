"""The shared face photos (../shared/data/faces; its README says who is who), and the
face model remembering what it described."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pytest

from frontline.biometrics.images import Pixels
from frontline.biometrics.model import Embedding, FaceModel, face_model
from tests.conftest import SHARED_DATA

FACES = SHARED_DATA / "faces"

# Who is in which shared photo (from its README); two_people.jpg shows two faces.
PEOPLE: dict[str, str] = {
    "obama.jpg": "obama",
    "obama2.jpg": "obama",
    "obama_small.jpg": "obama",
    "biden.jpg": "biden",
    "biden_biden2.jpg": "biden",
    "alex_lacamoire_img1.jpg": "alex_lacamoire",
    "alex_lacamoire1.jpg": "alex_lacamoire",
    "rose_leslie_img1.jpg": "rose_leslie",
    "rose_leslie_img2.jpg": "rose_leslie",
}

needs_photos = pytest.mark.skipif(
    not FACES.is_dir(), reason=f"the shared face photos are not at {FACES}"
)


def photo(name: str) -> bytes:
    return (FACES / name).read_bytes()


def photo_path(name: str) -> Path:
    return FACES / name


class RememberingModel(FaceModel):
    """The real model, remembering each photo's descriptor: the same photo enrolled in many
    tests is described once (descriptors are deterministic, so nothing else changes)."""

    def __init__(self) -> None:  # the wrapped model is the process's one, loaded once
        self._seen: dict[bytes, Embedding] = {}

    def embed(self, pixels: Pixels) -> Embedding:
        key = hashlib.sha256(pixels.tobytes()).digest() + bytes(str(pixels.shape), "ascii")
        if key not in self._seen:
            self._seen[key] = face_model().embed(pixels)
        return self._seen[key]


@cache
def remembering_model() -> FaceModel:
    return RememberingModel()


@pytest.fixture
def remembered_faces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Services opened in this test describe each photo once per session."""
    monkeypatch.setattr("frontline.services.face_model", remembering_model)
