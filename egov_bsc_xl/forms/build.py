"""One data-entry form (.xlsx, no macros) as bytes, written with XlsxWriter.

Sheet *Formulir* / *Form*: a title and the owner, then one row per KPI and period due: id, name,
unit, period and target (locked), and the input cells (yellow, unlocked) actual, note, evidence,
analysis, action, action owner and due date, with Excel data validation (a number; Ya/Tidak for a
yes/no KPI; a date). The sheet is protected without a password. The stamp is a very hidden sheet.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import xlsxwriter

from egov_bsc_xl.forms.plan import DueRow
from egov_bsc_xl.forms.stamp import STAMP_SHEET, Stamp
from egov_bsc_xl.forms.table import COLUMNS, INPUTS, column
from egov_bsc_xl.i18n.catalogue import pick, tr
from egov_bsc_xl.model.enums import Polarity, parse_yes_no
from egov_bsc_xl.model.scorecard import Kpi
from egov_bsc_xl.workbook.reading.cells import is_blank, parse_date, parse_number

INPUT_FILL = "#FFF2CC"
HEADER_FILL = "#1F3864"
HEAD_ROW = 8  # 0-based row of the header in the workbook's language; the other language below it
FIRST_ROW = HEAD_ROW + 2
WIDTHS = {
    "kpi_id": 9,
    "name": 40,
    "unit": 12,
    "period": 11,
    "target": 13,
    "actual": 13,
    "note": 30,
    "evidence": 28,
    "analysis": 30,
    "action": 30,
    "action_owner": 18,
    "action_due": 12,
}
NUMBER_LIMIT = 1e15  # the reader's absurd size (cells.ABSURD): larger is never a real figure


@dataclass
class FormRow:
    """One KPI row of a form: what is shown and what is already in the workbook."""

    due: DueRow
    kpi: Kpi
    existing: dict[str, Any]  # tblMeasurements' non-blank cells of this KPI and period


def yes_no_words(lang: str) -> tuple[str, str]:
    return tr("deck.yes", lang), tr("deck.no", lang)


def form_bytes(
    stamp: Stamp, rows: list[FormRow], agency: str, unit: str, period_label: str, lang: str
) -> bytes:
    """The form workbook's bytes."""
    other = pick(lang, "en", "id")
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    book.set_properties(
        {
            "title": tr("form.title", lang, period=period_label),
            "author": "egov-bsc",
            "created": dt.datetime(2000, 1, 1),  # the same form is the same bytes
        }
    )
    f = _formats(book)
    sheet = book.add_worksheet(stamp.sheet)
    for n, key in enumerate(COLUMNS):
        sheet.set_column(n, n, WIDTHS[key])
    last = len(COLUMNS) - 1
    sheet.merge_range(0, 0, 0, last, tr("form.title", lang, period=period_label), f["title"])
    sheet.merge_range(1, 0, 1, last, tr("form.title", other, period=period_label), f["other"])
    group_key = "form.owner" if stamp.group_by == "owner" else "form.group_unit"
    facts = (
        ("form.agency", agency),
        ("form.unit", unit),
        (group_key, stamp.owner or tr("form.no_owner", lang)),
        ("form.period", f"{period_label} ({stamp.period})"),
    )
    for n, (key, value) in enumerate(facts):
        sheet.merge_range(2 + n, 0, 2 + n, 1, f"{tr(key, lang)} / {tr(key, other)}", f["label"])
        sheet.merge_range(2 + n, 2, 2 + n, 6, value, f["fact"])
    sheet.merge_range(6, 0, 6, last, tr("form.intro", lang), f["intro"])
    sheet.merge_range(7, 0, 7, last, tr("form.intro", other), f["other_wrap"])
    sheet.set_row(6, 30)
    sheet.set_row(7, 30)
    for n, key in enumerate(COLUMNS):
        label = tr("form.name", lang) if key == "name" else column(key).label(lang)
        label_other = tr("form.name", other) if key == "name" else column(key).label(other)
        sheet.write_string(HEAD_ROW, n, label, f["head_input" if key in INPUTS else "head"])
        sheet.write_string(HEAD_ROW + 1, n, label_other, f["head_other"])
    sheet.set_row(HEAD_ROW, 30)
    if not rows:
        sheet.merge_range(
            FIRST_ROW, 0, FIRST_ROW, last, tr("form.no_kpis", lang, period=period_label), f["other"]
        )
    for i, row in enumerate(rows):
        _write_row(sheet, FIRST_ROW + i, row, lang, f)
    if rows:
        _validations(sheet, rows, lang)
    sheet.freeze_panes(FIRST_ROW, 2)
    sheet.protect(
        "",
        {
            "select_locked_cells": True,
            "select_unlocked_cells": True,
            "format_columns": True,
            "format_rows": True,
        },
    )
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEAD_ROW, HEAD_ROW + 1)
    sheet.activate()
    _stamp_sheet(book, stamp)
    book.close()
    return out.getvalue()


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_size": 10, "valign": "top"}
    cell = {**base, "border": 1, "border_color": "#BFBFBF", "text_wrap": True}
    return {
        "title": book.add_format({"bold": True, "font_size": 14, "font_color": HEADER_FILL}),
        "other": book.add_format({"italic": True, "font_size": 9, "font_color": "#595959"}),
        "other_wrap": book.add_format(
            {"italic": True, "font_size": 9, "font_color": "#595959", "text_wrap": True}
        ),
        "intro": book.add_format({**base, "text_wrap": True}),
        "label": book.add_format({**base, "bold": True}),
        "fact": book.add_format(base),
        "head": book.add_format(
            {
                **cell,
                "bold": True,
                "font_color": "#FFFFFF",
                "bg_color": HEADER_FILL,
                "align": "center",
            }
        ),
        "head_input": book.add_format(
            {**cell, "bold": True, "bg_color": "#FFD966", "align": "center"}
        ),
        "head_other": book.add_format(
            {**cell, "italic": True, "font_size": 8, "font_color": "#595959", "align": "center"}
        ),
        "shown": book.add_format(cell),
        "shown_num": book.add_format({**cell, "num_format": "#,##0.####"}),
        "input": book.add_format({**cell, "bg_color": INPUT_FILL, "locked": False}),
        "input_num": book.add_format(
            {**cell, "bg_color": INPUT_FILL, "locked": False, "num_format": "#,##0.####"}
        ),
        "input_date": book.add_format(
            {**cell, "bg_color": INPUT_FILL, "locked": False, "num_format": "dd/mm/yyyy"}
        ),
    }


