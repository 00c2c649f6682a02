"""Initiative planned progress, schedule and budget absorption."""

import datetime as dt

import pytest

from egov_bsc_xl.calc.initiatives import initiative_results, planned_progress
from egov_bsc_xl.model import Initiative

D = dt.date


def test_planned_progress_is_elapsed_share():
    assert planned_progress(D(2026, 1, 1), D(2026, 12, 31), D(2026, 7, 2)) == pytest.approx(
        182 / 364
    )
    assert planned_progress(D(2026, 1, 1), D(2026, 3, 31), D(2025, 12, 1)) == 0.0
    assert planned_progress(D(2026, 1, 1), D(2026, 3, 31), D(2026, 9, 30)) == 1.0
    assert planned_progress(None, D(2026, 3, 31), D(2026, 9, 30)) is None


def test_behind_schedule_is_more_than_ten_points_late_and_absorption():
    ini = [
        Initiative(
            id="A",
            name="a",
            start=D(2026, 1, 1),
            end=D(2026, 12, 31),
            progress=0.3,
            budget=100.0,
            spent=120.0,
        ),
        Initiative(id="B", name="b", start=D(2026, 1, 1), end=D(2026, 12, 31), progress=0.45),
    ]
    a, b = initiative_results(ini, D(2026, 7, 2))
    assert a.behind_schedule and not b.behind_schedule
    assert a.budget_absorption == pytest.approx(1.2) and b.budget_absorption is None
