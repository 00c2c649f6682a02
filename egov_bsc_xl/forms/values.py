"""A returned form's cells read as the workbook reads its own (numbers, yes/no, dates, text), and compared."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from egov_bsc_xl.forms.read import Entry
from egov_bsc_xl.forms.sheet_cells import Value
from egov_bsc_xl.forms.table import INPUTS, TEXT_INPUTS, column
from egov_bsc_xl.i18n.catalogue import tr
from egov_bsc_xl.i18n.messages import render
from egov_bsc_xl.model.enums import Polarity, parse_yes_no
from egov_bsc_xl.model.issues import Issue, Severity
from egov_bsc_xl.model.scorecard import Kpi
from egov_bsc_xl.workbook.reading.cells import is_blank, parse_date, parse_number, parse_text

EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system (serial numbers)


def issue(code: str, message: str, **where: Any) -> Issue:
    """An Issue of `code` (severity from its letter) with the sentence already written."""
    severity = Severity.WARNING if code.startswith("W") else Severity.ERROR
    return Issue(code=code, severity=severity, message=message, **where)


def yes_no(lang: str) -> tuple[str, str]:
    """The yes and no words written into a workbook of language `lang`."""
    return tr("deck.yes", lang), tr("deck.no", lang)


def form_values(
    entry: Entry, kpi: Kpi, file: str, sheet: str, lang: str
) -> tuple[dict[str, Value], list[Issue]]:
    """The usable, non-blank input cells of one form row, and an issue for each bad one (with the
    workbook's code: E021 not a number, E022 not yes/no, E029 absurd, E032 not a date, W030 a
    number read from text), naming the form's file and cell."""
    out: dict[str, Value] = {}
    problems: list[Issue] = []

    def note(code: str, key: str, raw: Any, extra: str = "") -> None:
        cell = entry.cell(key)
        message, hint = render(
            code,
            lang,
            sheet=sheet,
            cell=cell,
            field=column(key).label(lang),
            value=raw,
            extra=extra,
        )
        problems.append(
            issue(
                code,
                f"{file} {sheet}!{cell}: {message}",
                sheet=sheet,
                cell=cell,
                field=key,
                value=raw,
                hint=hint,
            )
        )

    for key in INPUTS:
        raw = entry.values.get(key)
        if is_blank(raw):
            continue
        if key == "actual" and kpi.polarity is Polarity.BINARY:
            yes = parse_yes_no(raw.strip() if isinstance(raw, str) else raw)
            words = yes_no(lang)
            if yes is None:
                note("E022", key, raw, ", ".join(words))
            else:
                out[key] = Value(text=words[0 if yes else 1])
        elif key == "actual":
            number = parse_number(raw, lang)
            if number.absurd is not None:
                note("E029", key, raw)
            elif not number.ok or number.value is None:
                note("E021", key, raw)
            else:
                if number.from_text:
                    note("W030", key, raw, f"{number.value:g}")
                out[key] = Value(number=number.value)
        elif key == "action_due":
            day, ok = parse_date(raw)
            if not ok or day is None:
                note("E032", key, raw)
            else:
                out[key] = Value(number=float((day - EXCEL_EPOCH).days))
        elif key in TEXT_INPUTS:
            text = parse_text(raw).strip()
            if text:
                out[key] = Value(text=text)
    return out, problems


def same(existing: Any, value: Value, key: str, kpi: Kpi, lang: str) -> bool:
    """True when the workbook's cell already says what the form says (numbers to 1e-9, yes/no
    words of either language, dates by day, texts without surrounding spaces)."""
    if key == "actual" and kpi.polarity is Polarity.BINARY:
        return parse_yes_no(
            existing.strip() if isinstance(existing, str) else existing
        ) == parse_yes_no(value.text)
    if key == "actual":
        number = parse_number(existing, lang)
        return (
            number.value is not None
            and value.number is not None
            and math.isclose(number.value, value.number, rel_tol=1e-9, abs_tol=1e-12)
        )
    if key == "action_due":
        day, _ = parse_date(existing)
        return (
            day is not None
            and value.number is not None
            and (day - EXCEL_EPOCH).days == int(value.number)
        )
    return parse_text(existing).strip() == (value.text or "")


def shown(value: Value) -> str:
    """A value as a message shows it."""
    if value.text is not None:
        return value.text
    return f"{value.number or 0.0:g}"
