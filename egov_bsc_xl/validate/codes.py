"""Every issue code of SPEC 6 as data: its severity and its message key; a check declares what it raises."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from egov_bsc_xl.model.issues import Problem, Severity

F = TypeVar("F", bound=Callable[..., object])


class Code(StrEnum):
    """An issue code (pandera's SchemaErrorReason): the code itself is the value shown in the JSON,
    `severity` says whether it blocks the scores, `message_key` names its text in i18n.messages."""

    severity: Severity

    def __new__(cls, value: str, severity: Severity) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.severity = severity
        return member

    @property
    def message_key(self) -> str:
        """The key of the message and hint in egov_bsc_xl.i18n.messages."""
        return self.value

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    E001 = "E001", Severity.ERROR  # a required table is missing
    E002 = "E002", Severity.ERROR  # a needed column is missing
    E010 = "E010", Severity.ERROR  # an id (or a settings key) used twice
    E011 = "E011", Severity.ERROR  # a reference to an id that does not exist
    E012 = "E012", Severity.ERROR  # 'supports' links form a cycle
    E020 = "E020", Severity.ERROR  # a required cell is blank
    E021 = "E021", Severity.ERROR  # not a number
    E022 = "E022", Severity.ERROR  # not an allowed word
    E023 = "E023", Severity.ERROR  # a target unusable with the polarity
    E024 = "E024", Severity.ERROR  # lower target above the upper one
    E025 = "E025", Severity.ERROR  # an Excel error value
    E026 = "E026", Severity.ERROR  # a period not recognised
    E027 = "E027", Severity.ERROR  # two rows of one KPI for one period
    E028 = "E028", Severity.ERROR  # a period of the wrong length for the KPI's frequency
    E029 = "E029", Severity.ERROR  # an absurd number
    E030 = "E030", Severity.ERROR  # a negative weight
    E031 = "E031", Severity.ERROR  # no active perspective
    E032 = "E032", Severity.ERROR  # not a date
    E040 = (
        "E040",
        Severity.ERROR,
    )  # an initiative that cannot be (ends before it starts, progress > 100 %)
    W001 = "W001", Severity.WARNING  # perspective weights do not add up to 100 %
    W010 = "W010", Severity.WARNING  # an objective or perspective without a KPI
    W011 = "W011", Severity.WARNING  # a target weaker than the baseline
    W012 = "W012", Severity.WARNING  # actual and target 50 times apart (a unit slip)
    W013 = "W013", Severity.WARNING  # no actual for the report period
    W014 = "W014", Severity.WARNING  # needs attention, but no analysis or action for the period
    W015 = "W015", Severity.WARNING  # an annual target less ambitious than its period targets
    W016 = "W016", Severity.WARNING  # a formula saved without its value
    W020 = "W020", Severity.WARNING  # an initiative over budget
    W021 = "W021", Severity.WARNING  # an initiative behind schedule
    W022 = "W022", Severity.WARNING  # an initiative linked to nothing
    W030 = "W030", Severity.WARNING  # a number read from text
    W040 = "W040", Severity.WARNING  # a value the parent typed differs from its units' roll-up
    W050 = "W050", Severity.WARNING  # a unit's file is missing or unusable
    W051 = "W051", Severity.WARNING  # a unit has no data for the report period
    E051 = "E051", Severity.ERROR  # a form for another workbook or period, or a broken stamp
    W052 = "W052", Severity.WARNING  # a form's value differs from the workbook's: left unchanged


# The code of each problem the reader reports (the reader states what it found; this decides the code).
PARSE_CODES: dict[Problem, Code] = {
    Problem.MISSING_TABLE: Code.E001,
    Problem.MISSING_COLUMN: Code.E002,
    Problem.REPEATED_KEY: Code.E010,
    Problem.BLANK: Code.E020,
    Problem.NOT_NUMBER: Code.E021,
    Problem.NOT_CHOICE: Code.E022,
    Problem.EXCEL_ERROR: Code.E025,
    Problem.BAD_PERIOD: Code.E026,
    Problem.ABSURD: Code.E029,
    Problem.NEGATIVE_WEIGHT: Code.E030,
    Problem.BAD_DATE: Code.E032,
    Problem.NO_CACHED_VALUE: Code.W016,
    Problem.TEXT_NUMBER: Code.W030,
}


def raises(*codes: Code) -> Callable[[F], F]:
    """Declare the codes a check may raise (read by the collector, which refuses any other)."""

    def mark(check: F) -> F:
        check.__raises__ = frozenset(codes)  # type: ignore[attr-defined]
        return check

    return mark


# Codes raised by a command rather than by a check of validate/ (the command that raises each).
COMMAND_CODES: dict[Code, str] = {Code.E051: "collect", Code.W052: "collect"}
