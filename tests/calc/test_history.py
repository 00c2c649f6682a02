"""Last year's figure (SPEC 8 history): the same point of last year, else the annual row at year end."""

from __future__ import annotations

import pytest

from egov_bsc_xl.calc.history import ANNUAL_ROW, SAME_POINT, last_year, year_trend
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.validate.rules import validate
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.calc.practice_book import measurements, practice_book, second_half


def _card(tmp_path, **kwargs):
    return read_workbook(practice_book(tmp_path, **kwargs)).card


def test_by_quarters_at_the_same_point_and_by_the_annual_row_only_at_year_end(tmp_path):
    card = _card(tmp_path, rows=measurements() + second_half())
    q2 = last_year(card, parse_period("2026-Q2"))
    assert q2.loc["A", "source"] == SAME_POINT and q2.loc["A", "actual"] == 72
    assert q2.loc["B", "source"] == "" and q2["actual"].isna()["B"]
    q4 = last_year(card, parse_period("2026-Q4"))
    assert (q4.loc["A", "actual"], q4.loc["A", "target"]) == (80, 82)
    assert q4.loc["B", "source"] == ANNUAL_ROW
    assert (q4.loc["B", "actual"], q4.loc["B", "target"]) == (5.5, 6)
    assert q4.loc["B", "achievement"] == pytest.approx(2 - 5.5 / 6)
    # the year also ends with a December or second-semester report period
    assert last_year(card, parse_period("2026-12")).loc["B", "source"] == ANNUAL_ROW


def test_a_monthly_kpi_at_the_same_month_of_last_year(tmp_path):
    kpi = ["M", "S1", "Aduan ditangani", "aduan", "Maksimal", 1, "Bulanan", "Jumlah",
           "", None, None, None, ""]  # fmt: skip
    none = ["", "", "", None]
    rows = [["M", f"2025-{m:02d}", 10, None, m, *none] for m in range(1, 13)]
    rows += [["M", f"2026-{m:02d}", 10, None, 2 * m, *none] for m in range(1, 6)]
    card = _card(tmp_path, kpi_rows=[kpi], rows=rows)
    may = last_year(card, parse_period("2026-05"))
    assert may.loc["M", "actual"] == 1 + 2 + 3 + 4 + 5
    assert may.loc["M", "achievement"] == pytest.approx(15 / 50)


def test_rows_of_earlier_years_may_have_any_length_but_not_the_report_year(tmp_path):
    rows = measurements()
    rows.append(["A", "2025", 80, None, 80, "", "", "", None])  # history: no E028
    rows.append(["C", "2025-S2", 36, None, 30, "", "", "", None])  # history: no E028
    rows.append(["C", "2026", 80, None, 60, "", "", "", None])  # the report year: E028
    result = read_workbook(practice_book(tmp_path, rows=rows))
    e028 = [i.value for i in validate(result, "2026-Q2") if i.code == "E028"]
    assert e028 == ["2026"]
    # A has quarters in 2025, so its annual row is not used even at year end
    q4 = last_year(result.card, parse_period("2026-Q4"))
    assert q4.loc["A", "source"] == SAME_POINT and q4.loc["A", "actual"] == 80


def test_last_years_line_per_kpi(tmp_path):
    card = _card(tmp_path)
    line = year_trend(card, 2025)
    assert [end for end, _ in line] == [3, 6, 9, 12]
    assert [frame.loc["A", "actual"] for _, frame in line] == [70, 72, 76, 80]
    sums = [frame.loc["C", "actual"] for _, frame in line[:2]]
    assert sums == [10, 22]  # C adds up its quarters
    assert [end for end, _ in year_trend(card, 2026, up_to_month=3)] == [3]


def test_two_years_back_by_the_same_rule(tmp_path):
    rows = measurements() + second_half()
    rows.append(["A", "2024", 70, None, 66, "", "", "", None])  # only an annual row in 2024
    rows.append(["C", "2024-Q1", 15, None, 9, "", "", "", None])
    rows.append(["C", "2024-Q2", 15, None, 12, "", "", "", None])
    card = _card(tmp_path, rows=rows)
    q2 = last_year(card, parse_period("2026-Q2"), back=2)
    assert q2.loc["C", "actual"] == 21 and q2.loc["C", "achievement"] == pytest.approx(21 / 30)
    assert q2.loc["A", "source"] == ""  # an annual row counts only at year end
    q4 = last_year(card, parse_period("2026-Q4"), back=2)
    assert (q4.loc["A", "source"], q4.loc["A", "actual"]) == (ANNUAL_ROW, 66)
    assert q4.loc["A", "achievement"] == pytest.approx(66 / 70)
