"""Numbers, percentages, money and dates in Indonesian (85,5 %) or English (85.5%) through Babel."""

from __future__ import annotations

import datetime as dt
import errno
import re
from functools import lru_cache

from egov_bsc_xl.i18n.language import pick

_LOCALES = {"id": "id_ID", "en": "en_US"}
_PERCENT_SIGN = {"id": " %", "en": "%"}


def percent_sign(lang: str) -> str:
    """The percent sign as the language writes it after a number: ' %' (id), '%' (en)."""
    return _PERCENT_SIGN.get(lang, " %")


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


def fmt_percent(
    fraction: float | None, lang: str = "id", decimals: int = 1, empty: str = "–"
) -> str:
    """0.855 -> '85,5 %' (id) or '85.5%' (en); None -> `empty`."""
    if fraction is None or fraction != fraction:
        return empty
    return fmt_number(fraction * 100, lang, decimals) + _PERCENT_SIGN.get(lang, " %")


def fmt_money(amount: float | None, lang: str = "id", empty: str = "–") -> str:
    """1500000 -> 'Rp1.500.000' (id) or 'IDR 1,500,000' (en)."""
    if amount is None or amount != amount:
        return empty
    text = fmt_number(amount, lang, 0)
    return pick(lang, f"Rp{text}", f"IDR {text}")


def fmt_date(day: dt.date | None, lang: str = "id", empty: str = "–") -> str:
    """2026-11-29 -> '29 November 2026' (both languages spell the month in their own words)."""
    if day is None:
        return empty
    from babel.dates import format_date

    return format_date(day, format="d MMMM y", locale=_locale(lang))


# C0 controls (tab, line feed and Word's vertical tab included), DEL, C1 controls and the Unicode
# line separators: shown as one space, runs of them and of spaces together as one.
_CONTROLS = re.compile("[\x00-\x20\x7f-\x9f\u2028\u2029]+")
# Lone surrogates and the noncharacters U+FFFE/U+FFFF cannot be written to XML at all.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def display_text(value: object) -> str:
    """Text as a slide or a message shows it: control characters and line breaks (a vertical tab
    is what a line break pasted from Word becomes) shown as one space, characters XML cannot hold
    as U+FFFD; None gives ''. lxml (and so python-pptx) refuses control characters.

    Only the shown text is cleaned; the workbook keeps what the user typed.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable() and "  " not in text and text == text.strip():
        return text  # the common case: nothing to do, no copy
    return _NOT_XML.sub("\ufffd", _CONTROLS.sub(" ", text)).strip()


_OS_REASONS = {
    errno.ENOSPC: ("disk penuh", "the disk is full"),
    errno.EDQUOT: ("kuota disk habis", "the disk quota is used up"),
    errno.EISDIR: ("itu sebuah folder, bukan berkas", "it is a folder, not a file"),
    errno.ENOTDIR: ("bagian jalurnya bukan folder", "part of the path is not a folder"),
    errno.EACCES: ("tidak ada izin", "permission denied"),
    errno.EPERM: ("tidak ada izin", "permission denied"),
    errno.EROFS: ("sistem berkas hanya-baca", "the file system is read-only"),
    errno.ENOENT: ("berkas atau folder tidak ada", "no such file or folder"),
    errno.ENAMETOOLONG: ("nama terlalu panjang", "the name is too long"),
}


def os_reason(exc: OSError) -> tuple[str, str]:
    """(Indonesian, English) words for what the system said of a failed read or write."""
    said = exc.strerror or type(exc).__name__
    return _OS_REASONS.get(exc.errno or 0, (said, said))
