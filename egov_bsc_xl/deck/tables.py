"""Editable tables: navy header, banded rows, status cells in band colours, paging of long lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from egov_bsc_xl.deck.base import text_colour_on
from egov_bsc_xl.deck.master import FONT, INK, NAVY, PALE

WHITE = RGBColor(0xFF, 0xFF, 0xFF)
ROW_LINE_IN = 0.25  # height of one text line at 12 pt, inches
ROW_PAD_IN = 0.12  # top + bottom cell margins
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


def _lines(text: str, width_in: float, size: int) -> int:
    per_line = _chars_per_line(width_in, size)
    total = 0
    for part in text.split("\n"):
        words, line, count = part.split(), 0, 1
        for word in words:
            need = len(word) + (1 if line else 0)
            if line + need > per_line and line:
                count += 1
                line = len(word)
            else:
                line += need
        total += count
    return total


def shorten(text: str, width_in: float, size: int, max_lines: int) -> str:
    """`text` cut with an ellipsis so that it wraps to at most `max_lines` lines in the column."""
    if _lines(text, width_in, size) <= max_lines:
        return text
    words = text.split()
    while words and _lines(" ".join(words) + " …", width_in, size) > max_lines:
        words.pop()
    return (" ".join(words) + " …") if words else text[: _chars_per_line(width_in, size) - 1] + "…"


def row_height(row: Row, columns: Sequence[Column], size: int) -> float:
    """Estimated height (inches) of `row` once its text is shortened."""
    lines = max(
        _lines(shorten(cell, col.width, size, col.max_lines), col.width, size)
        for cell, col in zip(row.cells, columns, strict=True)
    )
    return lines * ROW_LINE_IN * size / 12 + ROW_PAD_IN


def paginate(rows: Sequence[Row], columns: Sequence[Column], height: float, size: int = 12) -> list[list[Row]]:
    """Rows split into pages that each fit in `height` inches under the header (at least one row a page)."""
    pages: list[list[Row]] = [[]]
    used = HEADER_IN
    for row in rows:
        need = row_height(row, columns, size)
        if pages[-1] and used + need > height:
            pages.append([])
            used = HEADER_IN
        pages[-1].append(row)
        used += need
    return pages if pages[0] else []


def _cell_text(cell, text: str, size: int, colour: RGBColor, bold: bool, align) -> None:
    frame = cell.text_frame
    frame.word_wrap = True
    para = frame.paragraphs[0]
    para.alignment = align
    run = para.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    run.font.color.rgb = colour
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Inches(0.06)
    cell.margin_top = cell.margin_bottom = Inches(0.04)


def add_table(slide, left: float, top: float, columns: Sequence[Column], rows: Sequence[Row],
              size: int = 12, name: str = "Tabel / Table"):
    """A native table at (left, top) inches; text shortened to each column's line limit."""
    width = sum(col.width for col in columns)
    height = HEADER_IN + sum(row_height(r, columns, size) for r in rows)
    frame = slide.shapes.add_table(len(rows) + 1, len(columns), Inches(left), Inches(top), Inches(width),
                                   Inches(height))
    frame.name = name
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    for index, col in enumerate(columns):
        table.columns[index].width = Inches(col.width)
        cell = table.cell(0, index)
        cell.fill.solid()
        cell.fill.fore_color.rgb = NAVY
        _cell_text(cell, col.header, size, WHITE, True, col.align)
    table.rows[0].height = Inches(HEADER_IN)
    for r, row in enumerate(rows, start=1):
        table.rows[r].height = Inches(row_height(row, columns, size))
        for c, (value, col) in enumerate(zip(row.cells, columns, strict=True)):
            cell = table.cell(r, c)
            fill = row.fills.get(c)
            cell.fill.solid()
            if fill:
                cell.fill.fore_color.rgb = RGBColor.from_string(fill.lstrip("#").upper())
                colour = text_colour_on(fill)
            else:
                cell.fill.fore_color.rgb = PALE if r % 2 == 0 else WHITE
                colour = INK
            shown = shorten(value, col.width, size, col.max_lines)
            _cell_text(cell, shown, size, colour, row.bold or bool(fill), col.align)
    return frame
