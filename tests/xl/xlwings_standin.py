"""STAND-IN for xlwings — NOT xlwings, NOT Excel.

A small fake of exactly the xlwings calls that egov_bsc_xl/xl/book.py, macros.py and
udfs_book.py make (listed in egov_bsc_xl.xl.book.XLWINGS_CALLS), so that the xlwings side can run
through the same tests as the file side on Linux. It is backed by openpyxl: tables and cached
values come from a real .xlsx/.xlsm file, written cells land in an openpyxl worksheet, and
formatting, merges, hyperlinks, charts and message boxes are recorded for the tests to inspect.

What it cannot show: that Excel itself accepts these calls (COM types, screen updating, chart
rendering, how a spill behaves). docs/EXCEL-CHECKS.md lists what needs a Windows Excel check.
Anything not implemented raises AttributeError, and argument values are checked against the
literals xlwings itself declares (chart types, alignments, border styles, plot_by).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries
from xlwings.base_classes import (
    CHART_AXIS_CROSSES,
    CHART_TYPES,
    HORIZONTAL_ALIGNMENTS,
    VERTICAL_ALIGNMENTS,
    BorderLineStyle,
    BorderWeight,
)

_LINE_STYLES = BorderLineStyle.__args__  # type: ignore[attr-defined]
_WEIGHTS = BorderWeight.__args__  # type: ignore[attr-defined]
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _colour(value: Any) -> Any:
    if isinstance(value, str):
        assert _HEX.match(value), f"xlwings takes '#RRGGBB' or an (r, g, b) tuple, not {value!r}"
    else:
        assert isinstance(value, tuple) and len(value) == 3, value
    return value


class App:
    def __init__(self) -> None:
        self.alerts: list[tuple[str, str | None]] = []
        self.updating: list[bool] = []  # every value screen_updating was set to
        self._screen_updating = True
        self.calculations: list[str] = []  # every value calculation was set to
        self._calculation = "automatic"

    @property
    def calculation(self) -> str:
        return self._calculation

    @calculation.setter
    def calculation(self, value: str) -> None:
        assert value in ("manual", "automatic", "semiautomatic"), (
            value
        )  # xlwings' App.calculation modes
        self.calculations.append(value)
        self._calculation = value

    @property
    def screen_updating(self) -> bool:
        return self._screen_updating

    @screen_updating.setter
    def screen_updating(self, value: bool) -> None:
        self.updating.append(value)
        self._screen_updating = value

    def alert(
        self,
        prompt: str,
        title: str | None = None,
        buttons: str = "ok",
        mode: str | None = None,
        callback: str | None = None,
    ) -> str:
        assert isinstance(prompt, str) and prompt
        self.alerts.append((prompt, title))
        return "ok"


class Book:
    """`xw.Book` over a workbook file opened with openpyxl (values = the file's cached values)."""

    def __init__(self, path: str | Path):
        self.fullname = str(Path(path).resolve())
        self._wb = openpyxl.load_workbook(path, data_only=True)
        self.app = App()
        self.sheets = Sheets(self)


class Sheets:
    def __init__(self, book: Book):
        self._book = book
        self._sheets = [Sheet(book, ws) for ws in book._wb.worksheets]

    def __iter__(self):
        return iter(list(self._sheets))

    def __len__(self) -> int:
        return len(self._sheets)

    def __getitem__(self, key: int | str) -> Sheet:
        if isinstance(key, int):
            return self._sheets[key]
        return next(s for s in self._sheets if s.name == key)

    def add(
        self, name: str | None = None, before: Sheet | None = None, after: Sheet | None = None
    ) -> Sheet:
        assert before is None or after is None
        index = len(self._sheets) if after is None else self._sheets.index(after) + 1
        ws = self._book._wb.create_sheet(name, index)
        sheet = Sheet(self._book, ws)
        self._sheets.insert(index, sheet)
        return sheet


class Table:
    def __init__(self, sheet: Sheet, name: str, ref: str):
        self.name = name
        self.range = sheet.range(ref)


class Sheet:
    def __init__(self, book: Book, ws: Any):
        self.book = book
        self._ws = ws
        self.charts = Charts(self)
        self.formats: dict[
            tuple[int, int], dict[str, Any]
        ] = {}  # (row, col) 1-based -> recorded calls
        self.links: dict[tuple[int, int], tuple[str, str | None]] = {}
        self.merged: list[str] = []
        self.widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self.shapes = (
            ["Button 1"] if ws.title in ("Dasbor", "Dashboard") else []
        )  # stays through clear()

    @property
    def name(self) -> str:
        return self._ws.title

    @property
    def tables(self) -> list[Table]:
        return [Table(self, name, ref) for name, ref in self._ws.tables.items()]

    @property
    def cells(self) -> Range:
        return Range(self, 1, 1, 1048576, 16384)

    def range(self, first: Any, last: Any = None) -> Range:
        if isinstance(first, tuple):
            r2, c2 = last if last is not None else first
            return Range(self, first[0], first[1], r2, c2)
        assert last is None
        areas = [Range.from_a1(self, part) for part in str(first).replace("$", "").split(",")]
        if len(areas) == 1:
            return areas[0]
        first = areas[0]
        rng = Range(self, first.row, first.column, first._r2, first._c2)
        rng.areas = areas
        return rng


class Font:
    def __init__(self, rng: Range):
        self._rng = rng

    def __setattr__(self, key: str, value: Any) -> None:
        if key == "_rng":
            object.__setattr__(self, key, value)
            return
        assert key in ("bold", "italic", "size", "color"), f"Font.{key} is not used by the product"
        self._rng._record("font." + key, _colour(value) if key == "color" else value)


class Borders:
    def __init__(self, rng: Range):
        self._rng = rng

    def __setattr__(self, key: str, value: Any) -> None:
        if key == "_rng":
            object.__setattr__(self, key, value)
            return
        allowed = {"line_style": _LINE_STYLES, "weight": _WEIGHTS}
        if key == "color":
            value = _colour(value)
        else:
            assert value in allowed[key], f"borders.{key} = {value!r}"
        self._rng._record("borders." + key, value)


class Range:
    def __init__(self, sheet: Sheet, r1: int, c1: int, r2: int, c2: int):
        self.sheet, self.row, self.column, self._r2, self._c2 = sheet, r1, c1, r2, c2
        self.areas: list[Range] | None = None
        self._opts: dict[str, Any] = {}

    @classmethod
    def from_a1(cls, sheet: Sheet, ref: str) -> Range:
        c1, r1, c2, r2 = range_boundaries(ref)
        return cls(sheet, r1, c1, r2, c2)

    @property
    def address(self) -> str:
        a = f"${get_column_letter(self.column)}${self.row}"
        if (self.row, self.column) == (self._r2, self._c2):
            return a
        return f"{a}:${get_column_letter(self._c2)}${self._r2}"

    def _cells(self):
        if self.areas:  # a multi-area range ("A1:C1,A3:F3") formats every area
            for area in self.areas:
                yield from Range._cells(area)
            return
        for r in range(self.row, self._r2 + 1):
            for c in range(self.column, self._c2 + 1):
                yield r, c

    def _record(self, key: str, value: Any) -> None:
        for rc in self._cells():
            self.sheet.formats.setdefault(rc, {})[key] = value

    def options(self, convert: Any = None, **options: Any) -> Range:
        assert convert is None and set(options) <= {"ndim", "err_to_str"}, options
        self._opts = options
        return self

    @property
    def value(self) -> Any:
        assert self._opts.get("ndim") == 2, "the product always reads tables as 2-D blocks"
        out = []
        for r in range(self.row, self._r2 + 1):
            row = []
            for c in range(self.column, self._c2 + 1):
                v = self.sheet._ws.cell(r, c).value
                if isinstance(v, int) and not isinstance(v, bool):
                    v = float(v)  # Excel has one number type; xlwings returns float
                if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
                    v = dt.datetime.combine(v, dt.time())
                if isinstance(v, str) and v.startswith("#") and not self._opts.get("err_to_str"):
                    v = None
                row.append(v)
            out.append(row)
        return out

    @value.setter
    def value(self, block: Any) -> None:
        assert isinstance(block, list) and all(isinstance(r, list) for r in block), (
            "write 2-D blocks"
        )
        assert len(block) == self._r2 - self.row + 1 and len(block[0]) == self._c2 - self.column + 1
        for i, row in enumerate(block):
            for j, v in enumerate(row):
                assert v is None or isinstance(v, str | int | float | bool | dt.date), type(v)
                if isinstance(v, str):
                    # Excel would parse a bare string as if typed ("85%" -> 0.85, "=x" -> formula);
                    # the stand-in refuses it, and drops the apostrophe that marks text, as Excel does.
                    assert v.startswith("'"), f"string written without the text marker: {v!r}"
                    v = v[1:]
                self.sheet._ws.cell(self.row + i, self.column + j).value = v

    def clear(self) -> None:
        ws = self.sheet._ws
        for merged in list(ws.merged_cells.ranges):  # Excel's Cells.Clear unmerges too
            ws.unmerge_cells(str(merged))
        for row in list(ws.iter_rows()):
            for cell in row:
                cell.value = None
        self.sheet.formats.clear()
        self.sheet.links.clear()

    def unmerge(self) -> None:
        self.sheet.merged.clear()

    def merge(self, across: bool = False) -> None:
        self.sheet.merged.append(self.address)

    def add_hyperlink(
        self, address: str, text_to_display: str | None = None, screen_tip: str | None = None
    ) -> None:
        assert (self.row, self.column) == (self._r2, self._c2), "hyperlinks go on single cells"
        self.sheet.links[(self.row, self.column)] = (address, text_to_display)

    @property
    def font(self) -> Font:
        return Font(self)

    @property
    def borders(self) -> Borders:
        return Borders(self)

    @property
    def left(self) -> float:
        return (self.column - 1) * 48.0

    @property
    def top(self) -> float:
        return (self.row - 1) * 15.0

    def __setattr__(self, key: str, value: Any) -> None:
        checks = {
            "number_format": lambda v: isinstance(v, str),
            "color": lambda v: _colour(v) is not None,
            "wrap_text": lambda v: isinstance(v, bool),
            "horizontal_alignment": lambda v: v in HORIZONTAL_ALIGNMENTS,
            "vertical_alignment": lambda v: v in VERTICAL_ALIGNMENTS,
        }
        if key in checks:
            assert checks[key](value), f"Range.{key} = {value!r}"
            self._record(key, value)
        elif key == "column_width":
            self.sheet.widths[self.column] = value
        elif key == "row_height":
            self.sheet.heights[self.row] = value
        elif key in ("sheet", "row", "column", "_r2", "_c2", "areas", "_opts", "value"):
            object.__setattr__(self, key, value)
        else:
            raise AttributeError(f"Range.{key} is not used by the product")


_UNSET = object()


class ChartAxis:
    """`Chart.value_axis` / `Chart.category_axis` (xlwings >= 0.37.5): what `set` was given."""

    _KEYS = (
        "title",
        "minimum_scale",
        "maximum_scale",
        "major_unit",
        "number_format",
        "visible",
        "reverse_order",
        "crosses",
    )

    def __init__(self) -> None:
        self.settings: dict[str, Any] = {}

    def set(self, **values: Any) -> None:
        for key, value in values.items():
            assert key in self._KEYS, f"ChartAxis.set has no argument {key!r}"
            if key == "crosses":
                assert value in CHART_AXIS_CROSSES, value
            if key in ("minimum_scale", "maximum_scale", "major_unit"):
                assert value is None or isinstance(value, int | float), value
            if key == "number_format":
                assert isinstance(value, str), value
        self.settings.update(values)


class _Fill:
    """COM ChartFormat.Fill of one point: Visible, Solid(), ForeColor.RGB (an int, BGR order)."""

    def __init__(self, point: _Point) -> None:
        object.__setattr__(self, "_point", point)
        object.__setattr__(self, "ForeColor", self)

    def Solid(self) -> None:  # noqa: N802 - COM names
        self._point.solid = True

    def __setattr__(self, key: str, value: Any) -> None:
        if key == "Visible":
            self._point.visible = bool(value)
        elif key == "RGB":
            assert isinstance(value, int) and 0 <= value <= 0xFFFFFF, value
            self._point.rgb = value
        else:
            raise AttributeError(f"Fill.{key} is not used by the product")


class _Point:
    def __init__(self) -> None:
        self.visible = False
        self.solid = False
        self.rgb: int | None = None
        self.Format = type("Format", (), {})()
        self.Format.Fill = _Fill(self)

    @property
    def colour(self) -> str | None:
        if self.rgb is None:
            return None
        r, g, b = self.rgb & 0xFF, (self.rgb >> 8) & 0xFF, (self.rgb >> 16) & 0xFF
        return f"#{r:02X}{g:02X}{b:02X}"


class _SeriesApi:
    """The COM Series as far as the product uses it (Windows): Points(index), 1-based."""

    def __init__(self, size: int) -> None:
        self.points = [_Point() for _ in range(size)]

    def Points(self, index: int) -> _Point:  # noqa: N802 - COM names
        assert 1 <= index <= len(self.points), index
        return self.points[index - 1]


class ChartSeries:
    """`Chart.series[i]` (xlwings >= 0.37.5)."""

    _KEYS = (
        "name",
        "marker_style",
        "marker_size",
        "marker_foreground_color",
        "marker_background_color",
        "line_color",
        "fill_color",
        "chart_type",
        "axis_group",
    )

    def __init__(self, size: int) -> None:
        self.settings: dict[str, Any] = {}
        self.api = _SeriesApi(size)

    def set(self, **values: Any) -> None:
        for key, value in values.items():
            assert key in self._KEYS, f"ChartSeries.set has no argument {key!r}"
            if key.endswith("_color"):
                _colour(value)
        self.settings.update(values)

    @property
    def point_colours(self) -> list[str | None]:
        return [p.colour for p in self.api.points]


class Chart:
    def __init__(self, charts: Charts, **spec: Any):
        self._charts = charts
        self.name = spec["name"]
        self.spec = spec
        self._title: str | None = None
        self.value_axis = ChartAxis()
        self.category_axis = ChartAxis()
        self.series = [ChartSeries(spec.get("rows", 0)) for _ in range(spec.get("series", 0))]

    @property
    def title(self) -> str | None:
        return self._title

    @title.setter
    def title(self, value: str | None) -> None:
        assert value is None or isinstance(value, str), value  # xlwings raises ValueError otherwise
        self._title = value

    def delete(self) -> None:
        self._charts._items.remove(self)


class Charts:
    def __init__(self, sheet: Sheet):
        self._sheet = sheet
        self._items: list[Chart] = []

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def add(
        self,
        left: float = 0,
        top: float = 0,
        width: float = 355,
        height: float = 211,
        chart_type: str | None = None,
        source: Range | None = None,
        plot_by: str | None = None,
        name: str | None = None,
        anchor: Range | None = None,
        style: int | None = 227,
    ) -> Chart:
        assert chart_type in CHART_TYPES, chart_type
        assert plot_by in (None, "rows", "columns")
        assert width > 0 and height > 0
        areas = source.areas or [source] if source is not None else []
        columns = sum(a._c2 - a.column + 1 for a in areas)
        rows = max((a._r2 - a.row for a in areas), default=0)  # the first row names the series
        chart = Chart(
            self,
            left=left,
            top=top,
            width=width,
            height=height,
            chart_type=chart_type,
            source=[a.address for a in areas],
            plot_by=plot_by,
            name=name or f"Chart {len(self._items) + 1}",
            series=max(columns - 1, 0),
            rows=rows,
        )
        self._items.append(chart)
        return chart


class CallerRange:
    """What xlwings passes as a UDF's `caller` argument: the calling cell, with .sheet.book."""

    def __init__(self, sheet: Sheet):
        self.sheet = sheet
