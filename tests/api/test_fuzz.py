"""Schemathesis over the service's own OpenAPI, in process: about 2,000 generated requests
(valid and invalid by the schema, as every role, with no token and with a bogus one) against
a small synthetic world. None may get a 5xx, a status its operation does not declare, or a
body outside the schema declared for its status.
The larger run is ``python -m bench.fuzz_api`` (see bench/BENCHMARKS.md)."""

from __future__ import annotations

from pathlib import Path

from bench.fuzz_api import fuzz_api, fuzzed_world

REQUESTS = 2_000
SEED = 20261201  # fixed, so a failure here comes back on the next run; the bench draws anew


def test_no_generated_request_gets_a_server_error_or_an_undeclared_answer(
    tmp_path: Path,
) -> None:
    with fuzzed_world(tmp_path) as (services, tokens):
        report = fuzz_api(services, tokens, requests=REQUESTS, random_seed=SEED)
    assert report.requests >= REQUESTS * 0.9
    assert len(report.per_operation) >= 40
    problems = [
        f"{failure.operation} as {failure.role} -> {failure.status}\n{failure.problem}\n"
        f"{failure.reproduce}"
        for failure in report.failures
    ]
    assert not problems, "\n\n".join(problems[:10])
