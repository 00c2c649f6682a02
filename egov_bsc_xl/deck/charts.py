"""Native, editable PowerPoint charts: perspective and KPI bars in band colours, the score trend line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import contextmanager
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.util import Pt
from xlsxwriter import Workbook

from egov_bsc_xl.deck.master import FONT, GREY, INK, NAVY, RULE, TEAL
from egov_bsc_xl.deck.tables import shorten
from egov_bsc_xl.i18n.formats import display_text

_FIXED_CREATED = dt.datetime(2026, 1, 1, 0, 0, 0)
# line colours of the trend chart's perspective series (the overall line is navy)
RULE_GREY = RGBColor(0xA7, 0xB1, 0xBC)  # last year's bars beside this year's navy
SERIES_COLOURS = ("00897B", "5B8DB8", "F9A825", "8E6BB8", "C0504D", "6D8B3A")


# Every string of a chart's embedded workbook is written as a string: a perspective named
# "=HYPERLINK(...)" or "=cmd|' /C calc'!A0" stays text, never a live formula or link.
_TEXT_ONLY = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
_UINT_RANGE = 2**32


class _FixedWorkbookWriter(CategoryWorkbookWriter):
    """The chart's embedded workbook: strings stay text, fixed creation date (same input, same bytes)."""

    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Any:
        workbook = Workbook(xlsx_file, _TEXT_ONLY)
        workbook.set_properties({"created": _FIXED_CREATED})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class ChartData(CategoryChartData):
    """CategoryChartData whose embedded workbook is deterministic."""

    @property
    def _workbook_writer(self) -> _FixedWorkbookWriter:
        return _FixedWorkbookWriter(self)


def _add_chart(slide: Any, kind: Any, box: Any, data: ChartData) -> Any:
    """`slide.shapes.add_chart` with axis ids the schema accepts.

    python-pptx's chart templates carry negative axis ids (`c:axId val="-2068027336"`); the
    schema types them xsd:unsignedInt, so strict validators (and some Office builds) reject
    them. Each id is mapped to the same unsigned 32-bit value (id + 2**32), which keeps every
    `c:axId` and its `c:crossAx` partner paired.
    """
    frame = slide.shapes.add_chart(kind, *box, data)
    space = frame.chart._chartSpace
    for element in space.xpath(".//c:axId | .//c:crossAx"):
        value = int(element.get("val"))
        if value < 0:
            element.set("val", str(value + _UINT_RANGE))
    return frame


def _chart_data(categories: Sequence[str], number_format: str) -> ChartData:
    data = ChartData(number_format=number_format)
    data.categories = [
        shorten(display_text(c), 4.0, 12, 3) for c in categories
    ]  # an axis label, not a page
    return data


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _style_axis_text(axis: Any, size: int = 12) -> None:
    axis.tick_labels.font.size = Pt(size)
    axis.tick_labels.font.name = FONT
    axis.tick_labels.font.color.rgb = INK
    axis.format.line.color.rgb = RULE


def _value_axis(chart: Any, maximum: float) -> None:
    axis = chart.value_axis
    axis.minimum_scale = 0.0
    axis.maximum_scale = maximum
    axis.major_unit = 0.2 if maximum > 0.6 else 0.1
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = RULE
    axis.major_gridlines.format.line.width = Pt(0.5)
    axis.tick_labels.number_format = "0%"
    axis.tick_labels.number_format_is_linked = False
    _style_axis_text(axis, 11)


def _axis_max(values: Sequence[float | None]) -> float:
    top = max((v for v in values if v is not None), default=1.0)
    return 1.2 if top > 1.0 else 1.0


def band_bar_chart(
    slide: Any,
    box: Any,
    categories: Sequence[str],
    values: Sequence[float | None],
    colours: Sequence[str],
    labels: Sequence[str],
    *,
    horizontal: bool = False,
    name: str = "Grafik / Chart",
    font_size: int = 12,
) -> Any:
    """One bar per category, each point filled with its band colour, labelled with `labels` (Babel text).

    values: fractions (1.0 = 100 %), None = no data (no bar).
    """
    data = _chart_data(categories, "0.0%")
    data.add_series(display_text(name), list(values))
    kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    frame = _add_chart(slide, kind, box, data)
    frame.name = name
    chart = frame.chart
    chart.has_title = False
    chart.has_legend = False
    chart.font.name = FONT
    chart.font.size = Pt(font_size)
    plot = chart.plots[0]
    plot.gap_width = 60 if horizontal else 80
    plot.vary_by_categories = False
    _value_axis(chart, _axis_max(values))
    category_axis = chart.category_axis
    _style_axis_text(category_axis, font_size)
    category_axis.has_major_gridlines = False
    if horizontal:
        category_axis.reverse_order = True  # first category on top
    series = plot.series[0]
    for index, (colour, label) in enumerate(zip(colours, labels, strict=True)):
        point = series.points[index]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = rgb(colour)
        point.format.line.fill.background()
        frame_label = point.data_label
        frame_label.position = XL_LABEL_POSITION.OUTSIDE_END
        frame_label.has_text_frame = True
        frame_label.text_frame.text = display_text(label)
        run = frame_label.text_frame.paragraphs[0].runs[0]
        run.font.size = Pt(font_size)
        run.font.bold = True
        run.font.color.rgb = INK
        run.font.name = FONT
    return frame


