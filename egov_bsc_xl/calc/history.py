"""Last year's figures (SPEC 8 history): the one rule every output asks.

For report period P of year Y, a KPI's last-year figure is its year to date at the same point of
Y - 1 when Y - 1 has rows of the KPI's frequency; else, when P ends the year, the annual row of
Y - 1 (an LKjIP figure typed in, such as `2025`); otherwise there is none (NaN).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.calc.ytd import frame_at, kpi_base
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.scorecard import Scorecard

# Columns of the last-year frame.
LAST_YEAR_COLUMNS = ("actual", "target", "target_upper", "achievement", "source")
SAME_POINT, ANNUAL_ROW = "same_point", "annual_row"  # `source`: which branch of the rule gave it


def last_year(card: Scorecard, period: Period, back: int = 1) -> pd.DataFrame:
    """Per KPI of an active perspective (indexed like engine.kpi_frame): last year's actual,
    target and upper target, its achievement (fraction, by polarity and cap, NaN = none) and the
    `source` of the figure (SAME_POINT, ANNUAL_ROW, or '' when there is none).

    `back` = 2 gives the year before last by the same rule (the LKjIP compares two years back).
    """
    previous = period.year - back
    base = kpi_base(card, previous)  # only rows of the KPI's frequency
    then = frame_at(base, card.settings, period.end_month)
    n = len(then)
    has_rows = np.bincount(base.code, minlength=n) > 0
    out = pd.DataFrame(index=then.index)
    for key in ("actual", "target", "target_upper", "achievement"):
        out[key] = np.where(has_rows, then[key].to_numpy(dtype="float64"), np.nan)
    source = np.where(has_rows, SAME_POINT, "").astype(object)

    if period.end_month == 12:
        annual = _annual_rows(card, previous, then.index[~has_rows])
        if len(annual):
            at = then.index.get_indexer(annual.index)
            _, scored = achievement(
                annual["actual"].to_numpy(),
                annual["target"].to_numpy(),
                annual["target_upper"].to_numpy(),
                then["polarity"].to_numpy()[at],
                card.settings.cap,
                card.settings.minimize_method,
            )
            for key in ("actual", "target", "target_upper"):
                out.iloc[at, out.columns.get_loc(key)] = annual[key].to_numpy()
            out.iloc[at, out.columns.get_loc("achievement")] = scored
            source[at] = ANNUAL_ROW
    out["source"] = source
    return out


def _annual_rows(card: Scorecard, year: int, kpi_ids: pd.Index) -> pd.DataFrame:
    """The first annual row (period `year`, twelve months to December) of each of `kpi_ids`."""
    m = card.measurements
    m = m[
        (m["year"] == year)
        & (m["months"] == 12)
        & (m["end_month"] == 12)
        & m["kpi_id"].isin(kpi_ids)
    ]
    m = m.drop_duplicates(subset=["kpi_id"], keep="first")
    return m.set_index("kpi_id")[["actual", "target", "target_upper"]]


def year_trend(card: Scorecard, year: int, up_to_month: int = 12) -> list[tuple[int, pd.DataFrame]]:
    """(end month, KPI frame) of every month of `year` up to `up_to_month` in which a row of the
    KPI's frequency ends, in time order: each KPI's year to date along the year (engine.kpi_frame
    columns). `year_trend(card, period.year - 1)` is last year's line of each KPI."""
    base = kpi_base(card, year)
    months = sorted({int(e) for e in np.unique(base.end) if e <= up_to_month})
    return [(end, frame_at(base, card.settings, end)) for end in months]
