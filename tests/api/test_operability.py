"""Operability: /readyz beside /healthz, /metrics (who may read it, what it counts), and
JSON logs that carry request ids but never the input."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from frontline.api.app import create_app
from frontline.api.logs import JsonFormatter
from frontline.services import Services, open_services
from frontline.settings import Settings
from tests.conftest import FrozenClock
from tests.factories import document, person

METRICS_TOKEN = "m3tr1cs-Token-0123456789-abcdefghijk"
# A passport of the ICAO 9303 specimen holder, and a person listed under a red notice.
MRZ = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
INPUTS = ("Ljudmila Sokolova", "1969-03-14", "ZX4471902", "L898902C3", "ERIKSSON", "7408122")


@pytest.fixture
def services(tmp_path: Path, clock: FrozenClock) -> Iterator[Services]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'ops.db'}",
        data_dir=tmp_path / "data",
        metrics_token=METRICS_TOKEN,
    )
    opened = open_services(settings, clock=clock)
    yield opened
    opened.close()


def client_for(services: Services, address: str = "127.0.0.1") -> TestClient:
    return TestClient(create_app(services), client=(address, 50000))


def officer(services: Services) -> dict[str, str]:
    new = services.users.add(name="ops", role="officer", country="FRA", now=services.clock())
    return {"Authorization": f"Bearer {new.token}"}


def test_ready_when_the_database_answers_the_schema_is_at_head_and_the_index_is_loaded(
    services: Services,
) -> None:
    client = client_for(services)
    answer = client.get("/readyz")
    assert answer.status_code == 200
    checks = answer.json()["checks"]
    assert checks["database"]["ok"]
    assert checks["index"]["ok"]
    assert checks["migrations"]["revision"] == checks["migrations"]["head"]
    with services.engine.begin() as connection:  # a deploy half done: the schema is behind
        connection.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    behind = client.get("/readyz")
    assert behind.status_code == 503
    assert behind.json()["checks"]["migrations"] == {
        "ok": False,
        "revision": "0006",
        "head": checks["migrations"]["head"],
    }
    assert client.get("/healthz").status_code == 200  # alive all the same


def test_metrics_are_for_loopback_or_the_metrics_token(services: Services) -> None:
    remote = client_for(services, "203.0.113.9")
    assert remote.get("/metrics").status_code == 403
    wrong = remote.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
    assert wrong.status_code == 403
    opened = remote.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert opened.status_code == 200
    assert client_for(services).get("/metrics").status_code == 200


def _sample(text: str, name: str) -> float:
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith(name))


def test_metrics_count_checks_hits_by_database_engine_latency_and_the_outbox(
    services: Services,
) -> None:
    client = client_for(services)
    bureau = services.users.add(name="b", role="bureau", country="FRA", now=services.clock())
    listed = document("ZX4471902")
    made = client.post(
        "/v1/records/documents", json=listed, headers={"Authorization": f"Bearer {bureau.token}"}
    )
    assert made.status_code == 201
    before = client.get("/metrics").text
    headers = officer(services)
    hit = {"document": {"number": "ZX4471902", "country": "FRA"}}
    clean = {"document": {"number": "QQ0000001", "country": "FRA"}}
    for body in (hit, clean, clean):
        assert client.post("/v1/checks", json=body, headers=headers).status_code == 200
    after = client.get("/metrics").text
    assert after.startswith("# HELP")
    checks = 'frontline_checks_total{verdict="no_hit"}'
    assert _sample(after, checks) - _sample(before, checks) == 2
    sltd = 'frontline_hits_total{database="SLTD"}'
    assert _sample(after, sltd) - _sample(before, sltd) == 1
    engine = 'frontline_engine_seconds_count{engine="document"}'
    assert _sample(after, engine) - _sample(before, engine) == 3
    route = 'frontline_http_requests_total{method="POST",route="/v1/checks",status="200"}'
    assert _sample(after, route) - _sample(before, route) == 3
    assert 'frontline_outbox_events{state="pending"} 1.0' in after  # the hit's notification
    assert "frontline_index_records_loaded_total" in after


def test_logs_are_json_with_request_ids_and_never_carry_the_input(services: Services) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        client = client_for(services)
        bureau = services.users.add(name="b", role="bureau", country="RUS", now=services.clock())
        listed = person("Ljudmila Sokolova", birth_date="1969-03-14")
        client.post(
            "/v1/records/persons", json=listed, headers={"Authorization": f"Bearer {bureau.token}"}
        )
        headers = {**officer(services), "X-Request-ID": "req-42"}
        bodies = [
            {"person": {"name": "Ljudmila Sokolova", "birth_date": "1969-03-14"}},
            {"document": {"number": "ZX4471902", "country": "FRA"}},
            {"mrz": MRZ},
            {"person": {"name": "Ljudmila Sokolova", "birth_date": "1969-13-40"}},  # refused
        ]
        for body in bodies:
            client.post("/v1/checks", json=body, headers=headers)
        client.get("/records?q=Ljudmila+Sokolova")
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    lines = stream.getvalue().splitlines()
    entries = [orjson.loads(line) for line in lines]
    checks = [entry for entry in entries if entry.get("route") == "/v1/checks"]
    assert len(checks) == len(bodies)
    assert {entry["request_id"] for entry in checks} == {"req-42"}
    assert {entry["status"] for entry in checks} == {200, 422}
    for value in INPUTS:
        assert value not in stream.getvalue()
