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
from dataclasses import dataclass, field
from typing import Any

from frontline.demo import is_empty, seed_world
from frontline.domain.cases import Case, CaseState, Outcome
from frontline.domain.checks import Database
from frontline.domain.operations import Operation
from frontline.domain.queries import CheckContext
from frontline.domain.records import (
    Person,
    RecordKind,
    RecordState,
    TravelDocument,
    Vehicle,
    Vessel,
)
from frontline.domain.users import Principal, Role
from frontline.errors import Conflict, FrontlineError
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
# Checks by hour of the day (UTC): quiet at night, flights and ferries by day.
_HOURLY = (1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1)
_SECOND = dt.timedelta(seconds=1)
OPENED = (Database.SLTD, Database.TDAWN, Database.NOMINAL, Database.SMV, Database.VESSELS)
OFFICERS = ("sim-officer-1", "sim-officer-2", "sim-officer-3", "sim-officer-4")
COORDINATOR = "sim-coordinator"
_COUNTRIES = ("THA", "MYS", "KHM", "LAO", "CHN", "RUS", "DEU", "GBR", "FRA", "AUS", "IND", "USA")
_GIVEN = ("Somchai", "Anan", "Mei", "Olga", "James", "Aisha", "Kenji", "Lucas", "Nadia", "Tran")
_FAMILY = ("Srisuk", "Wong", "Ivanova", "Smith", "Rahman", "Tanaka", "Martin", "Nguyen", "Lee")


