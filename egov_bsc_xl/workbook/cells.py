"""Turning cell values into numbers, ids and dates; text numbers ("85,5", "85%", "1.234,5") included."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

EXCEL_EPOCH = dt.date(1899, 12, 30)

_NUMBER_TEXT = re.compile(r"^[+-]?[\d.,\s]*\d[\d.,\s]*%?$")


@dataclass(frozen=True)
class Parsed:
    """A parsed cell: `value` (None when blank or unusable), `from_text` when it came from text."""

    value: float | None
    from_text: bool = False
    ok: bool = True


BLANK = Parsed(None)


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def number_from_text(text: str) -> float | None:
    """'85,5' -> 85.5, '1.234,5' -> 1234.5, '1,234.5' -> 1234.5, '85%' -> 0.85; None if not a number.

    A single separator followed by exactly three digits ('1.234', '1,234') is read as a thousands
    separator, the Indonesian way for '.', and the English way for ','.
    """
    s = text.strip().replace("\u00a0", " ")
    if not s or not _NUMBER_TEXT.match(s):
        return None
    percent = s.endswith("%")
    s = s.rstrip("%").strip().replace(" ", "")
    sign = -1.0 if s.startswith("-") else 1.0
    s = s.lstrip("+-")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        s = s.replace(thousands, "").replace(decimal, ".")
    elif commas:
        parts = s.split(",")
        if commas == 1 and len(parts[1]) != 3:
            s = s.replace(",", ".")
        elif all(len(p) == 3 for p in parts[1:]):
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".") if commas == 1 else ""
    elif dots:
        parts = s.split(".")
        if dots > 1 or (len(parts[1]) == 3 and parts[0] not in ("", "0")):
            s = s.replace(".", "") if all(len(p) == 3 for p in parts[1:]) else ""
    try:
        number = float(s)
    except ValueError:
        return None
    number *= sign
    return number / 100.0 if percent else number


def parse_number(value: object) -> Parsed:
    """A number cell, or a number written as text (then `from_text`); not ok for other text."""
    if isinstance(value, bool):
        return Parsed(None, ok=False)
    if isinstance(value, int | float):
        return Parsed(float(value)) if value == value else BLANK
    if is_blank(value):
        return BLANK
    if isinstance(value, str):
        number = number_from_text(value)
        return Parsed(number, from_text=True) if number is not None else Parsed(None, ok=False)
    return Parsed(None, ok=False)


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
