"""The public deck: at most six slides, the engine's scores, no budget figures, no owner names."""

from __future__ import annotations

from egov_bsc_xl.i18n.formats import fmt_number

from .helpers import all_texts, charts, slide_titled, tables, texts, titles


def test_public_deck_is_short_and_ordered(public):
    assert titles(public) == [
        "Ringkasan Kinerja Layanan Digital",
        "Hasil Kinerja TW III 2026",
        "Skor per Perspektif",
        "Layanan untuk Masyarakat",
        "Yang Sedang Kami Tingkatkan",
        "Terima Kasih",
    ]
    assert len(public.slides) <= 6


def test_public_scores_are_the_engines(public, data16):
    chart = charts(slide_titled(public, "Skor per Perspektif")[0])[0].chart
    assert list(chart.plots[0].series[0].values) == [p.score for p in data16.report.perspectives]
    summary = texts(public.slides[1])
    assert f"{data16.report.overall.score * 100:.1f}".replace(".", ",") + " %" in summary


def test_public_deck_has_no_budget_figures_and_no_owner_names(public, data16):
    words = all_texts(public)
    assert "Rp" not in words and "IDR" not in words
    assert "Serapan" not in words and "anggaran" not in words.lower()
    for initiative in data16.card.initiatives:
        assert fmt_number(initiative.budget, "id", 0) not in words
        assert fmt_number(initiative.spent, "id", 0) not in words
    owners = {k.owner for k in data16.card.kpis} | {i.owner for i in data16.card.initiatives}
    for owner in owners:
        assert owner not in words, owner


def test_services_slide_lists_the_citizens_kpis(public, data16):
    table = tables(slide_titled(public, "Layanan untuk Masyarakat")[0])[0].table
    customer = [k.id for k in data16.report.kpis if k.perspective_id == "P1"]
    assert [table.cell(r, 0).text.split()[0] for r in range(1, len(table.rows))] == customer
    assert table.cell(0, 0).text == "IKU"


def test_a_large_scorecard_still_gives_at_most_six_public_slides(tmp_path, data40):
    from pptx import Presentation

    from egov_bsc_xl.deck.build import build_deck

    prs = Presentation(str(build_deck(data40, "public", tmp_path / "p40.pptx")))
    assert len(prs.slides) == 6
    table = tables(slide_titled(prs, "Layanan untuk Masyarakat")[0])[0].table
    assert 1 < len(table.rows) <= 11
