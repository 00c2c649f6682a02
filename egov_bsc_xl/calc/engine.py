"""Scores of a report period: KPI year-to-date achievement, objective, perspective and overall scores."""

from __future__ import annotations

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.calc.bands import band_labels
from egov_bsc_xl.calc.initiatives import initiative_results
from egov_bsc_xl.calc.weights import weighted_group_scores
from egov_bsc_xl.errors import BscError
from egov_bsc_xl.model.enums import Aggregation, MissingPolicy, Polarity
from egov_bsc_xl.model.period import Period, parse_period
from egov_bsc_xl.model.report import (
    KpiResult,
    ObjectiveResult,
    OverallResult,
    PerspectiveResult,
    ScoreReport,
    TrendPoint,
)
from egov_bsc_xl.model.scorecard import Perspective, Scorecard

_FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "semester": 6, "annual": 12}


class PeriodError(BscError):
    """The report period asked for is not a period of SPEC 3."""


def choose_period(card: Scorecard, period: Period | str | None = None) -> Period:
    """The report period: the one asked for, else the profile's, else the latest with an actual."""
    if period is not None and period != "":
        chosen = period if isinstance(period, Period) else parse_period(period)
        if chosen is None:
            raise PeriodError(str(period))
        return chosen
    if card.profile.report_period is not None:
        return card.profile.report_period
    frame = card.measurements
    with_actual = frame[frame["actual"].notna()]
    pool = with_actual if len(with_actual) else frame
    if len(pool):
        keys = pool[["year", "end_month", "months"]].drop_duplicates().itertuples(index=False)
        return max(Period(int(y), int(e), int(m)) for y, e, m in keys)
    return Period(card.profile.year or 2026, 12, 12)


def kpi_frame(card: Scorecard, period: Period) -> pd.DataFrame:
    """One row per KPI of an active perspective, indexed by KPI id, with its year-to-date figures.

    Columns: objective_id, perspective_id, weight, target, target_upper, actual,
    achievement_raw, achievement (scored, NaN = no data), has_data, due, missing (due but no
    actual for the report period).
    """
    active = {p.id for p in card.perspectives if p.active}
    objective_of = {o.id: o.perspective_id for o in card.objectives}
    kpis = [k for k in card.kpis if objective_of.get(k.objective_id) in active]
    index = pd.Index([k.id for k in kpis], name="kpi_id", dtype=object)
    def text(values: list[str]) -> pd.Series:  # plain object strings: cheaper than Arrow strings here
        return pd.Series(values, dtype=object, index=index)

    out = pd.DataFrame(
        {
            "objective_id": text([k.objective_id for k in kpis]),
            "perspective_id": text([objective_of[k.objective_id] for k in kpis]),
            "weight": pd.Series([max(k.weight, 0.0) for k in kpis], dtype="float64", index=index),
            "polarity": text([k.polarity.value for k in kpis]),
            "aggregation": text([k.aggregation.value for k in kpis]),
            "span": pd.Series([_FREQUENCY_MONTHS[k.frequency.value] for k in kpis], dtype="int64", index=index),
        },
    )
    out = out[~out.index.duplicated(keep="first")]

    m = card.measurements
    m = m[(m["year"] == period.year) & (m["end_month"] <= period.end_month) & m["kpi_id"].isin(out.index)]
    m = m.drop_duplicates(subset=["kpi_id", "year", "end_month", "months"], keep="first")

    current = m[m["end_month"] == period.end_month]
    has_row_now = out.index.isin(current["kpi_id"])
    has_actual_now = out.index.isin(current.loc[current["actual"].notna(), "kpi_id"])
    out["due"] = (period.end_month % out["span"] == 0) | has_row_now
    out["missing"] = out["due"] & ~has_actual_now

    binary = m["kpi_id"].map(out["polarity"]) == Polarity.BINARY.value
    usable = m[m["actual"].notna() & (m["target"].notna() | binary)]
    usable = usable.sort_values(["kpi_id", "end_month", "months"], kind="stable")
    ytd = _aggregate(usable, out["aggregation"])
    out = out.join(ytd)

    # A due KPI without an actual for the report period has no data (SPEC 2: no achievement).
    out.loc[out["missing"], ["actual", "target", "target_upper"]] = np.nan
    now = current.drop_duplicates("kpi_id").set_index("kpi_id")
    for col in ("target", "target_upper"):
        fill = now[col].reindex(out.index)
        out[col] = out[col].where(~out["missing"], fill)

    settings = card.settings
    raw, scored = achievement(
        out["actual"].to_numpy(), out["target"].to_numpy(), out["target_upper"].to_numpy(),
        out["polarity"].to_numpy(), settings.cap, settings.minimize_method,
    )
    out["achievement_raw"] = raw
    out["achievement"] = scored
    out["has_data"] = ~np.isnan(scored)
    return out


