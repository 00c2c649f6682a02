"""One streaming pass over a worksheet's XML: how far its cells reach, and its error cells.

python-calamine reads a table by loading its whole sheet into a dense grid, so one stray value at
XFD1048576 would cost gigabytes. `scan` finds, in chunks and without holding the sheet, the last
row and whether any cell lies right of the tables; when the sheet reaches much further than its
tables, `trim` writes a copy of the sheet that keeps only the rows and columns of its tables, and
calamine reads that copy. Memory then follows the tables, not the sheet.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import numpy as np

from egov_bsc_xl.workbook.reading.table_parts import broken, cell_index

CHUNK = 4 * 1024 * 1024
# A sheet may reach this many cells beyond its tables before it is trimmed (calamine keeps about
# 32 bytes per cell of the sheet's grid: 2 million cells are 64 MB).
SLACK_CELLS = 2_000_000
TRIM_FACTOR = 4

_ROW_NUMBER = re.compile(rb'row\b[^>]*?\sr="(\d+)"')  # starts with a literal: fast on 100,000 rows
# The same without a namespace prefix (`<row`, not `<x:row`): a third faster, for chunks without ":row".
_PLAIN_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
_ERROR_CELL = re.compile(
    rb'<(?:[\w.-]+:)?c\b[^>]*?\sr="([A-Z]+\d+)"[^>]*?\bt="e"[^>]*>(?:<(?:[\w.-]+:)?f[^>]*/>|'
    rb'<(?:[\w.-]+:)?f[^>]*>.*?</(?:[\w.-]+:)?f>)?<(?:[\w.-]+:)?v>([^<]*)</(?:[\w.-]+:)?v>',
    re.S,
)
# A formula cell with no cached value (<f> and no or an empty <v>): calamine reads it as blank.
_UNCACHED = re.compile(
    rb'<(?:[\w.-]+:)?c\b[^>]*?\sr="([A-Z]+)(\d{1,7})"[^>/]*>\s*<(?:[\w.-]+:)?f\b[^>]*?(?:/>|>[^<]*</(?:[\w.-]+:)?f>)'
    rb'\s*(?:<(?:[\w.-]+:)?v\s*/>|<(?:[\w.-]+:)?v>\s*</(?:[\w.-]+:)?v>)?\s*</(?:[\w.-]+:)?c>'
)

_SPACE = b" \t\n\r\x0b\x0c"  # what \s matches in a bytes pattern
_OTHER_SPACES = (b"\n", b"\t", b"\r", b"\x0b", b"\x0c")
# After whitespace is taken out, the tail of every _UNCACHED match holds one of these.
_UNCACHED_TAILS = (b"f></c>", b"/></c>", b"<v></v>", b":v></", b":c>")


def _odd_space(chunk: bytes) -> bool:
    """True when an attribute r="..." stands after white space other than a space (any byte the
    row-number search's \\s takes: tab, line break, carriage return, vertical tab, form feed).

    One-byte tests first: a sheet holds a line break after its XML declaration and seldom another,
    while r=" comes ten times a row, which makes the four-byte searches slow (1M rows of nine
    cells: 0.59 s, against 0.03 s for the one-byte tests). The searches alone replaced the
    regular expression [\\t\\n\\r]r=" (1.4-2 ms of a demo-size unit's 9-11 ms read)."""
    spaces = [space for space in _OTHER_SPACES if space in chunk]
    return any(space + b'r="' in chunk for space in spaces)


def _may_hold_uncached(chunk: bytes) -> bool:
    """False only when no _UNCACHED match can be in `chunk`: one byte translation and a few
    substring tests, where the regular expression itself tries every '<' of a 40 MB sheet.

    Every match ends in `</c>` (or `</p:c>`) right after the formula (`</f>`, `</p:f>` or `/>`)
    or after an empty value (`<v/>`, `<v></v>`, `<p:v></p:v>`), with only whitespace between
    those tags: without the whitespace, the chunk holds one of _UNCACHED_TAILS."""
    squeezed = chunk.translate(None, _SPACE)
    return any(tail in squeezed for tail in _UNCACHED_TAILS)


@dataclass
class Box:
    """The 0-based rows and columns the tables of one sheet cover (their union)."""

    top: int
    left: int
    bottom: int
    right: int

    @property
    def cells(self) -> int:
        return (self.bottom + 1) * (self.right + 1)


