"""`egov-bsc recalc`: write the Dasbor and Validasi sheets into the workbook file, safely.

The product owns those two sheets and the cached values of the computed columns `achievement`
and `status` of tblMeasurements; every other part of the file is copied as it was. The file is
written beside the target and renamed over it, with one backup generation.

The use case itself (analyse, lay out, write the sheets, refresh computed cells) is
`app.refresh(book)`, the one path both the command line (a FileBook) and Excel's buttons (an
XlwingsBook, see xl/book.py) take; this module holds the file mechanics.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import and_, ne, or_
from pathlib import Path
from typing import NamedTuple, Protocol

from egov_bsc_xl.errors import RecalcError
from egov_bsc_xl.i18n.catalogue import both, phrase
from egov_bsc_xl.ooxml.xmltext import text_bytes
from egov_bsc_xl.workbook.contract import MEASUREMENTS, map_headers
from egov_bsc_xl.workbook.opc.deflate import deflate
from egov_bsc_xl.workbook.opc.files import backup_path, check_overwrite, real_path
from egov_bsc_xl.workbook.opc.package import (
    BIG_PART,
    Package,
    sheet_part_names,
    table_part,
    write_atomically,
)
from egov_bsc_xl.workbook.reading.analysis import Analysis
from egov_bsc_xl.workbook.reading.source import FileSource, TableSource, column_letter, parse_a1
from egov_bsc_xl.workbook.writing.band_rules import add_band_rules, missing_colours
from egov_bsc_xl.workbook.writing.layout import Grid
from egov_bsc_xl.workbook.writing.owned_parts import (
    check_rewritable,
    drop_calc_chain_of,
    full_calc_on_load,
    read_part,
    write_grids,
)
from egov_bsc_xl.workbook.writing.safe_rewrite import locked_rewrite, refuse_unwritable


class BookPort(Protocol):
    """A workbook we read tables from and write our two sheets to: a file, or the book open in Excel."""

    @property
    def source(self) -> TableSource: ...

    @property
    def path(self) -> Path: ...  # the workbook's file

    def sheet_names(self) -> set[str]: ...

    def write_sheets(self, grids: list[Grid]) -> None: ...

    def refresh_computed(self, values: ComputedValues) -> None: ...


@dataclass
class ComputedValues:
    """Cached values of tblMeasurements' computed columns, one per data row of the table."""

    achievement: list[float | str]  # fraction, "" for no data
    status: list[str]
    band_colours: list[str] = field(default_factory=list)  # '#RRGGBB' of every band in tblBands


# ---------------------------------------------------------------- the file implementation