def trend_line_chart(
    slide: Any,
    box: Any,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    overall_labels: Sequence[str],
    *,
    name: str = "Tren / Trend",
) -> Any:
    """Line chart: first series (overall) navy and labelled with `overall_labels`, the others thinner."""
    data = _chart_data(categories, "0.0%")
    for title, values in series:
        data.add_series(shorten(title, 4.0, 12, 1), list(values))  # a legend entry
    frame = _chart_with_legend(slide, XL_CHART_TYPE.LINE_MARKERS, box, data, name)
    chart = frame.chart
    all_values = [v for _, values in series for v in values]
    _value_axis(chart, _axis_max(all_values))  # from 0: a cut axis makes small changes look large
    _style_axis_text(chart.category_axis, 12)
    for index, plotted in enumerate(chart.plots[0].series):
        colour = NAVY if index == 0 else rgb(SERIES_COLOURS[(index - 1) % len(SERIES_COLOURS)])
        plotted.smooth = False
        plotted.format.line.color.rgb = colour
        plotted.format.line.width = Pt(3.5 if index == 0 else 2.0)
        plotted.marker.style = XL_MARKER_STYLE.CIRCLE
        plotted.marker.size = 9 if index == 0 else 6
        plotted.marker.format.fill.solid()
        plotted.marker.format.fill.fore_color.rgb = colour
        plotted.marker.format.line.color.rgb = colour
    overall = chart.plots[0].series[0]
    for index, label in enumerate(overall_labels):
        if not label:
            continue
        point_label = overall.points[index].data_label
        point_label.position = XL_LABEL_POSITION.ABOVE
        point_label.has_text_frame = True
        point_label.text_frame.text = display_text(label)
        run = point_label.text_frame.paragraphs[0].runs[0]
        run.font.size, run.font.bold, run.font.name = Pt(12), True, FONT
        run.font.color.rgb = NAVY
    return frame


def progress_chart(
    slide: Any,
    box: Any,
    categories: Sequence[str],
    progress: Sequence[float | None],
    planned: Sequence[float | None],
    names: tuple[str, str],
    *,
    name: str = "Progres / Progress",
) -> Any:
    """Horizontal clustered bars: actual progress (teal) against planned progress (grey), fractions."""
    data = _chart_data(categories, "0%")
    data.add_series(display_text(names[0]), list(progress))
    data.add_series(display_text(names[1]), list(planned))
    frame = _chart_with_legend(slide, XL_CHART_TYPE.BAR_CLUSTERED, box, data, name)
    chart = frame.chart
    _value_axis(chart, 1.0)
    chart.value_axis.major_unit = 0.25
    chart.category_axis.reverse_order = True
    _style_axis_text(chart.category_axis, 12)
    plot = chart.plots[0]
    plot.gap_width = 50
    plot.overlap = -10
    for plotted, colour in zip(plot.series, (TEAL, GREY), strict=True):
        plotted.format.fill.solid()
        plotted.format.fill.fore_color.rgb = colour
    return frame


def _chart_with_legend(slide: Any, kind: Any, box: Any, data: ChartData, name: str) -> Any:
    """A chart frame: no title, the deck's font at 12 pt, the legend below the plot."""
    frame = _add_chart(slide, kind, box, data)
    frame.name = name
    chart = frame.chart
    chart.has_title = False
    chart.font.name = FONT
    chart.font.size = Pt(12)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(12)
    return frame


def comparison_chart(
    slide: Any,
    box: Any,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None], Sequence[str]]],
    *,
    name: str = "Perbandingan / Comparison",
) -> Any:
    """Clustered columns, one series per year (earlier years grey, the last series navy).

    series: (legend name, fractions with None = no bar, label texts in the deck's number format).
    """
    data = _chart_data(categories, "0.0%")
    for title, values, _ in series:
        data.add_series(display_text(title), list(values))
    frame = _chart_with_legend(slide, XL_CHART_TYPE.COLUMN_CLUSTERED, box, data, name)
    chart = frame.chart
    _value_axis(chart, _axis_max([v for _, values, _ in series for v in values]))
    _style_axis_text(chart.category_axis, 12)
    chart.category_axis.has_major_gridlines = False
    plot = chart.plots[0]
    plot.gap_width = 70
    plot.overlap = -5
    colours = [RULE_GREY] * (len(series) - 1) + [NAVY]
    for plotted, colour, (_, values, labels) in zip(plot.series, colours, series, strict=True):
        plotted.format.fill.solid()
        plotted.format.fill.fore_color.rgb = colour
        plotted.format.line.fill.background()
        for index, (value, label) in enumerate(zip(values, labels, strict=True)):
            if value is None or not label:
                continue
            point_label = plotted.points[index].data_label
            point_label.position = XL_LABEL_POSITION.OUTSIDE_END
            point_label.has_text_frame = True
            point_label.text_frame.text = display_text(label)
            run = point_label.text_frame.paragraphs[0].runs[0]
            run.font.size, run.font.name = Pt(11), FONT
            run.font.color.rgb = INK
    return frame
