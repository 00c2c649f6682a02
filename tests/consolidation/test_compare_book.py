"""The comparison workbook (`consolidate --units ... --output COMPARE.xlsx`) from a hand-made report."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import openpyxl
import pytest
from PIL import Image

from egov_bsc_xl.errors import WriteError
from egov_bsc_xl.workbook.writing.compare_book import comparison_bytes, write_comparison
from tests.consolidation.reports import EXCELLENT, VERY_POOR, sample_report
from tests.ooxml_check import assert_valid_ooxml


def test_the_comparison_workbook_opens_and_holds_the_consolidation_sheet(tmp_path: Path) -> None:
    path = tmp_path / "banding.xlsx"
    write_comparison(sample_report(parent=False), path, "id")
    assert_valid_ooxml(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Konsolidasi"]
    ws = book["Konsolidasi"]
    assert ws["A1"].value == "Perbandingan Kinerja Unit"
    values = [[c.value for c in row] for row in ws.iter_rows()]
    ranking = next(i for i, r in enumerate(values) if r[0] == "Peringkat unit")
    assert [values[ranking + 2 + i][1] for i in range(3)] == [
        "Bappeda",
        "Diskominfo",
        "Dinas Kesehatan",
    ]
    row = ranking + 3  # Bappeda, 93 %: filled dark green, a percent format
    cell = ws.cell(row=row, column=3)
    assert cell.value == pytest.approx(0.93)
    assert cell.number_format == "0.0%"
    assert cell.fill.fgColor.rgb.endswith(EXCELLENT.lstrip("#"))
    assert not ws.merged_cells.ranges


def test_english_comparison_and_same_report_same_bytes(tmp_path: Path) -> None:
    report = sample_report("en", parent=False)
    assert comparison_bytes(report, "en") == comparison_bytes(report, "en")
    path = tmp_path / "compare.xlsx"
    write_comparison(report, path, "en")
    assert_valid_ooxml(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Consolidation"]
    assert book["Consolidation"]["A1"].value == "Unit Performance Comparison"


def test_a_name_without_xlsx_is_refused_with_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as caught:
        write_comparison(sample_report(parent=False), tmp_path / "banding.xlsm", "id")
    assert ".xlsx" in str(caught.value) and "banding.xlsm" in str(caught.value)
    assert not (tmp_path / "banding.xlsm").exists()


def _pixels(png: Path, colour: str) -> int:
    target = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    image = Image.open(png).convert("RGB")
    return sum(count for count, rgb in image.getcolors(1 << 24) if rgb == target)


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="needs LibreOffice and poppler-utils",
)
def test_libreoffice_renders_the_comparison_with_band_fills(tmp_path: Path) -> None:
    path = tmp_path / "banding.xlsx"
    write_comparison(sample_report(parent=False), path, "id")
    profile = tmp_path / f"lo-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = tmp_path / "banding.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for words in ("Perbandingan Kinerja Unit", "Peringkat unit", "Berkas tidak ada", "Bappeda"):
        assert words in text
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    png = next(tmp_path.glob("page-*.png"))
    assert _pixels(png, EXCELLENT) > 100  # the heat map and ranking cells are filled
    assert _pixels(png, VERY_POOR) > 100
