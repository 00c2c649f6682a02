"""The LKjIP / Performance Report grid: its tables carry the report's own figures (set by hand here)."""

from __future__ import annotations

import pytest

from egov_bsc_xl.model import parse_period
from egov_bsc_xl.workbook.writing.layout import Grid
from egov_bsc_xl.workbook.writing.layout_lkjip import (
    MISSING,
    actuals_years_ago,
    efficiency,
    lkjip,
)
from tests.workbook.lkjip_cards import lkjip_analysis, lkjip_card

Q = parse_period


def tables(grid: Grid) -> dict[tuple[str, str], list[dict[str, object]]]:
    """(objective id, table letter) -> its rows as {header: value}, read back from the grid."""
    out: dict[tuple[str, str], list[dict[str, object]]] = {}
    rows, _ = grid.size
    objective = ""
    r = 0
    while r < rows:
        cell = grid.cells.get((r, 0))
        if cell is not None and cell.style == "section":
            objective = str(cell.value).split(":")[0].split()[-1]
        if cell is not None and cell.style == "caption":
            letter = str(cell.value)[0]
            below = grid.cells.get((r + 1, 0))
            if below is not None and below.style == "note":  # no KPI has the target: a note
                out[(objective, letter)] = []
                r += 2
                continue
            heads = []
            c = 0
            while (r + 1, c) in grid.cells:
                assert grid.cells[(r + 1, c)].style == "header"
                heads.append(grid.cells[(r + 1, c)].value)
                c += 1
            body = []
            r += 2
            while (r, 0) in grid.cells and grid.cells[(r, 0)].style not in ("note", "caption"):
                body.append({h: grid.cells[(r, j)].value for j, h in enumerate(heads)})
                r += 1
            out[(objective, letter)] = body
            continue
        r += 1
    return out


def test_the_tables_carry_the_reports_figures() -> None:
    analysis = lkjip_analysis()
    grid = lkjip(analysis)
    assert grid.sheet == "LKjIP"
    found = tables(grid)
    k1 = next(k for k in analysis.report.kpis if k.id == "K1")
    assert found[("S1", "a")][0] == {
        "ID": "K1",
        "Indikator Kinerja Utama": "Indeks kepuasan",
        "Satuan": "indeks",
        "Target tahunan (PK) 2026": 82.0,
        "Realisasi 2026": 84.0,
        "Capaian (%)": pytest.approx(84 / 82),
    }
    assert found[("S1", "b")][0] == {
        "ID": "K1",
        "Indikator Kinerja Utama": "Indeks kepuasan",
        "Satuan": "indeks",
        "Realisasi 2024": 58.0,  # the annual row of 2024 (the report period ends the year)
        "Realisasi 2025": 66.0,
        "Realisasi 2026": 84.0,
        "Capaian 2025 (%)": pytest.approx(66 / 70),
        "Capaian 2026 (%)": k1.achievement,
        "Perubahan 2026 thd 2025": 18.0,
    }
    assert found[("S1", "c")][0] == {
        "ID": "K1",
        "Indikator Kinerja Utama": "Indeks kepuasan",
        "Satuan": "indeks",
        "Target akhir Renstra 2029": 90.0,
        "Realisasi 2026": 84.0,
        "Capaian thd target Renstra (%)": pytest.approx(84 / 90),
        "Sisa tahun Renstra": 3,
    }
    assert found[("S1", "d")][0] == {
        "ID": "K1",
        "Indikator Kinerja Utama": "Indeks kepuasan",
        "Satuan": "indeks",
        "Target nasional": 85.0,
        "Realisasi 2026": 84.0,
        "Capaian thd target nasional (%)": pytest.approx(84 / 85),
    }
    assert found[("S1", "e")][0] == {
        "ID": "K1",
        "Indikator Kinerja Utama": "Indeks kepuasan",
        "Capaian 2026 (%)": k1.achievement,
        "Analisis penyebab": "Layanan aduan daring dipercepat.",
        "Rencana tindak lanjut": "Survei kepuasan tiap semester",
        "PIC tindak lanjut": "Bidang Layanan",
        "Tenggat": "31 Maret 2027",
    }
    s1 = next(o for o in analysis.report.objectives if o.id == "S1")
    assert found[("S1", "f")] == [
        {
            "ID": "S1",
            "Sasaran strategis": "Meningkatnya kepuasan warga",
            "Capaian sasaran (%)": s1.score,
            "Anggaran (Rp)": 1_000_000_000.0,
            "Realisasi anggaran (Rp)": 950_000_000.0,
            "Serapan anggaran (%)": 0.95,
            "Efisiensi (poin)": pytest.approx((s1.score - 0.95) * 100),
            "Keterangan": "Efisien" if s1.score >= 0.95 else "Kurang efisien",
        }
    ]
    # S2's only KPI has no annual target: the column is the report period's, and says so
    assert found[("S2", "a")][0]["Target s.d. TW IV 2026"] == 10.0
    assert found[("S2", "f")][0]["Efisiensi (poin)"] == pytest.approx(-5.0)
    assert found[("S2", "f")][0]["Keterangan"] == "Kurang efisien"


