"""`make audit`: known vulnerabilities in the Python and npm dependencies (part of `make test`).

Fails when a dependency has a known vulnerability that a newer version fixes: upgrade it.
A vulnerability with no fix yet is printed, not failed on (nothing to upgrade to).

A reviewed vulnerability that does not affect careergraph is suppressed by adding its id
(PYSEC-..., GHSA-..., CVE-...) to .audit-ignore at the top of the repository, one a line,
with why and when after a `#`:

    GHSA-xxxx-xxxx-xxxx  # dev server only, never shipped; reviewed 2026-11-29 (name)

When an advisory service cannot be reached the audit says so; it fails then only with
--require (a machine that must audit, or fail, sets it).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IGNORE_FILE = ROOT / ".audit-ignore"


@dataclass(frozen=True)
class Finding:
    ecosystem: str
    package: str
    ids: frozenset[str]
    fix: str  # "" when no fixed version exists

    def line(self) -> str:
        fix = f"fixed in {self.fix}" if self.fix else "no fix yet"
        return f"{self.ecosystem} {self.package}: {', '.join(sorted(self.ids))} ({fix})"


class Unreachable(Exception):
    """The advisory service did not answer: nothing was checked."""


def ignored_ids(path: Path | None = None) -> set[str]:
    path = path or IGNORE_FILE
    if not path.is_file():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return {line for line in lines if line}


def python_findings() -> list[Finding]:
    """pip-audit on this interpreter's environment (the project's own editable package left out)."""
    command = [sys.executable, "-m", "pip_audit", "--skip-editable", "--format", "json"]
    done = subprocess.run(
        [*command, "--progress-spinner", "off"], capture_output=True, text=True, check=False
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise Unreachable(f"pip-audit: {done.stderr.strip()[-300:]}") from None
    return [
        Finding(
            "pip",
            f"{dep['name']} {dep['version']}",
            frozenset([v["id"], *v["aliases"]]),
            ", ".join(v["fix_versions"]),
        )
        for dep in report["dependencies"]
        for v in dep.get("vulns", [])
    ]


def npm_findings(frontend: Path = ROOT / "frontend") -> list[Finding]:
    done = subprocess.run(
        ["npm", "audit", "--json"], cwd=frontend, capture_output=True, text=True, check=False
    )
    report = json.loads(done.stdout or "{}")
    if "vulnerabilities" not in report:
        message = report.get("error", {}).get("summary") or done.stderr.strip()[-300:]
        raise Unreachable(f"npm audit: {message}")
    findings = []
    for name, entry in report["vulnerabilities"].items():
        advisories = [v for v in entry["via"] if isinstance(v, dict)]
        ids = {m.group() for v in advisories if (m := re.search(r"GHSA-[\w-]+", v.get("url", "")))}
        fix = entry["fixAvailable"]
        fixed = fix.get("version", "yes") if isinstance(fix, dict) else ("yes" if fix else "")
        findings.append(Finding("npm", name, frozenset(ids or {name}), fixed))
    return findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--require", action="store_true", help="fail when a service is down")
    args = parser.parse_args()
    ignore = ignored_ids()
    failed = False
    for audit in (python_findings, npm_findings):
        try:
            findings = audit()
        except Unreachable as error:
            print(f"audit NOT RUN: {error}")
            failed |= args.require
            continue
        for finding in findings:
            if finding.ids & ignore:
                print(f"ignored (.audit-ignore): {finding.line()}")
            elif finding.fix:
                print(f"VULNERABLE: {finding.line()}")
                failed = True
            else:
                print(f"warning: {finding.line()}")
        print(f"{audit.__name__.removesuffix('_findings')}: {len(findings)} known vulnerabilities")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
