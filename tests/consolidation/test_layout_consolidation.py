"""The Konsolidasi / Consolidation sheet built from hand-made ConsolidationReports."""

from __future__ import annotations

from egov_bsc_xl.app import analysis_of
from egov_bsc_xl.model.consolidation import ConsolidationReport, UnitStatus
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.model.report import ReportPeriod
from egov_bsc_xl.model.scorecard import NO_DATA_BAND, Band, Settings
from egov_bsc_xl.workbook.template.demo_data import demo_scorecard
from egov_bsc_xl.workbook.writing.layout import Grid
from egov_bsc_xl.workbook.writing.layout_consolidation import consolidation, ranking
from tests.consolidation.reports import (
    EXCELLENT,
    GOOD,
    POOR,
    VERY_POOR,
    sample_report,
    unit,
)


def _find(grid: Grid, value: object) -> list[tuple[int, int]]:
    return sorted(k for k, c in grid.cells.items() if c.value == value)


def _row(grid: Grid, r: int) -> list[object]:
    _, cols = grid.size
    return [grid.cells[(r, c)].value if (r, c) in grid.cells else None for c in range(cols)]


def _fill(grid: Grid, r: int, c: int) -> str | None:
    return grid.styles[grid.cells[(r, c)].style].fill


def _block(grid: Grid, section: str) -> tuple[int, list[list[object]]]:
    """(header row, data rows) of the block under the section title `section`."""
    ((start, _),) = _find(grid, section)
    head = start + 1
    rows = []
    r = head + 1
    while (r, 0) in grid.cells or (r, 1) in grid.cells:
        rows.append(_row(grid, r))
        r += 1
    return head, rows


def test_every_unit_has_its_status_in_words_and_missing_units_keep_their_reason() -> None:
    grid = consolidation(sample_report(), None, None)
    assert grid.sheet == "Konsolidasi"
    assert not grid.merges  # no merged cells: every block sorts and filters
    head, rows = _block(grid, "Skor per unit")
    assert [r[0] for r in rows] == ["DKI", "BAP", "DKS", "DPU", "DSP"]
    status = {r[0]: r[3] for r in rows}
    assert status == {
        "DKI": "Lengkap",
        "BAP": "Lengkap",
        "DKS": "Lengkap",
        "DPU": "Berkas tidak ada",
        "DSP": "Belum ada data periode ini",
    }
    dpu = next(r for r in rows if r[0] == "DPU")
    assert dpu[4] is None and dpu[6] is None  # no score, no coverage: the file was not read
    assert "unit/dpu.xlsm" in dpu[9]
    dks = next(r for r in rows if r[0] == "DKS")
    assert dks[4:9] == [0.45, "Sangat Kurang", 0.75, 0, 2]
    r_dpu = head + 1 + [r[0] for r in rows].index("DPU")
    r_dsp = head + 1 + [r[0] for r in rows].index("DSP")
    assert _fill(grid, r_dpu, 3) == "#E53935"  # a missing file is red
    assert _fill(grid, r_dsp, 3) == NO_DATA_BAND.colour  # no data is the grey no-data band
    assert _fill(grid, head + 1, 3) is None  # ok: no fill
    assert grid.cells[(2, 0)].value.startswith("5 unit: 3 lengkap, 1 tanpa data periode ini, 1 ")


def test_score_and_band_cells_are_filled_with_the_band_colour() -> None:
    grid = consolidation(sample_report(), None, None)
    head, rows = _block(grid, "Skor per unit")
    fills = {
        rows[i][0]: (_fill(grid, head + 1 + i, 4), _fill(grid, head + 1 + i, 5)) for i in range(3)
    }
    assert fills == {
        "DKI": (GOOD, GOOD),
        "BAP": (EXCELLENT, EXCELLENT),
        "DKS": (VERY_POOR, VERY_POOR),
    }


