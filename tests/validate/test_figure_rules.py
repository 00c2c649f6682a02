"""W014 (needs attention, no analysis or action) and W015 (annual target less ambitious), each naming its cell."""

from __future__ import annotations

from egov_bsc_xl.validate.rules import validate
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.books import write_book
from tests.calc.practice_book import kpis, measurements, practice_tables, second_half


def _issues(tmp_path, code, period="2026-Q2", lang="id", kpi_rows=None, rows=None):
    tables = practice_tables(kpi_rows=kpi_rows, rows=rows)
    for table in ("tblProfile", "tblSettings"):
        for row in tables[table][1]:
            if row[0] == "language":
                row[2] = lang
    result = read_workbook(write_book(tmp_path / f"w-{lang}.xlsx", tables, lang))
    return [i for i in validate(result, period) if i.code == code]


def test_w014_names_the_blank_analysis_cell_of_the_report_periods_row(tmp_path):
    found = _issues(tmp_path, "W014")
    # D (within range, 96 against 97-99.5) is the only KPI below 100 %; its Q2 row is row 16
    assert [(i.sheet, i.cell, i.value, i.severity.value) for i in found] == [
        ("Realisasi", "F16", "D", "warning")
    ]
    assert "analisis dan rencana tindak lanjut untuk periode TW II 2026" in found[0].message
    assert "Analisis" in found[0].hint


def test_w014_names_the_action_cell_when_only_the_analysis_is_there(tmp_path):
    rows = measurements()
    rows[14][5] = "Gangguan listrik di pusat data"  # D 2026-Q2: analysis, no action
    found = _issues(tmp_path, "W014", lang="en", rows=rows)
    assert [(i.sheet, i.cell) for i in found] == [("Measurements", "G16")]
    assert found[0].message == ("KPI D needs attention, but has no follow-up action for Q2 2026.")


def test_w014_does_not_fire_with_both_filled_or_for_kpis_on_target(tmp_path):
    rows = measurements()
    rows[14][5:7] = ["Gangguan listrik", "Pasang UPS"]
    assert _issues(tmp_path, "W014", rows=rows) == []
    # an earlier row's analysis does not excuse the report period: A falls behind at Q2
    rows[8][4] = 70  # A 2026-Q2: 70 against 82; only the Q1 row has texts
    assert [i.cell for i in _issues(tmp_path, "W014", rows=rows)] == ["F10"]


def test_w014_names_the_kpi_when_the_period_has_no_row(tmp_path):
    # May 2026: no quarterly row ends in May, Q2 is not yet due, so the year to date is Q1's:
    # A 78 of 80, B 6 against 5 (lower is better), C 15 of 20 need attention; D (98) does not
    found = _issues(tmp_path, "W014", period="2026-05")
    assert [(i.sheet, i.cell, i.value) for i in found] == [
        ("IKU", "A2", "A"),
        ("IKU", "A3", "B"),
        ("IKU", "A4", "C"),
    ]


def test_w015_fires_for_less_ambitious_annual_targets_by_aggregation_and_polarity(tmp_path):
    rows = measurements() + second_half()
    kpi_rows = kpis()
    kpi_rows[0][9] = 85  # A, last, higher is better: Q4 target 86
    kpi_rows[1][9] = 6  # B, average, lower is better: period targets average 5
    kpi_rows[2][9] = 70  # C, sum, higher is better: 4 x 20 = 80
    found = _issues(tmp_path, "W015", period="2026-Q4", kpi_rows=kpi_rows, rows=rows)
    assert [(i.sheet, i.cell, i.value) for i in found] == [
        ("IKU", "J2", 85),
        ("IKU", "J3", 6),
        ("IKU", "J4", 70),
    ]
    assert "target periode terakhir (86)" in found[0].message
    assert "rata-rata target periode (5)" in found[1].message
    assert "jumlah target periode (80)" in found[2].message


def test_w015_does_not_fire_when_as_ambitious_or_the_year_is_not_planned_in_full(tmp_path):
    rows = measurements() + second_half()
    kpi_rows = kpis()
    kpi_rows[0][9] = 86  # A: equal to the last target
    kpi_rows[1][9] = 4  # B: lower than the average target: more ambitious
    kpi_rows[2][9] = 80.0000000001  # C: the sum
    assert _issues(tmp_path, "W015", period="2026-Q4", kpi_rows=kpi_rows, rows=rows) == []
    kpi_rows[2][9] = 10  # C: only Q1 and Q2 have targets
    assert _issues(tmp_path, "W015", kpi_rows=kpi_rows) == []
