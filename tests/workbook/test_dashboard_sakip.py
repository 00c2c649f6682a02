"""The dashboard's SPEC 8 additions: annual target and last year in the KPI table (only when some
KPI has them), analysis and follow-up in the attention list."""

from __future__ import annotations

import datetime as dt

from egov_bsc_xl.app import analysis_of
from egov_bsc_xl.workbook.writing.layout import Grid, dashboard
from tests.workbook.lkjip_cards import lkjip_analysis, lkjip_card


def _row_of(grid: Grid, text: str) -> int:
    return next(r for (r, c), cell in grid.cells.items() if c == 0 and cell.value == text)


def _kpi_header(grid: Grid) -> int:
    return next(
        r for (r, c), cell in grid.cells.items() if c == 6 and cell.value == "Capaian (mentah)"
    )


def test_kpi_table_shows_annual_target_and_last_year_when_some_kpi_has_them() -> None:
    analysis = lkjip_analysis()  # K1 has both; K2 and K3 have neither
    grid = dashboard(analysis)
    head = _kpi_header(grid)
    assert grid.cells[(head, 10)].value == "Target tahunan (PK)"
    assert grid.cells[(head, 11)].value == "Realisasi tahun lalu"
    assert {grid.widths[10], grid.widths[11]} == {14.0}
    kpis = {k.id: k for k in analysis.report.kpis}
    for kpi_id in ("K1", "K2", "K3"):
        r = next(r for r in range(head + 1, head + 5) if grid.cells[(r, 0)].value == kpi_id)
        assert grid.cells[(r, 10)].value == kpis[kpi_id].annual_target
        assert grid.cells[(r, 11)].value == kpis[kpi_id].last_year_actual
    assert grid.cells[(head + 1, 10)].value == 82.0


def test_only_the_columns_some_kpi_has_appear() -> None:
    analysis = lkjip_analysis()
    for k in analysis.report.kpis:
        k.annual_target = None
    grid = dashboard(analysis)
    head = _kpi_header(grid)
    assert grid.cells[(head, 10)].value == "Realisasi tahun lalu"
    assert (head, 11) not in grid.cells


def test_an_old_workbook_keeps_its_kpi_table_as_before() -> None:
    card = lkjip_card()
    card.measurements = card.measurements[card.measurements["year"] == 2026]  # no history
    grid = dashboard(analysis_of(card, "2026-Q4"))  # no SPEC 8 figure anywhere
    head = _kpi_header(grid)
    assert grid.cells[(head, 9)].value == "Penanggung jawab"
    assert not any(c >= 10 for _, c in grid.cells)
    assert 10 not in grid.widths


def test_attention_list_shows_analysis_action_owner_and_due_date() -> None:
    analysis = lkjip_analysis()
    k2 = next(k for k in analysis.report.kpis if k.id == "K2")
    k2.needs_attention, k2.achievement = True, 0.6
    k2.analysis = "Perangkat jaringan usang sering gagal."
    k2.action = "Ganti perangkat inti"
    k2.action_owner = "Bidang Infrastruktur"
    k2.action_due = dt.date(2027, 6, 30)
    k3 = next(k for k in analysis.report.kpis if k.id == "K3")
    k3.needs_attention, k3.achievement = True, 0.8  # no analysis yet: empty cells, not dashes
    grid = dashboard(analysis)
    title = _row_of(grid, "IKU yang perlu perhatian (capaian di bawah 100 %)")
    heads = [grid.cells[(title + 1, c)].value for c in range(9)]
    assert heads[5:] == [
        "Analisis penyebab",
        "Rencana tindak lanjut",
        "PIC tindak lanjut",
        "Tenggat",
    ]
    first, second = title + 2, title + 3
    assert [grid.cells[(first, c)].value for c in (0, 3, 5, 6, 7, 8)] == [
        "K2",
        0.6,
        "Perangkat jaringan usang sering gagal.",
        "Ganti perangkat inti",
        "Bidang Infrastruktur",
        "30 Juni 2027",
    ]
    assert grid.cells[(second, 0)].value == "K3"
    assert [grid.cells[(second, c)].value for c in range(5, 9)] == [None] * 4
    assert grid.widths[5] >= 20 and grid.widths[6] >= 20  # room for a sentence of analysis
