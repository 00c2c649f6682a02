"""The Konsolidasi sheet written into a parent .xlsm the way `consolidate` does (recalc's rewrite
with an update that adds the grid): valid, macros kept, a second run replaces the same sheet."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.app import refresh
from egov_bsc_xl.workbook.reading.analysis import Analysis
from egov_bsc_xl.workbook.template.build import build
from egov_bsc_xl.workbook.template.demo_family import parent_scorecard
from egov_bsc_xl.workbook.writing.layout_consolidation import consolidation
from egov_bsc_xl.workbook.writing.recalc import FileBook, rewrite
from tests.consolidation.reports import sample_report
from tests.ooxml_check import assert_valid_ooxml


def _consolidate(book: FileBook) -> Analysis:
    analysis = refresh(book)
    book.write_sheets([consolidation(sample_report(), analysis, book.sheet_names())])
    return analysis


@pytest.fixture()
def parent(tmp_path: Path) -> Path:
    path = tmp_path / "pemda.xlsm"
    path.write_bytes(build("id", "native", content=parent_scorecard("id")))
    return path


def test_the_sheet_goes_into_the_parent_and_keeps_its_macros(parent: Path) -> None:
    with zipfile.ZipFile(parent) as zf:
        vba = zf.read("xl/vbaProject.bin")
    assert "Konsolidasi" not in openpyxl.load_workbook(parent).sheetnames
    rewrite(parent, None, _consolidate)
    assert_valid_ooxml(parent)
    with zipfile.ZipFile(parent) as zf:
        assert zf.read("xl/vbaProject.bin") == vba
    book = openpyxl.load_workbook(parent, keep_vba=True)
    ws = book["Konsolidasi"]
    assert ws["A1"].value == "Konsolidasi Kinerja Unit"
    assert ws["B2"].value == "Pemerintah Kabupaten Sukamaju — Konsolidasi Perangkat Daerah"
    names = [c.value for c in ws["B"]]
    assert "Hasil agregasi (Jumlah)" in names
    # the rolled-up IKU-01 is named from the parent's tblKpis
    assert "Jumlah layanan publik digital Pemda" in [c.value for c in ws["C"]]
    sheets = book.sheetnames

    rewrite(parent, None, _consolidate)
    assert openpyxl.load_workbook(parent).sheetnames == sheets  # rewritten, not added twice
    assert_valid_ooxml(parent)


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice and poppler-utils",
)
def test_libreoffice_shows_the_sheet_of_the_parent(parent: Path, tmp_path: Path) -> None:
    rewrite(parent, None, _consolidate)
    copy = tmp_path / "copy" / "pemda.xlsm"  # LibreOffice never gets the original .xlsm
    copy.parent.mkdir()
    shutil.copy(parent, copy)
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
            str(copy),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "pemda.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Konsolidasi Kinerja Unit" in text
    assert "Peta panas: unit × perspektif" in text
    assert "Hasil agregasi (Rata-rata)" in text
