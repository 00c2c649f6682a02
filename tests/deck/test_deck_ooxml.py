"""Decks are valid Open XML (openxml-audit strict, Office 2016) and their text stays inside its boxes."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from ooxml_integrity.pptx_checks import check_pptx
from pptx import Presentation

from egov_bsc_xl.app import analysis_of as deck_data
from egov_bsc_xl.deck.build import build_deck
from egov_bsc_xl.model import Revision
from egov_bsc_xl.model.issues import Issue, Severity
from egov_bsc_xl.workbook.reading.analysis import Analysis

from ..ooxml_check import assert_valid_ooxml
from .helpers import titles
from .sample_card import sample_card

# Layout findings that mean text does not fit or shapes collide (PPT001 overflow, PPT003 text
# wider than its box, PPT004 off the slide, PPT006 overlapping texts).
LAYOUT_CODES = {"PPT001", "PPT003", "PPT004", "PPT006"}


def every_slide_kind(tmp_path: Path) -> Path:
    """A leadership deck with every slide kind: revisions, missing data, validation errors, 2 pages."""
    card = sample_card(40)
    card.revisions = [
        Revision(
            date=dt.date(2026, 7, 15),
            kpi_id=card.kpis[0].id,
            field="target",
            old_value="200",
            new_value="180",
            reason="Walidata OPD baru",
        )
    ]
    data = deck_data(card)
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
            code="W013",
            severity=Severity.WARNING,
            sheet="Realisasi",
            cell="E9",
            message="Belum ada.",
        ),
    ]
    data = Analysis(
        card=data.card, report=data.report, trend=data.trend, period=data.period, issues=issues
    )
    return build_deck(data, "leadership", tmp_path / "every-kind.pptx")


@pytest.fixture(scope="module")
def demo_decks(tmp_path_factory) -> dict[str, Path]:
    from egov_bsc_xl.app import demo as run_demo

    result = run_demo(tmp_path_factory.mktemp("demo"))
    return dict(result.decks)


def layout_findings(path: Path) -> list[str]:
    return [f"{f.code} {f.where}: {f.message}" for f in check_pptx(path) if f.code in LAYOUT_CODES]


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_demo_decks_pass_the_strict_open_xml_audit(demo_decks, audience):
    assert_valid_ooxml(demo_decks[audience])


def test_deck_with_every_slide_kind_passes_the_audit(tmp_path):
    path = every_slide_kind(tmp_path)
    names = titles(Presentation(str(path)))
    assert any(t.startswith("Evaluasi dan Penyesuaian") for t in names)
    assert any(t.startswith("Kualitas Data") for t in names)
    assert any("(lanjutan)" in t for t in names)
    assert_valid_ooxml(path)


def test_chart_axis_ids_are_unsigned_and_paired(leadership_path):
    with zipfile.ZipFile(leadership_path) as package:
        charts = [
            n for n in package.namelist() if n.startswith("ppt/charts/chart") and n.endswith(".xml")
        ]
        assert charts
        for name in charts:
            xml = package.read(name).decode()
            assert 'axId val="-' not in xml and 'crossAx val="-' not in xml, name


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_demo_deck_texts_fit_their_boxes(demo_decks, audience):
    assert layout_findings(demo_decks[audience]) == []


def test_every_slide_kind_texts_fit_their_boxes(tmp_path):
    assert layout_findings(every_slide_kind(tmp_path)) == []


def test_the_audit_helper_fails_on_an_invalid_deck(tmp_path, leadership_path):
    broken = tmp_path / "broken.pptx"
    with zipfile.ZipFile(leadership_path) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "ppt/charts/chart1.xml":
                data = data.replace(b'<c:axId val="', b'<c:axId val="-', 1)
            dst.writestr(info, data)
    with pytest.raises(AssertionError, match="less than minimum"):
        assert_valid_ooxml(broken)