class FileBook:
    """A workbook file: tables read with calamine, our parts written by zip-part surgery."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:  # the file is opened once; the reader reads its structure and scans through it
            opened: Package | None = Package(self.path)
        except Exception:  # noqa: BLE001 - the reader, then Package itself, says why, as before
            opened = None
        try:
            self.source = FileSource(self.path, opened)
            self.package = opened if opened is not None else Package(self.path)
            check_rewritable(
                self.package
            )  # a broken part recalc must rewrite stops it here, with a sentence
        except BaseException:
            package = opened or getattr(self, "package", None)
            if package is not None:
                package.close()
            raise
        self.package.prefetch()  # the measurement sheet, decompressed while the tables are read
        self.added: list[str] = []
        self.refreshed = 0

    def sheet_names(self) -> set[str]:
        return set(sheet_part_names(self.package))

    def write_sheets(self, grids: list[Grid]) -> None:
        self.added = write_grids(self.package, grids)
        drop_calc_chain_of(self.package, [g.sheet for g in grids])

    def refresh_computed(self, values: ComputedValues) -> None:
        found = table_part(self.package, MEASUREMENTS.name)
        # a band added in a colour the status column has no rule for (asked before the refresh)
        missing = found is not None and missing_colours(self.package, found[0], values.band_colours)
        refreshed = refresh_measurement_cache(self.package, values)
        self.refreshed = refreshed.cells
        if refreshed.changed:  # formulas that use these cells hold stale values: Excel recalculates
            full_calc_on_load(self.package)
        if found is not None and missing:
            add_band_rules(self.package, found[0], values.band_colours)

    def close(self) -> None:
        self.package.close()


class CacheRefresh(NamedTuple):
    """What refresh_measurement_cache did: computed cells seen, and how many held another value."""

    cells: int
    changed: int


def refresh_measurement_cache(pkg: Package, values: ComputedValues) -> CacheRefresh:
    """Rewrite the cached `<v>` of tblMeasurements' achievement and status cells; formulas stay.

    Works on the sheet's bytes: cells written the regular way are refreshed in C-level passes
    (`_refresh_regular`); any other sheet goes through one regular expression over the cells of
    the two columns, cell by cell (`_refresh_cells`). Counts the cells refreshed and those whose
    value (or its type, number or text) was different before.
    """
    found = table_part(pkg, MEASUREMENTS.name)
    if found is None:
        return CacheRefresh(0, 0)
    part, _, table = found
    ns = table.tag.split("}")[0] + "}" if table.tag.startswith("{") else ""
    headers = [c.get("name", "") for c in table.iter(f"{ns}tableColumn")]
    cols = map_headers(MEASUREMENTS, headers)
    first, _, last = table.get("ref", "A1:A1").partition(":")
    last = last or first  # a one-cell ref
    top, left = parse_a1(first)
    bottom, _ = parse_a1(last)
    header_rows = int(table.get("headerRowCount", "1"))
    bottom -= int(table.get("totalsRowCount", "0"))
    data_top = top + header_rows  # 0-based sheet row of data row 0
    letters = {}
    for key in ("achievement", "status"):
        if key in cols:
            letters[column_letter(left + cols[key]).encode()] = key
    if not letters:
        return CacheRefresh(0, 0)
    size = bottom - data_top + 1
    which = {letter: _encoded(getattr(values, key), size) for letter, key in letters.items()}
    first_row = data_top + 1  # 1-based sheet row of data row 0
    xml = read_part(pkg, part)
    tally = _Tally()
    pieces = _refresh_regular(xml, which, first_row, size, tally)
    first_piece = next(pieces, None)  # None: every cell current, or an irregular sheet
    if first_piece is not None and len(xml) > BIG_PART:
        # the new sheet is deflated piece by piece as it is made, never held whole
        deflated = deflate(chain((first_piece,), pieces))
        if tally.regular:
            pkg.set_deflated(part, deflated)
    elif first_piece is not None:
        new = b"".join(chain((first_piece,), pieces))
        if tally.regular:
            pkg.set(part, new)
    if not tally.regular:
        return _refresh_cells(pkg, part, xml, which, first_row, size)
    return CacheRefresh(size * len(which), tally.changed)


def _refresh_cells(
    pkg: Package, part: str, xml: bytes, which: dict[bytes, Encoded], first_row: int, size: int
) -> CacheRefresh:
    """The careful path: every cell of the computed columns, however it is written, one by one."""
    pattern = re.compile(
        rb'<c r="('
        + b"|".join(which)
        + rb')(\d+)"([^>]*?)(?:/>|>(<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?'
        rb"(?:<v>([^<]*)</v>|<is>.*?</is>)?</c>)",
        re.DOTALL,
    )
    pieces: list[bytes] = []
    done = count = changed = 0
    for m in pattern.finditer(xml):
        letter, number, attrs, formula, cached = m.groups()
        row = int(number) - first_row
        if row < 0 or row >= size:
            continue
        count += 1
        column = which[letter]
        is_text, value = column.text[row], column.values[row]
        typed = (b' t="str"' in attrs) if is_text else (b" t=" not in attrs)
        if formula is not None and cached == value and typed:
            continue  # already up to date: most cells on a re-run
        changed += not (
            cached == value and (typed or not value)
        )  # an empty cache is empty either way
        pieces += (xml[done : m.start()], _cell(letter, number, attrs, formula, is_text, value))
        done = m.end()
    if pieces:
        pieces.append(xml[done:])
        pkg.set(part, b"".join(pieces))
    return CacheRefresh(count, changed)


_ROWS_AT_ONCE = 1 << 22  # bytes of sheet XML split at a time (whole rows): bounds the pieces held


@dataclass
class _Tally:
    """What _refresh_regular found: cells that held another value; False when some computed cell
    of the table is not written the regular way (then what it yielded is thrown away)."""

    changed: int = 0
    regular: bool = True


def _refresh_regular(
    xml: bytes, which: dict[bytes, Encoded], first_row: int, size: int, tally: _Tally
) -> Iterator[bytes | memoryview]:
    """The sheet with fresh cached values, in pieces, when every computed cell of the table is
    written the way Excel and this writer write it (`<c r s? t="str"?><f/><v/></c>`), one per
    column and row, in sheet order. Yields nothing when every cell is current; counts the cells
    that held another value in `tally`. For any other sheet it stops, maybe after some pieces,
    with `tally.regular` False: then the careful path runs.

    No Python per cell: `re.split` cuts each cell into 8 pieces whose concatenation is the cell,
    and a column's cached values and type flags are compared and replaced as list slices (at
    100,000 rows 0.15 s of CPU instead of 0.65 s cell by cell on stale values). The bytes are the
    careful path's: `_cell` of a regular cell keeps its `s`, and `t="str"` only for a text.
    A chunk is first only looked at (`_current`: four pieces per cell, not nine) and cut only
    when some cell in it is stale, or when the chunk before was (a first run: all of them).
    """
    letters = sorted(which, key=lambda x: (len(x), x))  # their order in a row
    step = 9 * len(letters)  # per row: each cell's 8 pieces and the text after it
    cells = b"|".join(letters)
    # the same cells twice: their letter, number, type flag and value; and cut into 8 pieces
    find = re.compile(
        rb'<c r="('
        + cells
        + rb')(\d+)"(?: s="\d+")?((?: t="str")?)>'
        + _FORMULA
        + rb"<v>([^<]*)</v></c>"
    )
    pattern = re.compile(
        rb'(<c r=")(' + cells + rb')(\d+)("(?: s="\d+")?)((?: t="str")?)'
        rb"(>" + _FORMULA + rb"<v>)([^<]*)(</v></c>)"
    )
    view = memoryview(xml)  # split gives bytes pieces of a memoryview slice, without a copy
    row = start = done = 0  # data rows seen; where the next chunk begins; bytes yielded
    stale = False  # the chunk before held a stale cell
    while start < len(xml):
        end = xml.find(b"</row>", start + _ROWS_AT_ONCE)
        end = len(xml) if end < 0 else end + len(b"</row>")
        if not stale:
            current = _current(find.findall(view[start:end]), letters, which, row, first_row, size)
            if current is not None:
                row += current
                start = end
                continue
        pieces = pattern.split(view[start:end])  # text, 8 pieces of a cell, text, ...
        rows = (len(pieces) - 1) // step
        if rows * step != len(pieces) - 1 or row + rows > size or pieces[2::9] != letters * rows:
            tally.regular = False
            return
        numbers = list(range(first_row + row, first_row + row + rows))
        touched = False
        for j, letter in enumerate(letters):
            got_numbers = pieces[3 + 9 * j :: step]
            # a later letter's row numbers, byte for byte the first's, are the first's numbers
            same_numbers = j > 0 and got_numbers == pieces[3::step]
            if not same_numbers and list(map(int, got_numbers)) != numbers:
                tally.regular = False
                return
            column = which[letter]
            want, want_flags = column.values[row : row + rows], column.flags[row : row + rows]
            got, got_flags = pieces[7 + 9 * j :: step], pieces[5 + 9 * j :: step]
            same_flags = got_flags == want_flags
            if same_flags and got == want:
                continue
            # changed: another value, or a non-empty value of another type (as _refresh_cells)
            tally.changed += (
                sum(map(ne, got, want))
                if same_flags
                else sum(
                    map(
                        or_,
                        map(ne, got, want),
                        map(and_, map(ne, got_flags, want_flags), map(bool, want)),
                    )
                )
            )
            pieces[7 + 9 * j :: step], pieces[5 + 9 * j :: step] = want, want_flags
            touched = True
        if touched:
            if done < start:
                yield view[done:start]  # the current cells before, as they are
            yield b"".join(pieces)
            done = end
        stale = touched
        row += rows
        start = end
    if row != size:
        tally.regular = False
        return
    if done and done < len(xml):
        yield view[done:]


_FORMULA = rb"(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)"


def _current(
    found: list[tuple[bytes, bytes, bytes, bytes]],
    letters: list[bytes],
    which: dict[bytes, Encoded],
    row: int,
    first_row: int,
    size: int,
) -> int | None:
    """The number of table rows in a chunk whose computed cells (`found`: letter, number, type
    flag and cached value of each) are regular and all current, so the chunk stays as it is;
    None when it must be cut (some cell stale, or not regular: the cut tells which).

    What `_refresh_regular` checks of a cut chunk, on a quarter of the pieces: at 1,000,000 rows
    a re-run takes 0.9 s instead of 1.6 s (CPU). Row numbers of the later letters are compared as
    bytes with the first letter's: equal bytes are equal numbers.
    """
    n = len(letters)
    rows = len(found) // n
    if rows * n != len(found) or row + rows > size:
        return None
    if not found:
        return 0
    got_letters, numbers, flags, values = zip(*found, strict=True)
    if list(got_letters) != letters * rows:
        return None
    if list(map(int, numbers[::n])) != list(range(first_row + row, first_row + row + rows)):
        return None
    for j, letter in enumerate(letters):
        column = which[letter]
        if (
            numbers[j::n] != numbers[::n]
            or list(values[j::n]) != column.values[row : row + rows]
            or list(flags[j::n]) != column.flags[row : row + rows]
        ):
            return None
    return rows


def _cell(
    letter: bytes, number: bytes, attrs: bytes, formula: bytes | None, is_text: bool, value: bytes
) -> bytes:
    """One computed cell with a fresh cached value; its formula (if any) is kept as it was."""
    if b" t=" in attrs:
        attrs = _TYPE_ATTR.sub(b"", attrs)
    if formula is not None:
        if is_text:
            return b'<c r="%s%s"%s t="str">%s<v>%s</v></c>' % (
                letter,
                number,
                attrs,
                formula,
                value,
            )
        return b'<c r="%s%s"%s>%s<v>%s</v></c>' % (letter, number, attrs, formula, value)
    if not is_text:
        return b'<c r="%s%s"%s><v>%s</v></c>' % (letter, number, attrs, value)
    if not value:
        return b'<c r="%s%s"%s/>' % (letter, number, attrs)
    return b'<c r="%s%s"%s t="inlineStr"><is><t>%s</t></is></c>' % (letter, number, attrs, value)


_TYPE_ATTR = re.compile(rb'\s+t="[^"]*"')


@dataclass
class Encoded:
    """A computed column's cached values as XML bytes, one per data row."""

    text: list[bool]  # the value is text (a formula cell then needs t="str")
    values: list[bytes]

    @cached_property
    def flags(self) -> list[bytes]:  # the type attribute each cell needs: ' t="str"' or nothing
        return [b' t="str"' if t else b"" for t in self.text]


