"""What a face similarity means to an officer: hit, possible match or no hit.

The thresholds are data, named with the algorithm they were calibrated for (see
docs/biometrics.md, "How the thresholds were set"): dlib's descriptor was calibrated by its
author on LFW at a Euclidean distance of 0.6 between raw descriptors (99.38% accuracy);
raw descriptors are ~1.40 long (the median over the shared photos), so 0.6 is a distance
of 0.43 between unit-length ones, a cosine similarity of 1 - 0.43**2 / 2 = 0.908.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["ALGORITHM", "THRESHOLDS", "FaceDecision", "Thresholds", "decide"]

# Stored with every enrolment: a gallery built by another model (or another detector or
# landmark set, which move the descriptor) must not be compared with this one.
ALGORITHM = "dlib-resnet-v1+hog+5pt"


class FaceDecision(StrEnum):
    HIT = "hit"
    POSSIBLE_MATCH = "possible_match"
    NO_HIT = "no_hit"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Cosine similarities between unit-length descriptors, for one algorithm."""

    algorithm: str
    hit: float  # at or above: the same person, to be confirmed with the record's owner
    possible: float  # at or above (below ``hit``): an inspector compares the photos

    def describe(self) -> str:
        return f"hit at {self.hit:.2f} or more, possible match at {self.possible:.2f} or more"


# hit 0.93: a raw distance of ~0.52, stricter than dlib's 0.6, so a hit is rare between
# different people; possible 0.90: about dlib's 0.6. On the shared photos every pair of the
# same person scores 0.959 or more and every other pair 0.869 or less.
THRESHOLDS = Thresholds(algorithm=ALGORITHM, hit=0.93, possible=0.90)


def decide(similarity: float, thresholds: Thresholds = THRESHOLDS) -> FaceDecision:
    """The decision for one candidate's cosine similarity to the probe."""
    if similarity >= thresholds.hit:
        return FaceDecision.HIT
    if similarity >= thresholds.possible:
        return FaceDecision.POSSIBLE_MATCH
    return FaceDecision.NO_HIT
