from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from frontline.api.app import create_app
from frontline.services import Services


class Api:
    """A test client plus tokens for a user of each role."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.client = TestClient(create_app(services), raise_server_exceptions=False)
        self.tokens: dict[str, str] = {}

    def token(self, role: str, country: str = "FRA") -> str:
        key = f"{role}-{country}"
        if key not in self.tokens:
            new = self.services.users.add(
                name=key, role=role, country=country, now=self.services.clock()
            )
            self.tokens[key] = new.token
        return self.tokens[key]

    def headers(self, role: str = "officer", country: str = "FRA") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(role, country)}"}


@pytest.fixture
def api(services: Services) -> Iterator[Api]:
    client = Api(services)
    with client.client:
        yield client