def _encoded(column: list[float | str], size: int) -> Encoded:
    """Encode a column once. Texts repeat (band labels), so each is escaped once; numbers are
    written as Python's shortest round-trip repr, produced for the whole column in one call."""
    column = (column + [""] * size)[:size]
    kinds = set(map(type, column))
    if kinds <= {str}:
        texts = {v: _xml(v) for v in set(column)}
        return Encoded([True] * size, [texts[v] for v in column])
    if kinds <= {float, str} and size and set(v for v in column if type(v) is str) <= {""}:
        parts = repr(column).encode()[1:-1].split(b", ")
        return Encoded([type(v) is str for v in column], [b"" if p == b"''" else p for p in parts])
    texts = {v: _xml(v) for v in set(column) if type(v) is str}
    return Encoded(
        [type(v) is str for v in column],
        [texts[v] if type(v) is str else repr(v).encode() for v in column],
    )


_xml = text_bytes


# ---------------------------------------------------------------- recalc of a file


@dataclass
class RecalcResult:
    path: Path  # the file written
    backup: Path | None
    analysis: Analysis
    added_sheets: list[str]
    refreshed_cells: int
    seconds: float


def _both(key: str, **values: object) -> str:
    """A message before the workbook's language is known: Indonesian, then English."""
    return both(f"sheet.{key}", **values)


