"""The two ways recalc refreshes the computed cells' cached values write the same bytes.

`_refresh_regular` (C-level passes over cells written the regular way) must give exactly what
`_refresh_cells` (the careful path, cell by cell) gives, and step aside for anything else.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from egov_bsc_xl.app import recalc
from egov_bsc_xl.workbook.opc.package import Package, table_part, write_atomically
from egov_bsc_xl.workbook.writing import recalc as module
from egov_bsc_xl.workbook.writing.recalc import (
    _encoded,
    _refresh_cells,
    _refresh_regular,
    _Tally,
)

FIRST_ROW = 4  # sheet row of data row 0 (title, blank, header above)


class _Parts:
    """The one method of a Package the careful path uses."""

    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}

    def set(self, name: str, data: bytes) -> None:
        self.parts[name] = data


def _sheet(cells: list[str]) -> bytes:
    rows = "".join(
        f'<row r="{FIRST_ROW + i}"><c r="A{FIRST_ROW + i}" t="s"><v>{i}</v></c>{c}</row>'
        for i, c in enumerate(cells)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="3"><c r="H3" t="s"><v>7</v></c></row>{rows}</sheetData>'
        "</worksheet>"
    ).encode()


def _regular(
    n: int, achievement: str, status: str, status_type: str = "", achievement_type: str = ""
) -> str:
    r = FIRST_ROW + n
    return (
        f'<c r="H{r}" s="3"{achievement_type}><f>IF(E{r}="","",E{r}/C{r})</f><v>{achievement}</v></c>'
        f'<c r="I{r}"{status_type}><f>IF(H{r}="","","?")</f><v>{status}</v></c>'
    )


ACHIEVEMENT: list[float | str] = [0.5, "", 1.2, 0.1 + 0.2]
STATUS = ["Baik", "", "Sangat Baik & lebih", "Kurang"]


def _which(size: int = len(ACHIEVEMENT)) -> dict[bytes, module.Encoded]:
    return {b"H": _encoded(ACHIEVEMENT, size), b"I": _encoded(STATUS, size)}


def _fast(xml: bytes, size: int = len(ACHIEVEMENT)) -> tuple[list[bytes], int] | None:
    """The pieces _refresh_regular yields (as bytes) and the cells it counts as changed; None
    when it gives the sheet to the careful path."""
    tally = _Tally()
    pieces = [bytes(p) for p in _refresh_regular(xml, _which(), FIRST_ROW, size, tally)]
    return (pieces, tally.changed) if tally.regular else None


def _both_paths(xml: bytes) -> tuple[tuple[bytes | None, int] | None, tuple[bytes | None, int]]:
    size = len(ACHIEVEMENT)
    fast = _fast(xml, size)
    parts = _Parts()
    careful = _refresh_cells(parts, "sheet.xml", xml, _which(), FIRST_ROW, size)  # type: ignore[arg-type]
    return (
        None if fast is None else (b"".join(fast[0]) or None, fast[1]),
        (parts.parts.get("sheet.xml"), careful.changed),
    )


STALE = [_regular(i, "0", "") for i in range(4)]  # as XlsxWriter saves formulas: 0 and ""
CURRENT = [
    _regular(0, "0.5", "Baik", ' t="str"'),
    _regular(1, "", "", ' t="str"', ' t="str"'),  # "" is a text
    _regular(2, "1.2", "Sangat Baik &amp; lebih", ' t="str"'),
    _regular(3, "0.30000000000000004", "Kurang", ' t="str"'),
]


@pytest.mark.parametrize(
    "cells",
    [
        STALE,
        CURRENT[:2] + STALE[2:],  # partly current
        [c.replace(' s="3"', "") for c in STALE],  # no style
        [c.replace("<f>", '<f t="shared" si="0">') for c in STALE],  # shared formulas
        [
            CURRENT[0],
            CURRENT[1].replace('<v></v></c><c r="I5"', '<v>x</v></c><c r="I5"'),
            *CURRENT[2:],
        ],
    ],
    ids=["stale", "part-current", "no-style", "shared-formula", "one-value-changed"],
)
def test_regular_cells_get_the_careful_paths_bytes(cells: list[str]) -> None:
    fast, careful = _both_paths(_sheet(cells))
    assert fast is not None and careful[0] is not None
    assert fast == careful


def test_current_cells_write_nothing() -> None:
    fast, careful = _both_paths(_sheet(CURRENT))
    assert fast == (None, 0) and careful == (None, 0)


def test_an_empty_cache_of_a_text_counts_as_current_but_gets_its_type() -> None:
    cells = [*CURRENT[:1], _regular(1, "", ""), *CURRENT[2:]]  # "" without t="str"
    fast, careful = _both_paths(_sheet(cells))
    assert fast == careful and fast is not None and fast[0] is not None and fast[1] == 0


@pytest.mark.parametrize(
    "cells",
    [
        [STALE[0], STALE[1].replace('<f>IF(E5="","",E5/C5)</f>', ""), *STALE[2:]],  # no formula
        [STALE[0], STALE[1].replace('s="3">', 's="3" t="n">'), *STALE[2:]],  # t="n"
        [STALE[0], STALE[2], STALE[1], STALE[3]],  # rows out of order
        STALE[:3],  # a row missing
        [*STALE, _regular(4, "0", "")],  # a formula below the table
        [STALE[0], STALE[1].replace('<c r="I5">', '<c r="I5" t="inlineStr">'), *STALE[2:]],
    ],
    ids=["no-formula", "t-n", "out-of-order", "row-missing", "below-table", "inline-string"],
)
def test_other_sheets_take_the_careful_path(cells: list[str]) -> None:
    fast, careful = _both_paths(_sheet(cells))
    assert fast is None
    assert careful[0] is not None


def test_a_sheet_is_refreshed_in_chunks_of_whole_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    xml = _sheet(STALE)
    whole = _fast(xml)
    monkeypatch.setattr(module, "_ROWS_AT_ONCE", 10)  # a chunk per row
    chunked = _fast(xml)
    assert whole is not None and chunked is not None and len(chunked[0]) > 2
    assert b"".join(chunked[0]) == b"".join(whole[0]) and chunked[1] == whole[1]


def test_current_rows_before_a_stale_one_are_given_as_they_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(module, "_ROWS_AT_ONCE", 10)
    xml = _sheet([*CURRENT[:3], STALE[3]])
    fast = _fast(xml)
    assert fast is not None and fast[1] == 2  # H7 and I7
    assert xml.startswith(fast[0][0]) and b"</row>" in fast[0][0]
    assert b"".join(fast[0]) == _sheet(CURRENT)


@pytest.mark.parametrize(
    ("cells", "regular"),
    [
        ([STALE[0], *CURRENT[1:3], STALE[3]], True),  # current chunks after a stale one
        ([*CURRENT[:2], STALE[2], CURRENT[3]], True),
        (STALE, True),
        (CURRENT, True),
        ([CURRENT[0], CURRENT[1].replace('r="I5"', 'r="I05"'), *CURRENT[2:]], True),  # 5 = 05
        ([CURRENT[0], CURRENT[1].replace('r="I5"', 'r="I6"'), *CURRENT[2:]], False),
        ([CURRENT[0], CURRENT[1].replace("<f>", "<f>IF(1,1)</f><f>"), *CURRENT[2:]], False),
    ],
    ids=["stale-current", "current-stale", "stale", "current", "I05", "I6-twice", "two-f"],
)
def test_chunks_looked_at_before_they_are_cut_give_the_careful_paths_bytes(
    monkeypatch: pytest.MonkeyPatch, cells: list[str], regular: bool
) -> None:
    monkeypatch.setattr(module, "_ROWS_AT_ONCE", 10)  # a chunk per row
    fast, careful = _both_paths(_sheet(cells))
    assert (fast is not None) == regular
    if fast is not None:
        assert fast == careful
    chunked = _fast(_sheet(cells))
    monkeypatch.setattr(module, "_ROWS_AT_ONCE", 1 << 22)  # one chunk
    whole = _fast(_sheet(cells))
    assert (chunked is None) == (whole is None)
    if chunked is not None and whole is not None:
        assert b"".join(chunked[0]) == b"".join(whole[0]) and chunked[1] == whole[1]


def test_a_big_sheet_is_deflated_as_it_is_made_to_the_same_parts(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above package.BIG_PART the new measurement sheet goes to the zip in deflated pieces."""
    copy = tmp_path / "copy.xlsm"
    shutil.copy(book, copy)
    recalc(book)
    deflated: list[int] = []
    real = module.deflate
    monkeypatch.setattr(module, "deflate", lambda pieces: deflated.append(1) or real(pieces))
    monkeypatch.setattr(module, "BIG_PART", 0)
    monkeypatch.setattr(module, "_ROWS_AT_ONCE", 100)  # many pieces
    recalc(copy)
    assert deflated == [1]
    with zipfile.ZipFile(book) as a, zipfile.ZipFile(copy) as b:
        assert b.testzip() is None
        assert a.namelist() == b.namelist()
        assert all(a.read(n) == b.read(n) for n in a.namelist())