def test_missing_inputs_are_a_dash_and_the_period_target_stands_in_for_the_annual_one() -> None:
    analysis = lkjip_analysis()
    grid = lkjip(analysis)
    found = tables(grid)
    k2 = next(k for k in analysis.report.kpis if k.id == "K2")
    row_a = found[("S1", "a")][1]
    assert row_a["Target tahunan (PK) 2026"] == k2.target == 20  # the year's summed target
    assert row_a["Capaian (%)"] == k2.achievement
    notes = [c.value for c in grid.cells.values() if c.style == "note"]
    assert any("Target tahunan (PK) belum diisi untuk K2" in str(n) for n in notes)
    row_b = found[("S1", "b")][1]
    assert row_b["Realisasi 2024"] == 18.0  # quarterly rows of 2024, summed to Q4
    assert [row_b[h] for h in ("Realisasi 2025", "Capaian 2025 (%)")] == [MISSING] * 2
    assert row_b["Perubahan 2026 thd 2025"] == MISSING
    row_c = found[("S1", "c")][1]
    assert row_c["Target akhir Renstra 2029"] == MISSING
    assert row_c["Capaian thd target Renstra (%)"] == MISSING
    assert found[("S1", "d")][1]["Target nasional"] == MISSING
    assert set(list(found[("S1", "e")][1].values())[3:]) == {MISSING}
    s3 = found[("S3", "f")][0]
    assert [s3[h] for h in ("Anggaran (Rp)", "Efisiensi (poin)", "Keterangan")] == [MISSING] * 3
    assert ("S3", "a") not in found  # an objective without KPIs: a note, then only its budget
    dash = {c.style for c in grid.cells.values() if c.value == MISSING}
    assert dash == {"missing"}


def test_every_table_has_its_own_header_row_and_nothing_is_merged() -> None:
    grid = lkjip(lkjip_analysis())
    assert grid.merges == []
    captions = [r for (r, c), cell in grid.cells.items() if cell.style == "caption"]
    assert len(captions) == 6 + 6 + 1  # S1 and S2: tables a-f; S3: its budget table
    for r in captions:  # a table's own header, or one note where no KPI has the target
        assert grid.cells[(r + 1, 0)].style in ("header", "note")
    notes = [r for r in captions if grid.cells[(r + 1, 0)].style == "note"]
    assert all(str(grid.cells[(r, 0)].value)[0] in "cd" for r in notes)
    assert len(notes) < len(captions)
    used = {c for _, c in grid.cells}
    assert used <= set(grid.widths)  # every column has a width that fits its table


def test_years_left_and_the_plan_period() -> None:
    ended = tables(lkjip(lkjip_analysis(plan=(2020, 2024))))
    assert ended[("S1", "c")][0]["Sisa tahun Renstra"] == 0  # the plan has ended
    none = lkjip(lkjip_analysis(plan=None))
    assert none.cells[(3, 0)].value == f"Periode Renstra: {MISSING}"
    row = tables(none)[("S1", "c")][0]
    assert row["Sisa tahun Renstra"] == MISSING and "Target akhir Renstra" in row


def test_two_years_ago_follows_the_history_rule() -> None:
    card = lkjip_card()
    at_year_end = actuals_years_ago(card, Q("2026-Q4"), 2)
    assert at_year_end == {"K1": 58.0, "K2": 18.0, "K3": None}
    mid_year = actuals_years_ago(card, Q("2026-Q2"), 2)
    assert mid_year == {"K1": None, "K2": 10.0, "K3": None}  # an annual row needs a year-end period
    assert actuals_years_ago(card, Q("2026-Q4"), 1)["K1"] == 66.0


def test_efficiency_is_achievement_minus_absorption_in_points() -> None:
    analysis = lkjip_analysis()
    s1 = next(o for o in analysis.report.objectives if o.id == "S1")
    s1.score, s1.absorption = 0.9, 0.8
    assert efficiency(s1) == pytest.approx(10.0)
    s1.absorption = None
    assert efficiency(s1) is None


def test_english_workbook_gets_an_english_sheet() -> None:
    grid = lkjip(lkjip_analysis("en"))
    assert grid.sheet == "Performance Report" and grid.aliases == ("LKjIP",)
    found = tables(grid)
    assert list(found[("S1", "a")][0]) == [
        "ID",
        "Key performance indicator",
        "Unit",
        "Annual target (PK) 2026",
        "Actual 2026",
        "Achievement (%)",
    ]
    assert found[("S1", "e")][0]["Due"] == "31 March 2027"
    assert found[("S2", "f")][0]["Assessment"] == "Less efficient"


def test_an_existing_sheet_of_the_other_language_is_reused() -> None:
    grid = lkjip(lkjip_analysis("en"), {"LKjIP", "Dashboard"})
    assert grid.sheet == "LKjIP"


def test_head_of_agency_is_named_when_given() -> None:
    grid = lkjip(lkjip_analysis(head_name="Dr. Sari", head_title="Kepala Dinas"))
    assert grid.cells[(4, 0)].value == "Kepala: Dr. Sari, Kepala Dinas"
