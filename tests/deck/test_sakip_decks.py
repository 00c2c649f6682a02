"""SPEC 8 in the decks: annual target and last year, attention with causes and actions, the
comparison with last year, trend axes from 0, the public deck's non-public KPIs and feedback
channel, the LKjIP key sentence, long units."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation

from egov_bsc_xl.app import analysis_of, make_deck, with_last_year
from egov_bsc_xl.calc.engine import score
from egov_bsc_xl.deck.build import build_deck
from egov_bsc_xl.deck.common import short_unit
from egov_bsc_xl.i18n.formats import fmt_percent

from ..ooxml_check import assert_valid_ooxml
from .helpers import all_texts, charts, slide_titled, tables, texts, title_of, titles
from .sample_card import sample_card
from .sample_history import LONG_ACTION, LONG_ANALYSIS, history_analysis
from .test_deck_ooxml import layout_findings

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def column(table, header: str) -> int:
    heads = [table.cell(0, c).text for c in range(len(table.columns))]
    assert header in heads, heads
    return heads.index(header)


def column_texts(table, index: int) -> list[str]:
    return [table.cell(r, index).text for r in range(1, len(table.rows))]


@pytest.fixture(scope="module")
def history():
    data = history_analysis()
    data.card.profile.feedback_channel = "SP4N-LAPOR! (lapor.go.id)"
    return data


@pytest.fixture(scope="module")
def history_paths(history, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sakip")
    return {
        audience: build_deck(history, audience, folder / f"{audience}.pptx")
        for audience in ("leadership", "public")
    }


@pytest.fixture(scope="module")
def deck(history_paths):
    return Presentation(str(history_paths["leadership"]))


# --- 1. perspective slides: annual target and last year's actual -----------------------------


def test_perspective_slides_show_annual_target_and_last_year(deck, history):
    kpis = {k.id: k for k in history.card.kpis}
    for perspective in history.report.perspectives:
        table = tables(slide_titled(deck, f"Perspektif {perspective.name}")[0])[0].table
        heads = [table.cell(0, c).text for c in range(len(table.columns))]
        assert heads == [
            "IKU",
            "Target",
            "Target Tahunan (PK)",
            "Realisasi",
            "Realisasi 2025",
            "Capaian",
            "Status",
        ]
        results = [k for k in history.report.kpis if k.perspective_id == perspective.id]
        for row, result in enumerate(results, start=1):
            assert table.cell(row, 0).text.startswith(result.id + " ")
            assert table.cell(row, 2).text != "–"  # every KPI has an annual target here
            # last year's actual where there is one (IKU-13 has no Q3 actual in either year)
            assert (table.cell(row, 4).text == "–") is (result.last_year_actual is None)
            if kpis[result.id].unit == "%":
                assert table.cell(row, 2).text.endswith(" %")
            assert table.cell(row, 5).text == fmt_percent(result.achievement, "id")


def test_perspective_table_cells_of_last_year_are_the_figures(deck, history):
    table = tables(slide_titled(deck, "Perspektif Pelanggan")[0])[0].table
    by_id = {k.id: k for k in history.report.kpis}
    # IKU-02: 98.000 orang this year; 93.100 orang (0.95 x) last year; annual target 132.000 orang
    # IKU-01: target 85 %, annual target 93,5 %
    ids = [table.cell(r, 0).text.split()[0] for r in range(1, len(table.rows))]
    assert table.cell(ids.index("IKU-01") + 1, 2).text == "93,5 %"
    row = [table.cell(r, 0).text.split()[0] for r in range(1, len(table.rows))].index("IKU-02") + 1
    assert table.cell(row, 3).text == "98.000 orang"
    assert table.cell(row, 4).text == "93.100 orang"
    assert by_id["IKU-02"].last_year_actual == pytest.approx(93100)
    assert table.cell(row, 2).text == "132.000 orang"


def test_only_the_columns_some_kpi_has(tmp_path):
    data = history_analysis(last_year=False, texts=False)
    prs = Presentation(str(build_deck(data, "leadership", tmp_path / "annual.pptx")))
    table = tables(slide_titled(prs, "Perspektif Keuangan")[0])[0].table
    heads = [table.cell(0, c).text for c in range(len(table.columns))]
    assert heads == ["IKU", "Target", "Target Tahunan (PK)", "Realisasi", "Capaian", "Status"]
    assert not any(t.startswith("Perbandingan") for t in titles(prs))  # no history: no comparison


def test_an_old_workbook_keeps_its_five_columns(leadership):
    for slide in slide_titled(leadership, "Perspektif "):
        table = tables(slide)[0].table
        assert len(table.columns) == 5
        chart = charts(slide)[0]
        assert chart.left > tables(slide)[0].left + tables(slide)[0].width  # beside, not over


def test_the_chart_moves_beside_a_wider_table(deck):
    for slide in slide_titled(deck, "Perspektif "):
        frame, chart = tables(slide)[0], charts(slide)[0]
        assert chart.left >= frame.left + frame.width
        assert chart.left + chart.width <= deck.slide_width


# --- 2. attention: causes, action, owner, due date --------------------------------------------


def attention_rows(prs):
    pages = [tables(s)[0].table for s in slide_titled(prs, "IKU yang Perlu Perhatian")]
    return [
        [t.cell(r, c).text for c in range(len(t.columns))]
        for t in pages
        for r in range(1, len(t.rows))
    ]


def test_attention_table_has_causes_actions_owner_and_due(deck, history):
    table = tables(slide_titled(deck, "IKU yang Perlu Perhatian")[0])[0].table
    assert [table.cell(0, c).text for c in range(len(table.columns))] == [
        "IKU",
        "Capaian",
        "Analisis Penyebab",
        "Rencana Tindak Lanjut",
        "PIC",
        "Tenggat",
    ]
    rows = attention_rows(deck)
    listed = sorted(
        (k for k in history.report.kpis if k.needs_attention), key=lambda k: (k.achievement, k.id)
    )
    assert [r[0].split()[0] for r in rows] == [k.id for k in listed]
    for row, result in zip(rows, listed, strict=True):
        assert row[1] == fmt_percent(result.achievement, "id")
        assert row[4] == "Kabid Layanan Publik"
        assert row[5] == "15 Desember 2026"
    short = [r for r in rows if r[0].split()[0] != _long_kpi(history)]
    assert all(r[2] == f"Realisasi {r[0].split()[0]} di bawah target triwulan." for r in short)


def _long_kpi(history) -> str:
    return next(k.id for k in history.report.kpis if k.analysis == LONG_ANALYSIS)


def test_long_analysis_is_shortened_in_the_table_and_whole_in_the_notes(deck, history):
    long_id = _long_kpi(history)
    for slide in slide_titled(deck, "IKU yang Perlu Perhatian"):
        table = tables(slide)[0].table
        ids = [table.cell(r, 0).text.split()[0] for r in range(1, len(table.rows))]
        if long_id not in ids:
            continue
        row = ids.index(long_id) + 1
        analysis, action = table.cell(row, 2).text, table.cell(row, 3).text
        assert analysis.endswith("…") and LONG_ANALYSIS.startswith(analysis[:-2])
        assert action.endswith("…") and LONG_ACTION.startswith(action[:-2])
        notes = slide.notes_slide.notes_text_frame.text
        assert LONG_ANALYSIS in notes and LONG_ACTION in notes
        assert "Kabid Layanan Publik" in notes
        break
    else:
        raise AssertionError("the KPI with the long analysis is on no attention slide")


def test_attention_without_analysis_says_so_and_owner_falls_back_to_the_kpi(tmp_path):
    data = history_analysis(texts=False)
    prs = Presentation(str(build_deck(data, "leadership", tmp_path / "bare.pptx")))
    owners = {k.id: k.owner for k in data.card.kpis}
    for row in attention_rows(prs):
        assert row[2] == row[3] == "(belum diisi)"
        assert row[4] == owners[row[0].split()[0]]
        assert row[5] == "–"


def test_attention_follows_needs_attention_not_a_second_rule(tmp_path):
    data = history_analysis()
    dropped = next(k for k in data.report.kpis if k.needs_attention)
    dropped.needs_attention = False  # the engine's flag is the one rule
    prs = Presentation(str(build_deck(data, "leadership", tmp_path / "rule.pptx")))
    ids = [r[0].split()[0] for r in attention_rows(prs)]
    assert dropped.id not in ids
    assert len(ids) == sum(1 for k in data.report.kpis if k.needs_attention)


# --- 3. comparison with last year -------------------------------------------------------------


def test_comparison_slides_follow_the_trend(deck):
    names = titles(deck)
    at = names.index("Tren Skor 2026")
    assert names[at + 1] == "Perbandingan dengan TW III 2025"
    assert names[at + 2].startswith("Perbandingan IKU dengan TW III 2025")
    assert names[at + 3] in ("Perbandingan IKU dengan TW III 2025 (lanjutan)", "Peta Strategi")


def test_comparison_chart_series_are_the_engines_scores(deck, history, history_paths):
    before = score(history.card, "2025-Q3")
    slide = slide_titled(deck, "Perbandingan dengan TW III 2025")[0]
    chart = charts(slide)[0].chart
    plot = chart.plots[0]
    names = [p.name for p in history.report.perspectives] + ["Keseluruhan"]
    assert list(plot.categories) == names
    last, now = plot.series
    assert last.name == "TW III 2025" and now.name == "TW III 2026"
    assert list(last.values) == [p.score for p in before.perspectives] + [before.overall.score]
    assert list(now.values) == [p.score for p in history.report.perspectives] + [
        history.report.overall.score
    ]
    assert None not in list(last.values)
    assert list(last.values) != list(now.values)
    # a native clustered column chart, its value axis from 0
    xml = etree.fromstring(chart._chartSpace.xml.encode())
    bar = xml.find(f".//{{{C}}}barChart")
    assert bar.find(f"{{{C}}}barDir").get("val") == "col"
    assert bar.find(f"{{{C}}}grouping").get("val") == "clustered"
    assert xml.find(f".//{{{C}}}valAx/{{{C}}}scaling/{{{C}}}min").get("val") == "0.0"


def test_comparison_table_of_perspectives_gives_the_change_in_points(deck, history):
    before = score(history.card, "2025-Q3")
    table = tables(slide_titled(deck, "Perbandingan dengan TW III 2025")[0])[0].table
    last = before.overall.score
    now = history.report.overall.score
    bottom = len(table.rows) - 1
    assert table.cell(bottom, 0).text == "Keseluruhan"
    assert table.cell(bottom, 1).text == fmt_percent(last, "id")
    assert table.cell(bottom, 2).text == fmt_percent(now, "id")
    change = round((now - last) * 100, 1)
    sign = "+" if change > 0 else "−" if change < 0 else ""
    assert table.cell(bottom, 3).text == sign + f"{abs(change):.1f}".replace(".", ",")


def test_kpi_comparison_table_has_last_year_this_year_and_change(deck, history):
    rows = []
    for slide in slide_titled(deck, "Perbandingan IKU"):
        table = tables(slide)[0].table
        heads = [table.cell(0, c).text for c in range(len(table.columns))]
        assert heads == [
            "IKU",
            "Realisasi 2025",
            "Realisasi 2026",
            "Perubahan",
            "Capaian 2025",
            "Capaian 2026",
            "Keterangan",
        ]
        rows += [
            [table.cell(r, c).text for c in range(len(table.columns))]
            for r in range(1, len(table.rows))
        ]
    by_id = {r[0].split()[0]: r for r in rows}
    assert list(by_id) == [k.id for k in history.report.kpis]
    # IKU-02 (orang, maximize): 93.100 -> 98.000, +4.900 orang, better
    assert by_id["IKU-02"][1:4] == ["93.100 orang", "98.000 orang", "+4.900 orang"]
    assert by_id["IKU-02"][6] == "Membaik"
    # IKU-05 (hari, minimize): 6,5 hari against 6,18 hari last year: more days is worse
    assert by_id["IKU-05"][2:4] == ["6,5 hari", "+0,33 hari"]
    assert by_id["IKU-05"][6] == "Menurun"
    # a yes/no KPI: both years as Ya/Tidak, no number for the change
    assert by_id["IKU-12"][1:4] == ["Ya", "Ya", "–"] and by_id["IKU-12"][6] == "–"
    # a percentage changes in points
    assert by_id["IKU-04"][3] == "+3,2 poin"
    kpi = next(k for k in history.report.kpis if k.id == "IKU-04")
    assert by_id["IKU-04"][4] == fmt_percent(kpi.last_year_achievement, "id")


def test_annual_rows_only_give_the_kpi_comparison_without_the_score_chart(tmp_path):
    """Last year typed in as annual rows only: the engine has no score at TW III 2025 (no row of
    the KPIs' quarterly frequency), so there is no chart of empty bars; the KPI table remains."""
    data = history_analysis(texts=False)  # the figures as set from 2025's quarterly rows
    card = sample_card(16)  # ... but the card itself has no 2025 rows of the KPIs' frequency
    data = with_last_year(
        type(data)(card=card, issues=[], period=data.period, report=data.report, trend=data.trend)
    )
    assert data.last_year is not None and data.last_year.overall.score is None
    assert data.last_year.public() == score(card, "2025-Q3").public()
    prs = Presentation(str(build_deck(data, "leadership", tmp_path / "annual-rows.pptx")))
    names = titles(prs)
    assert "Perbandingan dengan TW III 2025" not in names
    assert "Perbandingan IKU dengan TW III 2025" in names


def test_the_analysis_carries_last_years_report_only_with_history(history, data16):
    assert data16.last_year is None  # no KPI has last year's figure: nothing more is scored
    assert history.last_year is not None
    assert history.last_year.public() == score(history.card, "2025-Q3").public()
    assert str(history.last_year.period) == "2025-Q3"


def test_the_deck_use_case_adds_last_years_report(tmp_path, history):
    from dataclasses import replace

    bare = replace(history, last_year=None)  # as the reader's analysis comes to make_deck
    prs = Presentation(str(make_deck(bare, "leadership", tmp_path / "use-case.pptx")))
    chart = charts(slide_titled(prs, "Perbandingan dengan TW III 2025")[0])[0].chart
    before = score(history.card, "2025-Q3")
    assert list(chart.plots[0].series[0].values) == [p.score for p in before.perspectives] + [
        before.overall.score
    ]


def test_no_comparison_slide_without_history(leadership):
    assert not any(t.startswith("Perbandingan") for t in titles(leadership))


# --- 4. trend axes start at 0 -----------------------------------------------------------------


def test_trend_axis_starts_at_zero(leadership, data16):
    assert min(p.overall for p in data16.trend if p.overall is not None) > 0.5
    chart = charts(slide_titled(leadership, "Tren Skor")[0])[0].chart
    assert chart.value_axis.minimum_scale == 0.0


# --- 5. the public deck: non-public KPIs left out, the feedback channel at the end ---------------


@pytest.fixture(scope="module")
def hidden_public(tmp_path_factory):
    card = sample_card(16)
    hidden = {"IKU-01", "IKU-09"}
    for kpi in card.kpis:
        if kpi.id in hidden:
            kpi.public = False
    card.profile.feedback_channel = "SP4N-LAPOR! (lapor.go.id)"
    data = analysis_of(card)
    path = build_deck(data, "public", tmp_path_factory.mktemp("pub") / "public.pptx")
    return data, hidden, Presentation(str(path)), path


def test_public_deck_leaves_out_kpis_not_public(hidden_public):
    data, hidden, prs, _ = hidden_public
    names = {k.id: k.name for k in data.card.kpis}
    words = all_texts(prs)
    for kid in hidden:
        assert kid not in words and names[kid] not in words
    table = tables(slide_titled(prs, "Layanan untuk Masyarakat")[0])[0].table
    shown = [table.cell(r, 0).text.split()[0] for r in range(1, len(table.rows))]
    assert shown == [
        k.id for k in data.report.kpis if k.perspective_id == "P1" and k.id not in hidden
    ]
    chart = charts(slide_titled(prs, "Layanan untuk Masyarakat")[0])[0].chart
    assert list(chart.plots[0].categories) == shown


def test_public_counts_leave_out_kpis_not_public(hidden_public):
    data, hidden, prs, _ = hidden_public
    public = [k for k in data.report.kpis if k.id not in hidden and k.achievement is not None]
    met = sum(1 for k in public if k.achievement >= 1.0)
    words = "\n".join(texts(prs.slides[1]))
    assert f"{met} dari {len(public)} IKU mencapai atau melampaui target." in words
    all_with_data = [k for k in data.report.kpis if k.achievement is not None]
    assert len(public) < len(all_with_data)
    # the scores stay the engine's (the agency's official result)
    chart = charts(slide_titled(prs, "Skor per Perspektif")[0])[0].chart
    assert list(chart.plots[0].series[0].values) == [p.score for p in data.report.perspectives]


def test_public_deck_ends_with_the_feedback_channel(hidden_public):
    _, _, prs, path = hidden_public
    assert titles(prs)[-2:] == ["Terima Kasih", "Sampaikan Masukan Anda"]
    assert "Sampaikan masukan Anda melalui SP4N-LAPOR! (lapor.go.id)." in texts(prs.slides[-1])
    assert len(prs.slides) == 7
    assert_valid_ooxml(path)
    assert layout_findings(path) == []


def test_no_feedback_slide_when_the_channel_is_empty(public):
    assert title_of(public.slides[-1]) == "Terima Kasih"
    assert "Sampaikan masukan" not in all_texts(public)


def test_english_feedback_slide_and_key_sentence(tmp_path):
    card = sample_card(16, lang="en")
    card.profile.feedback_channel = "SP4N-LAPOR!"
    data = analysis_of(card)
    prs = Presentation(str(build_deck(data, "public", tmp_path / "en.pptx")))
    assert title_of(prs.slides[-1]) == "Tell Us What You Think"
    assert "Send us your feedback through SP4N-LAPOR!." in texts(prs.slides[-1])
    with_data = [k for k in data.report.kpis if k.achievement is not None]
    met = sum(1 for k in with_data if k.achievement >= 1.0)
    sentence = f"{met} of {len(with_data)} KPIs met or exceeded their target."
    assert sentence in "\n".join(texts(prs.slides[1]))
    lead = Presentation(str(build_deck(data, "leadership", tmp_path / "en-l.pptx")))
    assert sentence in "\n".join(texts(lead.slides[1]))


# --- 6. the key sentence with another attention bound ------------------------------------------


def test_key_messages_keep_the_attention_count_when_the_bound_is_not_the_target(tmp_path):
    card = sample_card(16)
    card.settings.attention_below = 0.8
    data = analysis_of(card)
    prs = Presentation(str(build_deck(data, "leadership", tmp_path / "bound.pptx")))
    words = "\n".join(texts(prs.slides[1]))
    with_data = [k for k in data.report.kpis if k.achievement is not None]
    met = sum(1 for k in with_data if k.achievement >= 1.0)
    below = sum(1 for k in data.report.kpis if k.needs_attention)
    assert f"{met} dari {len(with_data)} IKU mencapai atau melampaui target." in words
    assert f"{below} dari 16 IKU berada di bawah 80 %." in words


# --- 7. long units -----------------------------------------------------------------------------


def test_long_units_are_shortened_not_dropped(tmp_path):
    assert short_unit("orang") == "orang"
    assert short_unit("Rp juta") == "Rp juta"
    assert short_unit("indeks (25-100)") == "indeks"  # the scale in brackets is a qualifier
    assert short_unit("persentase") == "persentase"
    assert short_unit("kilometerpersegi") == "kilometer…"
    assert short_unit("orang per hari kerja") == "orang …"
    assert short_unit("kunjungan wisata (orang)") == "kunjungan…"
    card = sample_card(16)
    next(k for k in card.kpis if k.id == "IKU-03").unit = "indeks (25-100)"
    prs = Presentation(str(build_deck(analysis_of(card), "leadership", tmp_path / "u.pptx")))
    table = tables(slide_titled(prs, "Perspektif Pelanggan")[0])[0].table
    ids = [table.cell(r, 0).text.split()[0] for r in range(1, len(table.rows))]
    row = ids.index("IKU-03") + 1
    assert table.cell(row, 1).text == "3,33 indeks"  # the average of the quarterly targets


# --- 8. valid Open XML, text in its boxes, LibreOffice renders ------------------------------------


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_history_decks_pass_the_audit_and_fit(history_paths, audience):
    assert_valid_ooxml(history_paths[audience])
    assert layout_findings(history_paths[audience]) == []


def test_notes_parts_are_in_the_package(history_paths):
    with zipfile.ZipFile(history_paths["leadership"]) as package:
        names = package.namelist()
    assert any(n.startswith("ppt/notesSlides/") for n in names)
    assert "ppt/notesMasters/notesMaster1.xml" in names


def test_few_kpis_needing_attention_get_longer_texts_on_one_slide(tmp_path, deck, history):
    data = history_analysis()
    long_id = _long_kpi(data)
    for result in data.report.kpis:
        result.needs_attention = result.id == long_id
    prs = Presentation(str(build_deck(data, "leadership", tmp_path / "one.pptx")))
    (row,) = attention_rows(prs)
    many = {r[0].split()[0]: r for r in attention_rows(deck)}[long_id]
    assert len(slide_titled(prs, "IKU yang Perlu Perhatian")) == 1
    assert len(row[2]) > len(many[2]) and row[2].endswith("…")
    assert LONG_ANALYSIS.startswith(row[2][:-2])
    assert row[3] == LONG_ACTION  # the action fits whole in eight lines


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice or pdfinfo is not installed",
)
def test_libreoffice_renders_the_history_decks(tmp_path, history_paths):
    profile = f"file:///tmp/lo-sakip-deck-test-{os.getpid()}"
    paths = [history_paths["leadership"], history_paths["public"]]
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path)]
        + [str(p) for p in paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    for deck_path in paths:
        pdf = tmp_path / (deck_path.stem + ".pdf")
        assert pdf.is_file(), done.stdout + done.stderr
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if "Pages:" in line))
        assert pages == len(Presentation(str(deck_path)).slides)
