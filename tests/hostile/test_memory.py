"""Memory follows what is read: a stray far cell, a lying dimension or a zip bomb cost no more than
the tables need (peak resident memory of the child process, measured)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.workbook.opc.limits import MAX_PART_BYTES, check_part
from egov_bsc_xl.workbook.reading.source import FileSource
from tests.hostile.conftest import (
    assert_clean_failure,
    digest,
    edit_part,
    rewrite_part,
    run_cli,
    run_main,
    sheet_part,
    table_part,
)

PEAK_MB = 300  # a small workbook takes about 90 MB; whole-sheet reads took 2.6 GB to 512 GB


def _stray(book: Path, cell: str, sheet: str = "Realisasi") -> Path:
    row = "".join(ch for ch in cell if ch.isdigit())
    return edit_part(
        book,
        sheet_part(book, sheet),
        "</sheetData>",
        f'<row r="{row}"><c r="{cell}"><v>7</v></c></row></sheetData>',
    )


def test_a_stray_value_at_the_last_cell_costs_nothing_and_changes_no_score(book):
    clean = run_main("score", book, "--json").json()
    _stray(book, "XFD1048576")
    before = digest(book)
    run = run_cli("score", book, "--json")
    assert run.code == 0, run.stderr
    assert run.peak_mb < PEAK_MB, run.peak_mb
    assert run.json() == clean
    assert digest(book) == before


@pytest.mark.parametrize("cell", ["XFD5000", "AAA20000"])
def test_stray_values_beside_a_table_are_not_read(book, cell):
    _stray(book, cell, "IKU")
    run = run_cli("validate", book)
    assert run.code == 0, run.stderr
    assert run.peak_mb < PEAK_MB, run.peak_mb


def test_the_trimmed_read_gives_the_same_table_and_its_error_cells(book):
    before = FileSource(book).table("tblMeasurements")
    part = sheet_part(book, "Realisasi")
    edit_part(book, part, r'<c r="E3"( [^>]*)?><v>[^<]*</v>', '<c r="E3" t="e"><v>#DIV/0!</v>')
    _stray(book, "XFD1048576")
    source = FileSource(book)
    after = source.table("tblMeasurements")
    assert source._trimmed is not None  # read through the trimmed copy
    assert after.headers == before.headers and (after.top, after.left) == (before.top, before.left)
    assert [r[:4] for r in after.rows] == [r[:4] for r in before.rows]
    assert after.errors == {(1, 4): "#DIV/0!"}
    assert FileSource(book).table("tblKpis").rows == FileSource(book).table("tblKpis").rows


def test_a_cell_placed_far_below_its_row_is_seen_and_not_read(book):
    """calamine places a cell by its own r="..." whatever its <row> says."""
    clean = FileSource(book).table("tblPerspectives").rows
    edit_part(
        book,
        sheet_part(book, "Perspektif"),
        r'<row r="1"><c r="A1"',
        '<row r="1"><c r="A1048576"><v>1</v></c><c r="B1048575"><v>2</v></c><c r="A1"',
    )
    source = FileSource(book)
    assert source._trim_sheets() == {"Perspektif"}
    assert source.table("tblPerspectives").rows == clean
    run = run_cli("validate", book)
    assert run.code == 0 and run.peak_mb < PEAK_MB, (run.code, run.peak_mb, run.stderr)


@pytest.mark.parametrize("space", ["\n", "\t", "\x0b"])
def test_a_far_cell_written_with_other_white_space_is_seen(book, space):
    edit_part(
        book,
        sheet_part(book, "Realisasi"),
        "</sheetData>",
        f'<row{space}r="9000"><c{space}r="XFD9000"><v>7</v></c></row></sheetData>',
    )
    source = FileSource(book)
    assert source._trim_sheets() == {"Realisasi"}
    assert len(source.table("tblMeasurements").rows) == 9


@pytest.mark.parametrize("ref", ["A1:G1048576", "A1:XFD1048576"])
def test_a_table_ref_reaching_far_below_its_data_is_cut_to_the_data(book, ref):
    """calamine allocates a table's whole ref (A1:XFD1048576 would be a terabyte); the ref is cut."""
    clean = run_main("score", book, "--json").json()
    edit_part(book, table_part(book, "tblMeasurements"), r'ref="A1:G10"', f'ref="{ref}"')
    run = run_cli("score", book, "--json")
    assert run.code == 0 and run.peak_mb < PEAK_MB, (run.code, run.peak_mb, run.stderr)
    assert run.json() == clean


def test_a_huge_table_that_cannot_be_cut_is_refused_with_a_sentence(book):
    edit_part(book, table_part(book, "tblMeasurements"), r'ref="A1:G10"', 'ref="A1:Z1048576"')
    edit_part(
        book, sheet_part(book, "Realisasi"), r'<row r="\d+"', "<row", count=0
    )  # rows without numbers
    run = run_cli("validate", book)
    assert_clean_failure(
        run, 2, str(book), "tblMeasurements", "A1:Z1048576", "27.262.976 sel", "resize the table"
    )
    assert run.peak_mb < PEAK_MB


def test_a_lying_dimension_costs_nothing(book):
    edit_part(
        book,
        sheet_part(book, "Realisasi"),
        r'<dimension ref="[^"]*"/>',
        '<dimension ref="A1:XFD1048576"/>',
    )
    run = run_cli("validate", book)
    assert run.code == 0 and run.peak_mb < PEAK_MB, (run.code, run.peak_mb, run.stderr)


def test_a_part_that_inflates_a_thousand_times_is_refused_before_it_is_inflated(book):
    part = sheet_part(book, "Perspektif")
    padding = b" " * (48 * 1024 * 1024)  # 48 MiB of blanks deflate to about 50 KB
    rewrite_part(book, part, lambda xml: xml.replace(b"<sheetData>", padding + b"<sheetData>", 1))
    assert book.stat().st_size < 1024 * 1024
    before = digest(book)
    run = run_cli("validate", book)
    assert_clean_failure(run, 2, str(book), part, "inflates", "refused")
    assert run.peak_mb < PEAK_MB, run.peak_mb
    assert digest(book) == before
    assert_clean_failure(run_main("recalc", book), 2, part, "refused")
    assert digest(book) == before


def test_check_part_bounds_size_and_ratio():
    info = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    info.file_size, info.compress_size = (
        40 * 1024 * 1024,
        4 * 1024 * 1024,
    )  # a big honest sheet: ratio 10
    check_part(info)
    info.file_size = MAX_PART_BYTES + 1
    info.compress_size = MAX_PART_BYTES // 4
    with pytest.raises(
        UnusableInput,
        match=r"kinerja\.xlsx: the part xl/worksheets/sheet1\.xml inflates to .* over the limit",
    ):
        check_part(info, "kinerja.xlsx")
    info.file_size, info.compress_size = 4 * 1024**3, 4 * 1024 * 1024  # the tester's 4 MB -> 4 GiB
    with pytest.raises(UnusableInput, match=r"kinerja\.xlsx: the part .* inflates 1024 times"):
        check_part(info, "kinerja.xlsx")
    info.file_size, info.compress_size = (
        400 * 1024 * 1024,
        400 * 1024,
    )  # within the size, 1000 times
    with pytest.raises(UnusableInput, match=r"inflates 1024 times \(limit 100 times"):
        check_part(info, "kinerja.xlsx")
