"""Numbers, percentages, money and dates in Indonesian (85,5 %) or English (85.5%) through Babel."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_LOCALES = {"id": "id_ID", "en": "en_US"}
_PERCENT_SIGN = {"id": " %", "en": "%"}


def _locale(lang: str) -> str:
    return _LOCALES.get(lang, "id_ID")


@lru_cache(maxsize=64)
def _pattern(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def fmt_number(value: float | None, lang: str = "id", decimals: int = 1, empty: str = "–") -> str:
    """1234.5 -> '1.234,5' (id) or '1,234.5' (en); None -> `empty`."""
    if value is None or value != value:
        return empty
    from babel.numbers import format_decimal  # imported on first use: keeps start-up short

    return format_decimal(value, format=_pattern(decimals), locale=_locale(lang))


def fmt_percent(fraction: float | None, lang: str = "id", decimals: int = 1, empty: str = "–") -> str:
    """0.855 -> '85,5 %' (id) or '85.5%' (en); None -> `empty`."""
    if fraction is None or fraction != fraction:
        return empty
    return fmt_number(fraction * 100, lang, decimals) + _PERCENT_SIGN.get(lang, " %")


def fmt_money(amount: float | None, lang: str = "id", empty: str = "–") -> str:
    """1500000 -> 'Rp1.500.000' (id) or 'IDR 1,500,000' (en)."""
    if amount is None or amount != amount:
        return empty
    text = fmt_number(amount, lang, 0)
    return f"Rp{text}" if lang == "id" else f"IDR {text}"


def fmt_date(day: dt.date | None, lang: str = "id", empty: str = "–") -> str:
    """2026-11-29 -> '29 November 2026' (both languages spell the month in their own words)."""
    if day is None:
        return empty
    from babel.dates import format_date

    return format_date(day, format="d MMMM y", locale=_locale(lang))


_LINE_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def display_text(value: object) -> str:
    """Text as a slide or a message shows it: control characters removed, line breaks (a vertical
    tab is what a line break pasted from Word becomes) and tabs turned into one space.

    Only the shown text is cleaned; the workbook keeps what the user typed.
    """
    text = "" if value is None else str(value)
    if text.isprintable():
        return text
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", text)).strip()
