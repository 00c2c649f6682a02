"""LibreOffice opens a recalculated demo workbook and renders its dashboard with both charts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from egov_bsc_xl.app import recalc
from egov_bsc_xl.workbook.template.build import build_template

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
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
