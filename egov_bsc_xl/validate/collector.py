"""Collects issues with their place (table, row, column key); messages are rendered once the language is known."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.i18n.messages import render
from egov_bsc_xl.model.issues import Issue
from egov_bsc_xl.validate.codes import Code
from egov_bsc_xl.workbook.contract import TABLES

# (table, data row or None for the header, column key) -> (sheet, A1 cell); the reader knows where tables stand.
Locate = Callable[[str, int | None, str], tuple[str, str]]


@dataclass
class _Pending:
    code: Code
    table: str
    row: int | None
    key: str
    value: Any
    extra: Any


@dataclass
class Collector:
    """Every issue of one pass, in the order found (never stops at the first)."""

    locate: Locate
    pending: list[_Pending] = field(default_factory=list)
    allowed: frozenset[Code] | None = None  # the codes the running check declared (codes.raises)

    def add(
        self,
        code: Code,
        table: str,
        row: int | None = None,
        key: str = "",
        value: Any = None,
        extra: Any = None,
    ) -> None:
        """Record an issue of `table`, data row `row` (0-based), column `key`."""
        if self.allowed is not None and code not in self.allowed:
            raise ValueError(
                f"{code} is raised by a check that does not declare it ({sorted(self.allowed)})"
            )
        self.pending.append(_Pending(code, table, row, key, value, extra))

    def issues(self, lang: str) -> list[Issue]:
        """The issues in the workbook's language, errors first, then in the order found."""
        out = []
        for p in self.pending:
            sheet, cell = self.locate(p.table, p.row, p.key)
            label = _label(p.table, p.key, lang)
            message, hint = render(
                p.code.message_key,
                lang,
                table=p.table,
                sheet=sheet,
                cell=cell,
                field=label,
                value=show(p.value, lang),
                extra=show(p.extra, lang),
            )
            out.append(
                Issue(
                    code=p.code.value,
                    severity=p.code.severity,
                    sheet=sheet,
                    cell=cell,
                    field=p.key,
                    value=_plain(p.value),
                    message=message,
                    hint=hint,
                    table=p.table,
                    row=p.row,
                )
            )
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
        return str(pick(lang, value[0], value[1]))
    if hasattr(value, "word"):
        return str(value.word(lang))
    if isinstance(value, float | int) and not isinstance(value, bool):
        from babel.numbers import format_decimal

        if value != value or abs(value) >= 1e15:  # Babel cannot format inf, and fails from 1e25 on
            return f"{value:g}"
        return format_decimal(value, locale=pick(lang, "id_ID", "en_US"))
    return str(value)
