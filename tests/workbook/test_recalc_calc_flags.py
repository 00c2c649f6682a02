"""calcPr: Excel is asked to recalculate on opening only when a cached value went stale.

fullCalcOnLoad (or an old calcId) makes Excel recalculate on opening and then ask "Save
changes?" on closing, every time until the file is saved from Excel. So the template and a
recalc whose cached values were all fresh leave it out; a recalc that changed a cached value
sets it, with the current engine's calcId (191029).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.app import recalc
from egov_bsc_xl.workbook.template.build import build, build_template
from egov_bsc_xl.workbook.writing.owned_parts import CURRENT_CALC_ID


def calc_pr(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        found = re.search(rb"<calcPr\b([^>]*)/?>", zf.read("xl/workbook.xml"))
    assert found is not None
    return {k.decode(): v.decode() for k, v in re.findall(rb'(\w+)="([^"]*)"', found.group(1))}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory.mktemp("demo") / "demo.xlsm", "id", demo=True)


def test_templates_carry_fresh_values_and_the_current_calc_id(tmp_path: Path, demo: Path) -> None:
    assert calc_pr(demo) == {"calcId": str(CURRENT_CALC_ID)}
    blank = tmp_path / "blank.xlsm"
    blank.write_bytes(build("en", "native"))
    assert calc_pr(blank) == {"calcId": str(CURRENT_CALC_ID)}
    uncached = tmp_path / "uncached.xlsm"
    uncached.write_bytes(
        build("id", demo=True, cache=False)
    )  # no cached values: Excel must compute
    assert calc_pr(uncached)["fullCalcOnLoad"] == "1"


def test_recalc_with_fresh_cached_values_asks_for_no_full_calculation(
    demo: Path, tmp_path: Path
) -> None:
    book = tmp_path / "kinerja.xlsm"
    shutil.copy(demo, book)
    recalc(book, output=tmp_path / "hasil.xlsm")
    assert "fullCalcOnLoad" not in calc_pr(tmp_path / "hasil.xlsm")
    recalc(book)
    recalc(book)
    assert calc_pr(book) == {"calcId": str(CURRENT_CALC_ID)}


def _measurement_cells(book: Path) -> tuple[str, str, str]:
    """(sheet part, actual cell, achievement cell) of the first data row of tblMeasurements."""
    wb = openpyxl.load_workbook(book)
    for index, ws in enumerate(wb.worksheets, start=1):
        if "tblMeasurements" in ws.tables:
            top_left = ws.tables["tblMeasurements"].ref.split(":")[0]
            row = ws[top_left].row
            headers = {ws.cell(row, c).value: c for c in range(1, ws.max_column + 1)}
            actual = ws.cell(row + 1, headers["Realisasi"]).coordinate
            ach = ws.cell(row + 1, headers["Capaian"]).coordinate
            return f"xl/worksheets/sheet{index}.xml", actual, ach
    raise AssertionError("no tblMeasurements")


def test_recalc_that_changes_a_cached_value_sets_full_calc_on_load(
    demo: Path, tmp_path: Path
) -> None:
    # A tool that writes cells without calculating (a script, another program) changed an actual:
    # the achievement cached beside it is stale until recalc refreshes it.
    part, actual, ach = _measurement_cells(demo)
    book = tmp_path / "diubah.xlsm"
    with zipfile.ZipFile(demo) as src, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == part:
                data, n = re.subn(
                    rb'(<c r="' + actual.encode() + rb'"[^>]*>)<v>[^<]*</v>', rb"\1<v>1</v>", data
                )
                assert n == 1
            dst.writestr(item, data)
    before = openpyxl.load_workbook(book, data_only=True)
    old = next(ws for ws in before.worksheets if "tblMeasurements" in ws.tables)[ach].value
    recalc(book)
    assert calc_pr(book) == {"calcId": str(CURRENT_CALC_ID), "fullCalcOnLoad": "1"}
    after = openpyxl.load_workbook(book, data_only=True)
    new = next(ws for ws in after.worksheets if "tblMeasurements" in ws.tables)[ach].value
    assert isinstance(new, float) and new != old  # the cache itself was refreshed too


def test_an_old_calc_id_is_raised_when_the_flag_is_set(book: Path) -> None:
    # The recalc test book is written by XlsxWriter (calcId 124519) with stale cached values.
    assert calc_pr(book)["calcId"] == "124519"
    recalc(book)
    assert calc_pr(book) == {"calcId": str(CURRENT_CALC_ID), "fullCalcOnLoad": "1"}