def _aggregate(rows: pd.DataFrame, aggregation: pd.Series) -> pd.DataFrame:
    """Year-to-date actual, target and upper target per KPI: aggregate first, then divide (SPEC 2)."""
    cols = ["actual", "target", "target_upper"]
    if rows.empty:
        return pd.DataFrame(columns=cols, dtype="float64")
    grouped = rows.groupby("kpi_id", sort=False)
    last_row = grouped.tail(1).set_index("kpi_id")[cols]
    total = grouped[cols].sum(min_count=1)
    mean = grouped[cols].mean()
    # An aggregated range needs an upper target in every period it adds up.
    complete_upper = grouped["target_upper"].count() == grouped.size()
    for frame in (total, mean):
        frame.loc[~complete_upper, "target_upper"] = np.nan
    how = aggregation.reindex(total.index)
    result = last_row.reindex(total.index).copy()
    result[how == Aggregation.SUM.value] = total[how == Aggregation.SUM.value]
    result[how == Aggregation.AVERAGE.value] = mean[how == Aggregation.AVERAGE.value]
    return result


def _weighted_scores(
    card: Scorecard, kf: pd.DataFrame
) -> tuple[dict[str, tuple[float | None, float]], list[tuple[Perspective, float, float | None, float]],
           float | None, float]:
    """Objective scores, (perspective, weight, score, coverage) rows, overall score and coverage."""
    zero = card.settings.missing is MissingPolicy.ZERO
    values = kf["achievement"].fillna(0.0) if zero else kf["achievement"]
    obj_scores = weighted_group_scores(values, kf["weight"], kf["has_data"], kf["objective_id"])
    per_scores = weighted_group_scores(values, kf["weight"], kf["has_data"], kf["perspective_id"])
    active = sorted((p for p in card.perspectives if p.active), key=lambda p: (p.order, p.id))
    weights = np.array([max(p.weight, 0.0) for p in active], dtype="float64")
    norm = weights / weights.sum() if weights.sum() > 0 else np.full(len(active), 1 / max(len(active), 1))
    per_rows = []
    for p, w in zip(active, norm, strict=True):
        s, cov = per_scores.get(p.id, (None, 0.0))
        per_rows.append((p, float(w), s, cov))
    scored = [(w, s) for _, w, s, _ in per_rows if s is not None]
    total_w = sum(w for w, _ in scored)
    overall = sum(w * s for w, s in scored) / total_w if total_w > 0 else None
    coverage = float(sum(w * cov for _, w, _, cov in per_rows))
    return obj_scores, per_rows, overall, coverage


def score(card: Scorecard, period: Period | str | None = None, frame: pd.DataFrame | None = None) -> ScoreReport:
    """Every score of SPEC 2 for the report period (SPEC 5's `score --json`).

    `frame` is the period's kpi_frame when the caller already has it (it is not computed twice).
    """
    chosen = choose_period(card, period)
    kf = kpi_frame(card, chosen) if frame is None else frame
    settings = card.settings
    lang = settings.language.value
    obj_scores, per_rows, overall, coverage = _weighted_scores(card, kf)
    active = {p.id for p, _, _, _ in per_rows}
    no_score = (None, 0.0)

    def band(x: float | None) -> str:
        return settings.band_label(x)

    kpi_bands = band_labels(kf["achievement"].to_numpy(), settings, lang)
    return ScoreReport(
        period=chosen.code,
        overall=OverallResult(score=overall, band=band(overall), coverage=coverage),
        perspectives=[
            PerspectiveResult(id=p.id, name=p.name, weight=w, score=s, band=band(s), coverage=cov)
            for p, w, s, cov in per_rows
        ],
        objectives=[
            ObjectiveResult(id=o.id, perspective_id=o.perspective_id, score=s, band=band(s), coverage=cov)
            for o in card.objectives
            if o.perspective_id in active
            for s, cov in [obj_scores.get(o.id, no_score)]
        ],
        kpis=[
            KpiResult(
                id=str(kid), objective_id=obj, perspective_id=per, target=_num(t), target_upper=_num(u),
                actual=_num(a), achievement_raw=_num(raw), achievement=_num(ach), band=b,
            )
            for kid, obj, per, t, u, a, raw, ach, b in zip(
                kf.index.tolist(), kf["objective_id"].tolist(), kf["perspective_id"].tolist(),
                kf["target"].tolist(), kf["target_upper"].tolist(), kf["actual"].tolist(),
                kf["achievement_raw"].tolist(), kf["achievement"].tolist(), kpi_bands, strict=True,
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
    m = card.measurements
    year_card = card.model_copy(update={"measurements": m[m["year"] == chosen.year]})  # filtered once
    points = []
    for end in sorted(by_end):
        _, per_rows, overall, _ = _weighted_scores(year_card, kpi_frame(year_card, by_end[end]))
        points.append(
            TrendPoint(
                period=by_end[end].code,
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
