"""A validation issue: one finding with its place in the workbook (SPEC 6)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Issue(BaseModel):
    """One finding: code (E001...), severity, sheet, A1 cell, field (column key), value, message, hint.

    `table` and `row` (0-based data row of the table) are kept for the writers; they are not
    part of the JSON of SPEC 5.
    """

    code: str
    severity: Severity
    sheet: str = ""
    cell: str = ""
    field: str = ""
    value: Any = None
    message: str = ""
    hint: str = ""
    table: str = ""
    row: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def public(self) -> dict[str, Any]:
        """The issue as SPEC 5's `validate --json` shows it."""
        value = self.value
        if value is not None and not isinstance(value, str | int | float | bool):
            value = str(value)
        return {
            "code": self.code, "severity": self.severity.value, "sheet": self.sheet,
            "cell": self.cell, "field": self.field, "value": value,
            "message": self.message, "hint": self.hint,
        }