@dataclass
class SheetScan:
    last_row: int = -1  # 0-based; -1 when the sheet has no rows
    last_col: int = -1  # an upper bound of the last column (0-based)
    rows_numbered: bool = True  # every row carries its number (r="..."): last_row is exact
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    uncached: set[tuple[int, int]] = field(
        default_factory=set
    )  # formula cells without a cached value

    def too_far(self, box: Box) -> bool:
        """True when the sheet's grid would cost much more than the tables' rows and columns."""
        grid = (self.last_row + 1) * (self.last_col + 1)
        return grid > TRIM_FACTOR * box.cells + SLACK_CELLS


def _reads(fh: IO[bytes]) -> Iterator[bytes]:
    """fh.read(CHUNK) to the end. From a zip, the next read runs in a thread while the caller
    works on this one: zlib lets go of the GIL, so inflating (0.25 s CPU of a 165 MB sheet)
    overlaps the scan's searches. A read's failure is raised here, in the caller's thread; the
    thread ends with the generator (at most one read in flight, waited for)."""
    if isinstance(fh, io.BytesIO):  # already in memory: nothing to overlap
        yield from iter(lambda: fh.read(CHUNK), b"")
        return
    first = fh.read(CHUNK)  # read(n) is short only at the part's end
    if len(first) < CHUNK:
        # The whole part: no thread for a small sheet. Started for each of a unit's fifteen
        # sheets, the threads cost consolidate CPU and left its two workers a third idle (1,000
        # units, the pool: 12.1 -> 8.0 s wall, 19.2 -> 15.6 s CPU).
        if first:
            yield first
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="egov-bsc-inflate") as pool:
        ahead = pool.submit(fh.read, CHUNK)
        yield first
        while chunk := ahead.result():
            ahead = pool.submit(fh.read, CHUNK)
            yield chunk


def _chunks(fh: IO[bytes], path: Path, part: str) -> Iterator[bytes]:
    """The part's bytes in pieces that end after a '>' (so no tag is cut in two)."""
    rest = b""
    try:
        for chunk in _reads(fh):
            data = rest + chunk
            cut = data.rfind(b">") + 1
            if cut == 0 and len(data) < 16 * CHUNK:
                rest = data
                continue
            yield data[:cut] if cut else data
            rest = data[cut:] if cut else b""
    except (zlib.error, zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise broken(path, part, "damaged", error=exc) from None
    if rest:
        yield rest


def _open(zf: zipfile.ZipFile, part: str, path: Path) -> IO[bytes]:
    try:
        return zf.open(part)
    except KeyError:
        raise broken(path, part, "missing") from None
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError) as exc:
        raise broken(path, part, "damaged", error=exc) from None


def column_bound(box: Box) -> int:
    """The last column (0-based) `scan` gives a sheet none of whose cells has more column letters
    than the tables' last column."""
    letters = len(_letters(box.right))
    return 26**letters - 1 if letters < 3 else 16_383


def row_limit(box: Box) -> int:
    """The highest row number (1-based) a sheet may reach without being too far (SheetScan.too_far)
    when no cell lies right of column_bound(box)."""
    return (TRIM_FACTOR * box.cells + SLACK_CELLS) // (column_bound(box) + 1)


def reach(pieces: Iterable[bytes], box: Box, keep: list[bytes] | None = None) -> int | None:
    """A quick pass proving, before calamine reads a sheet, what `scan` will find for the memory
    guard: no cell with more column letters than the tables' last column and no row or cell
    numbered above row_limit(box), so the sheet is not too far. Returns the 0-based number of a row
    the sheet holds (a lower bound of scan's last_row, which tells whether a table is cut), or
    None as soon as the pass cannot prove it. Each piece is appended to `keep`.

    One search per piece instead of scan's many: 1M rows of nine cells (324 MB), 0.3 s.
    """
    letters = min(len(_letters(box.right)), 3)
    limit = row_limit(box)
    # After r=" at most `letters` letters (taken whole: possessive), then either one letter more
    # (far right) or a number of as many digits as the limit or more (perhaps far below).
    tail = rb'r="[A-Z]{0,%d}+(?:([A-Z])|(\d{%d,}))' % (letters, len(str(limit)))
    plain, any_space = re.compile(b" " + tail), re.compile(rb"\s" + tail)
    lowest = -1
    for piece in pieces:
        if keep is not None:
            keep.append(piece)
        rx = any_space if _odd_space(piece) else plain
        if rx.search(piece):
            for right, number in rx.findall(piece):
                if right or int(number) > limit:
                    return None
        at = piece.rfind(b"<row")
        row = _PLAIN_ROW_NUMBER.match(piece, at) if at >= 0 else None
        if row is not None:
            lowest = max(lowest, int(row.group(1)) - 1)
    return lowest


