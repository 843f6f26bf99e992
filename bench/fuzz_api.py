"""Fuzz the service's own OpenAPI with schemathesis, in process (ASGI, no server).

Every operation the app publishes at ``/openapi.json`` gets generated requests, valid by the
schema (positive) and invalid (negative), each sent with the token of a random role (or no
token, or a bogus one) against a small seeded synthetic world. Three properties must hold
for every response: no 5xx, a status the operation declares, and a body that matches what
the schema declares for that status (api/responses.py declares the error answers).

    python -m bench.fuzz_api [--requests N] [--seed S]

prints JSON: requests sent, per operation, and every failure (none expected). The suite runs
a smaller round (tests/api/test_fuzz.py); failures there print the request to reproduce.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance
from sqlalchemy import select

from bench.common import emit
from frontline.api.app import create_app
from frontline.demo import seed_world
from frontline.domain.records import RecordKind
from frontline.domain.users import Role
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.store.tables import metadata

__all__ = ["FuzzFailure", "FuzzReport", "fuzz_api", "fuzzed_world"]

WORLD_SIZE = 300
WORLD_SEED = 8
# No token and a token nobody was given stand beside the real roles.
NO_TOKEN = "(none)"
BOGUS_TOKEN = "(bogus)"
_CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@dataclass(slots=True)
class FuzzFailure:
    """One response that broke a property: which operation, as whom, what, how to repeat."""

    operation: str
    role: str
    status: int
    problem: str
    reproduce: str


@dataclass(slots=True)
class FuzzReport:
    requests: int = 0
    per_operation: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    operation_statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    failures: list[FuzzFailure] = field(default_factory=list)
    without_negative: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "operations": len(self.per_operation),
            "failures": len(self.failures),
            "seconds": round(self.seconds, 1),
            "statuses": {str(code): n for code, n in sorted(self.statuses.items())},
            "per_operation": {
                label: {
                    str(code): n
                    for (name, code), n in sorted(self.operation_statuses.items())
                    if name == label
                }
                for label in sorted(self.per_operation)
            },
            "without_negative": self.without_negative,
            "failure_list": [asdict(failure) for failure in self.failures[:50]],
        }


@contextmanager
def fuzzed_world(folder: Path) -> Iterator[tuple[Services, dict[str, str]]]:
    """Services over a fresh SQLite database with a small synthetic world, and a token for
    each role (acting for FRA, the demo world's home bureau)."""
    settings = Settings(
        database_url=f"sqlite:///{folder / 'fuzz.db'}",
        data_dir=folder / "data",
        index_refresh_seconds=0,
    )
    services = open_services(settings)
    try:
        today = services.clock().date()
        seed_world(services, size=WORLD_SIZE, seed=WORLD_SEED, today=today)
        now = services.clock()
        tokens = {
            role.value: services.users.add(
                name=f"fuzz-{role.value}", role=role.value, country="FRA", now=now
            ).token
            for role in Role
        }
        tokens[BOGUS_TOKEN] = "not-a-token-anyone-was-given"
        yield services, tokens
    finally:
        services.close()


def fuzz_api(
    services: Services,
    tokens: dict[str, str],
    *,
    requests: int,
    random_seed: int,
) -> FuzzReport:
    """Send about ``requests`` requests, shared evenly between the operations, half valid
    by the schema and half not."""
    app = create_app(services)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    report = FuzzReport()
    started = time.perf_counter()
    operations = [result.ok() for result in schema.get_all_operations()]
    examples = max(3, requests // (2 * len(operations)))
    known = _known_paths(services)
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            cases = _cases(operation, mode, known)
            _fuzz_operation(operation, cases, mode, tokens, examples, random_seed, report)
    report.seconds = time.perf_counter() - started
    return report


def _known_paths(services: Services) -> list[dict[str, str]]:
    """Path parameters that name what the world holds: each record kind, a few records of
    each, our country; so generated requests reach records, not only 404s."""
    known: list[dict[str, str]] = [{"country": "FRA"}, {"country": "DEU"}]
    with services.engine.connect() as connection:
        for kind in RecordKind:
            table = metadata.tables[kind.value]
            ids = connection.execute(select(table.c.id).order_by(table.c.id).limit(3)).scalars()
            known += [{"kind": kind.value, "record_id": str(record_id)} for record_id in ids]
    return known


def _cases(operation: Any, mode: GenerationMode, known: list[dict[str, str]]) -> Any:
    """Generated cases, and as many again with path parameters the world knows, where the
    operation's path takes exactly such parameters."""
    generated = operation.as_strategy(generation_mode=mode)
    names = {parameter.name for parameter in operation.path_parameters}
    fitting = list(
        {
            tuple(sorted((name, values[name]) for name in names)): values
            for values in known
            if names and set(values) >= names
        }.values()
    )
    if not fitting:
        return generated
    chosen = [
        operation.as_strategy(
            generation_mode=mode, path_parameters={name: values[name] for name in names}
        )
        for values in fitting
    ]
    return generated | st.one_of(chosen)


def _fuzz_operation(
    operation: Any,
    cases: Any,
    mode: GenerationMode,
    tokens: dict[str, str],
    examples: int,
    random_seed: int,
    report: FuzzReport,
) -> None:
    roles = st.sampled_from([*tokens, NO_TOKEN])

    @seed(random_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        # Failures are collected, not raised, so there is nothing to shrink.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=cases, role=roles)
    def run(case: Any, role: str) -> None:
        headers = {} if role == NO_TOKEN else {"Authorization": f"Bearer {tokens[role]}"}
        report.requests += 1
        report.per_operation[operation.label] += 1
        try:
            response = case.call(headers=headers)
        except Exception as error:  # the app raised: its client saw a 500
            report.statuses[500] += 1
            report.operation_statuses[operation.label, 500] += 1
            report.failures.append(_failure(case, role, 500, f"raised {error!r}", headers))
            return
        report.statuses[response.status_code] += 1
        report.operation_statuses[operation.label, response.status_code] += 1
        try:
            case.validate_response(response, checks=_CHECKS, headers=headers)
        except (Exception, BaseExceptionGroup) as failure:  # each failed check is recorded
            report.failures.append(
                _failure(case, role, response.status_code, str(failure), headers)
            )

    try:
        run()
    except Unsatisfiable:
        # An operation without parameters or body has no invalid request to make.
        if mode is GenerationMode.POSITIVE:
            raise
        report.without_negative.append(operation.label)


def _failure(
    case: Any, role: str, status: int, problem: str, headers: dict[str, str]
) -> FuzzFailure:
    return FuzzFailure(
        operation=case.operation.label,
        role=role,
        status=status,
        problem=problem[:2000],
        reproduce=case.as_curl_command(headers=headers),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=12_000, help="about this many in all")
    parser.add_argument("--seed", type=int, default=int(dt.datetime.now().timestamp()))
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, fuzzed_world(Path(folder)) as (services, tokens):
        report = fuzz_api(services, tokens, requests=arguments.requests, random_seed=arguments.seed)
    emit(
        {
            "benchmark": "fuzz_api",
            "seed": arguments.seed,
            "world_size": WORLD_SIZE,
            **report.as_dict(),
        }
    )


if __name__ == "__main__":
    main()
