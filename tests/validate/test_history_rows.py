"""History rows (SPEC 8: targets and actuals of earlier years, typed in from earlier LKjIPs) are
not judged against the baseline: the baseline is where the Renstra starts, so last year's and the
year before's targets are naturally below it (W011 is about this year's targets)."""

from __future__ import annotations

from egov_bsc_xl.validate.rules import validate
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.books import sample_tables, write_book


def _w011(tmp_path, extra_rows):
    tables = sample_tables()
    tables["tblKpis"][1][0][6] = 78  # K1 (Maksimal): baseline 78, this year's targets 80 and 82
    tables["tblMeasurements"][1].extend(extra_rows)
    result = read_workbook(write_book(tmp_path / "book.xlsx", tables, "id"))
    return [(i.cell, i.value) for i in validate(result) if i.code == "W011"]


def test_earlier_years_rows_below_the_baseline_are_no_w011(tmp_path):
    history = [
        ["K1", "2024", 70, None, 72, "", ""],
        ["K1", "2025-Q4", 75, None, 78, "", ""],
    ]
    assert _w011(tmp_path, history) == []


def test_a_weaker_target_of_the_report_year_is_still_w011(tmp_path):
    rows = [["K1", "2026-Q3", 75, None, None, "", ""], ["K1", "2025", 70, None, 72, "", ""]]
    assert _w011(tmp_path, rows) == [("C11", 75)]
