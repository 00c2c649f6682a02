"""Turning cell values into numbers, ids and dates; text numbers ("85,5", "85%", "1.234,5") included."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from egov_bsc_xl.i18n.numbers import is_dash, number_from_text, percent_fraction
from egov_bsc_xl.workbook.contract import PERCENT_TOPS, Kind

EXCEL_EPOCH = dt.date(1899, 12, 30)
# A number whose size is at or above this is no figure of a scorecard (a thousand trillion: more
# than any agency's budget in rupiah); it is a slip or a hostile file, reported as E029.
ABSURD = 1e15


def is_absurd(number: float) -> bool:
    """Not finite (inf, NaN: 1e309 or <v>INF</v> in the file) or at least ABSURD in size."""
    return not math.isfinite(number) or abs(number) >= ABSURD


def as_float(number: int | float) -> float:
    """float(number), with an int too large for a float (10**400) read as infinite."""
    try:
        return float(number)
    except OverflowError:
        return math.inf if number > 0 else -math.inf


def number_shown(number: float) -> str:
    """How an absurd number is named in a message: 'inf', '-inf', 'nan', '1e+25'."""
    return f"{number:g}"


@dataclass(frozen=True)
class Parsed:
    """A parsed cell: `value` (None when blank or unusable), `from_text` when it came from text."""

    value: float | None
    from_text: bool = False
    ok: bool = True
    absurd: float | None = None  # the number read when it is not finite or too large (then not ok)


BLANK = Parsed(None)


def is_blank(value: object) -> bool:
    """None, "" or only spaces (the common empty cell is tested first: it is on hot paths)."""
    return value is None or value == "" or (type(value) is str and not value.strip())


def parse_number(value: object, lang: str = "id") -> Parsed:
    """A number cell, or a number written as text in workbook language `lang` (then `from_text`);
    not ok for other text, nor for a number that is not finite or absurdly large (then `absurd`
    holds it). A lone dash ('-') is blank: the planner's 'no figure'."""
    if isinstance(value, bool):
        return Parsed(None, ok=False)
    if isinstance(value, int | float):
        number = as_float(value)
        return Parsed(None, ok=False, absurd=number) if is_absurd(number) else Parsed(number)
    if is_blank(value) or is_dash(value):
        return BLANK
    if isinstance(value, str):
        parsed = number_from_text(value, lang)
        if parsed is not None and is_absurd(parsed):
            return Parsed(None, from_text=True, ok=False, absurd=parsed)
        return Parsed(parsed, from_text=True) if parsed is not None else Parsed(None, ok=False)
    return Parsed(None, ok=False)


def parse_percent(value: object, kind: Kind, lang: str = "id") -> Parsed:
    """A percent cell by the one rule of the contract (PERCENT_TOPS), for every percent field.

    Text with a percent sign ('85 %', '120%') is that percentage; a plain number (or text
    without '%') above the kind's top (100 % for shares such as weights and progress, 200 % for
    achievement-scale values such as the cap, band bounds and attention_below) is percent
    points, 25 -> 0.25; at or below the top it is the fraction itself, 0.25 -> 25 %.
    """
    parsed = parse_number(value, lang)
    if parsed.value is None:
        return parsed
    typed_percent = isinstance(value, str) and "%" in value
    return Parsed(
        percent_fraction(parsed.value, typed_percent, PERCENT_TOPS[kind]), parsed.from_text
    )


def parse_id(value: object) -> str:
    """An identifier as text: 12.0 -> '12', ' K1 ' -> 'K1', blank -> ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_ids(value: object) -> list[str]:
    """'S1, S2; S3' -> ['S1', 'S2', 'S3']."""
    text = parse_id(value)
    return [part.strip() for part in re.split(r"[,;\n]+", text) if part.strip()]


def parse_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")
# '1 Februari 2026', '1 Feb 2026', 'February 1, 2026' (month names in Indonesian or English)
_WORD_DATE = re.compile(
    r"(\d{1,2})\.?\s+([A-Za-z]+)\.?\s+(\d{4})|([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})"
)


def _word_date(text: str) -> dt.date | None:
    from egov_bsc_xl.model.period import _MONTH_WORDS

    m = _WORD_DATE.fullmatch(" ".join(text.split()))
    if not m:
        return None
    day, word, year = (
        (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    )
    month = _MONTH_WORDS.get(word.lower())
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def parse_date(value: object) -> tuple[dt.date | None, bool]:
    """(date, ok): real dates, Excel serial numbers, ISO or dd/mm/yyyy text, '1 Februari 2026'."""
    if isinstance(value, dt.datetime):
        return value.date(), True
    if isinstance(value, dt.date):
        return value, True
    if is_blank(value):
        return None, True
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return EXCEL_EPOCH + dt.timedelta(days=int(value)), True
    if isinstance(value, str):
        text = value.strip()
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date(), True
            except ValueError:
                continue
        day = _word_date(text)
        if day is not None:
            return day, True
    return None, False
