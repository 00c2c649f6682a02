"""The units slide of a parent's leadership deck (SPEC 9), from hand-made ConsolidationReports."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from egov_bsc_xl.app import analysis_of
from egov_bsc_xl.deck.build import deck_bytes
from egov_bsc_xl.deck.units import MAX_UNIT_SLIDES
from egov_bsc_xl.model.consolidation import ConsolidationReport
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.model.report import ReportPeriod
from egov_bsc_xl.workbook.template.demo_data import demo_scorecard
from tests.consolidation.reports import EXCELLENT, GOOD, VERY_POOR, sample_report, unit
from tests.ooxml_check import assert_valid_ooxml


@pytest.fixture(scope="module")
def analysis():
    return analysis_of(demo_scorecard("id"))


def _slides_xml(blob: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return {
            n: zf.read(n).decode("utf-8")
            for n in zf.namelist()
            if n.startswith("ppt/slides/slide") and n.endswith(".xml")
        }


def _titles(blob: bytes) -> list[str]:
    prs = Presentation(io.BytesIO(blob))
    return [
        s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in prs.slides
    ]


def test_the_units_slide_is_there_only_with_units(analysis) -> None:
    without = deck_bytes(analysis, "leadership")
    with_units = deck_bytes(analysis, "leadership", units=sample_report())
    assert not any("Tabel Unit / Units table" in x for x in _slides_xml(without).values())
    units_xml = [x for x in _slides_xml(with_units).values() if "Tabel Unit / Units table" in x]
    assert len(units_xml) == 1
    assert len(_titles(with_units)) == len(_titles(without)) + 1
    # an empty consolidation (no units) adds nothing
    empty = ConsolidationReport(period=ReportPeriod(parse_period("2026-Q3")))
    assert len(_titles(deck_bytes(analysis, "leadership", units=empty))) == len(_titles(without))
    # the public deck stays citizen-facing: no units slide
    public = deck_bytes(analysis, "public", units=sample_report())
    assert not any("Tabel Unit / Units table" in x for x in _slides_xml(public).values())


def test_the_units_slide_follows_the_perspective_scores_and_pages_are_renumbered(
    analysis, tmp_path: Path
) -> None:
    blob = deck_bytes(analysis, "leadership", units=sample_report())
    titles = _titles(blob)
    at = titles.index("Skor per Perspektif")
    assert titles[at + 1] == "Kinerja unit – TW III 2026"
    prs = Presentation(io.BytesIO(blob))
    numbers = [
        [sh.text_frame.text for sh in slide.shapes if sh.name == "Nomor Halaman / Page number"]
        for slide in prs.slides
    ]
    assert numbers[0] == []  # the title slide has no number
    assert numbers[1:] == [[str(i)] for i in range(2, len(numbers) + 1)]
    path = tmp_path / "deck.pptx"
    path.write_bytes(blob)
    assert_valid_ooxml(path)


def test_ranking_rows_and_heat_map_fills(analysis) -> None:
    blob = deck_bytes(analysis, "leadership", units=sample_report())
    prs = Presentation(io.BytesIO(blob))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Kinerja unit"))
    table = next(sh for sh in slide.shapes if sh.name == "Tabel Unit / Units table").table
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0][:2] == ["#", "Unit"] and rows[0][-1] == "Skor"
    assert [(r[0], r[1], r[-1]) for r in rows[1:]] == [
        ("1", "Bappeda", "93,0 %"),
        ("2", "Diskominfo", "82,0 %"),
        ("3", "Dinas Kesehatan", "45,0 %"),
    ]
    fills = [[str(c.fill.fore_color.rgb) for c in r.cells][2:] for r in list(table.rows)[1:]]
    e, g = EXCELLENT.lstrip("#"), GOOD.lstrip("#")
    assert fills[0] == [e, e, e, g, e]  # Bappeda: 97, 92, 91, 90 (below 91: Baik), overall 93
    assert fills[1][0] == EXCELLENT.lstrip("#") and fills[1][-1] == GOOD.lstrip("#")
    assert fills[2][-1] == VERY_POOR.lstrip("#")
    texts = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "3 dari 5 unit memiliki skor" in texts
    assert "Dinas PUPR (Berkas tidak ada)" in texts
    assert "Dinas Sosial (Belum ada data periode ini)" in texts


def test_many_units_continue_on_at_most_three_slides(analysis) -> None:
    many = ConsolidationReport(
        period=ReportPeriod(parse_period("2026-Q3")),
        units=[
            unit(f"U{i:03d}", f"Unit Kerja {i}", overall=0.3 + i / 200, scores=(0.8, 0.7))
            for i in range(120)
        ],
    )
    blob = deck_bytes(analysis, "leadership", units=many)
    titles = _titles(blob)
    unit_slides = [t for t in titles if t.startswith("Kinerja unit")]
    assert len(unit_slides) == MAX_UNIT_SLIDES
    prs = Presentation(io.BytesIO(blob))
    slides = [s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Kinerja unit")]
    first = next(sh for sh in slides[0].shapes if sh.name == "Tabel Unit / Units table").table
    assert first.cell(1, 1).text == "Unit Kerja 119"  # highest first
    shown = sum(
        len(next(sh for sh in s.shapes if sh.name == "Tabel Unit / Units table").table.rows) - 1
        for s in slides
    )
    last_text = " ".join(sh.text_frame.text for sh in slides[-1].shapes if sh.has_text_frame)
    assert f"… dan {120 - shown} unit lainnya." in last_text


def test_english_deck_units_slide() -> None:
    analysis = analysis_of(demo_scorecard("en"))
    blob = deck_bytes(analysis, "leadership", units=sample_report("en"))
    titles = _titles(blob)
    assert any(t.startswith("Unit performance") for t in titles)
    assert deck_bytes(analysis, "leadership", units=sample_report("en")) == blob
