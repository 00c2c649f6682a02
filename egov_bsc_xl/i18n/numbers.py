"""Numbers typed as text, read in the workbook's language (SPEC 8): "0,125", "1.234,5", "85 %", "Rp 1.250.000".

In an Indonesian workbook `,` is the decimal mark and `.` groups thousands; in an English one
the reverse. A text that can only be read one way is read that way whatever the language:
"1.234,5" and "1,234.5" are both 1234.5, "1.250.000" is 1250000 in both languages, "1.5" in an
Indonesian workbook is 1.5 (a lone dot before one digit cannot group thousands). W030 tells the
user how each text was read.
"""

from __future__ import annotations

import re

from egov_bsc_xl.i18n.language import pick

_CURRENCY = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_NUMBER_TEXT = re.compile(r"^[\d.,]*\d[\d.,]*$")
_DASHES = frozenset({"-", "--", "–", "—", "−"})
_SEPARATORS = {
    "id": (",", "."),
    "en": (".", ","),
}  # language -> (decimal mark, thousands separator)


# The one percent rule (README, "Percent cells"): a number typed with '%' is that percentage; a
# plain number above the top of its kind is percent points (25 -> 25 %); otherwise the fraction itself.
SHARE_TOP = 1.0  # shares up to 100 %: perspective weights, initiative progress
SCORE_TOP = 2.0  # achievement-scale values that may pass 100 %: cap, band bounds, attention_below


def percent_fraction(number: float, typed_percent: bool, top: float) -> float:
    """`number` as a fraction by the one percent rule: 25 -> 0.25 when above `top`, else as is."""
    return number / 100.0 if not typed_percent and abs(number) > top else number


def is_dash(text: object) -> bool:
    """A cell holding only a dash ('-', '–', '—'): the planner's way of writing 'no figure'."""
    return isinstance(text, str) and text.strip() in _DASHES


def _grouped(integer: str, sep: str) -> str | None:
    """'1.250.000' -> '1250000' when `sep` groups thousands correctly (1–3 digits, then threes)."""
    parts = integer.split(sep)
    if not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:]):
        return None
    return "".join(parts)


def _plain(digits: str, lang: str) -> str | None:
    """The digits and separators of a number as Python reads it ('1234.5'), or None."""
    decimal, group = pick(lang, _SEPARATORS["id"], _SEPARATORS["en"])
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:  # both marks: the last one is the decimal mark, whatever the language
        mark = "." if digits.rfind(".") > digits.rfind(",") else ","
        other = "," if mark == "." else "."
        integer, _, fraction = digits.rpartition(mark)
        if other in fraction or mark in integer:
            return None
        whole = _grouped(integer, other)
        return None if whole is None or not fraction else f"{whole}.{fraction}"
    if not dots and not commas:
        return digits
    sep = "." if dots else ","
    if dots + commas > 1:  # the same mark twice or more can only group thousands
        return _grouped(digits, sep)
    head, tail = digits.split(sep)
    if not tail:
        return head if head else None
    grouping = len(tail) == 3 and head not in ("", "0") and len(head) <= 3
    if sep == group and grouping:
        return head + tail  # '1.250' in Indonesian, '1,250' in English
    return f"{head or '0'}.{tail}"  # the language's decimal mark, or a mark that cannot group


def number_from_text(text: str, lang: str = "id") -> float | None:
    """A number typed as text, read in workbook language `lang` (id or en); None if not a number.

    id: '0,125' -> 0.125, '1.250' -> 1250, '1.234,5' -> 1234.5, '85,5 %' -> 0.855, 'Rp 1.250.000' -> 1250000.
    en: '0.125' -> 0.125, '1,250' -> 1250, '1,234.5' -> 1234.5, '85.5%' -> 0.855.
    A percent sign gives a fraction; 'Rp'/'IDR' in front and spaces are ignored.
    """
    s = text.strip().replace("\u00a0", " ").replace("\u2212", "-")
    sign = 1.0
    if s[:1] in "+-" and s:
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:].strip()
    s = _CURRENCY.sub("", s)
    if s[:1] in "+-" and s and sign == 1.0:
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:].strip()
    percent = s.endswith("%")
    s = s.rstrip("%").replace(" ", "").replace("\u202f", "")
    if not s or not _NUMBER_TEXT.match(s):
        return None
    plain = _plain(s, lang)
    if plain is None:
        return None
    try:
        number = float(plain) * sign
    except ValueError:
        return None
    return number / 100.0 if percent else number
