"""The slide master (committed, made by code, swappable), the logo, and the data-quality slide."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

import egov_bsc_xl
from egov_bsc_xl.app import analysis_of as deck_data
from egov_bsc_xl.deck.build import build_deck, deck_bytes
from egov_bsc_xl.deck.master import DEFAULT_MASTER, REQUIRED_LAYOUTS, build_master
from egov_bsc_xl.deck.output import deterministic_bytes
from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.model import Issue, Severity
from egov_bsc_xl.workbook.reading.analysis import Analysis

from .helpers import slide_titled, tables, texts, titles
from .sample_card import sample_card


def test_committed_master_is_what_the_code_makes():
    assert DEFAULT_MASTER.read_bytes() == deterministic_bytes(build_master()), (
        "regenerate with: python tools/regenerate.py master"
    )


def test_the_master_ships_in_the_package_and_users_get_the_same_file():
    # An installed (non-editable) package has no presentations/ folder: the master is package data.
    package = Path(egov_bsc_xl.__file__).resolve().parent
    assert DEFAULT_MASTER.resolve().is_relative_to(package)
    user_copy = package.parent / "presentations" / "egov-bsc-master.pptx"
    assert user_copy.read_bytes() == DEFAULT_MASTER.read_bytes(), (
        "presentations/egov-bsc-master.pptx differs from the packaged master; "
        "run python tools/regenerate.py master"
    )


def test_master_is_16_9_with_named_layouts_and_footer_shapes():
    prs = Presentation(str(DEFAULT_MASTER))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    names = [layout.name for layout in prs.slide_layouts]
    assert set(REQUIRED_LAYOUTS) <= set(names)
    assert len(prs.slides) == 0
    shapes = {s.name for s in prs.slide_master.shapes}
    assert {"Instansi / Agency", "Nomor / Page"} <= shapes


def test_deck_fills_agency_in_footer_and_numbers_pages(leadership):
    agency = [s for s in leadership.slide_master.shapes if s.name == "Instansi / Agency"][0]
    assert agency.text_frame.text.startswith("Dinas Komunikasi dan Informatika Provinsi Jawa Barat")
    numbers = [
        [s.text_frame.text for s in slide.shapes if s.name == "Nomor Halaman / Page number"]
        for slide in leadership.slides
    ]
    assert numbers[0] == [] and numbers[1:] == [[str(n)] for n in range(2, len(numbers) + 1)]


def test_a_users_master_with_the_same_layout_names_is_used(tmp_path, data16):
    own = tmp_path / "own.pptx"
    prs = Presentation(str(DEFAULT_MASTER))
    prs.slides.add_slide(prs.slide_layouts[0])  # an example slide in the user's file is dropped
    prs.slide_master.shapes[0].name = "Garis Atas Dinas"
    prs.save(str(own))
    built = Presentation(str(build_deck(data16, "public", tmp_path / "d.pptx", master=own)))
    assert len(built.slides) == 6
    assert "Garis Atas Dinas" in {s.name for s in built.slide_master.shapes}


def test_a_master_without_the_layouts_is_refused(tmp_path, data16):
    bare = tmp_path / "bare.pptx"
    Presentation().save(str(bare))
    with pytest.raises(UnusableInput, match="Judul / Title"):
        deck_bytes(data16, master=bare)
    with pytest.raises(UnusableInput):
        deck_bytes(data16, master=tmp_path / "missing.pptx")


def test_logo_from_profile_is_placed(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 100), (11, 46, 89)).save(logo)
    card = sample_card(16)
    card.profile.logo = "logo.png"  # relative to the workbook's folder
    prs = Presentation(
        str(
            build_deck(
                deck_data(card), "leadership", tmp_path / "out" / "logo.pptx", base_dir=tmp_path
            )
        )
    )
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in prs.slides[0].shapes)
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in prs.slide_master.shapes)


def test_validation_errors_get_a_data_quality_slide(tmp_path, data16):
    issues = [
        Issue(
            code="E021",
            severity=Severity.ERROR,
            sheet="IKU",
            cell="F3",
            field="weight",
            value="abc",
            message="'abc' bukan angka.",
            hint="Isi dengan angka.",
        ),
        Issue(
            code="E025",
            severity=Severity.ERROR,
            sheet="Realisasi",
            cell="E3",
            message="Sel berisi galat #N/A.",
        ),
        Issue(
            code="W013",
            severity=Severity.WARNING,
            sheet="Realisasi",
            cell="E9",
            message="Belum ada realisasi.",
        ),
    ]
    data = Analysis(
        card=data16.card,
        report=data16.report,
        trend=data16.trend,
        period=data16.period,
        issues=issues,
    )
    prs = Presentation(str(build_deck(data, "leadership", tmp_path / "q.pptx")))
    slide = slide_titled(prs, "Kualitas Data")[0]
    table = tables(slide)[0].table
    assert [table.cell(r, 0).text for r in range(1, len(table.rows))] == ["E021", "E025"]
    assert table.cell(1, 1).text == "IKU!F3"
    assert "2 kesalahan dan 1 peringatan" in "\n".join(texts(slide))
    assert "Kualitas Data: Temuan Validasi" in titles(prs)
    clean = Presentation(str(build_deck(data16, "leadership", tmp_path / "clean.pptx")))
    assert not slide_titled(clean, "Kualitas Data")


def test_copy_of_master_keeps_working(tmp_path, data16):
    copy = tmp_path / "copy.pptx"
    shutil.copy(DEFAULT_MASTER, copy)
    assert deck_bytes(data16, master=copy) == deck_bytes(data16)
