"""A big sheet is scanned beside calamine's parse only when a quick pass (`reach`) proves the scan
cannot change what calamine is asked to read: no table cut to its data, no trimmed copy. These
tests hold the proof to `scan` itself, and hold every read of the beside path to the serial one.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.workbook.reading import source
from egov_bsc_xl.workbook.reading.sheet_scan import Box, column_bound, reach, row_limit, scan
from egov_bsc_xl.workbook.reading.source import FileSource
from tests.books import sample_tables
from tests.hostile.conftest import edit_part, sheet_part, table_part, write_book

NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
END = b"</sheetData></worksheet>"


def _sheet(rows: list[tuple[int, str, list[tuple[str, int]]]]) -> bytes:
    """Sheet XML of (row number, white space before r=, [(column letters, row number)])."""
    xml = [NS]
    for number, space, cells in rows:
        xml.append(f'<row{space}r="{number}">'.encode())
        for letters, at in cells:
            xml.append(f'<c{space}r="{letters}{at}"><v>1</v></c>'.encode())
        xml.append(b"</row>")
    return b"".join(xml) + END


def _pieces(xml: bytes, cuts: list[int]) -> list[bytes]:
    """`xml` cut after a '>' near each of `cuts` (as scan's reader cuts it)."""
    out, start = [], 0
    for at in sorted(cuts):
        end = xml.rfind(b">", start, at) + 1
        if end > start:
            out.append(xml[start:end])
            start = end
    return [*out, xml[start:]]


_numbers = st.one_of(st.integers(1, 12), st.integers(99_990, 100_010), st.integers(1, 2_100_000))
_rows = st.lists(
    st.tuples(
        _numbers,
        st.sampled_from([" ", " ", " ", "\n", "\t", "\x0b"]),
        st.lists(
            st.tuples(st.sampled_from(["A", "G", "Z", "AA", "AZ", "XFD", "AAAA"]), _numbers),
            max_size=3,
        ),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(
    rows=_rows,
    bottom=st.sampled_from([9, 99_999, 1_000_000]),
    right=st.sampled_from([6, 25, 30]),
    cuts=st.lists(st.integers(0, 2_000), max_size=3),
)
def test_what_reach_proves_the_scan_finds(rows, bottom, right, cuts) -> None:
    xml = _sheet(rows)
    box = Box(0, 0, bottom, right)
    lowest = reach(_pieces(xml, cuts), box)
    found = scan(None, "xl/worksheets/sheet1.xml", Path("x.xlsx"), box, xml)
    if lowest is not None:
        assert not found.too_far(box)
        assert found.last_col == column_bound(box)
        assert found.last_row >= lowest
        assert found.last_row + 1 <= row_limit(box)


def test_reach_gives_the_last_row_and_stops_at_what_it_cannot_prove() -> None:
    box = Box(0, 0, 99_999, 6)
    near = [(n, " ", [("A", n), ("G", n)]) for n in (1, 2, 100_000)]
    assert reach([_sheet(near)], box) == 99_999
    assert reach([_sheet(near + [(100_001, " ", [("Z", 100_001)])])], box) == 100_000  # Z: near
    assert reach([_sheet(near + [(100_001, " ", [("AA", 100_001)])])], box) is None  # right
    far_row = near + [(row_limit(box) + 1, " ", [])]
    assert reach([_sheet(far_row)], box) is None  # below, by its row
    far_cell = near + [(5, " ", [("A", row_limit(box) + 1)])]
    assert reach([_sheet(far_cell)], box) is None  # below, by its own address
    odd = near + [(row_limit(box) + 1, "\x0b", [])]
    assert reach([_sheet(odd)], box) is None  # after white space scan's \s takes
    wide = Box(0, 0, 99, 30)  # AE: two letters are not far
    assert reach([_sheet([(7, " ", [("AB", 7)])])], wide) == 6


# --- every read of the beside path is the serial read -------------------------------------------


def _read(book: Path, beside: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Each table of `book` as FileSource reads it, with every sheet counted big (`beside`) or none."""
    with monkeypatch.context() as patch:
        patch.setattr(source, "CHUNK", 0 if beside else 1 << 40)
        taken: list[bool] = []
        load = FileSource._load_beside_scan

        def spy(self: FileSource, name: str, part: Any) -> Any:
            table = load(self, name, part)
            taken.append(table is not None)
            return table

        patch.setattr(FileSource, "_load_beside_scan", spy)
        try:
            src = FileSource(book)
            out: dict[str, Any] = {
                name: _raw(src.table(name)) for name in sorted(src.table_names())
            }
        except UnusableInput as exc:
            out = {"refused": str(exc)}
        out["beside"] = any(taken)
        return out


def _raw(t: source.RawTable) -> tuple[Any, ...]:
    return (t.sheet, t.top, t.left, t.headers, t.rows, t.errors, sorted(t.uncached))


def _stray(book: Path, cell: str, sheet: str = "Realisasi", space: str = " ") -> None:
    row = "".join(ch for ch in cell if ch.isdigit())
    edit_part(
        book,
        sheet_part(book, sheet),
        "</sheetData>",
        f'<row{space}r="{row}"><c{space}r="{cell}"><v>7</v></c></row></sheetData>',
    )


def _error_and_uncached(book: Path) -> None:
    part = sheet_part(book, "Realisasi")
    edit_part(book, part, r'<c r="E3"( [^>]*)?><v>[^<]*</v>', '<c r="E3" t="e"><v>#DIV/0!</v>')
    edit_part(book, part, r'<c r="C4"( [^>]*)?><v>[^<]*</v>', '<c r="C4"><f>1+1</f>')


CASES = {
    "clean": lambda book: None,
    "error and uncached cells": _error_and_uncached,
    "a value at XFD1048576": lambda book: _stray(book, "XFD1048576"),
    "a far cell after a tab": lambda book: _stray(book, "XFD9000", space="\t"),
    "a far row after a vertical tab": lambda book: _stray(book, "A900000", space="\x0b"),
    "a cell far below its row": lambda book: edit_part(
        book,
        sheet_part(book, "Perspektif"),
        r'<row r="1"><c r="A1"',
        '<row r="1"><c r="A1048576"><v>1</v></c><c r="A1"',
    ),
    "a ref far below the data": lambda book: edit_part(
        book, table_part(book, "tblMeasurements"), r'ref="A1:G10"', 'ref="A1:G1048576"'
    ),
    "a huge ref over unnumbered rows": lambda book: (
        edit_part(book, table_part(book, "tblMeasurements"), r'ref="A1:G10"', 'ref="A1:Z1048576"'),
        edit_part(book, sheet_part(book, "Realisasi"), r'<row r="\d+"', "<row", count=0),
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_beside_read_is_the_serial_read(case, book, monkeypatch) -> None:
    CASES[case](book)
    serial = _read(book, beside=False, monkeypatch=monkeypatch)
    beside = _read(book, beside=True, monkeypatch=monkeypatch)
    assert not serial.pop("beside")
    taken = beside.pop("beside")
    assert beside == serial
    if case in ("clean", "error and uncached cells"):
        assert taken  # the proof held: some table was loaded beside its sheet's scan
    if case == "error and uncached cells":
        assert serial["tblMeasurements"][5] == {(1, 4): "#DIV/0!"}
        assert serial["tblMeasurements"][6] == [(2, 2)]


def test_a_big_realisasi_sheet_is_read_beside_its_scan(tmp_path, monkeypatch) -> None:
    """A measurement sheet above one read chunk (4 MB), as the product meets it: the default path."""
    tables = sample_tables()
    keys, rows = tables["tblMeasurements"]
    many = [r[:5] + [f"catatan {i}", ""] for i in range(3_000) for r in rows]
    tables["tblMeasurements"] = (keys, many)
    book = write_book(tmp_path / "big.xlsx", tables)
    _error_and_uncached(book)
    with zipfile.ZipFile(book) as zf:
        assert zf.getinfo(sheet_part(book, "Realisasi")).file_size > source.CHUNK
    serial = _read(book, beside=False, monkeypatch=monkeypatch)
    with monkeypatch.context() as patch:
        taken: list[bool] = []
        load = FileSource._load_beside_scan
        patch.setattr(
            FileSource,
            "_load_beside_scan",
            lambda self, name, part: taken.append(name) or load(self, name, part),
        )
        src = FileSource(book)
        assert _raw(src.table("tblMeasurements")) == serial["tblMeasurements"]
    assert taken == ["tblMeasurements"] and "Realisasi" in src._scans
    assert serial["tblMeasurements"][5] == {(1, 4): "#DIV/0!"}
