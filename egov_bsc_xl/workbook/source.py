"""Where tables come from: raw Excel tables (values plus position), from a file or from Excel itself."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from egov_bsc_xl.errors import UnusableInput


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def a1(row: int, col: int) -> str:
    """A1 address of a 0-based (row, col)."""
    return f"{column_letter(col)}{row + 1}"


_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def parse_a1(ref: str) -> tuple[int, int]:
    """'B3' -> (2, 1), 0-based (row, col)."""
    m = _CELL_REF.fullmatch(ref.replace("$", "").upper())
    if not m:
        raise ValueError(f"not an A1 cell address: {ref!r}")
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


@dataclass
class RawTable:
    """One Excel table as found: header texts, data rows (Python values), and where it stands.

    `top` and `left` are the 0-based row and column of the header row's first cell; data row i
    (0-based) stands on sheet row top + 1 + i. `errors` maps (data row, column index) to the
    Excel error text (#DIV/0!, #N/A, ...) of cells that hold an error value.
    """

    name: str
    sheet: str
    top: int
    left: int
    headers: list[str]
    rows: list[list[Any]]
    errors: dict[tuple[int, int], str] = field(default_factory=dict)

    def cell(self, row: int, col: int) -> str:
        """A1 address of data row `row`, table column `col` (both 0-based)."""
        return a1(self.top + 1 + row, self.left + col)

    def header_cell(self, col: int) -> str:
        return a1(self.top, self.left + col)


class TableSource(Protocol):
    """A workbook we read tables from: a file on disk, or the open book in Excel (xl/)."""

    def table_names(self) -> list[str]: ...

    def table(self, name: str) -> RawTable: ...


_ERROR_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?\bt="e"[^>]*>(?:<f[^>]*/>|<f[^>]*>.*?</f>)?<v>([^<]*)</v>')


class FileSource:
    """Tables of an .xlsx/.xlsm file, read with python-calamine (fast, keeps each cell's type)."""

    def __init__(self, path: str | Path):
        from python_calamine import CalamineWorkbook

        self.path = Path(path)
        _check_file(self.path)
        try:
            self._book = CalamineWorkbook.from_path(str(self.path), load_tables=True)
            self._names: list[str] = list(self._book.table_names or [])
        except Exception as exc:  # calamine raises several types for broken files
            raise UnusableInput(_unreadable(self.path, exc)) from exc
        self._sheet_errors: dict[str, dict[tuple[int, int], str]] = {}

    def table_names(self) -> list[str]:
        return list(self._names)

    def table(self, name: str) -> RawTable:
        tbl = self._book.get_table_by_name(name)
        if tbl.start is None or tbl.end is None:  # a table without cells
            return RawTable(name, tbl.sheet, 0, 0, [str(h) for h in tbl.columns], [])
        (first, left), (bottom, right) = tbl.start, tbl.end  # calamine's start is the first data row
        top = first - 1
        width = right - left + 1
        headers = [str(h) for h in tbl.columns]
        rows = [r if len(r) == width else list(r) + [""] * (width - len(r)) for r in tbl.to_python()]
        raw = RawTable(name, tbl.sheet, top, left, headers, rows)
        for (r, c), text in self._errors_of(tbl.sheet).items():
            if top < r <= bottom and left <= c <= right:
                raw.errors[(r - top - 1, c - left)] = text
        return raw

    def _errors_of(self, sheet: str) -> dict[tuple[int, int], str]:
        """Error cells of a sheet, found in its XML (calamine reads them as empty)."""
        if sheet not in self._sheet_errors:
            self._sheet_errors[sheet] = _scan_error_cells(self.path, sheet)
        return self._sheet_errors[sheet]


def _check_file(path: Path) -> None:
    if not path.exists():
        raise UnusableInput(f"Berkas tidak ditemukan: {path} (file not found).")
    if path.is_dir():
        raise UnusableInput(f"{path} adalah folder, bukan berkas Excel (a folder, not an Excel file).")
    if path.stat().st_size == 0:
        raise UnusableInput(f"Berkas kosong: {path} (the file is empty).")
    if not zipfile.is_zipfile(path):
        raise UnusableInput(
            f"{path} bukan buku kerja Excel .xlsx/.xlsm (not an Excel .xlsx/.xlsm workbook)."
        )


def _unreadable(path: Path, exc: Exception) -> str:
    return f"Buku kerja {path} tidak dapat dibaca (the workbook cannot be read): {type(exc).__name__}."


def _scan_error_cells(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    from egov_bsc_xl.workbook.package import sheet_part_names

    found: dict[tuple[int, int], str] = {}
    with zipfile.ZipFile(path) as zf:
        part = sheet_part_names(zf).get(sheet)
        if part is None:
            return found
        xml = zf.read(part)
    if b't="e"' not in xml:
        return found
    for m in _ERROR_CELL.finditer(xml):
        row, col = parse_a1(m.group(1).decode() + m.group(2).decode())
        found[(row, col)] = m.group(3).decode()
    return found
