"""SPEC 8 figures per KPI and objective, against values worked out by hand (tests/calc/practice_book.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from egov_bsc_xl.calc.engine import score
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.calc.practice_book import measurements, practice_book, second_half
from tests.cli_run import egov_bsc

SPEC_KPI_FIELDS = [
    "kpi_type",
    "annual_target",
    "achievement_annual",
    "last_year_actual",
    "last_year_achievement",
    "change",
    "plan_target",
    "achievement_plan",
    "national_target",
    "achievement_national",
    "needs_attention",
    "analysis",
    "action",
    "action_owner",
    "action_due",
]


def _kpis(tmp_path, period, **kwargs):
    card = read_workbook(practice_book(tmp_path, **kwargs)).card
    return {k.id: k for k in score(card, period).kpis}, score(card, period)


def test_mid_year_last_kpi_higher_is_better(tmp_path):
    kpis, _ = _kpis(tmp_path, "2026-Q2")
    a = kpis["A"]  # last: 85 at Q2
    assert (a.kpi_type, a.actual, a.annual_target) == ("outcome", 85, 90)
    assert a.achievement_annual == pytest.approx(85 / 90)
    assert (a.plan_target, a.achievement_plan) == (95, pytest.approx(85 / 95))
    assert (a.national_target, a.achievement_national) == (85, pytest.approx(1.0))
    # 2025 has quarterly rows: the year to date at 2025-Q2, 72 against 78
    assert a.last_year_actual == 72
    assert a.last_year_achievement == pytest.approx(72 / 78)
    assert a.change == pytest.approx(13)


def test_mid_year_average_kpi_lower_is_better_with_only_an_annual_row_last_year(tmp_path):
    kpis, _ = _kpis(tmp_path, "2026-Q2")
    b = kpis["B"]  # average of 6 and 4 = 5 against the annual target 4: 2 - 5/4
    assert (b.kpi_type, b.actual) == ("output", 5)
    assert b.achievement_annual == pytest.approx(0.75)
    # the 2025 annual row counts only when the report period ends the year
    assert (b.last_year_actual, b.last_year_achievement, b.change) == (None, None, None)
    assert (b.plan_target, b.achievement_plan, b.national_target, b.achievement_national) == (
        None,
        None,
        None,
        None,
    )


def test_mid_year_sum_kpi_against_the_annual_target_and_last_years_sum(tmp_path):
    kpis, _ = _kpis(tmp_path, "2026-Q2")
    c = kpis["C"]  # 15 + 25 = 40 of the annual 80
    assert (c.actual, c.achievement_annual) == (40, pytest.approx(0.5))
    assert c.last_year_actual == 22  # 10 + 12
    assert c.last_year_achievement == pytest.approx(22 / 36)
    assert c.change == pytest.approx(18)


def test_a_kpi_without_the_new_figures_has_nulls(tmp_path):
    kpis, _ = _kpis(tmp_path, "2026-Q2")
    d = kpis["D"]
    assert d.achievement == pytest.approx(96 / 97) and d.needs_attention
    assert all(getattr(d, key) is None for key in SPEC_KPI_FIELDS if key != "needs_attention")


def test_at_year_end_last_year_uses_the_same_point_or_else_the_annual_row(tmp_path):
    kpis, _ = _kpis(tmp_path, "2026-Q4", rows=measurements() + second_half())
    a = kpis["A"]  # 2025-Q4: 80 against 82
    assert (a.actual, a.last_year_actual) == (88, 80)
    assert a.last_year_achievement == pytest.approx(80 / 82)
    assert a.change == pytest.approx(8)
    assert a.achievement_annual == pytest.approx(88 / 90)
    b = kpis["B"]  # no quarters in 2025: its annual row 5.5 against 6, lower is better
    assert (b.actual, b.last_year_actual) == (5, 5.5)
    assert b.last_year_achievement == pytest.approx(2 - 5.5 / 6)
    assert b.change == pytest.approx(-0.5)
    c = kpis["C"]  # 2025 has quarters but no Q4: no figure at the same point
    assert c.actual == 82 and c.achievement_annual == pytest.approx(82 / 80)
    assert (c.last_year_actual, c.last_year_achievement, c.change) == (None, None, None)


def test_achievements_use_the_cap(tmp_path):
    rows = measurements()
    rows[8][4] = 200  # A 2026-Q2: 200 against every target
    kpis, _ = _kpis(tmp_path, "2026-Q2", rows=rows)
    a = kpis["A"]
    assert a.achievement_annual == a.achievement_plan == a.achievement_national == 1.2


def test_analysis_and_action_of_the_period_or_the_latest_row_before_it(tmp_path):
    kpis, _ = _kpis(tmp_path, "2026-Q2")
    a = kpis["A"]  # the Q2 row has none: the Q1 row's
    assert (a.analysis, a.action, a.action_owner, a.action_due) == (
        "Survei terlambat",
        "Percepat survei",
        "Kabid Layanan",
        dt.date(2026, 6, 30),
    )
    c = kpis["C"]  # the Q2 row's own, a due date typed as text
    assert (c.analysis, c.action, c.action_owner, c.action_due) == (
        "Pelatihan tambahan",
        None,
        None,
        dt.date(2026, 9, 30),
    )
    kpis, _ = _kpis(tmp_path, "2026-Q1")
    assert kpis["C"].analysis is None  # a later row is not shown for an earlier period


def test_objective_budget_spent_and_absorption_from_linked_initiatives(tmp_path):
    _, report = _kpis(tmp_path, "2026-Q2")
    objectives = {o.id: o for o in report.objectives}
    # S1: I1 (500 M, spent 200 M) and I3 (100 M, nothing spent recorded)
    assert (objectives["S1"].budget, objectives["S1"].spent) == (600_000_000, 200_000_000)
    assert objectives["S1"].absorption == pytest.approx(1 / 3)
    # S2: only I3, a budget without spending
    assert (objectives["S2"].budget, objectives["S2"].spent, objectives["S2"].absorption) == (
        100_000_000,
        None,
        None,
    )
    assert objectives["S3"].absorption == pytest.approx(60 / 150)


def test_score_json_prints_the_spec_8_names(tmp_path):
    book = practice_book(tmp_path)
    done = egov_bsc("score", book, "--json", "--period", "2026-Q2")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    a = next(k for k in data["kpis"] if k["id"] == "A")
    assert set(SPEC_KPI_FIELDS) <= set(a)
    assert a["action_due"] == "2026-06-30" and a["last_year_actual"] == 72
    assert a["kpi_type"] == "outcome" and a["needs_attention"] is False
    objective = data["objectives"][0]
    assert {"budget", "spent", "absorption"} <= set(objective)
    assert objective["budget"] == 600_000_000
