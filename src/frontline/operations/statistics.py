"""An operation's live statistics: checks, hits, confirmed hits and outcomes, counted per
border point, database, notice type and day.

Definitions (docs/operations.md says the same):

- *checks*: audit rows of event ``check`` carrying the operation's id;
- *hits*: the items of those rows' ``result.hits`` (certain and possible alike);
- *confirmed*: the operation's cases whose owner confirmed them (state ``confirmed``, or
  later closed after a ``confirmed`` step);
- *outcomes*: the operation's closed cases, by ``outcome``.

Checks have no database or notice type (one check consults several databases), so those
two breakdowns count hits, confirmed hits and outcomes only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from frontline.domain.operations import Operation
from frontline.store.operation_stats import CaseRow, CheckCount, HitRow

__all__ = ["Breakdown", "Statistics", "count_statistics"]

NO_POINT = "(none)"


@dataclass(slots=True)
class Tally:
    checks: int = 0
    hits: int = 0
    certain_hits: int = 0
    possible_hits: int = 0
    confirmed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def as_dict(self, *, with_checks: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"checks": self.checks} if with_checks else {}
        out.update(
            hits=self.hits,
            certain_hits=self.certain_hits,
            possible_hits=self.possible_hits,
            confirmed=self.confirmed,
            outcomes=dict(sorted(self.outcomes.items())),
        )
        return out


Breakdown = dict[str, Tally]


@dataclass(slots=True, kw_only=True)
class Statistics:
    operation: Operation
    generated_at: dt.datetime
    totals: Tally
    by_border_point: Breakdown
    by_database: Breakdown
    by_notice_type: Breakdown
    by_day: Breakdown
    cases: list[CaseRow]

    def as_dict(self) -> dict[str, Any]:
        points = {point.code: point for point in self.operation.border_points}

        def rows(breakdown: Breakdown, key: str, with_checks: bool) -> list[dict[str, Any]]:
            return [
                {key: name, **tally.as_dict(with_checks=with_checks)}
                for name, tally in sorted(breakdown.items())
            ]

        by_point = rows(self.by_border_point, "border_point", True)
        for row in by_point:
            point = points.get(row["border_point"])
            row["name"] = point.name if point else None
            row["type"] = point.type.value if point else None
        return {
            "operation_id": self.operation.id,
            "name": self.operation.name,
            "generated_at": self.generated_at.isoformat(),
            "totals": self.totals.as_dict(with_checks=True),
            "by_border_point": by_point,
            "by_database": rows(self.by_database, "database", False),
            "by_notice_type": rows(self.by_notice_type, "notice_type", False),
            "by_day": rows(self.by_day, "day", True),
        }


def count_statistics(
    operation: Operation,
    *,
    checks: Iterable[CheckCount],
    hits: Iterable[HitRow],
    cases: list[CaseRow],
    now: dt.datetime,
) -> Statistics:
    """Tally the rows into every breakdown at once."""
    totals = Tally()
    by: dict[str, Breakdown] = {
        name: defaultdict(Tally) for name in ("point", "database", "status", "day")
    }
    for count in checks:
        totals.checks += count.checks
        by["point"][count.border_point or NO_POINT].checks += count.checks
        by["day"][count.day].checks += count.checks
    for hit in hits:
        keys = (hit.border_point or NO_POINT, hit.database, hit.status, hit.day)
        for tally in (totals, *_tallies(by, keys)):
            tally.hits += 1
            if hit.match == "possible":
                tally.possible_hits += 1
            else:
                tally.certain_hits += 1
    for case in cases:
        keys = (case.border_point or NO_POINT, case.database, case.status, case.day)
        for tally in (totals, *_tallies(by, keys)):
            tally.confirmed += case.was_confirmed
            if case.outcome:
                tally.outcomes[case.outcome] += 1
    return Statistics(
        operation=operation,
        generated_at=now,
        totals=totals,
        by_border_point=dict(by["point"]),
        by_database=dict(by["database"]),
        by_notice_type=dict(by["status"]),
        by_day=dict(by["day"]),
        cases=cases,
    )


def _tallies(by: dict[str, Breakdown], keys: tuple[str, str, str, str]) -> list[Tally]:
    point, database, status, day = keys
    return [by["point"][point], by["database"][database], by["status"][status], by["day"][day]]
