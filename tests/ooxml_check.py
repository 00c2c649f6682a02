"""One check for every file the product writes: openxml-audit, strict policy, Office 2016, no findings.

Same as ``openxml-audit --policy strict -f office2016 -m 0 FILE`` on the command line; a failure
lists every finding (part, path, node, description) so the writer to fix is plain.
"""

from __future__ import annotations

from pathlib import Path

from openxml_audit import FileFormat, OpenXmlValidator

FORMAT = FileFormat.OFFICE_2016


def ooxml_findings(path: Path) -> list[str]:
    """Every finding (errors and warnings) of openxml-audit in strict mode, one line each."""
    validator = OpenXmlValidator(file_format=FORMAT, max_errors=0, strict=True)
    result = validator.validate(Path(path))
    findings = [
        f"{e.severity.value}: {e.part_uri} {e.path} {e.node or ''}: {e.description}"
        for e in result.errors
    ]
    if not result.is_valid and not findings:
        findings.append("openxml-audit: not valid, without a finding listed")
    return findings


def assert_valid_ooxml(path: Path) -> None:
    """Fail with the findings listed unless openxml-audit (strict, office2016) finds nothing."""
    findings = ooxml_findings(path)
    assert not findings, (
        f"openxml-audit --policy strict -f office2016 found {len(findings)} problem(s) in "
        f"{Path(path).name}:\n" + "\n".join(findings[:50]) + ("\n..." if len(findings) > 50 else "")
    )
