"""Year-to-date figures of every KPI at a report month, from one sorted base per year (numpy).

The base (KPIs of active perspectives, the year's measurements sorted by KPI and period) is
built once; each report month is then a few array passes, so the trend of a year costs little
more than one score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.model.enums import Aggregation, Polarity
from egov_bsc_xl.model.keys import Keyed, duplicated, lookup
from egov_bsc_xl.model.scorecard import Kpi, Scorecard, Settings

FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "semester": 6, "annual": 12}
_VALUES = ("actual", "target", "target_upper")


@dataclass
class KpiBase:
    """The KPIs (one row each, indexed by id) and the year's measurement rows as sorted arrays."""

    index: pd.Index  # the KPI ids
    kpis: dict[str, Any]  # objective_id, perspective_id, weight, polarity, aggregation, span
    code: np.ndarray  # row -> position of its KPI in `index`
    end: np.ndarray  # row -> end month of its period
    values: dict[str, np.ndarray]  # actual, target, target_upper per row
    usable: np.ndarray  # row has an actual, and a target unless the KPI is yes/no


def kpi_base(card: Scorecard, year: int) -> KpiBase:
    active = {p.id for p in card.perspectives if p.active}
    objective_of = {o.id: o.perspective_id for o in card.objectives}
    first: dict[str, Kpi] = {}  # a repeated id (E010): its first row is scored
    for k in card.kpis:
        if objective_of.get(k.objective_id) in active:
            first.setdefault(k.id, k)
    kpis = list(first.values())
    index = pd.Index(list(first), name="kpi_id", dtype=object)

    def text(values: list) -> pd.Series:  # object strings: cheaper than Arrow here
        return pd.Series(values, dtype=object, index=index)

    span = np.array([FREQUENCY_MONTHS[k.frequency.value] for k in kpis], dtype="int64")
    polarity = text([k.polarity.value for k in kpis])
    columns = {  # plain columns, made into the frame once per report month (frame_at)
        "objective_id": text([k.objective_id for k in kpis]),
        "perspective_id": text([objective_of[k.objective_id] for k in kpis]),
        "weight": np.array([max(k.weight, 0.0) for k in kpis], dtype="float64"),
        "polarity": polarity,
        "aggregation": text([k.aggregation.value for k in kpis]),
        "span": span,
    }

    m = card.measurements
    # A row whose period is not of the KPI's frequency (an annual row beside quarterly ones, E028)
    # is not added in: it is an input error, left out like every other cell in error.
    at = scored_rows(m, year, dict(zip(first, span.tolist(), strict=True)))
    code = lookup(
        m["kpi_id"].to_numpy()[at], {kpi_id: i for i, kpi_id in enumerate(first)}, -1, "int64"
    )
    end = m["end_month"].to_numpy(dtype="int64")[at]
    order = np.lexsort((m["months"].to_numpy()[at], end, code))
    values = {key: m[key].to_numpy(dtype="float64")[at][order] for key in _VALUES}
    code = code[order]
    binary = (polarity.to_numpy() == Polarity.BINARY.value)[code]
    usable = ~np.isnan(values["actual"]) & (~np.isnan(values["target"]) | binary)
    return KpiBase(index, columns, code, end[order], values, usable)


def scored_rows(m: pd.DataFrame, year: int, span: Mapping[str, int]) -> np.ndarray:
    """Positions (in table order) of the measurement rows of `year` that are scored: rows of a KPI
    of `span` (KPI id -> its frequency's months) whose period has that length, the first row of a
    KPI and period (a repeated one, E027, is left out). Over the frame's arrays: pandas' filtering
    cost a unit's 30 rows about 1 ms a call."""
    at = np.flatnonzero(m["year"].to_numpy() == year)
    keys = Keyed.of(m["kpi_id"].to_numpy()[at])
    wanted = m["months"].to_numpy()[at] == keys.lookup(span, -1, "int64")  # -1: not a KPI here
    at, keys = at[wanted], keys.take(wanted)
    return at[~duplicated(keys, Keyed.of(m["end_month"].to_numpy()[at]))]  # months: the KPI's span


def frame_at(base: KpiBase, settings: Settings, end_month: int) -> pd.DataFrame:
    """The KPI frame at `end_month` of the base's year (see engine.kpi_frame for its columns)."""
    n = len(base.index)
    code, end = base.code, base.end
    now = end == end_month
    has_row_now = np.zeros(n, dtype=bool)
    has_row_now[code[now]] = True
    has_actual_now = np.zeros(n, dtype=bool)
    has_actual_now[code[now & ~np.isnan(base.values["actual"])]] = True
    due = (end_month % base.kpis["span"] == 0) | has_row_now
    missing = due & ~has_actual_now

    rows = np.flatnonzero(base.usable & (end <= end_month))
    ytd = _aggregate(base, rows, base.kpis["aggregation"].to_numpy(), n)
    # A due KPI without an actual for the report period has no data (SPEC 2: no achievement);
    # its target for the period is still shown.
    current = _last_row(code, np.flatnonzero(now), n)
    for key in _VALUES:
        shown = _take(base.values[key], current)
        ytd[key] = np.where(missing, shown if key != "actual" else np.nan, ytd[key])

    raw, scored = achievement(
        ytd["actual"],
        ytd["target"],
        ytd["target_upper"],
        base.kpis["polarity"].to_numpy(),
        settings.cap,
        settings.minimize_method,
    )
    # One frame made from its columns (adding them one by one to a copy cost 1.5 ms a call).
    columns = {**base.kpis, "due": due, "missing": missing}
    columns.update((key, ytd[key]) for key in _VALUES)
    columns.update(achievement_raw=raw, achievement=scored, has_data=~np.isnan(scored))
    return pd.DataFrame(columns, index=base.index)


def _take(values: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """values[rows], NaN where a row is -1 (none)."""
    out = np.full(len(rows), np.nan)
    found = rows >= 0
    out[found] = values[rows[found]]
    return out


def _last_row(code: np.ndarray, rows: np.ndarray, n: int) -> np.ndarray:
    """Per KPI, the last of `rows` (in sorted order) that belongs to it; -1 when none does."""
    last = np.full(n, -1, dtype="int64")
    np.maximum.at(last, code[rows], rows)
    return last


def _aggregate(base: KpiBase, rows: np.ndarray, how: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Year-to-date actual, target and upper target per KPI: aggregate first, then divide.

    sum and average skip blank cells (a yes/no KPI's blank target); an aggregated range needs
    an upper target in every period it adds up.
    """
    code = base.code[rows]
    count = np.bincount(code, minlength=n)
    last = _last_row(base.code, rows, n)
    out = {}
    for key in _VALUES:
        vals = base.values[key][rows]
        known = ~np.isnan(vals)
        filled = np.bincount(code, weights=known.astype("float64"), minlength=n)
        total = np.bincount(code, weights=np.where(known, vals, 0.0), minlength=n)
        with np.errstate(divide="ignore", invalid="ignore"):
            summed = np.where(filled > 0, total, np.nan)
            mean = np.where(filled > 0, total / filled, np.nan)
        if key == "target_upper":
            complete = filled == count
            summed = np.where(complete, summed, np.nan)
            mean = np.where(complete, mean, np.nan)
        latest = _take(base.values[key], last)
        out[key] = np.where(
            how == Aggregation.SUM.value,
            summed,
            np.where(how == Aggregation.AVERAGE.value, mean, latest),
        )
    return out