def _target_text(row: FormRow, lang: str) -> tuple[Any, bool]:
    """(value shown as the target, is a number)."""
    target, upper = row.existing.get("target"), row.existing.get("target_upper")
    if target is None:
        return "", False
    if row.kpi.polarity is Polarity.BINARY:
        yes = parse_yes_no(target)
        return (yes_no_words(lang)[0 if yes else 1] if yes is not None else str(target)), False
    low = parse_number(target, lang)
    high = parse_number(upper, lang) if upper is not None else None
    if low.ok and low.value is not None and high is not None and high.ok and high.value is not None:
        return f"{low.value:g} – {high.value:g}", False
    if low.ok and low.value is not None:
        return low.value, True
    return str(target), False


def _write_row(sheet: Any, r: int, row: FormRow, lang: str, f: dict[str, Any]) -> None:
    kpi, due = row.kpi, row.due
    sheet.set_row(r, 45)  # room for a sentence of analysis or action
    sheet.write_string(r, 0, kpi.id, f["shown"])
    sheet.write_string(r, 1, kpi.name, f["shown"])
    sheet.write_string(r, 2, kpi.unit, f["shown"])
    sheet.write_string(r, 3, due.period.code, f["shown"])
    target, numeric = _target_text(row, lang)
    if numeric:
        sheet.write_number(r, 4, target, f["shown_num"])
    else:
        sheet.write_string(r, 4, target, f["shown"])
    for n, key in enumerate(INPUTS, start=COLUMNS.index("actual")):
        value = row.existing.get(key)
        if key == "actual":
            _write_actual(sheet, r, n, value, kpi, lang, f)
        elif key == "action_due":
            day, ok = parse_date(value)
            if day is not None and ok:
                sheet.write_datetime(
                    r, n, dt.datetime(day.year, day.month, day.day), f["input_date"]
                )
            else:
                sheet.write_blank(r, n, None, f["input_date"])
        elif is_blank(value):
            sheet.write_blank(r, n, None, f["input"])
        else:
            sheet.write_string(r, n, _plain(value), f["input"])


def _write_actual(
    sheet: Any, r: int, n: int, value: Any, kpi: Kpi, lang: str, f: dict[str, Any]
) -> None:
    if is_blank(value):
        sheet.write_blank(r, n, None, f["input_num"])
        return
    if kpi.polarity is Polarity.BINARY:
        yes = parse_yes_no(value)
        if yes is not None:
            sheet.write_string(r, n, yes_no_words(lang)[0 if yes else 1], f["input"])
            return
    number = parse_number(value, lang)
    if number.ok and number.value is not None:
        sheet.write_number(r, n, number.value, f["input_num"])
    else:
        sheet.write_string(r, n, _plain(value), f["input"])


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value)


def _validations(sheet: Any, rows: list[FormRow], lang: str) -> None:
    actual = COLUMNS.index("actual")
    due = COLUMNS.index("action_due")
    last = FIRST_ROW + len(rows) - 1
    title = tr("form.input_title", lang)
    yes, no = yes_no_words(lang)
    for i, row in enumerate(rows):
        r = FIRST_ROW + i
        if row.kpi.polarity is Polarity.BINARY:
            rule: dict[str, Any] = {
                "validate": "list",
                "source": [yes, no],
                "input_title": title,
                "input_message": tr("form.binary_prompt", lang),
            }
        else:
            rule = {
                "validate": "decimal",
                "criteria": "between",
                "minimum": -NUMBER_LIMIT,
                "maximum": NUMBER_LIMIT,
                "input_title": title,
                "input_message": tr("form.actual_prompt", lang),
                "error_title": title,
                "error_message": tr("form.number_error", lang),
            }
        sheet.data_validation(r, actual, r, actual, rule)
    sheet.data_validation(
        FIRST_ROW,
        due,
        last,
        due,
        {
            "validate": "date",
            "criteria": "between",
            "minimum": dt.date(2000, 1, 1),
            "maximum": dt.date(2100, 12, 31),
            "input_title": title,
            "input_message": tr("form.date_prompt", lang),
            "error_title": title,
            "error_message": tr("form.date_error", lang),
        },
    )


def _stamp_sheet(book: Any, stamp: Stamp) -> None:
    sheet = book.add_worksheet(STAMP_SHEET)
    for r, (key, value) in enumerate(stamp.lines()):
        sheet.write_string(r, 0, key)
        sheet.write_string(r, 1, value)
    sheet.protect("")
    sheet.very_hidden()
