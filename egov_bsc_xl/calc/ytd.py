"""Year-to-date figures of every KPI at a report month, from one sorted base per year (numpy).

The base (KPIs of active perspectives, the year's measurements sorted by KPI and period) is
built once; each report month is then a few array passes, so the trend of a year costs little
more than one score.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.model.enums import Aggregation, Polarity
from egov_bsc_xl.model.keys import lookup, member
from egov_bsc_xl.model.scorecard import Scorecard, Settings

FREQUENCY_MONTHS = {"monthly": 1, "quarterly": 3, "semester": 6, "annual": 12}
_VALUES = ("actual", "target", "target_upper")


@dataclass
class KpiBase:
    """The KPIs (one row each, indexed by id) and the year's measurement rows as sorted arrays."""

    kpis: pd.DataFrame  # objective_id, perspective_id, weight, polarity, aggregation, span
    code: np.ndarray  # row -> position of its KPI in `kpis`
    end: np.ndarray  # row -> end month of its period
    values: dict[str, np.ndarray]  # actual, target, target_upper per row
    usable: np.ndarray  # row has an actual, and a target unless the KPI is yes/no


def kpi_base(card: Scorecard, year: int) -> KpiBase:
    active = {p.id for p in card.perspectives if p.active}
    objective_of = {o.id: o.perspective_id for o in card.objectives}
    kpis = [k for k in card.kpis if objective_of.get(k.objective_id) in active]
    index = pd.Index([k.id for k in kpis], name="kpi_id", dtype=object)

    def column(values: list, dtype: object) -> pd.Series:  # object strings: cheaper than Arrow here
        return pd.Series(values, dtype=dtype, index=index)

    table = pd.DataFrame(
        {
            "objective_id": column([k.objective_id for k in kpis], object),
            "perspective_id": column([objective_of[k.objective_id] for k in kpis], object),
            "weight": column([max(k.weight, 0.0) for k in kpis], "float64"),
            "polarity": column([k.polarity.value for k in kpis], object),
            "aggregation": column([k.aggregation.value for k in kpis], object),
            "span": column([FREQUENCY_MONTHS[k.frequency.value] for k in kpis], "int64"),
        }
    )
    table = table[~table.index.duplicated(keep="first")]
    position = {kpi_id: i for i, kpi_id in enumerate(table.index)}

    m = card.measurements
    m = m[(m["year"] == year).to_numpy() & member(m["kpi_id"], position)]
    # A row whose period is not of the KPI's frequency (an annual row beside quarterly ones, E028)
    # is not added in: it is an input error, left out like every other cell in error.
    span = dict(zip(table.index, table["span"].tolist(), strict=True))
    m = m[m["months"].to_numpy() == lookup(m["kpi_id"], span, -1, "int64")]
    m = m.drop_duplicates(subset=["kpi_id", "end_month", "months"], keep="first")
    code = lookup(m["kpi_id"], position, -1, "int64")
    order = np.lexsort((m["months"].to_numpy(), m["end_month"].to_numpy(), code))
    values = {key: m[key].to_numpy(dtype="float64")[order] for key in _VALUES}
    code = code[order]
    binary = (table["polarity"] == Polarity.BINARY.value).to_numpy()[code]
    usable = ~np.isnan(values["actual"]) & (~np.isnan(values["target"]) | binary)
    return KpiBase(table, code, m["end_month"].to_numpy(dtype="int64")[order], values, usable)


def frame_at(base: KpiBase, settings: Settings, end_month: int) -> pd.DataFrame:
    """The KPI frame at `end_month` of the base's year (see engine.kpi_frame for its columns)."""
    out = base.kpis.copy()
    n = len(out)
    code, end = base.code, base.end
    now = end == end_month
    has_row_now = np.zeros(n, dtype=bool)
    has_row_now[code[now]] = True
    has_actual_now = np.zeros(n, dtype=bool)
    has_actual_now[code[now & ~np.isnan(base.values["actual"])]] = True
    due = (end_month % out["span"].to_numpy() == 0) | has_row_now
    missing = due & ~has_actual_now

    rows = np.flatnonzero(base.usable & (end <= end_month))
    ytd = _aggregate(base, rows, out["aggregation"].to_numpy(), n)
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
        out["polarity"].to_numpy(),
        settings.cap,
        settings.minimize_method,
    )
    out["due"] = due
    out["missing"] = missing
    for key in _VALUES:
        out[key] = ytd[key]
    out["achievement_raw"] = raw
    out["achievement"] = scored
    out["has_data"] = ~np.isnan(scored)
    return out


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
