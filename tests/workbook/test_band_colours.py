"""Status colours on Realisasi come from tblBands through defined names, for every band.

Excel cannot take a fill from a cell: there is one rule per colour (the bands' own and a
palette), each looking the status up in tblBands by the names BSC_BAND_LABELS and
BSC_BAND_COLOURS, which refer to the table's columns. A band a user adds (or moves) in a palette
colour is coloured without rebuilding the workbook.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from egov_bsc_xl.app import recalc
from egov_bsc_xl.model import (
    Band,
    Kpi,
    Measurement,
    Objective,
    Perspective,
    Profile,
    Settings,
    parse_period,
)
from egov_bsc_xl.model.enums import Language
from egov_bsc_xl.workbook.template.build import BAND_PALETTE, Content, build
from tests.ooxml_check import assert_valid_ooxml, ooxml_findings

BLUE = "#1565C0"  # a palette colour none of the default bands has


def _book(data: bytes, tmp_path: Path, name: str = "b.xlsm") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _status_rules(ws) -> list[tuple[str, str, str]]:
    """(range, formula, fill colour) of the expression rules on the Status column."""
    header = [c.value for c in ws[4]]
    letter = openpyxl.utils.get_column_letter(header.index("Status") + 1)
    out = []
    for rng in ws.conditional_formatting:
        if str(rng.sqref).startswith(letter):
            for rule in rng.rules:
                if rule.type == "expression":
                    fill = rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill else ""
                    out.append((str(rng.sqref), rule.formula[0], str(fill)[-6:]))
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rules_use_defined_names_of_the_band_columns_and_cover_every_band(
    tmp_path: Path, lang: str
) -> None:
    bands = [
        Band(lower_bound=1.1, label_id="Istimewa", label_en="Outstanding", colour="#123456"),
        *Settings().bands,
    ]
    content = Content(settings=Settings(bands=bands, language=Language(lang)))
    book = openpyxl.load_workbook(_book(build(lang, content=content), tmp_path))
    label = "Label (ID)" if lang == "id" else "Label (EN)"
    assert book.defined_names["BSC_BAND_LABELS"].attr_text == f"tblBands[{label}]"
    assert (
        book.defined_names["BSC_BAND_COLOURS"].attr_text
        == f"tblBands[{'Warna' if lang == 'id' else 'Colour'}]"
    )
    rules = _status_rules(book["Realisasi" if lang == "id" else "Measurements"])
    assert rules and all(
        "!" not in formula and "$" + "C$" not in formula for _, formula, _ in rules
    )
    assert all(
        "INDEX(BSC_BAND_COLOURS,MATCH(" in f and "BSC_BAND_LABELS,0)" in f for _, f, _ in rules
    )
    coloured = {re.search(r'="([0-9A-F]{6})"$', f).group(1): fill for _, f, fill in rules}
    for band in bands:  # the band with a colour outside the palette gets its own rule
        assert coloured[band.colour.lstrip("#").upper()] == band.colour.lstrip("#").upper()
    assert {c.lstrip("#") for c in BAND_PALETTE} <= set(coloured)


def _add_band(path: Path, sheet: str, colour: str = BLUE) -> None:
    """What a planner does in Excel: a sixth row in tblBands, above the others, in blue."""
    book = openpyxl.load_workbook(path, keep_vba=True)
    ws = book[sheet]
    table = ws.tables["tblBands"]
    first, last = table.ref.split(":")
    end = ws[last].row + 1
    for col, value in zip("ABCD", (1.1, "Istimewa", "Outstanding", colour), strict=True):
        ws[f"{col}{end}"] = value
    table.ref = f"{first}:D{end}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref
    book.save(path)


def _pixels(png: Path, colour: str = BLUE) -> int:
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    image = Image.open(png).convert("RGB")
    return sum(count for count, rgb in image.getcolors(1 << 24) if rgb == target)


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="needs LibreOffice and poppler-utils",
)
def test_a_band_added_by_the_user_gets_its_colour_in_libreoffice(tmp_path: Path) -> None:
    period = parse_period("2026-Q1")
    content = Content(
        profile=Profile(agency="Dinas Uji", year=2026, report_period=period, language=Language.EN),
        settings=Settings(language=Language.EN),
        perspectives=[Perspective(id="P1", name="Customer", weight=1.0, order=1)],
        objectives=[Objective(id="O1", perspective_id="P1", name="Objective")],
        kpis=[
            Kpi(id="K1", objective_id="O1", name="KPI one"),
            Kpi(id="K2", objective_id="O1", name="KPI two"),
        ],
        measurements=[
            Measurement(kpi_id="K1", period=period, target=100, actual=118),  # 118 %
            Measurement(kpi_id="K2", period=period, target=100, actual=80),
        ],
    )
    before = _book(build("en", "native", content=content, cache=False), tmp_path, "before.xlsm")
    after = _book(before.read_bytes(), tmp_path, "after.xlsm")
    _add_band(after, "Settings")
    other = _book(
        before.read_bytes(), tmp_path, "other.xlsm"
    )  # outside the palette: recalc adds its rule
    _add_band(other, "Settings", OTHER)
    recalc(other)

    profile = tmp_path / f"lo-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(  # recalculate on load
        '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" '
        'oor:op="fuse"><value>0</value></prop></item></oor:items>',
        encoding="utf-8",
    )
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
            "--outdir",
            str(tmp_path),
            str(before),
            str(after),
            str(other),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    blue = {}
    for name in ("before", "after", "other"):
        pdf = tmp_path / f"{name}.pdf"
        pages = int(
            re.search(
                r"Pages:\s+(\d+)",
                subprocess.run(
                    ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
                ).stdout,
            ).group(1)
        )
        page = next(
            p
            for p in range(1, pages + 1)
            if "Targets and actuals"
            in subprocess.run(
                ["pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"],
                capture_output=True,
                text=True,
            ).stdout
        )
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert ("Outstanding" in text) == (name != "before"), (
            text
        )  # LibreOffice recalculated the status
        subprocess.run(
            [
                "pdftoppm",
                "-f",
                str(page),
                "-l",
                str(page),
                "-r",
                "60",
                "-png",
                str(pdf),
                str(tmp_path / name),
            ],
            check=True,
        )
        png = next(tmp_path.glob(f"{name}-*.png"))
        blue[name] = _pixels(png) + _pixels(png, OTHER)
    assert blue["before"] == 0
    assert blue["after"] > 200, blue  # the Outstanding status cell is filled blue
    assert blue["other"] > 200, blue  # ... and in the colour outside the palette after recalc


OTHER = "#123456"  # a colour outside the palette: Excel has no rule for it until recalc adds one


def _rule_colours(path: Path) -> list[tuple[str, str]]:
    """(colour in the formula, fill colour) of every status rule, in order."""
    ws = openpyxl.load_workbook(path)["Measurements"]
    return [(re.search(r'="([0-9A-F]{6})"$', f).group(1), fill) for _, f, fill in _status_rules(ws)]


def test_recalc_adds_a_rule_for_a_band_colour_outside_the_palette(tmp_path: Path) -> None:
    book = _book(build("en", "native", demo=True), tmp_path)
    _add_band(book, "Settings", OTHER)
    assert OTHER[1:] not in dict(_rule_colours(book))
    recalc(book)
    rules = _rule_colours(book)
    assert (OTHER[1:], OTHER[1:]) in rules
    recalc(book)  # a second run finds the rule and adds nothing
    assert _rule_colours(book) == rules
    # openpyxl (used above to add the band) itself writes findings (inline strings, font child
    # order); the parts recalc added to must bring none of their own.
    ours = [f for f in ooxml_findings(book) if re.search(r"dxf|cfRule|conditionalFormatting", f)]
    assert ours == []
    fresh = _book(build("en", "native", demo=True), tmp_path, "fresh.xlsm")
    recalc(fresh)  # nothing to add: every band colour has its rule
    assert _rule_colours(fresh) == _rule_colours(
        _book(build("en", "native", demo=True), tmp_path, "b2.xlsm")
    )
    assert_valid_ooxml(fresh)


def test_recalc_leaves_a_workbook_without_status_rules_alone(book: Path) -> None:
    # the recalc test workbook (hand-made, no BSC_BAND names): its conditional formats stay as they were
    with zipfile.ZipFile(book) as zf:
        before = {n: zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/sheet")}
    recalc(book)
    with zipfile.ZipFile(book) as zf:
        after = {n: zf.read(n) for n in before}
    for name, data in before.items():
        assert re.findall(
            rb"<conditionalFormatting.*?</conditionalFormatting>", data
        ) == re.findall(rb"<conditionalFormatting.*?</conditionalFormatting>", after[name]), name
