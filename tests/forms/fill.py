"""Filling a form the way a unit does: openpyxl opens it, types into the input cells, saves it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from egov_bsc_xl.forms.stamp import STAMP_SHEET
from egov_bsc_xl.forms.table import COLUMNS


def form_rows(path: Path) -> list[tuple[int, str, str]]:
    """(1-based sheet row, KPI id, period) of each KPI row of the form, from its visible cells."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    stamp = dict(wb[STAMP_SHEET].iter_rows(values_only=True))
    first = int(stamp["first_row"])
    count = len(stamp["rows"].split(";")) if stamp["rows"] else 0
    return [(r, ws.cell(r, 1).value, ws.cell(r, 4).value) for r in range(first, first + count)]


def fill(path: Path, values: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Type `values` ((KPI id, period) -> column key -> value) into the form at `path`."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for row, kpi, period in form_rows(path):
        for key, value in values.get((kpi, period), {}).items():
            ws.cell(row, COLUMNS.index(key) + 1).value = value
    wb.save(path)


def set_stamp(path: Path, key: str, value: str) -> None:
    """Change one row of the hidden stamp (what a curious user with a macro could do)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[STAMP_SHEET]
    for row in ws.iter_rows():
        if row[0].value == key:
            row[1].value = value
    wb.save(path)
