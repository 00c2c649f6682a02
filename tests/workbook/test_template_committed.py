"""The committed templates in workbook_templates/ are what the builder makes now.

Compared by content (tables, names, validations, formulas, VBA source), not zip bytes. When this
fails after a deliberate change: python tools/regenerate.py templates
"""

from __future__ import annotations

import io
import re
from typing import Any

import openpyxl
import pytest
from pyopenvba import ExcelFile

from egov_bsc_xl.workbook.template.build import build
from tools.regenerate import template_path


def snapshot_of(source: Any) -> dict[str, Any]:
    """What a planner and the product rely on: sheets, tables and their cells, names, dropdowns."""
    book = openpyxl.load_workbook(source)
    snap: dict[str, Any] = {
        "sheets": book.sheetnames,
        "names": {n: book.defined_names[n].attr_text for n in book.defined_names},
    }
    for ws in book.worksheets:
        snap[f"{ws.title}/tables"] = {
            name: (ref, [[cell.value for cell in row] for row in ws[ref]])
            for name, ref in ws.tables.items()
        }
        snap[f"{ws.title}/validations"] = sorted(
            (str(dv.sqref), dv.type, dv.formula1 or "") for dv in ws.data_validations.dataValidation
        )
        snap[f"{ws.title}/freeze"] = ws.freeze_panes
    return snap


def vba_of(path) -> dict[str, str]:
    with ExcelFile(path) as book:
        return {
            name: re.sub(r"\s+$", "", src, flags=re.MULTILINE)
            for name, src in book.vba_modules().items()
        }


@pytest.mark.parametrize("lang", ["id", "en"])
def test_committed_template_matches_the_builder(tmp_path, lang):
    committed = template_path(lang)
    assert committed.exists(), f"{committed} is missing; run python tools/regenerate.py templates"
    fresh = tmp_path / committed.name
    fresh.write_bytes(build(lang))
    assert snapshot_of(committed) == snapshot_of(io.BytesIO(fresh.read_bytes())), (
        f"{committed.name} is out of date; run python tools/regenerate.py templates"
    )
    assert vba_of(committed) == vba_of(fresh)