def scan(
    zf: zipfile.ZipFile | None,
    part: str,
    path: Path,
    box: Box,
    data: bytes | None = None,
    pieces: Iterable[bytes] | None = None,
) -> SheetScan:
    """Last row, a bound on the last column, and the error cells inside `box`, in one streaming pass
    (over `data`, the part already inflated, or over `pieces`, the part cut after a '>' as
    `reach` was given it, when one is given; from `zf` otherwise)."""
    out = SheetScan()
    letters = len(_letters(box.right))
    # Cells whose column has more letters than the tables' last column lie far to the right.
    far = re.compile(rb' r="([A-Z]{%d,3})\d' % (letters + 1)) if letters < 3 else None
    far_any = re.compile(rb'\sr="([A-Z]{%d,3})\d' % (letters + 1)) if letters < 3 else None
    out.last_col = column_bound(box)
    far_cols: set[bytes] = set()
    # Cells whose row number has more digits than the tables' last row lie far below (a cell's own
    # r="..." places it, whatever its <row> says).
    digits = len(str(box.bottom + 1)) + 1
    deep = re.compile(rb' r="[A-Z]{1,3}(\d{%d,})"' % digits)
    deep_any = re.compile(rb'\sr="[A-Z]{1,3}(\d{%d,})"' % digits)
    # One search that finds every cell `far` or `deep` would find (and a few more): a chunk it
    # passes over needs neither (1M rows: about 0.16 s instead of 0.09 + 0.16 for the two).
    tail = rb"(?:[A-Z]|\d{%d})" % digits if letters < 3 else rb"\d{%d}" % digits
    either = re.compile(rb' r="[A-Z]{1,%d}' % min(letters, 3) + tail)
    for chunk in pieces if pieces is not None else sheet_pieces(zf, part, path, data):
        rows = _PLAIN_ROW_NUMBER.findall(chunk)
        # When each "<row" is a numbered row and no row has a namespace prefix, there is no row
        # without its number and no <rowBreaks> to tell apart (two passes instead of four;
        # counting "row" missed every chunk, "</row>" holds one too: 1M rows, 0.2 s saved).
        if chunk.count(b"<row") != len(rows) or b":row" in chunk:
            prefixed = b":row" in chunk
            if prefixed:
                rows = _ROW_NUMBER.findall(chunk)
            tags = chunk.count(b"<row")
            if prefixed:
                tags += chunk.count(b":row ") + chunk.count(b":row>")
            if tags > len(rows):  # only then can <rowBreaks> (counted as "<row") matter
                tags -= chunk.count(b"<rowBreaks")
            if tags > len(rows):
                out.rows_numbered = False  # a row without r="..." stands after the one before
        if rows:
            out.last_row = max(out.last_row, max(map(int, rows)) - 1)
        odd_space = _odd_space(chunk)
        if odd_space or either.search(chunk):
            if far is not None and far_any is not None:
                rx = far_any if odd_space else far
                if rx.search(chunk):
                    far_cols.update(rx.findall(chunk))
            rx = deep_any if odd_space else deep
            if rx.search(chunk):
                out.last_row = max(out.last_row, max(map(int, rx.findall(chunk))) - 1)
        # A one-byte test first: memchr passes over a chunk ten times faster than a search
        # for a short needle, and a sheet of numbers holds 'f' and 'e' only in its first and
        # last chunk (1M rows: 0.21 s of the scan's 1.04 s CPU saved). Same outcome: no 'f',
        # no '<f' nor '<x:f' (a formula with a namespace prefix).
        if b"f" in chunk and (b"<f" in chunk or b":f" in chunk) and _may_hold_uncached(chunk):
            out.uncached.update(_cells_inside(_UNCACHED.findall(chunk), box))
        if b"e" in chunk and b't="e"' in chunk:
            for m in _ERROR_CELL.finditer(chunk):
                at = cell_index(m.group(1).decode())
                if at and box.top <= at[0] <= box.bottom and box.left <= at[1] <= box.right:
                    out.errors[at] = m.group(2).decode(errors="replace")
    for letters_b in far_cols:
        at = cell_index(letters_b.decode() + "1")
        if at:
            out.last_col = max(out.last_col, at[1])
    return out


def sheet_pieces(
    zf: zipfile.ZipFile | None, part: str, path: Path, data: bytes | None
) -> Generator[bytes, None, None]:
    """The part's bytes cut after a '>': from `data` when given, else inflated from `zf`."""
    if data is not None:
        yield from _chunks(io.BytesIO(data), path, part)
        return
    assert zf is not None
    with _open(zf, part, path) as fh:
        yield from _chunks(fh, path, part)


