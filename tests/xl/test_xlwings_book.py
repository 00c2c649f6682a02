"""The xlwings side (through the labelled STAND-IN, tests/xl/xlwings_standin.py) reads and writes the
same thing as the file side: same analysis, same cells on Dasbor, LKjIP and Validasi, charts replaced."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.app import analyse, recalc, refresh
from egov_bsc_xl.workbook.writing.recalc import FileBook
from egov_bsc_xl.xl.book import XlwingsBook, XlwingsSource
from tests.workbook.recalc_books import build_book
from tests.xl.xlwings_standin import Book


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_book(tmp_path_factory.mktemp("xl") / "kinerja.xlsm", stale=False)


@pytest.fixture
def path(original: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kinerja.xlsm"
    shutil.copy(original, target)
    return target


def test_tables_read_through_xlwings_give_the_same_analysis(path: Path) -> None:
    from_file = analyse(path)
    from_excel = analyse(XlwingsSource(Book(path)))
    assert from_excel.report.public() == from_file.report.public()
    assert [i.public() for i in from_excel.issues] == [i.public() for i in from_file.issues]
    assert from_excel.trend == from_file.trend


def test_excel_error_cells_are_reported_like_the_file_reader_does(path: Path) -> None:
    book = Book(path)
    ws = book._wb["Realisasi"]
    ws["E5"] = "#DIV/0!"
    issues = analyse(XlwingsSource(book)).issues
    assert any(i.code == "E025" and i.cell == "E5" and i.value == "#DIV/0!" for i in issues)


def cells(ws) -> dict[tuple[int, int], object]:
    return {
        (c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None
    }


def test_both_books_write_the_same_cells(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "file.xlsm"
    recalc(path, output=out)
    book = Book(path)
    refresh(XlwingsBook(book))
    written = openpyxl.load_workbook(out)
    for sheet in ("Dasbor", "LKjIP", "Validasi"):
        assert cells(book._wb[sheet]) == cells(written[sheet]), sheet
    # the LKjIP sheet: same number formats and column widths in both writers, nothing merged
    lkjip, report = book.sheets["LKjIP"], written["LKjIP"]
    formats = {
        (c.row, c.column): c.number_format
        for row in report.iter_rows()
        for c in row
        if c.value is not None and c.number_format != "General"
    }
    assert formats and {k: lkjip.formats[k]["number_format"] for k in formats} == formats
    assert lkjip.widths == {
        j + 1: report.column_dimensions[chr(65 + j)].width for j in range(len(lkjip.widths))
    }
    assert not report.merged_cells.ranges
    dash = book.sheets["Dasbor"]
    charts = {c.name: c.spec for c in dash.charts}
    assert charts["egov-bsc perspectives"]["chart_type"] == "bar_clustered"
    assert charts["egov-bsc perspectives"]["source"] == ["$B$10:$B$14", "$D$10:$D$14"]
    assert charts["egov-bsc trend"]["chart_type"] == "line_markers"
    assert charts["egov-bsc trend"]["plot_by"] == "columns"
    # formatting: the overall score cell carries its band colour and a percent format
    fmt = dash.formats[(7, 2)]
    assert (
        fmt["number_format"] == "0.0%" and fmt["color"] == "#1B5E20" and fmt["font.bold"] is True
    )  # Sangat Baik
    assert dash.widths[2] == 40.0 and dash.heights[1] == 30.0
    links = book.sheets["Validasi"].links
    assert sorted(links.values())[0][0].startswith("#'")
    assert dash.shapes == ["Button 1"]  # the buttons are shapes: clearing cells keeps them
    assert book.app.updating == [False, True]  # one repaint, and the setting is given back


def test_rerun_replaces_our_charts_and_keeps_the_users(path: Path) -> None:
    book = Book(path)
    dash = book.sheets["Dasbor"]
    dash.charts.add(chart_type="pie", name="Chart of the planner")
    xl = XlwingsBook(book)
    refresh(xl)
    refresh(xl)
    assert sorted(c.name for c in dash.charts) == [
        "Chart of the planner",
        "egov-bsc perspectives",
        "egov-bsc trend",
    ]


def test_missing_sheets_are_added_at_the_end(path: Path) -> None:
    wb_path = path.with_name("no-output.xlsx")
    wb = openpyxl.load_workbook(path)
    for name in ("Dasbor", "Validasi"):
        wb.remove(wb[name])
    wb.save(wb_path)
    book = Book(wb_path)
    refresh(XlwingsBook(book))
    assert [s.name for s in book.sheets][-3:] == ["Dasbor", "LKjIP", "Validasi"]


def test_file_book_and_xlwings_book_offer_the_same_interface() -> None:
    for name in ("source", "sheet_names", "write_sheets", "refresh_computed"):
        assert hasattr(FileBook, name) or name == "source"
        assert hasattr(XlwingsBook, name) or name == "source"


def test_only_the_xl_layer_imports_xlwings() -> None:
    code = (
        "import sys; import egov_bsc_xl.workbook.writing.recalc, egov_bsc_xl.workbook.writing.layout, "
        "egov_bsc_xl.cli; assert 'xlwings' not in sys.modules, 'xlwings imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
