"""The SPEC 8 figures of a report period: per KPI the annual (PK), Renstra and national targets
with their achievements, last year's actual and achievement, the change, and the analysis and
follow-up; per objective the budget, spending and absorption of its linked initiatives.

Achievements are fractions (1.0 = 100 %) by the KPI's polarity and the usual cap (the one
achievement function); NaN / None when an input is missing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.calc.history import last_year
from egov_bsc_xl.calc.ytd import scored_rows
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.scorecard import Initiative, Scorecard

# Targets of tblKpis and the achievement each gives (SPEC 8 names).
TARGET_FIGURES = {
    "annual_target": "achievement_annual",
    "plan_target": "achievement_plan",
    "national_target": "achievement_national",
}
FOLLOW_UP_KEYS = ("analysis", "action", "action_owner", "action_due")


def kpi_figures(card: Scorecard, period: Period, kf: pd.DataFrame) -> pd.DataFrame:
    """Per KPI of `kf` (the period's engine.kpi_frame, same index): kpi_type, annual_target,
    achievement_annual, last_year_actual, last_year_achievement, change, plan_target,
    achievement_plan, national_target, achievement_national (floats, NaN = none)."""
    index = kf.index
    by_id = {k.id: k for k in reversed(card.kpis)}  # the first row of an id, as kpi_base keeps
    kpis = [by_id[kpi_id] for kpi_id in index]
    out = pd.DataFrame(index=index)
    out["kpi_type"] = pd.Series([k.kpi_type for k in kpis], index=index, dtype=object)
    actual = kf["actual"].to_numpy(dtype="float64")
    polarity = kf["polarity"].to_numpy()
    settings = card.settings
    for target_key, figure in TARGET_FIGURES.items():
        targets = np.array(
            [np.nan if getattr(k, target_key) is None else getattr(k, target_key) for k in kpis],
            dtype="float64",
        )
        _, scored = achievement(
            actual, targets, None, polarity, settings.cap, settings.minimize_method
        )
        out[target_key] = targets
        out[figure] = np.where(np.isnan(targets), np.nan, scored)  # a yes/no KPI needs one too
    before = last_year(card, period)
    out["last_year_actual"] = before["actual"].to_numpy()
    out["last_year_achievement"] = before["achievement"].to_numpy()
    out["change"] = actual - out["last_year_actual"].to_numpy()
    return out


def follow_up(card: Scorecard, period: Period, kpi_frame: pd.DataFrame) -> pd.DataFrame:
    """Per KPI of `kpi_frame` that has one, the analysis, action, action_owner and action_due
    shown for the report period, and the measurement `row` they come from: the report period's
    row when it holds any of them, else the latest row of the year before it that does (rows of
    the KPI's frequency only, the rows that are scored)."""
    notes = card.follow_ups
    if notes.empty or kpi_frame.empty:
        return pd.DataFrame(
            columns=["row", *FOLLOW_UP_KEYS], index=pd.Index([], name="kpi_id", dtype=object)
        )
    m = year_rows(card, period, kpi_frame)
    m = m[m["end_month"] <= period.end_month].merge(notes, on="row", how="inner")
    m = m.sort_values(["end_month", "row"]).drop_duplicates(subset=["kpi_id"], keep="last")
    return m.set_index("kpi_id")[["row", *FOLLOW_UP_KEYS]]


def year_rows(card: Scorecard, period: Period, kpi_frame: pd.DataFrame) -> pd.DataFrame:
    """The measurement rows of the report year that are scored: KPIs of `kpi_frame`, periods of
    the KPI's frequency, the first row of a KPI and period (as calc.ytd keeps them)."""
    return card.measurements.iloc[_scored_rows(card, period, kpi_frame)]


def report_rows(card: Scorecard, period: Period, kpi_frame: pd.DataFrame) -> dict[str, int]:
    """KPI id -> the table row (0-based) of its measurement for the report period itself."""
    m = card.measurements
    at = _scored_rows(card, period, kpi_frame)
    at = at[m["end_month"].to_numpy()[at] == period.end_month]
    kpi_ids, rows = m["kpi_id"].to_numpy()[at].tolist(), m["row"].to_numpy()[at].tolist()
    return dict(zip(kpi_ids, rows, strict=True))


def _scored_rows(card: Scorecard, period: Period, kpi_frame: pd.DataFrame) -> np.ndarray:
    span = dict(zip(kpi_frame.index.tolist(), kpi_frame["span"].tolist(), strict=True))
    return scored_rows(card.measurements, period.year, span)


def kpi_extras(card: Scorecard, period: Period, kf: pd.DataFrame) -> list[dict[str, Any]]:
    """The SPEC 8 fields of each KPI result, in the order of `kf` (None for what is missing)."""
    figures = kpi_figures(card, period, kf)
    notes = follow_up(card, period, kf)
    numbers = [key for key in figures.columns if key != "kpi_type"]
    columns = {key: figures[key].tolist() for key in numbers}
    texts = {
        kpi_id: tuple(row)
        for kpi_id, row in zip(
            notes.index, notes[list(FOLLOW_UP_KEYS)].itertuples(index=False, name=None), strict=True
        )
    }
    out = []
    for n, (kpi_id, kind) in enumerate(
        zip(kf.index.tolist(), figures["kpi_type"].tolist(), strict=True)
    ):
        extra: dict[str, Any] = {key: _num(columns[key][n]) for key in numbers}
        extra["kpi_type"] = kind or None
        analysis, action, owner, due = texts.get(kpi_id, (None, None, None, None))
        extra["analysis"] = analysis or None
        extra["action"] = action or None
        extra["action_owner"] = owner or None
        extra["action_due"] = due if isinstance(due, dt.date) else None
        out.append(extra)
    return out


def objective_budgets(initiatives: list[Initiative]) -> dict[str, dict[str, float | None]]:
    """Objective id -> budget, spent (rupiah, summed over the initiatives linked to it by
    objective_ids; None when no linked initiative has the figure) and absorption (spent / budget,
    fraction; None without both or with a budget of 0)."""
    totals: dict[str, dict[str, float | None]] = {}
    for ini in initiatives:
        for objective_id in dict.fromkeys(ini.objective_ids):  # an id listed twice counts once
            sums = totals.setdefault(objective_id, {"budget": None, "spent": None})
            for key, value in (("budget", ini.budget), ("spent", ini.spent)):
                if value is not None:
                    sums[key] = (sums[key] or 0.0) + value
    for sums in totals.values():
        budget, spent = sums["budget"], sums["spent"]
        sums["absorption"] = spent / budget if budget and spent is not None else None
    return totals


def _num(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else number
