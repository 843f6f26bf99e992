"""The face model: dlib's HOG face detector, its 5-point landmarks and its ResNet face
descriptor, with the model files shipped inside the ``face-recognition-models`` package
(nothing is downloaded at run time).

A photo becomes one 128-number descriptor, scaled to unit length so that the inner product
of two is their cosine similarity (what the gallery's index searches for).
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image

from frontline.biometrics.images import Pixels
from frontline.errors import InvalidInput

__all__ = ["DIMENSIONS", "Embedding", "FaceModel", "face_model"]

Embedding = npt.NDArray[np.float32]

DIMENSIONS = 128

# Faces are found on a copy no longer than this on its long side: HOG on a 4,000-pixel
# photo takes seconds and finds the same face; a smaller photo is searched at twice its
# size so that a face down to ~40 pixels is still found.
DETECT_SIDE = 640


@dataclass(frozen=True, slots=True)
class _Files:
    landmarks: Path
    descriptor: Path


def _model_files() -> _Files:
    # Located without importing face_recognition_models: its __init__ imports the
    # deprecated pkg_resources only to build these same paths.
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the face-recognition-models package is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    return _Files(
        landmarks=folder / "shape_predictor_5_face_landmarks.dat",
        descriptor=folder / "dlib_face_recognition_resnet_model_v1.dat",
    )


class FaceModel:
    """Finds the one face in a photo and describes it; loaded once per process."""

    def __init__(self) -> None:
        import dlib  # here, not at the top: only a process that handles photos pays for it

        files = _model_files()
        self._rectangle: Any = dlib.rectangle
        self._detector: Any = dlib.get_frontal_face_detector()
        self._landmarks: Any = dlib.shape_predictor(str(files.landmarks))
        self._descriptor: Any = dlib.face_recognition_model_v1(str(files.descriptor))
        # dlib's objects are not documented as thread-safe; server threads take turns.
        self._lock = threading.Lock()

    def embed(self, pixels: Pixels) -> Embedding:
        """The unit-length descriptor of the photo's one face; refuses a photo with no
        face or with several (the officer crops it to the one person)."""
        with self._lock:
            boxes = self._find_faces(pixels)
            if not boxes:
                raise InvalidInput.for_field(
                    "photo", "no face found: use a frontal photo with the whole face visible"
                )
            if len(boxes) > 1:
                raise InvalidInput.for_field(
                    "photo", f"{len(boxes)} faces found: crop the photo to the one person"
                )
            shape = self._landmarks(pixels, boxes[0])
            raw = np.asarray(self._descriptor.compute_face_descriptor(pixels, shape, 1))
        vector = raw.astype(np.float32)
        return vector / np.float32(np.linalg.norm(vector))

    def _find_faces(self, pixels: Pixels) -> list[Any]:
        """The faces' boxes in the photo's own coordinates, found on a copy of at most
        DETECT_SIDE pixels a side."""
        height, width = pixels.shape[:2]
        scale = DETECT_SIDE / max(height, width)
        if scale >= 1.0:
            return list(self._detector(pixels, 1))
        small = Image.fromarray(pixels).resize(
            (max(1, round(width * scale)), max(1, round(height * scale))),
            Image.Resampling.BILINEAR,
        )
        found = self._detector(np.asarray(small), 0)
        return [
            self._rectangle(
                round(box.left() / scale),
                round(box.top() / scale),
                round(box.right() / scale),
                round(box.bottom() / scale),
            )
            for box in found
        ]


@cache
def face_model() -> FaceModel:
    """The process's one face model (loading reads ~30 MB of model files: about a second)."""
    return FaceModel()