def test_an_irregular_cell_after_deflated_pieces_still_gets_the_careful_paths_file(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sheet found irregular only after some pieces were deflated: those are thrown away."""
    recalc(book)  # every computed cell regular and current
    with Package(book) as pkg:
        found = table_part(pkg, "tblMeasurements")
        assert found is not None
        part = found[0]
        xml = pkg.read(part)
        first = re.search(rb'<c r="H(\d+)"><f>[^<]*</f><v>([^<]*)</v>', xml)
        last = list(re.finditer(rb'<c r="I\d+" t="str">', xml))[-1]
        assert first is not None
        # stale at the top; at the bottom a status cell with its attributes in another order
        xml = xml[: first.start(2)] + b"9" + xml[first.end(2) : last.end() - 1] + b' s="0">'
        xml += pkg.read(part)[last.end() :]
        pkg.set(part, xml)
        write_atomically(pkg, book)
    copy = tmp_path / "copy.xlsm"
    shutil.copy(book, copy)
    monkeypatch.setattr(module, "BIG_PART", 0)  # deflated as made
    monkeypatch.setattr(module, "_ROWS_AT_ONCE", 100)  # the stale row well before the last one
    deflated: list[int] = []
    real_deflate = module.deflate
    monkeypatch.setattr(module, "deflate", lambda p: deflated.append(1) or real_deflate(p))
    regular: list[bool] = []
    real_regular = module._refresh_regular

    def spy(*args: object) -> Iterator[bytes | memoryview]:
        yield from real_regular(*args)  # type: ignore[arg-type]
        tally = args[-1]
        assert isinstance(tally, _Tally)
        regular.append(tally.regular)

    monkeypatch.setattr(module, "_refresh_regular", spy)
    recalc(book)
    assert deflated == [1] and regular == [False]
    monkeypatch.setattr(module, "_refresh_regular", _careful_only)
    recalc(copy)
    with zipfile.ZipFile(book) as a, zipfile.ZipFile(copy) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(n) == b.read(n) for n in a.namelist())


def _careful_only(*args: object) -> Iterator[bytes]:
    tally = args[-1]
    assert isinstance(tally, _Tally)
    tally.regular = False
    yield from ()