def _cells_inside(refs: list[tuple[bytes, bytes]], box: Box) -> Iterator[tuple[int, int]]:
    """(row, column), 0-based, of each (letters, digits) reference inside `box`: the cells
    `cell_index` gives one by one, in C-level passes (a column of a million formulas saved
    without values is a million matches). Row numbers have at most 7 digits (the pattern's)."""
    if not refs:
        return iter(())
    letters, digits = zip(*refs, strict=True)
    col_of = {text: _column(text) for text in set(letters)}
    cols = np.fromiter(map(col_of.__getitem__, letters), dtype=np.int64, count=len(refs))
    rows = np.fromiter(map(int, digits), dtype=np.int64, count=len(refs)) - 1
    inside = (rows >= box.top) & (rows <= box.bottom) & (cols >= box.left) & (cols <= box.right)
    return zip(rows[inside].tolist(), cols[inside].tolist(), strict=True)


def _column(letters: bytes) -> int:
    """0-based column of 'A', 'AB', ... (-1 for an empty text; 2**40 for a text beyond XFD)."""
    if len(letters) > 3:
        return 1 << 40
    col = 0
    for ch in letters:
        col = col * 26 + ch - 64
    return col - 1


def _letters(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_SHEET_DATA = re.compile(rb"<(?:[\w.-]+:)?sheetData\b[^>]*?(/?)>")
_ROW = re.compile(rb"<(?:[\w.-]+:)?row\b[^>]*?(?:/>|>.*?</(?:[\w.-]+:)?row>)", re.S)
_CELL = re.compile(rb"<(?:[\w.-]+:)?c\b[^>]*?(?:/>|>.*?</(?:[\w.-]+:)?c>)", re.S)
_CELL_R = re.compile(rb'^<[^>]*?\sr="([A-Z]+\d+)"')
_ROW_R = re.compile(rb'^<[^>]*?\sr="(\d+)"')
_END_DATA = re.compile(rb"\s*</(?:[\w.-]+:)?sheetData>")


def trim(zf: zipfile.ZipFile, part: str, path: Path, box: Box) -> bytes:
    """A copy of the sheet's XML keeping only the cells inside `box` (rows and columns)."""
    out: list[bytes] = []
    buf = b""
    state = "head"
    row_no = 0
    with _open(zf, part, path) as fh:
        chunks = _chunks(fh, path, part)
        eof = False
        while True:
            if not eof:
                chunk = next(chunks, None)
                if chunk is None:
                    eof = True
                else:
                    buf += chunk
            if state == "head":
                m = _SHEET_DATA.search(buf)
                if m is None:
                    if eof:
                        out.append(buf)
                        break
                    continue
                out.append(buf[: m.end()])
                buf = buf[m.end() :]
                state = "tail" if m.group(1) else "rows"
            if state == "rows":
                pos = 0
                while True:
                    while pos < len(buf) and buf[pos : pos + 1].isspace():
                        pos += 1
                    end = _END_DATA.match(buf, pos)
                    if end:
                        state = "tail"
                        buf = buf[pos:]
                        break
                    m = _ROW.match(buf, pos)
                    if m is None:
                        buf = buf[pos:]
                        break
                    row_xml = m.group(0)
                    r = _ROW_R.match(row_xml)
                    row_no = int(r.group(1)) - 1 if r else row_no + 1
                    if box.top <= row_no <= box.bottom:
                        out.append(_trim_row(row_xml, box))
                    pos = m.end()
                if state == "rows" and eof:
                    raise broken(path, part, "cut_short")
            if state == "tail":
                out.append(buf)
                buf = b""
                if eof:
                    break
    return b"".join(out)


def _trim_row(row_xml: bytes, box: Box) -> bytes:
    if row_xml.endswith(b"/>") and b"</" not in row_xml:
        return row_xml
    head_end = row_xml.index(b">") + 1
    close = row_xml.rindex(b"</")
    kept = []
    col = -1
    for m in _CELL.finditer(row_xml, head_end, close):
        cell = m.group(0)
        r = _CELL_R.match(cell)
        if r is None:  # no r="...": the cell stands right of the one before it
            col += 1
            if box.left <= col <= box.right:
                kept.append(cell)
            continue
        at = cell_index(r.group(1).decode())
        if at is None:  # an address outside Excel's grid: not a cell of any table
            continue
        col = at[1]
        if box.left <= col <= box.right and box.top <= at[0] <= box.bottom:
            kept.append(cell)
    return row_xml[:head_end] + b"".join(kept) + row_xml[close:]
