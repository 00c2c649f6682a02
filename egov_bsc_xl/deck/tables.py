"""Editable tables: navy header, banded rows, status cells in band colours, paging of long lists."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Inches

from egov_bsc_xl.deck.base import text_colour_on
from egov_bsc_xl.deck.master import FONT, INK, NAVY, PALE
from egov_bsc_xl.i18n.formats import display_text
from egov_bsc_xl.ooxml.constants import NAMESPACE
from egov_bsc_xl.ooxml.xmltext import escape

WHITE = RGBColor(0xFF, 0xFF, 0xFF)
ROW_LINE_IN = 0.2  # height of one text line at 12 pt, inches (PowerPoint: 1.15 x 12 pt = 0.19 in)
ROW_PAD_IN = 0.1  # top + bottom cell margins (0.08 in) and a little slack
HEADER_IN = 0.42


@dataclass
class Column:
    """One table column: header text, width (inches), alignment, and whether long text is shortened."""

    header: str
    width: float
    align: PP_ALIGN = PP_ALIGN.LEFT
    max_lines: int = 2


@dataclass
class Row:
    """Cells as text; `fills` maps a column index to a background colour ("#RRGGBB")."""

    cells: Sequence[str]
    fills: dict[int, str] = field(default_factory=dict)
    bold: bool = False


def _chars_per_line(width_in: float, size: int) -> int:
    # Arial averages about 0.5 em per character; keep a margin for wide letters.
    return max(int((width_in - 0.1) * 72 / (size * 0.55)), 4)


_WORD = re.compile(r"\S+")


def _place(text: str, per_line: int, max_lines: int | None = None) -> tuple[int, list[str]]:
    """Greedy wrapping of `text` on lines of `per_line` characters: (lines, words placed).

    A word longer than a line is broken over as many lines as it needs (PowerPoint does the
    same). With `max_lines`, wrapping stops at the first word that needs line `max_lines + 1`:
    the lines returned are then more than `max_lines` and the words are those that fit. Each
    character is looked at once at most, so a 1 MB name costs no more than reading it.
    """
    total = 0
    placed: list[str] = []
    for part in text.split("\n"):
        count, line = 1, 0
        for match in _WORD.finditer(part):
            size = match.end() - match.start()
            if line and line + 1 + size <= per_line:
                line += 1 + size
            else:
                if line:
                    count += 1
                extra = (size - 1) // per_line
                count += extra
                line = size - extra * per_line
            if max_lines is not None:
                if total + count > max_lines:
                    return total + count, placed
                placed.append(match.group())
        total += count
    return total, placed


def _lines(text: str, width_in: float, size: int) -> int:
    return _place(text, _chars_per_line(width_in, size))[0]


def _head(text: str, enough: int) -> str:
    """`text` cleaned (display_text); of a very long text only a head longer than `enough` characters.

    Wrapped lines hold at most per_line + 1 characters of the cleaned text each, so a cleaned head
    longer than `enough` (2 x max_lines x (per_line + 1)) decides the cut as the whole text would.
    """
    if len(text) > 2 * enough + 64:
        head = display_text(text[: 2 * enough + 64])
        if len(head) > enough:
            return head
    return display_text(text)


def shorten(text: str, width_in: float, size: int, max_lines: int) -> str:
    """`text` cut with an ellipsis so that it wraps to at most `max_lines` lines in the column.

    Linear in the part of `text` that is read (at most `max_lines` lines of it, then one word):
    a 32,767-character name costs about as much as a short one.
    """
    per_line = _chars_per_line(width_in, size)
    text = _head(text, 2 * max_lines * (per_line + 1))
    lines, words = _place(text, per_line, max_lines)
    if lines <= max_lines:
        return text
    while words and _place(" ".join(words) + " …", per_line)[0] > max_lines:
        words.pop()  # at most the words of `max_lines` lines, each try as short as those lines
    if words:
        return " ".join(words) + " …"
    first = _WORD.search(text)
    word = first.group() if first else ""
    return word[: max(per_line * max_lines - 1, 1)] + "…"


def fit_paragraphs(
    items: Sequence[str],
    width_in: float,
    height_in: float,
    size: int,
    spacing_pt: float = 0.0,
    indent_in: float = 0.0,
) -> list[str]:
    """`items` (the paragraphs of one text box, inches and points) shortened to fit the box together.

    Paragraphs that fit are kept whole; otherwise each gets an equal share of the box's lines
    (at least one). `indent_in` is the room a bullet sign takes before each paragraph.
    """
    line_in = size * 1.2 / 72  # DrawingML single spacing is 1.2 x the font size
    usable = height_in - 0.1 - spacing_pt / 72 * max(len(items) - 1, 0)
    available = max(int(usable / line_in + 1e-6), len(items), 1)
    width = max(width_in - indent_in, 0.5)
    shown = [shorten(item, width, size, available) for item in items]
    if sum(_lines(item, width, size) for item in shown) > available:
        share = max(available // max(len(items), 1), 1)
        shown = [shorten(item, width, size, share) for item in items]
    return shown


def row_height(row: Row, columns: Sequence[Column], size: int) -> float:
    """Estimated height (inches) of `row` once its text is shortened."""
    lines = max(
        _lines(shorten(cell, col.width, size, col.max_lines), col.width, size)
        for cell, col in zip(row.cells, columns, strict=True)
    )
    return lines * ROW_LINE_IN * size / 12 + ROW_PAD_IN


def header_height(columns: Sequence[Column], size: int = 12) -> float:
    """Height (inches) of the header row: one line as a rule, more for a header that wraps."""
    lines = max((_lines(col.header, col.width, size) for col in columns), default=1)
    return max(HEADER_IN, lines * ROW_LINE_IN * size / 12 + ROW_PAD_IN)


def _split(
    rows: Sequence[Row], needs: list[float], height: float, header: float = HEADER_IN
) -> list[list[Row]]:
    pages: list[list[Row]] = [[]]
    used = header
    for row, need in zip(rows, needs, strict=True):
        if pages[-1] and used + need > height:
            pages.append([])
            used = header
        pages[-1].append(row)
        used += need
    return pages if pages[0] else []


def paginate(
    rows: Sequence[Row],
    columns: Sequence[Column],
    height: float,
    size: int = 12,
    balance: bool = True,
) -> list[list[Row]]:
    """Rows split into pages that each fit in `height` inches under the header, balanced so that the
    last page is not a lone row (12 rows on two pages give 6 and 6, not 11 and 1)."""
    needs = [row_height(row, columns, size) for row in rows]
    header = header_height(columns, size)
    pages = _split(rows, needs, height, header)
    if len(pages) < 2 or not balance:
        return pages
    limit = header + sum(needs) / len(pages)
    while limit < height:
        balanced = _split(rows, needs, limit, header)
        if len(balanced) <= len(pages):
            return balanced
        limit += 0.05
    return pages


_A = NAMESPACE.DML_MAIN
_ALIGN = {PP_ALIGN.LEFT: "l", PP_ALIGN.CENTER: "ctr", PP_ALIGN.RIGHT: "r"}
_MARGIN_LR, _MARGIN_TB = int(Inches(0.06)), int(Inches(0.04))


def _cell_xml(text: str, size: int, colour: str, bold: bool, align: Any, fill: str) -> str:
    """One `a:tc`, written as text: python-pptx's cell API is ten times slower for a whole table."""
    return (
        f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="{_ALIGN.get(align, "l")}"/>'
        f'<a:r><a:rPr lang="id-ID" sz="{size * 100}" b="{1 if bold else 0}" dirty="0">'
        f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:latin typeface="{FONT}"/></a:rPr>'
        f'<a:t>{escape(display_text(text))}</a:t></a:r></a:p></a:txBody>'
        f'<a:tcPr marL="{_MARGIN_LR}" marR="{_MARGIN_LR}" marT="{_MARGIN_TB}" marB="{_MARGIN_TB}" anchor="ctr">'
        f'<a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></a:tcPr></a:tc>'
    )