class SimClock:
    """A clock the simulation sets to each simulated moment."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@dataclass(slots=True)
class _Pools:
    """Real records to make hits from, and what a check of each looks like."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    persons: list[dict[str, Any]] = field(default_factory=list)
    linked: list[dict[str, Any]] = field(default_factory=list)
    vehicles: list[dict[str, Any]] = field(default_factory=list)
    vessels: list[dict[str, Any]] = field(default_factory=list)


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
        pools = self._pools()
        self._run_checks(operation, officers, pools, checks=checks, hit_rate=hit_rate)
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

    def _pools(self) -> _Pools:
        store, pools = self.services.store, _Pools()
        for record in _active(store, RecordKind.DOCUMENTS):
            if isinstance(record, TravelDocument) and record.number:
                pools.documents.append(
                    {"document": {"number": record.number, "country": record.issuing_country}}
                )
        for record in _active(store, RecordKind.PERSONS):
            if not isinstance(record, Person):
                continue
            name = record.aliases[0] if record.aliases else record.name
            person: dict[str, Any] = {"name": name}
            if record.birth_date is not None:
                person["birth_date"] = record.birth_date.isoformat()
            pools.persons.append({"person": person})
            for linked in record.documents:
                number, country = linked.number, linked.issuing_country
                pools.linked.append({"document": {"number": number, "country": country}})
        for record in _active(store, RecordKind.VEHICLES):
            if isinstance(record, Vehicle) and record.vin:
                pools.vehicles.append({"vehicle": {"vin": record.vin}})
        for record in _active(store, RecordKind.VESSELS):
            if isinstance(record, Vessel) and record.imo:
                pools.vessels.append({"vessel": {"imo": record.imo}})
        return pools

    # -- checking -------------------------------------------------------------------------

    def _run_checks(
        self,
        operation: Operation,
        officers: dict[str, Principal],
        pools: _Pools,
        *,
        checks: int,
        hit_rate: float,
    ) -> None:
        names = list(officers)
        for number, moment in enumerate(self._moments(operation, checks)):
            self._answer_until(moment)
            self.clock.now = moment
            point = self.rng.choices(BORDER_POINTS, weights=_POINT_WEIGHTS)[0]
            raw = self._hit_check(pools, point) if self.rng.random() < hit_rate else None
            raw = raw or self._clean_check(point)
            who = officers[self.rng.choice(names)]
            self._check(operation, who, raw, point["code"])
            if number % 50 == 0 or number == checks - 1:
                self.progress("checks", number + 1, checks)

    def _moments(self, operation: Operation, count: int) -> list[dt.datetime]:
        """When the checks happen: busier some days than others, and by day than by night."""
        rng = self.rng
        days = max(1, (operation.ends_at - operation.starts_at).days)
        day_weights = [rng.uniform(0.6, 1.4) for _ in range(days)]
        moments = []
        for _ in range(count):
            day = rng.choices(range(days), weights=day_weights)[0]
            hour = rng.choices(range(24), weights=_HOURLY)[0]
            offset = dt.timedelta(days=day, hours=hour, seconds=rng.uniform(0, 3600))
            moments.append(min(operation.starts_at + offset, operation.ends_at - _SECOND))
        return sorted(moments)

    def _check(self, operation: Operation, who: Principal, raw: dict[str, Any], point: str) -> None:
        request = parse_check_request(raw, today=self.clock.now.date())
        context = CheckContext(operation_id=operation.id, border_point=point)
        result = self.services.screening.check(principal=who, request=request, context=context)
        if result.hits:
            self._schedule_new_cases(operation)

    def _hit_check(self, pools: _Pools, point: dict[str, str]) -> dict[str, Any] | None:
        """A check of a real record: documents mostly, persons, and what the point sees."""
        choices: list[tuple[list[dict[str, Any]], int]] = [
            (pools.documents, 50),
            (pools.persons, 20),
            (pools.linked, 10),
        ]
        if point["type"] == "land":
            choices.append((pools.vehicles, 40))
        if point["type"] == "sea":
            choices.append((pools.vessels, 10))
        usable = [(pool, weight) for pool, weight in choices if pool]
        if not usable:
            return None
        pool = self.rng.choices([p for p, _ in usable], weights=[w for _, w in usable])[0]
        chosen = dict(self.rng.choice(pool))
        if "person" in chosen and self.rng.random() < 0.4:
            chosen["person"] = _blurred(chosen["person"], self.rng)
        return chosen

    def _clean_check(self, point: dict[str, str]) -> dict[str, Any]:
        """A traveller (document and name) or, at a land crossing, sometimes a car."""
        rng = self.rng
        if point["type"] == "land" and rng.random() < 0.3:
            plate = (
                f"{rng.choice('ABCDEFGHKLMN')}{rng.choice('ABCDEFGHKLMN')}{rng.randint(1000, 9999)}"
            )
            return {"vehicle": {"plate": plate, "plate_country": rng.choice(("THA", "MYS"))}}
        number = f"{rng.choice('ABCNPT')}{rng.randint(10_000_000, 99_999_999)}"
        country = rng.choice(_COUNTRIES)
        name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
        born = f"{rng.randint(1950, 2006)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return {
            "document": {"number": number, "country": country},
            "person": {"name": name, "birth_date": born},
        }

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


def _blurred(person: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The traveller as an officer may type them: one letter swapped, or the year only."""
    name = person["name"]
    if rng.random() < 0.5 and len(name) > 4:
        at = rng.randrange(1, len(name) - 2)
        name = name[:at] + name[at + 1] + name[at] + name[at + 2 :]
        return {**person, "name": name}
    born = person.get("birth_date")
    return {**person, "birth_date": born[:4]} if born else person


def _outcome(case: Case, rng: random.Random) -> Outcome:
    """What officers do once the owner has answered, by database."""
    if case.state is CaseState.NOT_CONFIRMED:
        return rng.choices((Outcome.RELEASED, Outcome.FALSE_HIT), weights=(2, 3))[0]
    if case.database == Database.SLTD.value:
        return rng.choices((Outcome.DOCUMENT_SEIZED, Outcome.REFERRED), weights=(8, 2))[0]
    if case.database in (Database.SMV.value, Database.VESSELS.value):
        return rng.choices((Outcome.VEHICLE_SEIZED, Outcome.REFERRED), weights=(7, 3))[0]
    return rng.choices((Outcome.DETAINED, Outcome.REFERRED, Outcome.RELEASED), weights=(4, 4, 2))[0]


def _active(store: Any, kind: RecordKind, limit: int = 5000) -> list[Any]:
    records: list[Any] = store.search(kind, state=RecordState.ACTIVE, limit=limit)
    return records
