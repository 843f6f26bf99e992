"""``frontline operations simulate``: a realistic operation over the demo world.

An operation at five border points (two airports, a port, a ferry terminal, a land
crossing) over ``days`` days, ending twelve hours ago; officers make ``checks`` checks
spread over the window (a simulated clock moves to each check's time), a few percent of them
on real records of the store (stolen documents, persons under notices and their documents,
stolen vehicles and vessels). The owner bureaus then answer most cases within hours
(confirming, then confirmed or not) and the checking officers close them with an outcome,
each step at its own simulated time, in time order with the checks. Everything goes
through the same use cases, audit and cases as real checks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import heapq
import random
from collections.abc import Callable
from typing import Any

from frontline.demo import is_empty, seed_world
from frontline.domain.cases import Case, CaseState, Outcome
from frontline.domain.checks import Database
from frontline.domain.operations import Operation
from frontline.domain.queries import CheckContext
from frontline.domain.users import Principal, Role
from frontline.errors import Conflict, FrontlineError
from frontline.operations.traffic import Traffic, check_moments
from frontline.screening.requests import parse_check_request
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.store.cases import CaseFilter

__all__ = ["SimClock", "simulate_operation"]

Progress = Callable[[str, int, int], None]
"""(stage, done, total): called as the simulation goes."""

HOST = "THA"
BORDER_POINTS: tuple[dict[str, str], ...] = (
    {"code": "BKK", "type": "air", "name": "Suvarnabhumi Airport"},
    {"code": "HKT", "type": "air", "name": "Phuket International Airport"},
    {"code": "THLCH", "type": "sea", "name": "Laem Chabang Port"},
    {"code": "THHKT", "type": "sea", "name": "Phuket ferry terminal"},
    {"code": "THSAD", "type": "land", "name": "Sadao border crossing"},
)
_POINT_WEIGHTS = (40, 18, 12, 10, 20)
OPENED = (Database.SLTD, Database.TDAWN, Database.NOMINAL, Database.SMV, Database.VESSELS)
OFFICERS = ("sim-officer-1", "sim-officer-2", "sim-officer-3", "sim-officer-4")
COORDINATOR = "sim-coordinator"


class SimClock:
    """A clock the simulation sets to each simulated moment."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def simulate_operation(
    settings: Settings,
    *,
    checks: int = 3000,
    days: int = 5,
    seed: int = 7,
    hit_rate: float = 0.03,
    progress: Progress | None = None,
    real_now: dt.datetime | None = None,
) -> dict[str, Any]:
    """Run the simulation on ``settings``' database and return its summary."""
    now = (real_now or dt.datetime.now(dt.UTC)).replace(minute=0, second=0, microsecond=0)
    clock = SimClock(now)
    services = open_services(settings, clock=clock)
    try:
        return _Run(services, clock, random.Random(seed), progress).go(
            checks=checks, days=days, seed=seed, hit_rate=hit_rate, now=now
        )
    finally:
        services.close()


