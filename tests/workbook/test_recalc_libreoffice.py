"""LibreOffice opens a recalculated demo workbook and renders its dashboard with both charts
and its LKjIP sheet."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from egov_bsc_xl.app import recalc
from egov_bsc_xl.workbook.template.build import build_template

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None
        or shutil.which("pdftotext") is None
        or shutil.which("pdftoppm") is None,
        reason="needs LibreOffice and poppler-utils",
    ),
]


def test_libreoffice_renders_the_dashboard_and_its_charts(tmp_path: Path) -> None:
    book = build_template(tmp_path / "demo.xlsm", "id", demo=True)
    recalc(book)
    recalc(book)  # a second run must leave a file that is just as good
    profile = f"file:///tmp/lo-recalc-{os.getpid()}"
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
    pdf = tmp_path / "demo.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"94[.,]1 ?%", text)  # the overall score, in LibreOffice's locale
    for expected in (
        "Dasbor Balanced Scorecard SPBE",
        "Skor kinerja keseluruhan",
        "Skor per perspektif",  # bar chart title (and the table's section title)
        "Tren skor keseluruhan dan per perspektif",  # line chart title
        "Hasil Validasi Buku Kerja",
        "0 kesalahan, 2 peringatan",
    ):
        assert expected in text, expected
    assert text.count("Skor per perspektif") >= 2  # the section heading and the chart's own title
    _lkjip_page_renders(pdf, tmp_path)


def _lkjip_page_renders(pdf: Path, tmp_path: Path) -> None:
    """The LKjIP sheet is a page of its own with its title, tables and filled header rows."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    found = {}
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if "Laporan Kinerja (LKjIP)" in text:
            found[page] = text
    assert len(found) == 1, sorted(found)  # one sheet, one page (SinglePageSheets)
    ((page, text),) = found.items()
    assert "Laporan Kinerja (LKjIP) — Bab III Akuntabilitas Kinerja" in text
    for expected in (
        "a. Pengukuran kinerja",
        "b. Perbandingan realisasi dengan dua tahun sebelumnya",
        "c. Perbandingan dengan target akhir Renstra",
        "d. Perbandingan dengan target nasional",
        "e. Analisis penyebab dan rencana tindak lanjut",
        "f. Anggaran dan efisiensi",
        "Meningkatnya kepuasan masyarakat atas layanan digital",
    ):
        assert expected in text, expected
    assert re.search(r"101[.,]7 ?%", text)  # IKU01's achievement, in LibreOffice's locale
    out = tmp_path / "lkjip"
    subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", "40", "-png", str(pdf), str(out)],
        check=True,
    )
    png = next(tmp_path.glob("lkjip-*.png"))
    with Image.open(png) as img:
        navy = sum(
            count
            for count, (r, g, b) in img.convert("RGB").getcolors(1 << 24)
            if abs(r - 0x1F) < 12 and abs(g - 0x38) < 12 and abs(b - 0x64) < 12
        )
    assert navy > 1000, navy  # the header rows are filled (and the title is navy)
