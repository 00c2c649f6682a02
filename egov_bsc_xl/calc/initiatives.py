"""Initiative status: planned progress at the report date, schedule and budget absorption (SPEC 2)."""

from __future__ import annotations

import datetime as dt

from egov_bsc_xl.model.report import InitiativeResult
from egov_bsc_xl.model.scorecard import Initiative

BEHIND_MARGIN = 0.10  # behind schedule when progress < planned - 10 points


def planned_progress(
    start: dt.date | None, end: dt.date | None, report_date: dt.date
) -> float | None:
    """Elapsed share of [start, end] at the report date, 0..1; None without both dates."""
    if start is None or end is None or end < start:
        return None
    if report_date <= start:
        return 0.0
    if report_date >= end:
        return 1.0
    return (report_date - start).days / (end - start).days


def initiative_results(
    initiatives: list[Initiative], report_date: dt.date
) -> list[InitiativeResult]:
    results = []
    for ini in initiatives:
        planned = planned_progress(ini.start, ini.end, report_date)
        absorption = (
            ini.spent / ini.budget
            if ini.budget and ini.budget > 0 and ini.spent is not None
            else None
        )
        behind = (
            ini.progress is not None
            and planned is not None
            and ini.progress < planned - BEHIND_MARGIN - 1e-12
        )
        results.append(
            InitiativeResult(
                id=ini.id,
                progress=ini.progress,
                planned_progress=planned,
                budget_absorption=absorption,
                behind_schedule=behind,
            )
        )
    return results
