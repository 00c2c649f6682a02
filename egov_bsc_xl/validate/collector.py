"""Collects issues with their place (table, row, column key); messages are rendered once the language is known."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from egov_bsc_xl.i18n.messages import render, severity_of
from egov_bsc_xl.model.issues import Issue, Severity
from egov_bsc_xl.workbook.contract import TABLES
from egov_bsc_xl.workbook.source import RawTable


@dataclass
class _Pending:
    code: str
    table: str
    row: int | None
    key: str
    value: Any
    extra: Any
    variant: str = ""


@dataclass
class Collector:
    """Every issue of one pass, in the order found (never stops at the first)."""

    tables: dict[str, RawTable] = field(default_factory=dict)
    columns: dict[str, dict[str, int]] = field(default_factory=dict)  # table -> key -> column index
    pending: list[_Pending] = field(default_factory=list)

    def add(self, code: str, table: str, row: int | None = None, key: str = "",
            value: Any = None, extra: Any = None) -> None:
        """Record an issue of `table`, data row `row` (0-based), column `key`."""
        self.pending.append(_Pending(code, table, row, key, value, extra))

    def locate(self, table: str, row: int | None, key: str) -> tuple[str, str]:
        """(sheet, A1 cell) of a table cell; the header cell when `row` is None."""
        raw = self.tables.get(table)
        spec = TABLES.get(table)
        if raw is None:
            return (spec.sheet_id if spec else ""), ""
        col = self.columns.get(table, {}).get(key)
        if col is None:
            col = 0
        if row is None:
            return raw.sheet, raw.header_cell(col)
        return raw.sheet, raw.cell(row, col)

    def issues(self, lang: str) -> list[Issue]:
        """The issues in the workbook's language, errors first, then in the order found."""
        out = []
        for p in self.pending:
            sheet, cell = self.locate(p.table, p.row, p.key)
            label = _label(p.table, p.key, lang)
            message, hint = render(p.code, lang, table=p.table, sheet=sheet, cell=cell,
                                   field=label, value=show(p.value, lang), extra=show(p.extra, lang))
            out.append(Issue(code=p.code, severity=Severity(severity_of(p.code)), sheet=sheet,
                             cell=cell, field=p.key, value=_plain(p.value), message=message,
                             hint=hint, table=p.table, row=p.row))
        out.sort(key=lambda i: 0 if i.is_error else 1)
        return out


def _label(table: str, key: str, lang: str) -> str:
    spec = TABLES.get(table)
    if spec is None or not key:
        return key
    try:
        return spec.column(key).label(lang)
    except KeyError:
        return key


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def show(value: Any, lang: str) -> str:
    """A value as the message shows it: numbers in the workbook's format (78,5 in Indonesian),
    workbook words in its language (Maksimal), and (Indonesian, English) pairs picked by language."""
    if value is None:
        return ""
    if isinstance(value, tuple) and len(value) == 2:
        return str(value[0] if lang == "id" else value[1])
    if hasattr(value, "word"):
        return str(value.word(lang))
    if isinstance(value, float | int) and not isinstance(value, bool):
        from babel.numbers import format_decimal

        if value != value or abs(value) >= 1e15:  # Babel cannot format inf, and fails from 1e25 on
            return f"{value:g}"
        return format_decimal(value, locale="id_ID" if lang == "id" else "en_US")
    return str(value)
