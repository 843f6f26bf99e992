"""Check every installed package against known vulnerabilities (pip-audit), for `make audit`.

    python -m bench.audit_dependencies [--strict]

Fails (exit 1) on any known vulnerability that IGNORED below does not explain. pip-audit asks
PyPI's advisory data for each package at its installed version; where that service cannot be
reached (no network, or a registry mirror that serves packages but not their advisories), the
packages it could not check are not "clean": this prints, loudly, that the audit did not run
for them and how many, and exits 0 so the rest of `make test` still runs; with ``--strict``
(or AUDIT_STRICT=1) it exits 1 instead. docs/security.md ("Dependencies") says why.
Prints one JSON summary line at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from typing import Any

import orjson

# A known vulnerability we accept, by id, each with the reason it does not apply or why it
# cannot be fixed yet. Empty: none is known in the pinned versions.
IGNORED: dict[str, str] = {}

_BANNER = "!" * 78


def run_pip_audit() -> tuple[int, dict[str, Any] | None, str]:
    """pip-audit's exit code, its JSON report (None when it wrote none) and its stderr."""
    command = [sys.executable, "-m", "pip_audit", "--skip-editable", "--progress-spinner", "off"]
    command += ["--format", "json"]
    for vulnerability in IGNORED:
        command += ["--ignore-vuln", vulnerability]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    try:
        report = orjson.loads(done.stdout) if done.stdout.strip() else None
    except orjson.JSONDecodeError:
        report = None
    return done.returncode, report, done.stderr


def summarise(report: dict[str, Any]) -> dict[str, Any]:
    """Packages audited, those that could not be, and every vulnerability found."""
    audited, unchecked, found = [], [], []
    for dependency in report.get("dependencies", []):
        reason = dependency.get("skip_reason")
        if reason is None:
            audited.append(dependency["name"])
            for vulnerability in dependency.get("vulns", []):
                found.append({"package": dependency["name"], **vulnerability})
        elif "editable" not in reason:
            unchecked.append(f"{dependency['name']}: {reason}")
    return {"audited": audited, "unchecked": unchecked, "vulnerabilities": found}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", default=bool(os.getenv("AUDIT_STRICT")))
    strict = parser.parse_args().strict
    code, report, errors = run_pip_audit()
    if report is None:
        last = errors.strip().splitlines()[-1:] or [f"pip-audit exited {code}"]
        return _incomplete(strict, f"pip-audit wrote no report: {last[0]}", 0, [])
    summary = summarise(report)
    for vulnerability in summary["vulnerabilities"]:
        fixed = ", ".join(vulnerability.get("fix_versions") or []) or "no fixed version yet"
        print(f"VULNERABLE {vulnerability['package']}: {vulnerability['id']} (fixed in {fixed})")
    counts = {key: len(value) for key, value in summary.items()}
    print(orjson.dumps({"dependency_audit": counts, "ignored": sorted(IGNORED)}).decode())
    if summary["vulnerabilities"]:
        print(f"{len(summary['vulnerabilities'])} known vulnerabilities: upgrade, or explain each")
        print("in bench/audit_dependencies.py IGNORED and docs/security.md.")
        return 1
    if summary["unchecked"]:
        return _incomplete(
            strict,
            "the vulnerability service did not answer for them",
            len(summary["audited"]),
            summary["unchecked"],
        )
    print(f"dependency audit: {len(summary['audited'])} packages, no known vulnerability")
    return 0


def _incomplete(strict: bool, why: str, audited: int, unchecked: list[str]) -> int:
    print(_BANNER)
    print(f"DEPENDENCY AUDIT INCOMPLETE: {len(unchecked)} packages NOT checked ({why});")
    print(f"{audited} checked. This is not a clean bill: run `make audit` where PyPI's")
    print("advisory data (pypi.org/pypi/<name>/<version>/json) can be reached.")
    for line in unchecked[:5]:
        print(f"  {line}")
    if len(unchecked) > 5:
        print(f"  ... and {len(unchecked) - 5} more")
    print("FAILING (--strict / AUDIT_STRICT=1)." if strict else "Not failing the build for it.")
    print(_BANNER)
    return 1 if strict else 0


if __name__ == "__main__":
    sys.exit(main())
