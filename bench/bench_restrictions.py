"""What owner restrictions cost a check: hits checked against every restriction held.

Times ``Screening._withhold`` (the one step restrictions add to a check, after the engines
and before the audit write) on a result with one hit, with no restriction stored (the
baseline, measured in the same run) and with N restrictions stored, the hit's record among
them and hidden from the caller. A check without hits skips the step entirely.
Usage: python -m bench.bench_restrictions [--restrictions 10000] [--rounds 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bench.common import emit, percentiles
from frontline.domain.checks import CheckResult, Database, Hit, Verdict
from frontline.domain.users import Principal, Role
from frontline.screening.service import Screening
from frontline.screening.sql import SqlCandidates
from frontline.store.audit import AuditLog
from frontline.store.database import make_engine, migrate, write_transaction
from frontline.store.repository import RecordStore
from frontline.store.restrictions import restrictions_for
from frontline.store.security_tables import record_restrictions

_CALLER = Principal(1, "bench", Role.OFFICER, "ITA")


def _result() -> CheckResult:
    hit = Hit(
        database=Database.SLTD,
        kind="documents",
        record_id="DOC-000001",
        score=1.0,
        is_possible=False,
        status="stolen",
        owner="FRA",
        action="Seize the document.",
        reasons=(),
    )
    return CheckResult(
        check_id="chk_1",
        verdict=Verdict.HIT,
        hits=(hit,),
        warnings=(),
        data_as_of=dt.datetime.now(dt.UTC),
    )


def _time(screening: Screening, rounds: int) -> dict[str, float]:
    results = [_result()]
    samples = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        screening._withhold(_CALLER, results)  # the step measured
        samples.append(time.perf_counter_ns() - start)
    return percentiles(samples)


def run(count: int, rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'restrictions.db'}")
        migrate(engine)
        store = RecordStore(engine)
        clock = lambda: dt.datetime.now(dt.UTC)  # noqa: E731
        source = SqlCandidates(store, clock=clock)
        screening = Screening(records=store, audit=AuditLog(engine), source=source, clock=clock)
        restrictions_for(engine).refresh_seconds = 3600.0
        baseline = _time(screening, rounds)
        rows = [
            {
                "kind": "documents",
                "record_id": f"DOC-{number:06d}",
                "mode": "except",
                "countries": "ITA",
                "owner": "FRA",
                "set_by": "bench",
                "set_at": dt.datetime(2026, 12, 1),
            }
            for number in range(1, count + 1)
        ]
        with write_transaction(engine) as connection:
            connection.execute(insert(record_restrictions), rows)
        restrictions_for(engine).forget()
        restricted = _time(screening, rounds)
        assert not screening._withhold(_CALLER, [_result()])[0][0].hits
        engine.dispose()
    return {
        "restrictions": count,
        "withhold_one_hit": restricted,
        "baseline_no_restrictions": baseline,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--restrictions", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=100_000)
    options = parser.parse_args()
    emit({"benchmark": "record_restrictions", **run(options.restrictions, options.rounds)})


if __name__ == "__main__":
    main()
