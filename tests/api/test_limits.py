"""The API's limits: rate per token and per address, body size, timeout; security headers."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from frontline.api.app import create_app
from frontline.services import Services, open_services
from frontline.settings import Settings
from tests.conftest import FrozenClock

MakeApp = Callable[..., tuple[TestClient, Services]]
CHECK = {"document": {"number": "X1234567", "country": "FRA"}}


@pytest.fixture
def make_app(tmp_path: Path, clock: FrozenClock) -> Iterator[MakeApp]:
    opened: list[Services] = []

    def make(**limits: Any) -> tuple[TestClient, Services]:
        settings = Settings(
            database_url=f"sqlite:///{tmp_path / f'limits{len(opened)}.db'}",
            data_dir=tmp_path / "data",
            **limits,
        )
        services = open_services(settings, clock=clock)
        opened.append(services)
        return TestClient(create_app(services), raise_server_exceptions=False), services

    yield make
    for services in opened:
        services.close()


def token(services: Services, name: str) -> dict[str, str]:
    new = services.users.add(name=name, role="officer", country="FRA", now=services.clock())
    return {"Authorization": f"Bearer {new.token}"}


def test_a_token_over_its_rate_is_refused_with_retry_after_others_go_on(make_app: MakeApp) -> None:
    client, services = make_app(rate_limit_per_token=3)
    first, second = token(services, "one"), token(services, "two")
    answers = [client.post("/v1/checks", json=CHECK, headers=first) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert refused.json()["error"]["code"] == "rate_limited"
    assert int(refused.headers["retry-after"]) >= 1
    assert client.post("/v1/checks", json=CHECK, headers=second).status_code == 200


def test_an_address_over_its_rate_is_refused_whatever_its_tokens(make_app: MakeApp) -> None:
    client, services = make_app(rate_limit_per_address=2)
    codes = [
        client.post("/v1/checks", json=CHECK, headers=token(services, f"u{i}")).status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]
    # Probes are never limited: a load balancer asks often, from one address.
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200


def test_bodies_over_the_limit_are_refused_declared_or_streamed(make_app: MakeApp) -> None:
    client, services = make_app(max_body_bytes=2048)
    headers = {**token(services, "big"), "Content-Type": "application/json"}
    big = b'{"checks": [' + b'{"document": {"number": "X1", "country": "FRA"}},' * 100 + b"{}]}"
    declared = client.post("/v1/checks/batch", content=big, headers=headers)
    assert declared.status_code == 413
    assert declared.json()["error"]["code"] == "payload_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: sent as chunks
        for start in range(0, len(big), 512):
            yield big[start : start + 512]

    streamed = client.post("/v1/checks/batch", content=chunks(), headers=headers)
    assert streamed.status_code == 413
    assert streamed.json()["error"] == {
        "code": "payload_too_large",
        "message": "the body is larger than 2048 bytes",
        "details": [],
    }


def test_an_answer_that_does_not_begin_in_time_is_a_503_timeout(make_app: MakeApp) -> None:
    client, _ = make_app(request_timeout_seconds=0.2)
    release = threading.Event()

    @client.app.get("/test-slow")
    def slow() -> dict[str, str]:
        # The test client hands back the answer only when the handler returns, a server
        # at once: what counts is that the answer is the timeout's, not the late one.
        release.wait(1.0)
        return {"status": "late"}

    answer = client.get("/test-slow")
    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "timeout"


def test_answers_carry_security_headers_and_hsts_only_over_https(make_app: MakeApp) -> None:
    client, services = make_app()
    plain = client.post("/v1/checks", json=CHECK, headers=token(services, "h"))
    assert plain.headers["x-content-type-options"] == "nosniff"
    assert plain.headers["x-frame-options"] == "DENY"
    assert plain.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in plain.headers["content-security-policy"]
    assert "strict-transport-security" not in plain.headers
    secure = TestClient(client.app, base_url="https://testserver").get("/healthz")
    assert secure.headers["strict-transport-security"] == "max-age=31536000"
    login = client.get("/login")
    assert login.status_code == 200
    assert "script-src 'self'" in login.headers["content-security-policy"]
    assert login.headers["x-content-type-options"] == "nosniff"  # once, not twice


def test_the_request_id_is_kept_when_plain_and_replaced_otherwise(make_app: MakeApp) -> None:
    client, _ = make_app()
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.9"})
    assert kept.headers["x-request-id"] == "lb-7f3a.9"
    replaced = client.get("/healthz", headers={"X-Request-ID": "Anna Petrova 1974-08-12"})
    assert replaced.headers["x-request-id"] != "Anna Petrova 1974-08-12"
    assert len(replaced.headers["x-request-id"]) == 24
