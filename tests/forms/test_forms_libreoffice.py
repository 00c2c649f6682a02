"""LibreOffice opens a filled form and the collected workbook; the form is rendered to a picture."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from egov_bsc_xl.forms.collect import collect
from egov_bsc_xl.forms.make import make_forms

from .fill import fill, form_rows

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="needs LibreOffice and poppler-utils",
    ),
]


def _convert(path: Path, out: Path, to: str) -> Path:
    """Convert with a LibreOffice profile of its own into `out` (the input is never saved over)."""
    profile = f"file:///tmp/lo-forms-{os.getpid()}-{path.stem}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return out / f"{path.stem}.{to.split(':')[0]}"


def _pdf(path: Path, out: Path) -> str:
    pdf = _convert(path, out, "pdf")
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_libreoffice_opens_a_form_and_the_collected_workbook(
    demo_book: Path, tmp_path: Path
) -> None:
    made = make_forms(demo_book, "2026-Q4", output=tmp_path / "forms")
    form = next(f.path for f in made.files if f.owner == "Sekretariat Dinas")
    fill(
        form,
        {(k, p): {"actual": 42.5, "analysis": "Sesuai rencana"} for _, k, p in form_rows(form)},
    )
    out = tmp_path / "pdf"
    text = _pdf(form, out)
    for expected in (
        "Formulir Realisasi IKU",
        "TW IV 2026",
        "Sekretariat Dinas",
        "IKU09",
        "Realisasi",
        "Actual",
        "Sesuai rencana",
    ):
        assert expected in text, expected
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                str(out / f"{form.stem}.pdf"),
                str(out / "form"),
            ],
            check=True,
        )
        assert (out / "form-1.png").stat().st_size > 5000
    # the unit saves the form with LibreOffice (the stamp sheet becomes merely hidden): still usable
    saved = _convert(form, tmp_path / "saved", 'xlsx:Calc MS Excel 2007 XML')
    result = collect(demo_book, [saved])
    assert [f.status for f in result.forms] == ["collected"]
    assert result.rows_added == 3 and result.cells_written == 3 * 4  # id, period, actual, analysis
    copy = tmp_path / "collected.xlsm"
    shutil.copy(demo_book, copy)
    book_text = _pdf(copy, out)
    assert "Pengumpulan Data Realisasi" in book_text
    assert "Sekretariat Dinas" in book_text and "Lengkap" in book_text
    assert "Belum kembali" in book_text  # the owners whose forms are not back yet
