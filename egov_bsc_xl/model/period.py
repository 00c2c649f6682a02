"""Reporting periods: month, quarter, semester or year, written as in SPEC 3."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from egov_bsc_xl.i18n.catalogue import pick, tr

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_WORDS = {m.lower(): i + 1 for i, m in enumerate(MONTHS_ID)}
_MONTH_WORDS |= {m.lower(): i + 1 for i, m in enumerate(MONTHS_EN)}
_MONTH_WORDS |= {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS_ID)}
_MONTH_WORDS |= {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS_EN)}
_MONTH_WORDS |= {"agt": 8, "ags": 8, "okt": 10, "des": 12, "peb": 2, "nop": 11}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# kind -> number of months in one period
_SPAN = {"M": 1, "Q": 3, "S": 6, "Y": 12}

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\d{4})$"), "Y"),
    (re.compile(r"^(\d{4})\s*-?\s*q([1-4])$"), "Q"),
    (re.compile(r"^q([1-4])\s*-?\s*(\d{4})$"), "Q_REV"),
    (re.compile(r"^(\d{4})\s*-?\s*s([12])$"), "S"),
    (re.compile(r"^s([12])\s*-?\s*(\d{4})$"), "S_REV"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "M"),
    (re.compile(r"^(?:tw|triwulan|quarter)\s*(i{1,3}|iv|[1-4])\s*-?\s*(\d{4})$"), "Q_WORD"),
    (re.compile(r"^(?:semester|smt|sem)\s*(i{1,2}|[12])\s*-?\s*(\d{4})$"), "S_WORD"),
    (re.compile(r"^([a-z]+)\s*-?\s*(\d{4})$"), "M_WORD"),
)


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period; ordered by end month, then by length (a month before its quarter)."""

    year: int
    end_month: int
    months: int  # 1, 3, 6 or 12

    @property
    def kind(self) -> str:
        return {1: "M", 3: "Q", 6: "S", 12: "Y"}[self.months]

    @property
    def index(self) -> int:
        """1-based number of the period within its year (month, quarter or semester number)."""
        return self.end_month // self.months

    @property
    def code(self) -> str:
        """Canonical text: 2026-Q1, 2026-S1, 2026-03 or 2026."""
        kind = self.kind
        if kind == "Y":
            return f"{self.year}"
        if kind == "M":
            return f"{self.year}-{self.end_month:02d}"
        return f"{self.year}-{kind}{self.index}"

    @property
    def start(self) -> date:
        return date(self.year, self.end_month - self.months + 1, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.end_month, calendar.monthrange(self.year, self.end_month)[1])

    def label(self, lang: str) -> str:
        """Text for people: 'TW II 2026' / 'Q2 2026', 'Maret 2026' / 'March 2026'."""
        roman = ("I", "II", "III", "IV")[self.index - 1] if self.kind in "QS" else ""
        if self.kind == "Y":
            return tr("period.year", lang, year=self.year)
        if self.kind == "M":
            names = pick(lang, MONTHS_ID, MONTHS_EN)
            return f"{names[self.end_month - 1]} {self.year}"
        if self.kind == "Q":
            return pick(lang, f"TW {roman} {self.year}", f"Q{self.index} {self.year}")
        return pick(lang, f"Semester {roman} {self.year}", f"H{self.index} {self.year}")

    def __str__(self) -> str:
        return self.code


def _make(year: int, kind: str, number: int) -> Period | None:
    if not 1900 <= year <= 2999:
        return None
    months = _SPAN[kind]
    if kind == "Y":
        return Period(year, 12, 12)
    if not 1 <= number <= 12 // months:
        return None
    return Period(year, number * months, months)


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> Period | None:
    folded = re.sub(r"\s+", " ", text.strip().lower())
    for pattern, how in _PATTERNS:
        m = pattern.match(folded)
        if not m:
            continue
        a, b = m.group(1), (m.group(2) if m.lastindex and m.lastindex >= 2 else None)
        if how == "Y":
            return _make(int(a), "Y", 1)
        if how in ("Q", "S", "M"):
            return _make(int(a), how, int(b or 0))
        if how in ("Q_REV", "S_REV"):
            return _make(int(b or 0), how[0], int(a))
        if how in ("Q_WORD", "S_WORD"):
            number = _ROMAN.get(a)
            return _make(int(b or 0), how[0], number) if number else None
        if how == "M_WORD":
            month = _MONTH_WORDS.get(a)
            return _make(int(b or 0), "M", month) if month else None
    return None


def parse_period(value: object) -> Period | None:
    """The period a cell names, or None when it is not one of the forms of SPEC 3.

    Accepts 2026-Q1, 2026-S1, 2026-03, 2026, TW I 2026, Triwulan II 2026, Semester I 2026,
    Maret 2026 / March 2026, and a date or a whole-number year from an Excel cell.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime | date):
        return Period(value.year, value.month, 1)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return _make(value, "Y", 1)
    return _parse_text(str(value))
