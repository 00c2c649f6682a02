"""Targets and actuals read as people write them: '81', '55,000', '0.85', '1,500.5' (never '81.').

Excel writes the separators of the reader's locale (55.000 and 0,85 in an Indonesian Excel); the
format codes are always stored with ',' for thousands and '.' for decimals.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.app import recalc
from egov_bsc_xl.model import (
    Kpi,
    Measurement,
    Objective,
    Perspective,
    Profile,
    Settings,
    parse_period,
)
from egov_bsc_xl.model.enums import Language
from egov_bsc_xl.workbook.template.build import Content, build
from egov_bsc_xl.workbook.writing.layout import BASE_STYLES, Grid, number_style

# KPI id, target, upper target, actual
ROWS = [
    ("K1", 81, None, 81),
    ("K2", 55000, None, 55000),
    ("K3", 0.85, None, 0.9),
    ("K4", 1500.5, 2000.25, 1750.75),
    ("K5", 97.5, None, 12345678),
]


def numbers_book(path: Path, lang: str = "en") -> Path:
    """A native-formula workbook with the rows above, recalculated (dashboard written)."""
    period = parse_period("2026-Q1")
    content = Content(
        profile=Profile(
            agency="Dinas Uji", year=2026, report_period=period, language=Language(lang)
        ),
        settings=Settings(language=Language(lang)),
        perspectives=[Perspective(id="P1", name="Pelanggan", weight=1.0, order=1)],
        objectives=[Objective(id="O1", perspective_id="P1", name="Sasaran")],
        kpis=[Kpi(id=k, objective_id="O1", name=f"IKU {k}") for k, *_ in ROWS],
        measurements=[
            Measurement(kpi_id=k, period=period, target=t, target_upper=u, actual=a)
            for k, t, u, a in ROWS
        ],
    )
    path.write_bytes(build(lang, "native", content=content))
    recalc(path)
    return path


def test_number_style_shows_whole_numbers_plain_and_keeps_real_decimals() -> None:
    grid = Grid(sheet="x", styles=dict(BASE_STYLES))
    formats = {
        v: grid.styles[number_style(grid, v)].num_fmt
        for v in (81, 55000.0, 0.85, 97.5, 1234.5678, 0.123456)
    }
    assert formats == {
        81: "#,##0",
        55000.0: "#,##0",
        0.85: "#,##0.00",
        97.5: "#,##0.0",
        1234.5678: "#,##0.0000",
        0.123456: "#,##0.0000",
    }
    assert number_style(grid, None) == number_style(grid, "Ya") == number_style(grid, 81) == "num"
    assert not any(code.endswith(".##") for code in (s.num_fmt for s in grid.styles.values()))


def test_dashboard_and_measurements_carry_the_formats(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(numbers_book(tmp_path / "angka.xlsm"))
    dash = book["Dashboard"]
    found = {}
    for row in dash.iter_rows():
        if row[0].value in {k for k, *_ in ROWS}:
            found[row[0].value] = (row[3].number_format, row[5].number_format)
    assert found == {
        "K1": ("#,##0", "#,##0"),
        "K2": ("#,##0", "#,##0"),
        "K3": ("#,##0.00", "#,##0.0"),
        "K4": ("#,##0.0", "#,##0.00"),
        "K5": ("#,##0.0", "#,##0"),
    }
    ws = book["Measurements"]
    assert ws["C5"].number_format == "[>=1000]#,##0;General"  # the Target column
    rules = [
        (
            str(rng.sqref),
            rule.formula[0],
            rule.dxf.numFmt.formatCode if rule.dxf and rule.dxf.numFmt else None,
        )
        for rng in ws.conditional_formatting
        for rule in rng.rules
    ]
    assert ("C5:C505", "AND(ISNUMBER(C5),ABS(C5)>=1000,C5<>INT(C5))", "#,##0.0#####") in rules


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice and poppler-utils",
)
def test_libreoffice_shows_81_55000_and_the_decimals(tmp_path: Path) -> None:
    book = numbers_book(tmp_path / "angka.xlsm")
    profile = f"file:///tmp/lo-numbers-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
            "--outdir",
            str(tmp_path),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "angka.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sep = r"[.,\u00a0\u202f ]"  # the thousands/decimal separator of LibreOffice's locale
    lines = {}  # KPI id -> its lines (the dashboard table and the Measurements sheet)
    for line in text.splitlines():
        words = line.split()
        if (
            words
            and words[0] in {k for k, *_ in ROWS}
            and ("Sasaran" in words or "2026-Q1" in words)
        ):
            lines.setdefault(words[0], []).append(line)
    assert all(len(v) == 2 for v in lines.values()) and len(lines) == len(ROWS), lines
    for line in lines["K1"]:
        assert re.search(r"\s81\s+81\s", line) and not re.search(r"81[.,](\s|$)", line), line
    for line in lines["K2"]:
        assert len(re.findall(r"\s55" + sep + r"000(?![.,\d])", line)) == 2, line  # not '55,000.'
    for line in lines["K3"]:
        assert re.search(r"\s0" + sep + r"85\s+0" + sep + r"9\s", line), line
    for line in lines["K4"]:
        assert re.search(
            r"1"
            + sep
            + r"500"
            + sep
            + r"5\s+2"
            + sep
            + r"000"
            + sep
            + r"25\s+1"
            + sep
            + r"750"
            + sep
            + r"75\s",
            line,
        ), line
    for line in lines["K5"]:
        assert re.search(r"\s97" + sep + r"5\s+12" + sep + r"345" + sep + r"678\s", line), line