def test_heat_map_cells_carry_the_band_colour_of_each_perspective_score() -> None:
    grid = consolidation(sample_report(), None, None)
    head, rows = _block(grid, "Peta panas: unit × perspektif")
    assert _row(grid, head)[:7] == [
        "ID",
        "Unit",
        "Pengguna Layanan",
        "Proses Bisnis Internal",
        "Pembelajaran dan Pertumbuhan",
        "Keuangan",
        "Skor",
    ]
    dki = head + 1
    assert rows[0][:7] == ["DKI", "Diskominfo", 0.95, 0.80, 0.70, 0.60, 0.82]
    # 95 % Sangat Baik, 80 % Baik, 70 % Cukup (yellow), 60 % Kurang (orange), overall 82 % Baik
    assert [_fill(grid, dki, c) for c in range(2, 7)] == [
        EXCELLENT,
        GOOD,
        "#FDD835",
        POOR,
        GOOD,
    ]
    dks = head + 3
    assert rows[2][4] is None and _fill(grid, dks, 4) == NO_DATA_BAND.colour
    dpu = head + 4  # a missing unit: a grey row
    assert {_fill(grid, dpu, c) for c in range(2, 7)} == {NO_DATA_BAND.colour}
    # dark text on the yellow fill, white on the dark green
    assert grid.styles[grid.cells[(dki, 4)].style].font_colour == "#000000"
    assert grid.styles[grid.cells[(dki, 2)].style].font_colour == "#FFFFFF"


def test_ranking_is_highest_first_and_leaves_out_units_without_a_score() -> None:
    grid = consolidation(sample_report(), None, None)
    _, rows = _block(grid, "Peringkat unit")
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (1, "Bappeda", 0.93),
        (2, "Diskominfo", 0.82),
        (3, "Dinas Kesehatan", 0.45),
    ]


def test_equal_scores_share_a_rank_and_keep_the_table_order() -> None:
    report = ConsolidationReport(
        period=ReportPeriod(parse_period("2026-Q3")),
        units=[
            unit("A", "Satu", overall=0.7),
            unit("B", "Dua", overall=0.9),
            unit("C", "Tiga", overall=0.7),
            unit("D", "Empat", overall=0.5),
        ],
    )
    assert [(rank, u.id) for rank, u in ranking(report)] == [(1, "B"), (2, "A"), (2, "C"), (4, "D")]


def test_each_rolled_up_kpi_lists_its_method_total_and_per_unit_values() -> None:
    grid = consolidation(sample_report(), None, None)
    head, rows = _block(grid, "IKU hasil agregasi unit")
    assert _row(grid, head)[:7] == [
        "IKU induk",
        "Unit",
        "Nama IKU",
        "Cara agregasi",
        "Target",
        "Realisasi",
        "IKU sumber",
    ]
    assert [r[:7] for r in rows] == [
        ["IKU-01", "Hasil agregasi (Jumlah)", "", "Jumlah", 75.0, 60.0, "LYN-01"],
        ["IKU-01", "Diskominfo", "", "", 30.0, 30.0, "LYN-01"],
        ["IKU-01", "Bappeda", "", "", 25.0, 20.0, "LYN-01"],
        ["IKU-01", "Dinas Kesehatan", "", "", 20.0, 10.0, "LYN-01"],
        ["IKU-02", "Hasil agregasi (Rata-rata)", "", "Rata-rata", 90.0, 80.5, "IKU-02"],
        ["IKU-02", "Diskominfo", "", "", 90.0, 85.0, "IKU-02"],
        ["IKU-02", "Bappeda", "", "", 90.0, 76.0, "IKU-02"],
    ]
    total = head + 1
    assert grid.styles[grid.cells[(total, 5)].style].bold


