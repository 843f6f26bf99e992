"""A console test client per user: each logs in through the login form, as a browser does.

The pages run on SQLite only: they call the same use cases as the API, whose storage is
tested on both backends; here what matters is the pages, the session and the forms.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from frontline.api.app import create_app
from frontline.domain.records import RecordKind
from frontline.records.kinds import build_row
from frontline.services import Services

PASSWORD = "correct horse battery"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'frontline.db'}"


def csrf_of(page: httpx.Response) -> str:
    found = _CSRF.search(page.text)
    assert found, "the page has no CSRF token"
    return found.group(1)


class Browser:
    """One person's browser: a cookie jar, and the CSRF token of the last page it read."""

    def __init__(self, app: FastAPI, *, base_url: str = "http://testserver") -> None:
        self.client = TestClient(app, base_url=base_url, raise_server_exceptions=False)
        self.csrf = ""

    def get(self, path: str, **options: Any) -> httpx.Response:
        response = self.client.get(path, **options)
        found = _CSRF.search(response.text)
        if found:
            self.csrf = found.group(1)
        return response

    def post(self, path: str, data: dict[str, str], **options: Any) -> httpx.Response:
        return self.client.post(path, data={"csrf_token": self.csrf, **data}, **options)

    def log_in(self, name: str, password: str = PASSWORD) -> httpx.Response:
        self.get("/login")
        return self.post("/login", {"name": name, "password": password, "next": "/check"})

    def check(self, **fields: str) -> httpx.Response:
        """Submit the check page's form: ``mrz=...`` or ``document_number=...``."""
        self.get("/check")
        return self.post("/check", {key.replace("_", ".", 1): v for key, v in fields.items()})


class Console:
    """The app, users of each role with a console password, and their browsers."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.app = create_app(services)
        self.tokens: dict[str, str] = {}

    def user(self, role: str = "officer", country: str = "FRA") -> str:
        name = f"{role}-{country}".lower()
        if name not in self.tokens:
            now = self.services.clock()
            new = self.services.users.add(name=name, role=role, country=country, now=now)
            self.services.users.set_password(name, PASSWORD)
            self.tokens[name] = new.token
        return name

    def browser(
        self, role: str | None = "officer", country: str = "FRA", **options: Any
    ) -> Browser:
        browser = Browser(self.app, **options)
        if role is not None:
            response = browser.log_in(self.user(role, country))
            assert response.status_code == 200, response.text
        return browser

    def load(self, kind: RecordKind, *rows: dict[str, Any]) -> None:
        now = self.services.clock()
        self.services.store.upsert(kind, [build_row(kind, row) for row in rows], now=now)
        assert self.services.index is not None
        self.services.index.refresh()


@pytest.fixture
def console(services: Services) -> Console:
    return Console(services)
