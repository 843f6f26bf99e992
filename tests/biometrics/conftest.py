"""The face model, loaded once per test session (about a second), and the shared photos'
descriptors, computed once."""

from __future__ import annotations

import pytest

from frontline.biometrics.images import decode_photo
from frontline.biometrics.model import Embedding, FaceModel, face_model
from tests.biometrics.photos import FACES, PEOPLE, photo, remembered_faces, remembering_model

__all__ = ["embeddings", "model", "remembered_faces"]


@pytest.fixture(scope="session")
def model() -> FaceModel:
    if not FACES.is_dir():
        pytest.skip(f"the shared face photos are not at {FACES}")
    return face_model()


@pytest.fixture(scope="session")
def embeddings(model: FaceModel) -> dict[str, Embedding]:
    """Every single-face shared photo's descriptor."""
    remembering = remembering_model()  # what the use-case tests enrol is then described
    return {
        name: remembering.embed(decode_photo(photo(name), max_bytes=10**8, max_pixels=10**8))
        for name in PEOPLE
    }
