"""The dependency audit's reading of pip-audit's report (bench/audit_dependencies.py): a
vulnerability fails, packages the service could not check are never counted as clean."""

from __future__ import annotations

from typing import Any

import pytest

from bench import audit_dependencies
from bench.audit_dependencies import summarise

REPORT: dict[str, Any] = {
    "dependencies": [
        {"name": "fastapi", "version": "0.165.0", "vulns": []},
        {"name": "jinja2", "version": "3.1.2", "vulns": [{"id": "GHSA-h5c8", "fix_versions": []}]},
        {"name": "anyio", "skip_reason": "Dependency not found on PyPI and could not be audited"},
        {"name": "frontline", "skip_reason": "distribution marked as editable"},
    ],
    "fixes": [],
}


def test_the_summary_counts_checked_unchecked_and_vulnerable_packages() -> None:
    summary = summarise(REPORT)
    assert summary["audited"] == ["fastapi", "jinja2"]
    assert [line.split(":")[0] for line in summary["unchecked"]] == ["anyio"]
    assert [(v["package"], v["id"]) for v in summary["vulnerabilities"]] == [
        ("jinja2", "GHSA-h5c8")
    ]


@pytest.mark.parametrize(
    ("dependencies", "strict", "code", "incomplete"),
    [
        (REPORT["dependencies"], False, 1, False),  # a vulnerability fails, strict or not
        (REPORT["dependencies"][2:], False, 0, True),  # nothing checked: said loudly, not failed
        (REPORT["dependencies"][2:], True, 1, True),  # ... unless strict
        (REPORT["dependencies"][:1], True, 0, False),  # all checked, none vulnerable
    ],
)
def test_the_exit_code_follows_what_was_found(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    dependencies: list[dict[str, Any]],
    strict: bool,
    code: int,
    incomplete: bool,
) -> None:
    report = {"dependencies": dependencies, "fixes": []}
    monkeypatch.setattr(audit_dependencies, "run_pip_audit", lambda: (0, report, ""))
    monkeypatch.setattr("sys.argv", ["audit", *(["--strict"] if strict else [])])
    monkeypatch.delenv("AUDIT_STRICT", raising=False)
    assert audit_dependencies.main() == code
    assert ("AUDIT INCOMPLETE" in capsys.readouterr().out) == incomplete