def test_english_sheet_and_words() -> None:
    grid = consolidation(sample_report("en"), None, None, lang="en")
    assert grid.sheet == "Consolidation"
    assert grid.cells[(0, 0)].value == "Unit Performance Comparison"
    _, rows = _block(grid, "Scores by unit")
    assert [r[3] for r in rows] == ["OK", "OK", "OK", "File missing", "No data for the period"]
    assert rows[0][5] == "Good"
    _, rollups = _block(grid, "KPIs rolled up from the units")
    assert rollups[0][1] == "Rolled up (Sum)" and rollups[4][3] == "Average"


def test_an_existing_sheet_of_the_other_language_keeps_its_name() -> None:
    grid = consolidation(sample_report(), None, {"Dasbor", "Consolidation"})
    assert grid.sheet == "Consolidation"


def test_with_a_parent_the_sheet_uses_its_language_bands_perspectives_and_kpi_names() -> None:
    card = demo_scorecard("en")
    blue = "#1565C0"
    card.settings = Settings(
        language=card.settings.language,
        bands=[
            Band(lower_bound=0.9, label_id="Istimewa", label_en="Outstanding", colour=blue),
            Band(lower_bound=float("-inf"), label_id="Lain", label_en="Other", colour="#616161"),
        ],
    )
    analysis = analysis_of(card)
    report = sample_report("en")
    report.rollups[0].kpi_id = card.kpis[0].id
    for u in report.units:  # the unit bands were not computed with these settings
        u.band = None
    grid = consolidation(report, analysis, None)
    assert grid.sheet == "Consolidation"
    assert grid.cells[(0, 0)].value == "Consolidated Unit Performance"
    assert _find(grid, "Parent score (consolidated)")
    head, rows = _block(grid, "Heat map: units × perspectives")
    names = [p.name for p in card.perspectives if p.active]
    assert _row(grid, head)[2 : 2 + len(names)] == names
    assert _fill(grid, head + 1, 2) == blue  # 95 %: the parent's own top band
    _, units = _block(grid, "Scores by unit")
    assert units[1][5] == "Outstanding"
    _, rollups = _block(grid, "KPIs rolled up from the units")
    assert rollups[0][2] == card.kpis[0].name


def test_no_units_and_no_rollups_say_so() -> None:
    report = ConsolidationReport(period=ReportPeriod(parse_period("2026")))
    grid = consolidation(report, None, None)
    assert _find(grid, "Belum ada unit dengan skor untuk periode ini.")
    assert _find(grid, "Tidak ada IKU induk yang diisi dari unit (kolom Agregasi Unit kosong).")


def test_unusable_unit_is_red_and_named() -> None:
    report = ConsolidationReport(
        period=ReportPeriod(parse_period("2026-Q1")),
        units=[unit("X", "Rusak", status=UnitStatus.UNUSABLE, reason="bukan buku kerja Excel")],
    )
    grid = consolidation(report, None, None)
    head, rows = _block(grid, "Skor per unit")
    assert rows[0][3] == "Tidak dapat dibaca" and rows[0][9] == "bukan buku kerja Excel"
    assert _fill(grid, head + 1, 3) == "#E53935"


def test_a_unit_band_follows_the_sheet_language_and_keeps_the_unit_colour() -> None:
    english = unit("EN", "English unit", overall=0.8, lang="en")  # band made as "Good"
    report = ConsolidationReport(period=ReportPeriod(parse_period("2026-Q3")), units=[english])
    grid = consolidation(report, None, None)  # an Indonesian sheet
    head, rows = _block(grid, "Skor per unit")
    assert rows[0][5] == "Baik" and _fill(grid, head + 1, 5) == GOOD


def test_a_score_that_is_not_a_number_is_not_ranked() -> None:
    report = ConsolidationReport(
        period=ReportPeriod(parse_period("2026-Q3")),
        units=[unit("A", "Satu", overall=0.7), unit("B", "Dua", overall=0.9)],
    )
    report.units[0].overall = float("nan")
    assert [u.id for _, u in ranking(report)] == ["B"]
    grid = consolidation(report, None, None)
    _, rows = _block(grid, "Peringkat unit")
    assert [r[1] for r in rows] == ["Dua"]
