"""Turning cell values into numbers, ids and dates; text numbers ("85,5", "85%", "1.234,5") included."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from egov_bsc_xl.i18n.numbers import is_dash, number_from_text, percent_fraction
from egov_bsc_xl.workbook.contract import PERCENT_TOPS, Kind

EXCEL_EPOCH = dt.date(1899, 12, 30)



@dataclass(frozen=True)
class Parsed:
    """A parsed cell: `value` (None when blank or unusable), `from_text` when it came from text."""

    value: float | None
    from_text: bool = False
    ok: bool = True


BLANK = Parsed(None)


def is_blank(value: object) -> bool:
    """None, "" or only spaces (the common empty cell is tested first: it is on hot paths)."""
    return value is None or value == "" or (type(value) is str and not value.strip())


def parse_number(value: object, lang: str = "id") -> Parsed:
    """A number cell, or a number written as text in workbook language `lang` (then `from_text`);
    not ok for other text. A lone dash ('-') is blank: the planner's 'no figure'."""
    if isinstance(value, bool):
        return Parsed(None, ok=False)
    if isinstance(value, int | float):
        return Parsed(float(value)) if value == value else BLANK
    if is_blank(value) or is_dash(value):
        return BLANK
    if isinstance(value, str):
        number = number_from_text(value, lang)
        return Parsed(number, from_text=True) if number is not None else Parsed(None, ok=False)
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
    return Parsed(percent_fraction(parsed.value, typed_percent, PERCENT_TOPS[kind]), parsed.from_text)


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


def parse_date(value: object) -> tuple[dt.date | None, bool]:
    """(date, ok): real dates, Excel serial numbers and ISO or dd/mm/yyyy text."""
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
    return None, False
