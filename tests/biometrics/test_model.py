"""The face model on the shared photos: one face or a clear refusal; descriptors that put
the same person above the hit threshold and different people below the possible one."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image

from frontline.biometrics.decision import THRESHOLDS, FaceDecision, decide
from frontline.biometrics.images import decode_photo
from frontline.biometrics.model import DIMENSIONS, Embedding, FaceModel
from frontline.errors import InvalidInput
from tests.biometrics.photos import PEOPLE, photo

LIMITS = {"max_bytes": 10**8, "max_pixels": 10**8}


def test_a_descriptor_is_128_numbers_of_unit_length(embeddings: dict[str, Embedding]) -> None:
    for vector in embeddings.values():
        assert vector.shape == (DIMENSIONS,)
        assert vector.dtype == np.float32
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_a_photo_of_two_people_is_refused(model: FaceModel) -> None:
    with pytest.raises(InvalidInput, match="2 faces found: crop the photo to the one person"):
        model.embed(decode_photo(photo("two_people.jpg"), **LIMITS))


def test_a_photo_without_a_face_is_refused(model: FaceModel) -> None:
    wall = np.asarray(Image.linear_gradient("L").convert("RGB").resize((400, 300)))
    with pytest.raises(InvalidInput, match="no face found"):
        model.embed(wall)


def test_every_pair_of_shared_photos_is_decided_right(embeddings: dict[str, Embedding]) -> None:
    """All pairs: the same person is a hit, different people are no hit (calibration)."""
    wrong = []
    for first, second in itertools.combinations(sorted(embeddings), 2):
        similarity = float(embeddings[first] @ embeddings[second])
        same = PEOPLE[first] == PEOPLE[second]
        expected = FaceDecision.HIT if same else FaceDecision.NO_HIT
        if decide(similarity) is not expected:
            wrong.append((first, second, round(similarity, 3)))
    assert wrong == []


def test_the_decision_follows_the_thresholds() -> None:
    assert decide(THRESHOLDS.hit) is FaceDecision.HIT
    assert decide(0.999) is FaceDecision.HIT
    assert decide(THRESHOLDS.possible) is FaceDecision.POSSIBLE_MATCH
    assert decide(THRESHOLDS.hit - 0.001) is FaceDecision.POSSIBLE_MATCH
    assert decide(THRESHOLDS.possible - 0.001) is FaceDecision.NO_HIT
    assert decide(-1.0) is FaceDecision.NO_HIT
