"""LibreOffice opens both decks and prints one PDF page per slide."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from pptx import Presentation

pytestmark = pytest.mark.libreoffice


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_each_deck_to_one_page_per_slide(
    tmp_path, leadership_path, public_path
):
    profile = f"file:///tmp/lo-deck-test-{os.getpid()}"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(leadership_path),
            str(public_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    for deck in (leadership_path, public_path):
        pdf = tmp_path / (deck.stem + ".pdf")
        assert pdf.is_file(), done.stdout + done.stderr
        pages = pdf.read_bytes().count(b"/Type /Page\n") + pdf.read_bytes().count(b"/Type/Page\n")
        if shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
            pages = int(
                next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))
            )
        assert pages == len(Presentation(str(deck)).slides)
