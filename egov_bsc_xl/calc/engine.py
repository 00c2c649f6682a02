"""Scores of a report period: KPI year-to-date achievement, objective, perspective and overall scores."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.attention import needs_attention
from egov_bsc_xl.calc.bands import report_bands
from egov_bsc_xl.calc.figures import kpi_extras, objective_budgets
from egov_bsc_xl.calc.initiatives import initiative_results
from egov_bsc_xl.calc.weights import weighted_group_scores, weighted_mean
from egov_bsc_xl.calc.ytd import frame_at, kpi_base
from egov_bsc_xl.errors import PeriodError
from egov_bsc_xl.model.enums import MissingPolicy
from egov_bsc_xl.model.period import Period, parse_period
from egov_bsc_xl.model.report import (
    KpiResult,
    ObjectiveResult,
    OverallResult,
    PerspectiveResult,
    ReportBand,
    ReportPeriod,
    ScoreReport,
    TrendPoint,
)
from egov_bsc_xl.model.scorecard import Perspective, Scorecard


def choose_period(card: Scorecard, period: Period | str | None = None) -> Period:
    """The report period: the one asked for, else the profile's, else the latest with an actual
    (else the latest period with a row, else the profile's year, else this year)."""
    if period is not None and period != "":
        chosen = period if isinstance(period, Period) else parse_period(period)
        if chosen is None:
            raise PeriodError(str(period))
        return chosen
    if card.profile.report_period is not None:
        return card.profile.report_period
    frame = card.measurements
    pool = frame["actual"].notna().to_numpy().copy()
    if not pool.any():
        pool[:] = True
    if len(pool):
        # The latest (year, end month, length) of the pool, as Period orders them, over the
        # columns' arrays: filtering the whole frame cost 10 ms a call at 1,000,000 rows.
        latest = []
        for key in ("year", "end_month", "months"):
            values = frame[key].to_numpy()[pool]
            latest.append(int(values.max()))
            pool[pool] = values == latest[-1]
        return Period(*latest)
    return Period(
        card.profile.year or dt.date.today().year, 12, 12
    )  # nothing measured yet: the year


def kpi_frame(card: Scorecard, period: Period) -> pd.DataFrame:
    """One row per KPI of an active perspective, indexed by KPI id, with its year-to-date figures.

    Columns: objective_id, perspective_id, weight, polarity, aggregation, span, target,
    target_upper, actual, achievement_raw, achievement (scored, NaN = no data), has_data, due,
    missing (due but no actual for the report period).
    """
    return frame_at(kpi_base(card, period.year), card.settings, period.end_month)


def _weighted_scores(
    card: Scorecard, kf: pd.DataFrame
) -> tuple[
    dict[str, tuple[float | None, float]],
    list[tuple[Perspective, float, float | None, float]],
    float | None,
    float,
]:
    """Objective scores, (perspective, weight, score, coverage) rows, overall score and coverage."""
    zero = card.settings.missing is MissingPolicy.ZERO
    values = kf["achievement"].to_numpy(dtype="float64")
    values = np.where(np.isnan(values), 0.0, values) if zero else values
    weight, has_data = kf["weight"].to_numpy(), kf["has_data"].to_numpy()
    obj_scores = weighted_group_scores(values, weight, has_data, kf["objective_id"].to_numpy())
    per_scores = weighted_group_scores(values, weight, has_data, kf["perspective_id"].to_numpy())
    active = sorted((p for p in card.perspectives if p.active), key=lambda p: (p.order, p.id))
    weights = np.array([max(p.weight, 0.0) for p in active], dtype="float64")
    norm = (
        weights / weights.sum()
        if weights.sum() > 0
        else np.full(len(active), 1 / max(len(active), 1))
    )
    per_rows = []
    for p, w in zip(active, norm, strict=True):
        s, cov = per_scores.get(p.id, (None, 0.0))
        per_rows.append((p, float(w), s, cov))
    overall = weighted_mean(
        [s for _, _, s, _ in per_rows], [w for _, w, _, _ in per_rows], equal_when_weightless=False
    )
    coverage = float(sum(w * cov for _, w, _, cov in per_rows))
    return obj_scores, per_rows, overall, coverage


def headline(
    card: Scorecard, period: Period, frame: pd.DataFrame | None = None
) -> tuple[float | None, float, list[tuple[str, float | None]]]:
    """The overall score, its coverage and each active perspective's score, as `score` gives them,
    without the per-KPI report: what a unit's summary needs when a parent consolidates hundreds."""
    kf = kpi_frame(card, period) if frame is None else frame
    _, per_rows, overall, coverage = _weighted_scores(card, kf)
    return overall, coverage, [(p.id, s) for p, _, s, _ in per_rows]


def score(
    card: Scorecard, period: Period | str | None = None, frame: pd.DataFrame | None = None
) -> ScoreReport:
    """Every score of SPEC 2 for the report period (SPEC 5's `score --json`).

    `frame` is the period's kpi_frame when the caller already has it (it is not computed twice).
    """
    chosen = choose_period(card, period)
    kf = kpi_frame(card, chosen) if frame is None else frame
    settings = card.settings
    obj_scores, per_rows, overall, coverage = _weighted_scores(card, kf)
    active = {p.id for p, _, _, _ in per_rows}
    no_score = (None, 0.0)

    def band(x: float | None) -> ReportBand:
        return report_bands([np.nan if x is None else x], settings)[0]

    kpi_bands = report_bands(kf["achievement"].to_numpy(), settings)
    attention = needs_attention(kf["achievement"].to_numpy(), settings).tolist()
    extras = kpi_extras(card, chosen, kf)  # SPEC 8 figures
    budgets = objective_budgets(card.initiatives)
    return ScoreReport(
        period=ReportPeriod(chosen),
        overall=OverallResult(score=overall, band=band(overall), coverage=coverage),
        perspectives=[
            PerspectiveResult(id=p.id, name=p.name, weight=w, score=s, band=band(s), coverage=cov)
            for p, w, s, cov in per_rows
        ],
        objectives=[
            ObjectiveResult(
                id=o.id,
                perspective_id=o.perspective_id,
                score=s,
                band=band(s),
                coverage=cov,
                **budgets.get(o.id, {}),
            )
            for o in card.objectives
            if o.perspective_id in active
            for s, cov in [obj_scores.get(o.id, no_score)]
        ],
        kpis=[
            KpiResult(
                id=str(kid),
                objective_id=obj,
                perspective_id=per,
                target=_num(t),
                target_upper=_num(u),
                actual=_num(a),
                achievement_raw=_num(raw),
                achievement=_num(ach),
                band=b,
                needs_attention=att,
                **extra,
            )
            for kid, obj, per, t, u, a, raw, ach, b, att, extra in zip(
                kf.index.tolist(),
                kf["objective_id"].tolist(),
                kf["perspective_id"].tolist(),
                kf["target"].tolist(),
                kf["target_upper"].tolist(),
                kf["actual"].tolist(),
                kf["achievement_raw"].tolist(),
                kf["achievement"].tolist(),
                kpi_bands,
                attention,
                extras,
                strict=True,
            )
        ],
        initiatives=initiative_results(card.initiatives, card.profile.report_date or chosen.end),
    )


def trend(card: Scorecard, period: Period | str | None = None) -> list[TrendPoint]:
    """Overall and perspective scores of every period of the report year up to the report period.

    Periods that end in the same month give the same scores; the longest of them names the point
    (2026-Q1 rather than 2026-03).
    """
    chosen = choose_period(card, period)
    by_end: dict[int, Period] = {}
    for p in card.periods(chosen.year):
        if p.end_month <= chosen.end_month:
            by_end[p.end_month] = p  # sorted: the longest period of an end month comes last
    by_end[chosen.end_month] = chosen
    base = kpi_base(card, chosen.year)  # built once for every point of the year
    points = []
    for end in sorted(by_end):
        _, per_rows, overall, _ = _weighted_scores(card, frame_at(base, card.settings, end))
        points.append(
            TrendPoint(
                period=ReportPeriod(by_end[end]),
                overall=overall,
                perspectives={p.id: s for p, _, s, _ in per_rows},
            )
        )
    return points


def _num(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else number
