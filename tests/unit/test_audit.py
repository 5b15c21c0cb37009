"""The dependency audit's verdicts on pip-audit's and npm audit's JSON (tools/audit.py)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tools import audit

PIP_REPORT = {
    "dependencies": [
        {
            "name": "jinja2",
            "version": "2.10",
            "vulns": [
                {"id": "PYSEC-2019-217", "fix_versions": ["2.10.1"], "aliases": ["CVE-2019-10906"]},
            ],
        },
        {
            "name": "oldlib",
            "version": "1.0",
            "vulns": [
                {"id": "PYSEC-2099-1", "fix_versions": [], "aliases": []},
            ],
        },
        {"name": "fine", "version": "1.0", "vulns": []},
    ],
}
NPM_REPORT = {
    "vulnerabilities": {
        "vite": {
            "severity": "high",
            "fixAvailable": {"name": "vite", "version": "6.4.1"},
            "via": [{"url": "https://github.com/advisories/GHSA-abcd-efgh-ijkl"}],
        },
        "esbuild": {"severity": "moderate", "fixAvailable": False, "via": ["vite"]},
    },
}


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> None:
    def run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        report = NPM_REPORT if command[0] == "npm" else PIP_REPORT
        return subprocess.CompletedProcess(command, 1, json.dumps(report), "")

    monkeypatch.setattr(audit.subprocess, "run", run)


def test_findings_say_what_is_fixed_where(reports: None) -> None:
    python = {f.package: f for f in audit.python_findings()}
    assert python["jinja2 2.10"].fix == "2.10.1"
    assert "CVE-2019-10906" in python["jinja2 2.10"].ids
    assert python["oldlib 1.0"].fix == ""
    npm = {f.package: f for f in audit.npm_findings()}
    assert npm["vite"].fix == "6.4.1" and npm["vite"].ids == {"GHSA-abcd-efgh-ijkl"}
    assert npm["esbuild"].fix == ""


def test_a_fixable_vulnerability_fails_unless_ignored(
    reports: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.argv", ["audit"])
    monkeypatch.setattr(audit, "IGNORE_FILE", tmp_path / ".audit-ignore")
    assert audit.main() == 1
    (tmp_path / ".audit-ignore").write_text(
        "CVE-2019-10906  # not reachable here; reviewed\nGHSA-abcd-efgh-ijkl\n"
    )
    assert audit.main() == 0


def test_an_unreachable_service_fails_only_when_required(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def down(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 1, "", "405 Method Not Allowed")

    monkeypatch.setattr(audit.subprocess, "run", down)
    monkeypatch.setattr(audit, "IGNORE_FILE", tmp_path / ".audit-ignore")
    monkeypatch.setattr("sys.argv", ["audit"])
    assert audit.main() == 0
    monkeypatch.setattr("sys.argv", ["audit", "--require"])
    assert audit.main() == 1
