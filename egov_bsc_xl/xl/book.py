"""The book the buttons work on: one interface, a file implementation and an xlwings implementation.

`BookPort` (defined in workbook/writing/recalc.py so that the file side needs no xl import) is "a
workbook we read tables from and write our two sheets to". `FileBook` does it through the
file's zip parts; `XlwingsBook` does it through the workbook open in Excel, with the calls
listed in XLWINGS_CALLS and nothing else, so the stand-in of the tests can be checked against
that list. Both render the same layout Grid and take the same `refresh` path.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from egov_bsc_xl.app import refresh
from egov_bsc_xl.workbook.reading.source import RawTable, a1, column_letter
from egov_bsc_xl.workbook.writing.layout import OWNED_PREFIX, Chart, Grid, Style
from egov_bsc_xl.workbook.writing.recalc import BookPort, ComputedValues, FileBook
from egov_bsc_xl.workbook.writing.sheet_xml import _LINE_COLOURS as LINE_COLOURS

log = logging.getLogger(__name__)

__all__ = ["BookPort", "FileBook", "XlwingsBook", "XlwingsSource", "XLWINGS_CALLS", "refresh"]

# Every xlwings attribute this module touches (the stand-in in tests/xl implements exactly these).
# Names in parentheses are xlwings' parameter names (Sheet.range: cell1 = "A1", "A1:C1,A3" or
# (row, col)); tests/xl/test_xlwings_floor.py checks each against the installed xlwings and sets
# the version floor of pyproject.toml from them.
XLWINGS_CALLS = (
    "Book.sheets",
    "Book.app.alert",
    "Book.app.screen_updating",
    "Book.fullname",
    "Sheets.add(name, after)",
    "Sheets[-1]",
    "iter(Sheets)",
    "Sheet.name",
    "Sheet.tables",
    "Sheet.charts",
    "Sheet.cells",
    "Sheet.range(cell1, cell2)",
    "Table.name",
    "Table.range",
    "Range.options(ndim=2, err_to_str=True).value",
    "Range.value =",
    "Range.row",
    "Range.column",
    "Range.clear()",
    "Range.unmerge()",
    "Range.merge()",
    "Range.number_format =",
    "Range.color =",
    "Range.font.bold =",
    "Range.font.italic =",
    "Range.font.size =",
    "Range.font.color =",
    "Range.wrap_text =",
    "Range.horizontal_alignment =",
    "Range.vertical_alignment =",
    "Range.borders.line_style =",
    "Range.borders.weight =",
    "Range.borders.color =",
    "Range.column_width =",
    "Range.row_height =",
    "Range.left",
    "Range.top",
    "Range.add_hyperlink(address, text_to_display)",
    "Charts.add(left, top, width, height, chart_type, source, plot_by, name)",
    "iter(Charts)",
    "Chart.name",
    "Chart.delete()",
    "Chart.title =",
    "Chart.value_axis.set(minimum_scale, maximum_scale, number_format)",
    "Chart.category_axis.set(reverse_order, crosses)",
    "Chart.series",
    "ChartSeries.set(fill_color)",
    "ChartSeries.set(line_color, marker_foreground_color, marker_background_color)",
    "ChartSeries.api",  # per-point fill: xlwings has no point API, so the platform's object model
    "Book.app.calculation",
)

EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#UNKNOWN!",
    }
)
_CHART_TYPES = {"bar": "bar_clustered", "line": "line_markers"}


class XlwingsSource:
    """Tables of the workbook open in Excel, read as RawTable (same shape as the file reader's)."""

    def __init__(self, book: Any):
        self.book = book
        self._tables: dict[str, tuple[Any, Any]] | None = None

    def _index(self) -> dict[str, tuple[Any, Any]]:
        if self._tables is None:
            self._tables = {}
            for sheet in self.book.sheets:
                for table in sheet.tables:
                    self._tables[table.name] = (sheet, table)
        return self._tables

    def table_names(self) -> list[str]:
        return list(self._index())

    def table(self, name: str) -> RawTable:
        sheet, table = self._index()[name]
        rng = table.range
        values = rng.options(ndim=2, err_to_str=True).value or [[]]
        headers = ["" if h is None else str(h) for h in values[0]]
        raw = RawTable(name, sheet.name, rng.row - 1, rng.column - 1, headers, [])
        for i, row in enumerate(values[1:]):
            cells = []
            for j, value in enumerate(row):
                if isinstance(value, str) and value in EXCEL_ERRORS:
                    raw.errors[(i, j)] = value
                    value = None
                cells.append("" if value is None else value)
            raw.rows.append(cells)
        return raw


class XlwingsBook:
    """The workbook open in Excel (an xlwings Book): same reading and writing as FileBook."""

    def __init__(self, book: Any):
        self.book = book
        self.source = XlwingsSource(book)

    @property
    def path(self) -> Path:
        """The workbook's file (a parent's units are found relative to its folder)."""
        return Path(self.book.fullname)

    def sheet_names(self) -> set[str]:
        return {s.name for s in self.book.sheets}

    def alert(self, message: str, title: str) -> None:
        self.book.app.alert(message, title)

    def refresh_computed(self, values: ComputedValues) -> None:
        """Nothing to do: in Excel the computed columns are live formulas that Excel recalculates."""

    def write_sheets(self, grids: list[Grid]) -> None:
        app = self.book.app
        updating = app.screen_updating
        calculation = app.calculation
        app.screen_updating = False  # one repaint at the end instead of one per call
        app.calculation = "manual"  # no recalculation of the workbook after every write
        try:
            for grid in grids:
                self._write(grid)
        finally:
            app.calculation = calculation
            app.screen_updating = updating

    def _sheet(self, grid: Grid) -> Any:
        by_name = {s.name: s for s in self.book.sheets}
        for name in (grid.sheet, *grid.aliases):
            if name in by_name:
                grid.sheet = name
                return by_name[name]
        return self.book.sheets.add(grid.sheet, after=self.book.sheets[-1])

    def _write(self, grid: Grid) -> None:
        sheet = self._sheet(grid)
        for chart in list(sheet.charts):
            if chart.name.startswith(OWNED_PREFIX):
                chart.delete()
        sheet.cells.unmerge()
        sheet.cells.clear()  # values, formats and hyperlinks; buttons and pictures are shapes and stay
        rows, cols = grid.size
        if rows and cols:
            block: list[list[Any]] = [[None] * cols for _ in range(rows)]
            for (r, c), cell in grid.cells.items():
                value = cell.value
                # Excel parses a string written through COM as if typed ("85%", "1/2", "=x"); a
                # leading apostrophe keeps it text and is not part of the cell's value. An empty
                # string is an empty cell, as recalc writes it.
                if isinstance(value, str):
                    value = "'" + value if value else None
                block[r][c] = value
            sheet.range((1, 1), (rows, cols)).value = block
        for style, address in _style_areas(grid):
            _apply(sheet.range(address), grid.styles[style])
        for c, width in sorted(grid.widths.items()):
            sheet.range((1, c + 1)).column_width = width
        for r, height in sorted(grid.heights.items()):
            sheet.range((r + 1, 1)).row_height = height
        for m in grid.merges:
            sheet.range((m.r1 + 1, m.c1 + 1), (m.r2 + 1, m.c2 + 1)).merge()
        for (r, c), cell in sorted(grid.cells.items()):
            if cell.link:
                sheet.range(a1(r, c)).add_hyperlink("#" + cell.link, str(cell.value))
        for chart in grid.charts:
            _add_chart(sheet, chart)


def _style_runs(grid: Grid) -> list[tuple[tuple[int, int, int], str]]:
    """Runs of neighbouring cells in a row that share a style: (row, first col, last col) -> style."""
    runs: list[tuple[tuple[int, int, int], str]] = []
    for r, c in sorted(grid.cells):
        style = grid.cells[(r, c)].style
        if style == "text":
            continue
        if runs and runs[-1][1] == style and runs[-1][0][0] == r and runs[-1][0][2] == c - 1:
            (rr, c1, _), _s = runs[-1]
            runs[-1] = ((rr, c1, c), style)
        else:
            runs.append(((r, c, c), style))
    return runs


def _style_areas(grid: Grid, limit: int = 240) -> list[tuple[str, str]]:
    """(style, "A1:C1,A3:F3,...") multi-area addresses, each under Excel's 255-character limit,
    so that one set of formatting calls covers many cells."""
    by_style: dict[str, list[str]] = {}
    for (r, c1, c2), style in _style_runs(grid):
        first, last = a1(r, c1), a1(r, c2)
        by_style.setdefault(style, []).append(first if first == last else f"{first}:{last}")
    out: list[tuple[str, str]] = []
    for style, areas in by_style.items():
        chunk = ""
        for area in areas:
            if chunk and len(chunk) + 1 + len(area) > limit:
                out.append((style, chunk))
                chunk = ""
            chunk = f"{chunk},{area}" if chunk else area
        if chunk:
            out.append((style, chunk))
    return out


def _apply(rng: Any, style: Style) -> None:
    font = rng.font
    font.bold = style.bold
    font.italic = style.italic
    font.size = style.size
    if style.font_colour:
        font.color = style.font_colour
    if style.fill:
        rng.color = style.fill
    if style.num_fmt != "General":
        rng.number_format = style.num_fmt
    if style.wrap:
        rng.wrap_text = True
    if style.align:
        rng.horizontal_alignment = style.align
    rng.vertical_alignment = "center"
    if style.border:
        borders = rng.borders
        borders.line_style = "continuous"
        borders.weight = "thin"
        borders.color = "#BFBFBF"


def _add_chart(sheet: Any, chart: Chart) -> None:
    """The chart `recalc` writes as XML (workbook/writing/sheet_xml.chart_xml), through xlwings' chart API:
    same type and data, title, value axis from 0 to the cap in percent, bars in band colours."""
    a = chart.anchor
    top_left = sheet.range((a.r1 + 1, a.c1 + 1))
    bottom_right = sheet.range((a.r2 + 1, a.c2 + 1))
    head = chart.categories.r1 - 1  # the header row above the data names the series
    last = chart.categories.r2
    cols = [chart.categories.c1] + [s.values.c1 for s in chart.series]
    if cols == list(range(cols[0], cols[0] + len(cols))):
        source = sheet.range(
            f"{column_letter(cols[0])}{head + 1}:{column_letter(cols[-1])}{last + 1}"
        )
    else:
        source = sheet.range(
            ",".join(f"{column_letter(c)}{head + 1}:{column_letter(c)}{last + 1}" for c in cols)
        )
    added = sheet.charts.add(
        left=top_left.left,
        top=top_left.top,
        width=bottom_right.left - top_left.left,
        height=bottom_right.top - top_left.top,
        chart_type=_CHART_TYPES[chart.kind],
        source=source,
        plot_by="columns",
        name=chart.name,
    )
    added.title = chart.title
    added.value_axis.set(
        minimum_scale=0,
        maximum_scale=chart.axis_max,
        number_format="0%" if chart.percent else "General",
    )
    if chart.kind == "bar":  # first category on top, value axis below the bars (as recalc's XML)
        added.category_axis.set(reverse_order=True, crosses="maximum")
    for i, (series, spec) in enumerate(zip(added.series, chart.series, strict=False)):
        colour = "#" + LINE_COLOURS[i % len(LINE_COLOURS)]
        if chart.kind == "bar":
            series.set(fill_color=colour)
            _colour_points(series, spec.colours)
        else:
            series.set(
                line_color=colour, marker_foreground_color=colour, marker_background_color=colour
            )


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _colour_points(series: Any, colours: list[str]) -> None:
    """Fill each bar with its band colour. xlwings has no per-point API, so this goes through the
    series' native object, the way xlwings' own ChartSeries.fill_color does for the whole series
    (_xlwindows: Format.Fill on the COM Series; _xlmac: chart_format.fill_format via appscript)."""
    if not colours:
        return
    api = series.api
    try:
        for j, colour in enumerate(colours, start=1):
            r, g, b = _rgb(colour)
            if sys.platform == "darwin":
                fill = api.points[j].chart_format.fill_format
                fill.visible.set(True)
                fill.solid()
                fill.fore_color.set((r, g, b))
            else:
                fill = api.Points(j).Format.Fill
                fill.Visible = True
                fill.Solid()
                fill.ForeColor.RGB = r + g * 256 + b * 65536  # COM colours are BGR
    except Exception:  # noqa: BLE001 - colours are decoration; the numbers and the chart stay
        log.warning("egov-bsc: band colours of chart points not set", exc_info=True)
