"""Step 8 of the method in the leadership deck: the year's revision log, one row per revision."""

import datetime as dt

from pptx import Presentation

from egov_bsc_xl.app import analysis_of as deck_data
from egov_bsc_xl.deck.build import build_deck
from egov_bsc_xl.model import Revision

from .helpers import texts, titles
from .sample_card import sample_card


def test_revisions_of_the_year_get_their_own_slide(tmp_path):
    card = sample_card(16)
    kpi = card.kpis[0]
    card.revisions = [
        Revision(
            date=dt.date(2026, 7, 15),
            kpi_id=kpi.id,
            field="target",
            old_value="200",
            new_value="180",
            reason="Walidata OPD baru",
        ),
        Revision(
            date=dt.date(2025, 3, 1),
            kpi_id=kpi.id,
            field="target",
            old_value="1",
            new_value="2",
            reason="tahun lalu",
        ),
    ]
    prs = Presentation(str(build_deck(deck_data(card), "leadership", tmp_path / "d.pptx")))
    slide = next(
        s
        for s, t in zip(prs.slides, titles(prs), strict=True)
        if t.startswith("Evaluasi dan Penyesuaian")
    )
    words = " ".join(texts(slide))
    assert "15 Juli 2026" in words and "200 → 180" in words and "Walidata OPD baru" in words
    assert "tahun lalu" not in words
    cells = texts(slide)
    assert "Target" in cells and "target" not in cells  # the column's header, never the raw key


def test_no_revision_slide_without_revisions(tmp_path):
    card = sample_card(16)
    card.revisions = []
    prs = Presentation(str(build_deck(deck_data(card), "leadership", tmp_path / "d.pptx")))
    assert not [t for t in titles(prs) if t.startswith("Evaluasi dan Penyesuaian")]


def test_the_revised_column_is_named_as_the_workbook_heads_it(tmp_path):
    card = sample_card(16)
    kpi = card.kpis[0]
    card.revisions = [
        Revision(
            date=dt.date(2026, 7, 15),
            kpi_id=kpi.id,
            field="target_upper",
            old_value="9",
            new_value="8",
            reason="a",
        ),
        Revision(
            date=dt.date(2026, 7, 16),
            kpi_id=kpi.id,
            field="Satuan kerja",
            old_value="x",
            new_value="y",
            reason="b",
        ),
    ]
    prs = Presentation(str(build_deck(deck_data(card), "leadership", tmp_path / "d.pptx")))
    slide = next(
        s
        for s, t in zip(prs.slides, titles(prs), strict=True)
        if t.startswith("Evaluasi dan Penyesuaian")
    )
    cells = texts(slide)
    assert "Target Atas" in cells and "target_upper" not in cells
    assert "Satuan kerja" in cells  # free text stays as typed
