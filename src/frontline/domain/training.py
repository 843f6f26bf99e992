"""Training exercises: the decisions a trainee records, the ground truth of each case, and
the scores that compare one with the other. Pure: no store, no clock."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from frontline.domain.records import NoticeType

__all__ = [
    "NOTICE_DECISIONS",
    "CaseType",
    "Decision",
    "ExerciseCase",
    "ScoreLine",
    "TraineeDecision",
    "score_lines",
]


class Decision(StrEnum):
    """What the officer does with the traveller after the check."""

    RELEASE = "release"
    REFER_SECOND_LINE = "refer_second_line"
    HOLD_CONTACT_BUREAU = "hold_contact_bureau"
    SEIZE_DOCUMENT = "seize_document"

    @property
    def label(self) -> str:
        return _DECISION_LABELS[self]


_DECISION_LABELS = {
    Decision.RELEASE: "Release",
    Decision.REFER_SECOND_LINE: "Refer to second line",
    Decision.HOLD_CONTACT_BUREAU: "Hold and contact the bureau",
    Decision.SEIZE_DOCUMENT: "Seize the document",
}


class CaseType(StrEnum):
    """What a case trains: the fact a trainee must spot."""

    CLEAN = "clean"
    MRZ_CHECK_DIGIT = "mrz_check_digit"
    DATA_PAGE_MISMATCH = "data_page_mismatch"
    NONEXISTENT_SERIES = "nonexistent_series"
    STOLEN_BLANK = "stolen_blank"
    STOLEN_DOCUMENT = "stolen_document"
    NOTICE = "notice"
    NOMINAL = "nominal"
    TDAWN = "tdawn"
    VEHICLE = "vehicle"


# Which decision each notice type asks of a frontline officer: the notice's action text
# (synth/actions.py) read as one of the four things an officer at the booth can do.
NOTICE_DECISIONS: Mapping[NoticeType, Decision] = {
    NoticeType.RED: Decision.HOLD_CONTACT_BUREAU,  # provisional arrest, call the bureau
    NoticeType.YELLOW: Decision.HOLD_CONTACT_BUREAU,  # a missing person: keep safe, inform
    NoticeType.ORANGE: Decision.HOLD_CONTACT_BUREAU,  # imminent threat: alert, inform now
    NoticeType.UN_SPECIAL: Decision.HOLD_CONTACT_BUREAU,  # travel ban: refuse, inform
    NoticeType.DIFFUSION: Decision.HOLD_CONTACT_BUREAU,  # confirm with the bureau first
    NoticeType.BLUE: Decision.REFER_SECOND_LINE,  # do not detain; record whereabouts
    NoticeType.GREEN: Decision.REFER_SECOND_LINE,  # do not detain; thorough check
    NoticeType.BLACK: Decision.REFER_SECOND_LINE,  # verify identity thoroughly
    NoticeType.PURPLE: Decision.REFER_SECOND_LINE,  # search luggage and vehicle
    NoticeType.NOMINAL: Decision.RELEASE,  # for information only: record the check
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ExerciseCase:
    """One traveller of an exercise: what the trainee is shown and the ground truth.

    ``presented`` holds what the officer has in hand (``mrz`` lines, a printed
    ``data_page``, a passenger-list ``person``, a ``vehicle``); ``expected`` is the right
    decision and ``explanation`` why, shown once the trainee has decided.
    """

    number: int
    case_type: CaseType
    presented: dict[str, Any]
    expected: Decision
    explanation: str
    record_id: str | None = None

    def as_dict(self, *, with_truth: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"number": self.number, "presented": self.presented}
        if with_truth:
            data |= {
                "case_type": self.case_type.value,
                "expected": self.expected.value,
                "explanation": self.explanation,
                "record_id": self.record_id,
            }
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExerciseCase:
        return cls(
            number=int(data["number"]),
            case_type=CaseType(data["case_type"]),
            presented=dict(data["presented"]),
            expected=Decision(data["expected"]),
            explanation=str(data["explanation"]),
            record_id=data.get("record_id"),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class TraineeDecision:
    """A trainee's decision on one case of an exercise."""

    trainee: str
    case_number: int
    case_type: CaseType
    decision: Decision
    expected: Decision

    @property
    def is_correct(self) -> bool:
        return self.decision is self.expected


@dataclass(slots=True)
class ScoreLine:
    """One trainee's score: correct decisions out of cases decided, overall and per type."""

    trainee: str
    decided: int = 0
    correct: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [correct, decided]

    @property
    def percent(self) -> float:
        return round(100.0 * self.correct / self.decided, 1) if self.decided else 0.0

    def as_dict(self, cases: int) -> dict[str, Any]:
        return {
            "trainee": self.trainee,
            "cases": cases,
            "decided": self.decided,
            "correct": self.correct,
            "percent": self.percent,
            "is_complete": self.decided >= cases,
            "by_type": {
                kind: {"correct": right, "decided": seen}
                for kind, (right, seen) in sorted(self.by_type.items())
            },
        }


def score_lines(decisions: Iterable[TraineeDecision]) -> list[ScoreLine]:
    """Scores per trainee (sorted by name), each with its per-case-type breakdown."""
    lines: dict[str, ScoreLine] = {}
    tallies: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for item in decisions:
        line = lines.setdefault(item.trainee, ScoreLine(item.trainee))
        line.decided += 1
        line.correct += int(item.is_correct)
        tally = tallies[item.trainee].setdefault(item.case_type.value, [0, 0])
        tally[0] += int(item.is_correct)
        tally[1] += 1
    for name, line in lines.items():
        line.by_type = tallies[name]
    return [lines[name] for name in sorted(lines)]
