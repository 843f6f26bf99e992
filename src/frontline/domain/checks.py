"""What a check returns: a verdict, hits with their reasons, and warnings.

Hot-path types are slotted dataclasses, not pydantic models: a batch builds thousands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

from frontline.domain.specimens import DocumentReference, reference_as_dict

__all__ = [
    "CheckResult",
    "CheckWarning",
    "Database",
    "Hit",
    "Reason",
    "Verdict",
    "hit_as_dict",
    "result_as_dict",
    "verdict_for",
]


class Verdict(StrEnum):
    NO_HIT = "no_hit"
    HIT = "hit"
    POSSIBLE_MATCH = "possible_match"


class Database(StrEnum):
    """The databases a check fans out to, named as officers know them."""

    SLTD = "SLTD"  # stolen and lost travel documents: "document not valid"
    TDAWN = "TDAWN"  # travel documents associated with notices: "valid, but linked"
    NOMINAL = "NOMINAL"  # persons under notices and diffusions, matched by name and dates
    SMV = "SMV"  # stolen motor vehicles
    VESSELS = "VESSELS"  # stolen and wanted vessels
    FIREARMS = "FIREARMS"  # lost, stolen and trafficked firearms (iARMS)


@dataclass(frozen=True, slots=True)
class Reason:
    """One fact behind a hit, in words an officer reads under the hit card."""

    feature: str
    detail: str


@dataclass(frozen=True, slots=True)
class CheckWarning:
    """Something about the input the officer should see, e.g. a failed MRZ check digit."""

    code: str
    field: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """One record that matched. A hit asks to confirm with the owner; it decides nothing."""

    database: Database
    kind: str
    record_id: str
    score: float
    is_possible: bool
    status: str
    owner: str
    action: str
    reasons: tuple[Reason, ...]
    summary: dict[str, Any] = field(default_factory=dict)


def verdict_for(hits: list[Hit] | tuple[Hit, ...]) -> Verdict:
    """``hit`` when any hit is certain, ``possible_match`` when all are possible."""
    if not hits:
        return Verdict.NO_HIT
    if any(not hit.is_possible for hit in hits):
        return Verdict.HIT
    return Verdict.POSSIBLE_MATCH


@dataclass(slots=True, kw_only=True)
class CheckResult:
    """The answer to one check: what the officer sees, and what the audit stores.

    Slotted but not frozen, like the queries: one per item of a batch, never changed."""

    check_id: str
    verdict: Verdict
    hits: tuple[Hit, ...]
    warnings: tuple[CheckWarning, ...]
    data_as_of: dt.datetime
    parsed: dict[str, Any] | None = None
    # The genuine reference of each document checked whose country has specimens on file.
    references: tuple[DocumentReference, ...] = ()


def hit_as_dict(hit: Hit) -> dict[str, Any]:
    """The JSON shape of a hit (ARCHITECTURE.md: check result)."""
    return {
        "database": hit.database.value,
        "kind": hit.kind,
        "record_id": hit.record_id,
        "score": hit.score,
        "match": "possible" if hit.is_possible else "certain",
        "status": hit.status,
        "owner": hit.owner,
        "action": hit.action,
        "reasons": [{"feature": reason.feature, "detail": reason.detail} for reason in hit.reasons],
        "record": hit.summary,
    }


@lru_cache(maxsize=16)
def _zulu(moment: dt.datetime) -> str:
    """ISO 8601 in UTC with a Z; cached, as a batch's results share one ``data_as_of``."""
    return moment.isoformat().replace("+00:00", "Z")


def result_as_dict(result: CheckResult) -> dict[str, Any]:
    """The JSON shape of a check result, as the API and ``--json`` print it."""
    out: dict[str, Any] = {
        "check_id": result.check_id,
        "verdict": result.verdict,  # a StrEnum: orjson writes its value
        "hits": [hit_as_dict(hit) for hit in result.hits],
        "warnings": [
            {"code": warning.code, "field": warning.field, "message": warning.message}
            for warning in result.warnings
        ],
        "data_as_of": _zulu(result.data_as_of),
    }
    if result.parsed is not None:
        out["mrz"] = result.parsed
    if result.references:
        out["references"] = [reference_as_dict(reference) for reference in result.references]
    return out