class _Run:
    def __init__(
        self,
        services: Services,
        clock: SimClock,
        rng: random.Random,
        progress: Progress | None,
    ) -> None:
        self.services = services
        self.clock = clock
        self.rng = rng
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.pending: list[tuple[dt.datetime, int, str, str]] = []  # (when, n, case, step)
        self.cases_seen: set[str] = set()
        self.steps = 0
        self.refused = 0

    def go(
        self, *, checks: int, days: int, seed: int, hit_rate: float, now: dt.datetime
    ) -> dict[str, Any]:
        seeded = self._seed_world(seed, now)
        officers = self._officers()
        admin = Principal(0, "simulation", Role.ADMIN, HOST)
        ends = now - dt.timedelta(hours=12)
        starts = ends - dt.timedelta(days=days)
        self.clock.now = starts - dt.timedelta(days=1)
        operation = self.services.operations.create(
            principal=admin,
            name=f"Operation Andaman Gate (simulated, seed {seed})",
            host_country=HOST,
            starts_at=starts,
            ends_at=ends,
            border_points=list(BORDER_POINTS),
            databases=[database.value for database in OPENED],
            crime_areas=["human trafficking", "travel document fraud", "vehicle crime"],
            officers=list(officers),
            devices=["sim-tablet-1", "sim-tablet-2"],
            description="A simulated operation over the synthetic demo world.",
        )
        traffic = Traffic.from_store(self.services.store, self.rng)
        self._run_checks(operation, officers, traffic, checks=checks, hit_rate=hit_rate)
        self._drain()
        stats = self.services.operations.statistics(principal=admin, operation_id=operation.id)
        totals = stats.totals.as_dict(with_checks=True)
        return {
            "operation_id": operation.id,
            "name": operation.name,
            "starts_at": starts.isoformat(),
            "ends_at": ends.isoformat(),
            "border_points": [point["code"] for point in BORDER_POINTS],
            "seeded_demo_world": seeded,
            **totals,
            "cases": len(self.cases_seen),
            "case_steps": self.steps,
            "refused_case_steps": self.refused,
        }

    # -- setting up -----------------------------------------------------------------------

    def _seed_world(self, seed: int, now: dt.datetime) -> bool:
        if not is_empty(self.services):
            return False
        self.progress("seeding the demo world", 0, 1)
        size = self.services.settings.demo_size
        seed_world(self.services, size=size, seed=seed, today=now.date())
        self.progress("seeding the demo world", 1, 1)
        return True

    def _officers(self) -> dict[str, Principal]:
        """The simulation's officers (made if missing) and the demo officer, if there is one."""
        users = self.services.users
        for name in (*OFFICERS, COORDINATOR):
            role = "coordinator" if name == COORDINATOR else "officer"
            with contextlib.suppress(Conflict):
                users.add(name=name, role=role, country=HOST, now=self.clock())
        known = self.services.operations.store.known_users([*OFFICERS, "demo-officer"])
        return {name: known[name] for name in sorted(known)}

    # -- checking -------------------------------------------------------------------------

    def _run_checks(
        self,
        operation: Operation,
        officers: dict[str, Principal],
        traffic: Traffic,
        *,
        checks: int,
        hit_rate: float,
    ) -> None:
        names = list(officers)
        moments = check_moments(operation.starts_at, operation.ends_at, checks, self.rng)
        for number, moment in enumerate(moments):
            self._answer_until(moment)
            self.clock.now = moment
            point = self.rng.choices(BORDER_POINTS, weights=_POINT_WEIGHTS)[0]
            raw = traffic.on_record(point["type"]) if self.rng.random() < hit_rate else None
            raw = raw or traffic.clean(point["type"])
            who = officers[self.rng.choice(names)]
            self._check(operation, who, raw, point["code"])
            if number % 50 == 0 or number == checks - 1:
                self.progress("checks", number + 1, checks)

    def _check(self, operation: Operation, who: Principal, raw: dict[str, Any], point: str) -> None:
        request = parse_check_request(raw, today=self.clock.now.date())
        context = CheckContext(operation_id=operation.id, border_point=point)
        result = self.services.screening.check(principal=who, request=request, context=context)
        if result.hits:
            self._schedule_new_cases(operation)

    # -- answering ------------------------------------------------------------------------

    def _schedule_new_cases(self, operation: Operation) -> None:
        admin = Principal(0, "simulation", Role.ADMIN, HOST)
        found = self.services.cases.find(
            principal=admin, where=CaseFilter(operation_id=operation.id, limit=20)
        )
        for _rid, case in found:
            if case.id in self.cases_seen:
                continue
            self.cases_seen.add(case.id)
            if self.rng.random() < 0.12:
                continue  # left unanswered: still pending when the report is read
            self._schedule(case.created_at + self._minutes(5, 60), case.id, "take")

    def _schedule(self, when: dt.datetime, case_id: str, step: str) -> None:
        self.steps += 1
        heapq.heappush(self.pending, (when, self.steps, case_id, step))

    def _minutes(self, low: float, high: float) -> dt.timedelta:
        return dt.timedelta(minutes=self.rng.uniform(low, high))

    def _answer_until(self, moment: dt.datetime) -> None:
        while self.pending and self.pending[0][0] <= moment:
            when, _n, case_id, step = heapq.heappop(self.pending)
            self.clock.now = when
            self._step(case_id, step)

    def _drain(self) -> None:
        total = len(self.pending)
        while self.pending:
            self._answer_until(self.pending[0][0])
            self.progress("answering cases", total - len(self.pending), total)

    def _step(self, case_id: str, step: str) -> None:
        admin = Principal(0, "simulation", Role.ADMIN, HOST)
        case = self.services.cases.get(principal=admin, case_id=case_id)
        owner = Principal(0, f"sim-bureau-{case.record_owner}", Role.BUREAU, case.record_owner)
        closer = Principal(0, case.checked_by, Role.OFFICER, case.checking_country)
        try:
            if step == "take":
                self._move(owner, case, CaseState.CONFIRMING, "taken by the owner bureau")
                self._schedule(self.clock.now + self._minutes(20, 480), case_id, "answer")
            elif step == "answer":
                confirms = self.rng.random() < (0.35 if case.is_possible else 0.85)
                to = CaseState.CONFIRMED if confirms else CaseState.NOT_CONFIRMED
                reason = "record valid, identity matches" if confirms else "not the same person"
                self._move(owner, case, to, reason)
                self._schedule(self.clock.now + self._minutes(10, 90), case_id, "close")
            else:
                outcome = _outcome(case, self.rng)
                self._move(closer, case, CaseState.CLOSED, f"closed: {outcome.value}", outcome)
        except FrontlineError:
            self.refused += 1  # a step the rules refuse is left out, as a real bureau would

    def _move(
        self,
        who: Principal,
        case: Case,
        to: CaseState,
        reason: str,
        outcome: Outcome | None = None,
    ) -> None:
        self.services.cases.transition(
            principal=who, case_id=case.id, to=to, reason=reason, outcome=outcome
        )


def _outcome(case: Case, rng: random.Random) -> Outcome:
    """What officers do once the owner has answered, by database."""
    if case.state is CaseState.NOT_CONFIRMED:
        return rng.choices((Outcome.RELEASED, Outcome.FALSE_HIT), weights=(2, 3))[0]
    if case.database == Database.SLTD.value:
        return rng.choices((Outcome.DOCUMENT_SEIZED, Outcome.REFERRED), weights=(8, 2))[0]
    if case.database in (Database.SMV.value, Database.VESSELS.value):
        return rng.choices((Outcome.VEHICLE_SEIZED, Outcome.REFERRED), weights=(7, 3))[0]
    return rng.choices((Outcome.DETAINED, Outcome.REFERRED, Outcome.RELEASED), weights=(4, 4, 2))[0]
