"""A validation issue (SPEC 6), and a problem the reader found in a cell, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
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
            "code": self.code,
            "severity": self.severity.value,
            "sheet": self.sheet,
            "cell": self.cell,
            "field": self.field,
            "value": value,
            "message": self.message,
            "hint": self.hint,
        }


class Problem(StrEnum):
    """What the reader found wrong while turning cells into the model; `validate/` gives each its code."""

    MISSING_TABLE = "missing_table"  # a required table is not in the workbook
    MISSING_COLUMN = (
        "missing_column"  # a needed column is not in its table (detail: its Indonesian header)
    )
    BLANK = "blank"  # a required cell is empty (detail: an addition to the hint, or None)
    NOT_NUMBER = "not_number"  # text that is no number
    ABSURD = "absurd"  # a number not finite or 10^15 or more (raw: how it is named)
    TEXT_NUMBER = "text_number"  # a number read from text (detail: the number)
    NOT_CHOICE = "not_choice"  # not one of the allowed words (detail: the words, or an example)
    EXCEL_ERROR = "excel_error"  # an Excel error value (#DIV/0!) in an input column
    NO_CACHED_VALUE = "no_cached_value"  # a formula saved without its value (read as blank)
    NEGATIVE_WEIGHT = "negative_weight"  # a weight below 0 (read as 0)
    BAD_PERIOD = "bad_period"  # a period that is not recognised
    BAD_DATE = "bad_date"  # a date that is not recognised
    REPEATED_KEY = "repeated_key"  # a key/value table names one key twice


@dataclass(frozen=True)
class ParseProblem:
    """One problem found while reading: what, in which table, data row (0-based; None for the
    header or the whole table) and column key, with the raw cell value and any detail the
    message needs (allowed words, the number read)."""

    what: Problem
    table: str
    row: int | None = None
    column: str = ""
    raw: Any = None
    detail: Any = None