def rewrite(
    path: str | Path,
    output: str | Path | None,
    update: Callable[[FileBook], Analysis],
    *,
    force: bool = False,
    wait: float = 0.0,
    skip_unchanged: bool = False,
) -> RecalcResult:
    """Let `update` (app.refresh) rewrite our parts of the workbook at `path`, then write the
    result back to `path` (or into `output`, leaving `path` as it is).

    A symbolic link is followed: its real file is rewritten and the link stays. The target's
    lock (files.workbook_lock) is held from the read to the replace; a second run on the same
    file waits up to `wait` seconds, then is refused. `output` replaces an existing file only
    when the product made it (files.made_by_product) or with `force`.

    With `skip_unchanged` (collect), a run whose update changed no part writes nothing and makes
    no backup, so the file stays byte-identical.

    Raises UnusableInput for an unreadable workbook and RecalcError/WriteError/BusyError when the
    target cannot be written (open in Excel, read-only, busy, vanished or changed during the run).
    """
    started = time.perf_counter()
    src = Path(path)
    shown = src if output is None else Path(output)
    in_place = real_path(shown) == real_path(src)
    target = real_path(shown)
    if not target.parent.is_dir():
        raise RecalcError(_both("err_write", name=shown, reason=phrase("msg.recalc.no_folder")))
    if not in_place:
        check_overwrite(shown, force)
    backup = backup_path(target) if in_place else None
    exists = src.exists()
    lock = exists and (target.exists() or in_place)
    refuse_unwritable(shown, target, backup, check_lock=lock, check_write=exists)
    read_from = target if in_place else src
    with locked_rewrite(target, read_from, src.name, wait=wait) as unchanged:
        book = FileBook(read_from)  # raises UnusableInput for a missing or unreadable file
        try:
            analysis = update(book)
            package = book.package
            if not (skip_unchanged and in_place and not package.changed and not package.deleted):
                write_atomically(package, target, backup, before_replace=unchanged)
            else:
                backup = None
        finally:
            book.close()
    return RecalcResult(
        shown,
        backup if backup and backup.exists() else None,
        analysis,
        book.added,
        book.refreshed,
        time.perf_counter() - started,
    )