def add_table(
    slide: Any,
    left: float,
    top: float,
    columns: Sequence[Column],
    rows: Sequence[Row],
    size: int = 12,
    name: str = "Tabel / Table",
) -> Any:
    """A native table at (left, top) inches; text shortened to each column's line limit."""
    width = sum(col.width for col in columns)
    heights = [row_height(r, columns, size) for r in rows]
    header_in = header_height(columns, size)
    frame = slide.shapes.add_table(
        len(rows) + 1,
        len(columns),
        Inches(left),
        Inches(top),
        Inches(width),
        Inches(header_in + sum(heights)),
    )
    frame.name = name
    old = frame._element.graphic.graphicData.tbl
    grid = "".join(f'<a:gridCol w="{int(Inches(col.width))}"/>' for col in columns)
    header = "".join(
        _cell_xml(col.header, size, str(WHITE), True, col.align, str(NAVY)) for col in columns
    )
    body = [f'<a:tr h="{int(Inches(header_in))}">{header}</a:tr>']
    for r, (row, height) in enumerate(zip(rows, heights, strict=True), start=1):
        cells = []
        for c, (value, col) in enumerate(zip(row.cells, columns, strict=True)):
            fill = (row.fills.get(c) or "").lstrip("#").upper()
            colour = str(text_colour_on(fill)) if fill else str(INK)
            shown = shorten(value, col.width, size, col.max_lines)
            cells.append(
                _cell_xml(
                    shown,
                    size,
                    colour,
                    row.bold or bool(fill),
                    col.align,
                    fill or (str(PALE) if r % 2 == 0 else str(WHITE)),
                )
            )
        body.append(f'<a:tr h="{int(Inches(height))}">{"".join(cells)}</a:tr>')
    table_pr = etree.tostring(old.find(qn("a:tblPr"))).decode()
    xml = f'<a:tbl xmlns:a="{_A}">{table_pr}<a:tblGrid>{grid}</a:tblGrid>{"".join(body)}</a:tbl>'
    new = parse_xml(xml)
    new.find(qn("a:tblPr")).set("bandRow", "0")
    old.getparent().replace(old, new)
    return frame
