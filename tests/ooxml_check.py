"""Open XML validity of a written file: `openxml-audit --policy strict -f office2016` must find nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def audit_findings(path: Path) -> list[dict]:
    """Every error and warning `openxml-audit --policy strict -f office2016` reports for `path`."""
    command = [sys.executable, "-m", "openxml_audit", "--policy", "strict", "-f", "office2016", "-o", "json",
               "-m", "0", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        results = json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise AssertionError(f"openxml-audit gave no JSON for {path} (exit {done.returncode}): "
                             f"{done.stdout[:500]} {done.stderr[:2000]}") from exc
    findings: list[dict] = []
    for result in results:
        for key in ("errors", "warnings"):
            value = result.get(key)
            if isinstance(value, list):
                findings += value
        if not findings and not result.get("valid", False):
            findings.append({"description": f"not valid: {result.get('verdict')}"})
    if done.returncode != 0 and not findings:
        findings.append({"description": f"openxml-audit exit {done.returncode}: {done.stderr[:2000]}"})
    return findings


def assert_valid_ooxml(path: Path) -> None:
    """Fail listing each finding (part, XML path, description) unless `path` passes the strict audit."""
    findings = audit_findings(Path(path))
    if findings:
        lines = [f"{f.get('part_uri', '?')} {f.get('path', '')}: {f.get('description', f)}" for f in findings[:40]]
        more = f"\n... and {len(findings) - 40} more" if len(findings) > 40 else ""
        raise AssertionError(f"{path.name}: {len(findings)} Open XML finding(s) (openxml-audit --policy strict "
                             f"-f office2016):\n" + "\n".join(lines) + more)
