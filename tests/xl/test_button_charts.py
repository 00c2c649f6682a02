"""The button writes the same charts as `recalc`: both writers receive the same layout Chart, and
what the xlwings writer asks of xlwings (through the STAND-IN, tests/xl/xlwings_standin.py)
matches the chart XML recalc writes: title, kind, value axis 0..cap in percent, bar order, series
colours and every bar's band colour. Writing runs with calculation manual, then restores it."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from egov_bsc_xl.app import recalc, refresh
from egov_bsc_xl.workbook.writing.layout import Chart
from egov_bsc_xl.xl import book as xl_book
from egov_bsc_xl.xl.book import XlwingsBook
from tests.workbook.recalc_books import build_book
from tests.xl.xlwings_standin import Book

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_book(tmp_path_factory.mktemp("charts") / "kinerja.xlsm", stale=False)


@pytest.fixture
def path(original: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kinerja.xlsm"
    shutil.copy(original, target)
    return target


def _file_charts(path: Path) -> dict[str, dict[str, object]]:
    """Title -> what recalc's chart XML says."""
    found = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not re.match(r"xl/charts/egovbsc-[^/]+\.xml$", name):  # recalc's own chart parts
                continue
            root = etree.fromstring(zf.read(name))
            title = "".join(root.xpath("//c:title//a:t/text()", namespaces=NS))
            kind = "bar" if root.xpath("//c:barChart", namespaces=NS) else "line"
            val = root.xpath("//c:valAx", namespaces=NS)[0]
            cat = root.xpath("//c:catAx", namespaces=NS)[0]
            series = []
            for ser in root.xpath("//c:ser", namespaces=NS):
                if kind == "bar":
                    colour = ser.xpath("c:spPr/a:solidFill/a:srgbClr/@val", namespaces=NS)[0]
                else:
                    colour = ser.xpath("c:spPr/a:ln/a:solidFill/a:srgbClr/@val", namespaces=NS)[0]
                points = [
                    p.xpath("c:spPr/a:solidFill/a:srgbClr/@val", namespaces=NS)[0]
                    for p in ser.xpath("c:dPt", namespaces=NS)
                ]
                series.append(("#" + colour, ["#" + p for p in points]))
            maximum = val.xpath("c:scaling/c:max/@val", namespaces=NS)
            found[title] = {
                "kind": kind,
                "min": float(val.xpath("c:scaling/c:min/@val", namespaces=NS)[0]),
                "max": float(maximum[0]) if maximum else None,
                "format": val.xpath("c:numFmt/@formatCode", namespaces=NS)[0],
                "reversed": cat.xpath("c:scaling/c:orientation/@val", namespaces=NS)[0] == "maxMin",
                "crosses_max": val.xpath("c:crosses/@val", namespaces=NS)[0] == "max",
                "series": series,
            }
    return found


def _button_charts(book: Book) -> dict[str, dict[str, object]]:
    found = {}
    for chart in book.sheets["Dasbor"].charts:
        value, category = chart.value_axis.settings, chart.category_axis.settings
        kind = "bar" if chart.spec["chart_type"].startswith("bar") else "line"
        series = []
        for s in chart.series:
            colour = s.settings["fill_color"] if kind == "bar" else s.settings["line_color"]
            points = [p for p in s.point_colours if p is not None]
            series.append((colour.upper(), points))
        found[chart.title] = {
            "kind": kind,
            "min": float(value["minimum_scale"]),
            "max": value["maximum_scale"],
            "format": value["number_format"],
            "reversed": category.get("reverse_order", False),
            "crosses_max": category.get("crosses") == "maximum",
            "series": series,
        }
    return found


def test_the_button_charts_equal_the_recalc_charts(path: Path, tmp_path: Path) -> None:
    out = tmp_path / "file.xlsm"
    recalc(path, output=out)
    book = Book(path)
    refresh(XlwingsBook(book))
    from_file, from_button = _file_charts(out), _button_charts(book)
    assert from_file and set(from_file) == set(from_button)
    for title, spec in from_file.items():
        assert from_button[title] == spec, title
    bar = next(s for s in from_file.values() if s["kind"] == "bar")
    assert bar["max"] is not None and bar["max"] >= 1.0 and bar["format"] == "0%"
    assert len(bar["series"][0][1]) >= 4  # one band colour per perspective


def test_both_writers_receive_the_same_chart_specification(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from egov_bsc_xl.workbook.writing import owned_parts

    seen: dict[str, list[Chart]] = {"file": [], "button": []}
    file_writer, button_writer = owned_parts.chart_xml, xl_book._add_chart

    def file_spy(grid, chart):  # noqa: ANN001
        seen["file"].append(chart)
        return file_writer(grid, chart)

    def button_spy(sheet, chart):  # noqa: ANN001
        seen["button"].append(chart)
        return button_writer(sheet, chart)

    monkeypatch.setattr(owned_parts, "chart_xml", file_spy)
    monkeypatch.setattr(xl_book, "_add_chart", button_spy)
    recalc(path, output=tmp_path / "file.xlsm")
    refresh(XlwingsBook(Book(path)))
    assert seen["file"] and seen["file"] == seen["button"]


def test_calculation_is_manual_while_writing_and_restored(path: Path) -> None:
    book = Book(path)
    book.app._calculation = "semiautomatic"
    refresh(XlwingsBook(book))
    assert book.app.calculations == ["manual", "semiautomatic"]
    assert book.app.calculation == "semiautomatic"


def test_calculation_is_restored_when_writing_fails(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = Book(path)

    def broken(sheet, chart):  # noqa: ANN001
        raise RuntimeError("Excel said no")

    monkeypatch.setattr(xl_book, "_add_chart", broken)
    with pytest.raises(RuntimeError):
        refresh(XlwingsBook(book))
    assert book.app.calculation == "automatic" and book.app.calculations[-1] == "automatic"
