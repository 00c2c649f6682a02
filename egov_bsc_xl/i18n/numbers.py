"""Numbers typed as text the Indonesian or the English way: "85,5", "1.234,5", "1,234.5", "85%"."""

from __future__ import annotations

import re

_NUMBER_TEXT = re.compile(r"^[+-]?[\d.,\s]*\d[\d.,\s]*%?$")


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
