"""Where tables come from: raw Excel tables (values plus position), from a file or from Excel itself."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import re
import zipfile
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.garbage import collection_paused
from egov_bsc_xl.i18n.catalogue import Words, both, phrase
from egov_bsc_xl.ooxml.constants import NAMESPACE
from egov_bsc_xl.workbook.opc.package import Package, package_zip
from egov_bsc_xl.workbook.reading.sheet_scan import (
    CHUNK,
    SLACK_CELLS,
    Box,
    SheetScan,
    reach,
    scan,
    sheet_pieces,
    trim,
)
from egov_bsc_xl.workbook.reading.table_parts import Structure, TablePart, inspect, read_part

T = TypeVar("T")
# A table may hold at most this many cells: Excel's full height (1,048,576 rows) of sixteen columns,
# so a real 1,000,000-row Realisasi table is read; calamine keeps about 32 bytes per cell and Python
# several times that. A ref wider than that which cannot be cut to the data is refused.
MAX_TABLE_CELLS = 16 * 1_048_576


@functools.lru_cache(maxsize=4096)
def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB' (cached: the owned sheets ask for the same few columns 100,000 times)."""
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
    Excel error text (#DIV/0!, #N/A, ...) of cells that hold an error value; `uncached` holds
    the (data row, column index) of formula cells saved without their value (read as blank).
    """

    name: str
    sheet: str
    top: int
    left: int
    headers: list[str]
    rows: list[list[Any]]
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    uncached: set[tuple[int, int]] = field(
        default_factory=set
    )  # formula cells with no cached value

    def cell(self, row: int, col: int) -> str:
        """A1 address of data row `row`, table column `col` (both 0-based)."""
        return a1(self.top + 1 + row, self.left + col)

    def header_cell(self, col: int) -> str:
        return a1(self.top, self.left + col)


class TableSource(Protocol):
    """A workbook we read tables from: a file on disk, or the open book in Excel (xl/)."""

    def table_names(self) -> list[str]: ...

    def table(self, name: str) -> RawTable: ...


class FileSource:
    """Tables of an .xlsx/.xlsm file, read with python-calamine (fast, keeps each cell's type).

    The package's structure is checked first (limits, parts, table refs: table_parts.inspect), and
    each sheet holding tables is scanned once (sheet_scan.scan): when a sheet reaches far beyond its
    tables, calamine reads a trimmed copy of it, so memory follows the tables, not the sheet. Every
    failure of the native reader, a Rust panic included, becomes one sentence (UnusableInput).
    """

    def __init__(self, path: str | Path, package: Package | None = None):
        from python_calamine import CalamineWorkbook

        self.path = Path(path)
        _check_file(self.path)
        try:
            with package_zip(package or self.path) as zf:
                self._structure = inspect(zf, self.path)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise UnusableInput(_unreadable(self.path, exc)) from None
        self._book = _native(
            self.path, "", lambda: CalamineWorkbook.from_path(str(self.path), load_tables=True)
        )
        self._names: list[str] = _native(self.path, "", lambda: list(self._book.table_names or []))
        self._scans: dict[str, SheetScan] = {}
        # The package recalc opened (FileBook gives it): the structure and the scans then use its
        # open zip and the sheets it has already inflated instead of opening the file again.
        self.package = package
        self._clips: dict[
            str, TablePart
        ] = {}  # table part -> the table with its ref cut to the data
        self._trim: set[str] | None = None
        self._trimmed: Any = None  # a calamine workbook over the trimmed copy, made when needed

    def table_names(self) -> list[str]:
        return list(self._names)

    def table(self, name: str) -> RawTable:
        part = self._structure.tables.get(name.lower())
        tbl = None
        if part is not None and not part.header_only and part.sheet not in self._scans:
            tbl = self._load_beside_scan(name, part)
        if part is not None:
            part = self._clipped(part)
        if part is not None and part.header_only:
            return RawTable(part.name, part.sheet, part.top, part.left, list(part.columns), [])
        scanned = self._scan(part.sheet) if part is not None else None
        if tbl is None:
            book = self._book
            if part is not None and self._trimmed_sheet(part.sheet):
                book = self._trimmed_book()
            tbl = _native(self.path, name, lambda: book.get_table_by_name(name))
        if tbl.start is None or tbl.end is None:  # a table without cells
            return RawTable(name, tbl.sheet, 0, 0, [str(h) for h in tbl.columns], [])
        (first, left), (bottom, right) = (
            tbl.start,
            tbl.end,
        )  # calamine's start is the first data row
        top = first - 1
        width = right - left + 1
        headers = [str(h) for h in tbl.columns]
        with collection_paused():  # a list per row (egov_bsc_xl/garbage.py)
            rows = _native(self.path, name, tbl.to_python)
        if set(map(len, rows)) - {
            width
        }:  # a short row is padded (one C pass tells: a million rows)
            rows = [r if len(r) == width else list(r) + [""] * (width - len(r)) for r in rows]
        raw = RawTable(name, tbl.sheet, top, left, headers, rows)
        errors = scanned.errors if scanned is not None else {}
        for (r, c), text in errors.items():
            if top < r <= bottom and left <= c <= right:
                raw.errors[(r - top - 1, c - left)] = text
        for r, c in scanned.uncached if scanned is not None else ():
            if top < r <= bottom and left <= c <= right:
                raw.uncached.add((r - top - 1, c - left))
        return raw

    def _parts(self, sheet: str | None = None) -> list[TablePart]:
        """The tables (each once) of `sheet`, or of every sheet."""
        unique = {id(t): t for t in self._structure.tables.values()}.values()
        return [t for t in unique if sheet is None or t.sheet == sheet]

    def _box(self, sheet: str, clipped: bool = True) -> Box:
        tables = [self._clipped(t) if clipped else t for t in self._parts(sheet)]
        return Box(
            min(t.top for t in tables),
            min(t.left for t in tables),
            max(t.bottom for t in tables),
            max(t.right for t in tables),
        )

    def _scan(self, sheet: str) -> SheetScan:
        """Last row and column of a sheet and its error cells (calamine reads errors as empty)."""
        if sheet not in self._scans:  # every small sheet with tables at once: one zip opening
            sheets = {t.sheet for t in self._parts()} - self._scans.keys() | {sheet}
            with package_zip(self.package or self.path) as zf:
                for name in sorted(sheets):
                    part = self._structure.sheets[name]
                    if name != sheet and self._part_size(zf, part) > CHUNK:
                        continue  # a big one waits for its table: it may be scanned beside it
                    data = self.package.inflated(part) if self.package is not None else None
                    self._scans[name] = scan(zf, part, self.path, self._box(name, False), data)
        return self._scans[sheet]

    @staticmethod
    def _part_size(zf: zipfile.ZipFile, part: str) -> int:
        """The part's size as the zip's directory gives it (it only chooses how the sheet is
        scanned; asking the package would wait for its prefetch of the sheet)."""
        try:
            return zf.getinfo(part).file_size
        except KeyError:
            return 0  # the scan names the missing part

    def _load_beside_scan(self, name: str, part: TablePart) -> Any | None:
        """calamine's load of table `name` while a thread scans its sheet; None when the sheet is
        small or a quick pass cannot prove that the scan leaves the read as it is.

        The scan decides how calamine may read a sheet: a table cut to its data (`_clipped`), a
        far-reaching sheet trimmed (`_trimmed_sheet`); so it comes first. On a big sheet
        `sheet_scan.reach` proves in one search that neither will happen, and the rest of the
        scan (error cells, formulas saved without a value, the exact last row) then runs beside
        calamine's parse, which lets go of the GIL. 1M rows (bench_recalc's 324 MB sheet): the
        scan's 2.3 s came on top of calamine's 3.0 s, and now mostly within them.
        """
        sheet, sheet_part = part.sheet, self._structure.sheets[part.sheet]
        box = self._box(sheet, False)
        keep: list[bytes] | None = None
        with package_zip(self.package or self.path) as zf:
            if self._part_size(zf, sheet_part) <= CHUNK:
                return None
            data = self.package.inflated(sheet_part) if self.package is not None else None
            if data is None:
                keep = []  # inflated once: the scan below goes over the same pieces
            with contextlib.closing(sheet_pieces(zf, sheet_part, self.path, data)) as pieces:
                lowest = reach(pieces, box, keep)
        # A sheet reaching at least row `lowest` leaves each table whole (the last row can only be
        # further down); a table above the limit is for _clipped to refuse.
        tables = self._parts(sheet)
        if lowest is None or any(
            _cut_at(t, lowest) != t.bottom or _cells(t, t.bottom) > MAX_TABLE_CELLS for t in tables
        ):
            return None
        # The scan in the thread, calamine in this one: calamine's big allocations then come from
        # the main thread's heap, as in a serial read (made in a thread, they left about 190 MB of
        # a second malloc arena held up to recalc's peak: 1M rows, 1.60 against 1.41 GB).
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="egov-bsc-scan") as pool:
            scanning = pool.submit(scan, None, sheet_part, self.path, box, data, keep)
            del keep  # the scan's: the inflated sheet goes with it, before calamine's rows come
            table = _native(self.path, name, lambda: self._book.get_table_by_name(name))
            self._scans[sheet] = scanning.result()
        return table

    def _clipped(self, part: TablePart) -> TablePart:
        """The table with its ref cut at the sheet's last row when it reaches far below any cell
        (calamine allocates a table's whole ref: A1:XFD1048576 would be a terabyte).

        A table still above MAX_TABLE_CELLS is refused with a sentence.
        """
        if part.part in self._clips:
            return self._clips[part.part]
        scanned = self._scan(part.sheet)
        bottom = _cut_at(part, scanned.last_row) if scanned.rows_numbered else part.bottom
        if _cells(part, bottom) > MAX_TABLE_CELLS:
            cells = _cells(part, bottom)
            raise UnusableInput(
                both(
                    "msg.table.too_many_cells",
                    path=self.path,
                    table=part.name,
                    sheet=part.sheet,
                    ref=part.ref,
                    cells=Words(f"{cells:,}".replace(",", "."), f"{cells:,}"),
                    limit=Words(f"{MAX_TABLE_CELLS:,}".replace(",", "."), f"{MAX_TABLE_CELLS:,}"),
                )
                + "."
            )
        clipped = part
        if bottom != part.bottom:
            ref = f"{a1(part.top, part.left)}:{a1(bottom, part.right)}"
            clipped = dataclasses.replace(part, bottom=bottom, ref=ref)
        self._clips[part.part] = clipped
        return clipped

    def _trimmed_sheet(self, sheet: str) -> bool:
        """True when calamine reads `sheet` from the trimmed copy (see `_trim_sheets`)."""
        if self._trim is not None:
            return sheet in self._trim
        tables = self._parts(sheet)
        return any(self._clipped(t) is not t for t in tables) or self._scan(sheet).too_far(
            self._box(sheet)
        )

    def _trim_sheets(self) -> set[str]:
        """Sheets calamine reads from the trimmed copy: far-reaching ones, and those with a cut table."""
        if self._trim is None:
            self._trim = {t.sheet for t in self._parts() if self._clipped(t) is not t}
            self._trim |= {
                s for s in {t.sheet for t in self._parts()} if self._scan(s).too_far(self._box(s))
            }
        return self._trim

    def _trimmed_book(self) -> Any:
        """calamine over a copy of the package whose far-reaching sheets keep only their tables' cells."""
        if self._trimmed is None:
            from python_calamine import CalamineWorkbook

            refs = {
                t.part: (t.ref, self._clipped(t).ref)
                for t in self._parts()
                if self._clipped(t) is not t
            }
            boxes = {s: self._box(s) for s in self._trim_sheets()}
            data = trimmed_package(self.path, self._structure, boxes, refs)
            self._trimmed = _native(
                self.path,
                "",
                lambda: CalamineWorkbook.from_filelike(io.BytesIO(data), load_tables=True),
            )
        return self._trimmed


def _cut_at(part: TablePart, last_row: int) -> int:
    """The bottom row (0-based) of the table on a sheet whose last row is `last_row`: the last row
    when the ref reaches more than SLACK_CELLS cells below it, else the ref's own bottom."""
    last = max(last_row, part.top + part.header_rows)
    return (
        last if (part.bottom - last) * (part.right - part.left + 1) > SLACK_CELLS else part.bottom
    )


def _cells(part: TablePart, bottom: int) -> int:
    """How many cells the table holds from its header to row `bottom`."""
    return (bottom - part.top + 1) * (part.right - part.left + 1)


def trimmed_package(
    path: Path,
    structure: Structure,
    boxes: dict[str, Box],
    refs: dict[str, tuple[str, str]] | None = None,
) -> bytes:
    """The parts calamine needs to read the tables, with the sheets of `boxes` trimmed to them and
    the table parts of `refs` given their cut ref (part -> (old ref, new ref))."""
    trim_parts = {structure.sheets[s]: box for s, box in boxes.items()}
    table_sheets = {t.sheet_part for t in structure.tables.values()}
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zf, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in zf.infolist():
            name = info.filename
            if name in trim_parts:
                data = trim(zf, name, path, trim_parts[name])
            elif refs and name in refs:
                old, new = refs[name]
                data = read_part(zf, name, path).replace(
                    f'ref="{old}"'.encode(), f'ref="{new}"'.encode()
                )
            elif name in structure.sheets.values() and name not in table_sheets:
                data = _EMPTY_SHEET
            elif name.endswith((".xml", ".rels")) and not name.startswith(
                ("xl/media/", "xl/drawings/", "xl/charts/")
            ):
                data = read_part(zf, name, path)
            else:
                continue
            dst.writestr(name, data, compresslevel=1)
    return out.getvalue()


_EMPTY_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="%s"><sheetData/></worksheet>' % NAMESPACE.SML_MAIN.encode()
)


def _native(path: Path, table: str, call: Callable[[], T]) -> T:
    """Run a python-calamine call; any failure, a Rust panic included, becomes one sentence.

    pyo3's PanicException derives from BaseException, so it passes `except Exception`.
    """
    try:
        return call()
    except (KeyboardInterrupt, SystemExit, GeneratorExit, UnusableInput):
        raise
    except MemoryError:
        raise UnusableInput(both("msg.file.memory", path=path) + ".") from None
    except BaseException as exc:  # noqa: BLE001 - a native reader's panic is a BaseException
        raise UnusableInput(_unreadable(path, exc, table)) from None


def _check_file(path: Path) -> None:
    if not path.exists():
        raise UnusableInput(both("msg.file.not_found", path=path) + ".")
    if path.is_dir():
        raise UnusableInput(both("msg.file.folder", path=path) + ".")
    if path.stat().st_size == 0:
        raise UnusableInput(both("msg.file.empty", path=path) + ".")
    if not zipfile.is_zipfile(path):
        raise UnusableInput(both("msg.file.not_zip", path=path) + ".")


def _unreadable(path: Path, exc: BaseException, table: str = "") -> str:
    """The sentence for a workbook the reader gave up on, with the reader's own words last."""
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    where = phrase("msg.file.while_table", table=table) if table else ""
    return (
        both("msg.file.unreadable", path=path, where=where) + f": {type(exc).__name__}: {detail}."
    )
