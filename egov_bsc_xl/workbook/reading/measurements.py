"""Reading tblMeasurements column by column (it can hold 100,000 rows) into the measurement frame.

Plain number cells take a fast path; only cells that are text, booleans or errors are looked at
one by one, so a large clean table costs a few list passes.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from egov_bsc_xl.i18n.numbers import is_dash, number_from_text
from egov_bsc_xl.model.enums import Polarity, parse_yes_no
from egov_bsc_xl.model.issues import Problem
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.workbook.reading.cells import (
    ABSURD,
    as_float,
    is_absurd,
    is_blank,
    number_shown,
    parse_id,
)

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reading.reader import Rows

_NAN = float("nan")
_VALUE_KEYS = ("target", "target_upper", "actual")


def read_measurements(rows: Rows, polarity: dict[str, Polarity]) -> pd.DataFrame:
    """The measurement frame (MEASUREMENT_COLUMNS); bad cells become NaN with a problem noted."""
    raw, cols = rows.raw, rows.columns
    data = raw.rows
    n = len(data)
    cache: dict[str, list[Any]] = {}

    def column(key: str) -> list[Any]:
        if key not in cache:
            cache[key] = list(map(itemgetter(cols[key]), data)) if key in cols else [""] * n
        return cache[key]

    errors = set(raw.errors)
    kpi_col, period_col = column("kpi_id"), column("period")
    kpi_ids = _ids(kpi_col)
    has_kpi = kpi_ids != ""
    values = {key: _numbers(column(key)) for key in _VALUE_KEYS}

    # Periods: each distinct cell value is parsed once, then looked up by position.
    distinct = list(dict.fromkeys(period_col))
    parsed = [parse_period(v) if not is_blank(v) else None for v in distinct]
    position = {v: i for i, v in enumerate(distinct)}
    which = np.fromiter(map(position.__getitem__, period_col), dtype="int64", count=n)
    ok_u = np.array([p is not None for p in parsed] + [False], dtype=bool)
    blank_u = np.array([is_blank(v) for v in distinct] + [True], dtype=bool)
    code_u = np.array([p.code if p else "" for p in parsed] + [""], dtype=object)
    num_u = np.array(
        [(p.year, p.end_month, p.months) if p else (0, 0, 0) for p in parsed] + [(0, 0, 0)],
        dtype="int64",
    ).reshape(-1, 3)

    # A row is read when any of the cells the product reads holds something.
    keep = has_kpi | ~blank_u[which]
    for key in _VALUE_KEYS:
        keep |= ~np.isnan(values[key][0])
        keep[values[key][1]] = True

    # Cells that are not plain numbers: yes/no words, numbers in text, or errors.
    binary = {k for k, p in polarity.items() if p is Polarity.BINARY}
    for key in _VALUE_KEYS:
        out, odd = values[key]
        col, j = column(key), cols.get(key)
        for i in odd:
            if (i, j) in errors or not keep[i]:
                continue
            out[i] = _cell_value(
                rows, i, key, col[i], key != "target_upper" and kpi_ids[i] in binary
            )

    period_j, kpi_j = cols.get("period"), cols.get("kpi_id")
    for i in np.flatnonzero(keep & ~ok_u[which]).tolist():
        if (i, period_j) in errors:
            continue
        if blank_u[which[i]]:
            rows.flag(Problem.BLANK, i, "period")
        else:
            rows.flag(Problem.BAD_PERIOD, i, "period", str(period_col[i]).strip())
    for i in np.flatnonzero(keep & ~has_kpi).tolist():
        if (i, kpi_j) not in errors:
            rows.flag(Problem.BLANK, i, "kpi_id")

    idx = np.flatnonzero(keep & has_kpi & ok_u[which])
    at = which[idx]
    # copy=False: the frame keeps these new arrays, one block each, instead of copying them into
    # one block per dtype (1,000,000 rows: 72 MB not copied, 0.02-0.2 s: the most on fresh memory).
    return pd.DataFrame(
        {
            "kpi_id": pd.Series(kpi_ids[idx], dtype=object, copy=False),
            "period": pd.Series(code_u[at], dtype=object, copy=False),
            "year": num_u[at, 0],
            "end_month": num_u[at, 1],
            "months": num_u[at, 2],
            "target": values["target"][0][idx],
            "target_upper": values["target_upper"][0][idx],
            "actual": values["actual"][0][idx],
            "row": idx.astype("int64"),
        },
        copy=False,
    )


def _ids(col: list[Any]) -> np.ndarray:
    """The KPI id of each cell (an object array): a text stripped, anything else by parse_id."""
    try:  # str.strip mapped in C straight into the array: no list, no comprehension frame
        return np.fromiter(map(str.strip, col), dtype=object, count=len(col))
    except TypeError:  # a cell that is not text
        ids = [v.strip() if type(v) is str else parse_id(v) for v in col]
        return np.fromiter(ids, dtype=object, count=len(col))


def _numbers(col: list[Any]) -> tuple[np.ndarray, list[int]]:
    """(floats with NaN for anything else, indexes of cells that are neither numbers nor blank)."""
    out = np.array([v if type(v) is float else _NAN for v in col], dtype="float64")
    missing = np.flatnonzero(np.isnan(out))
    # When every NaN is an empty text (counted in C) there is no odd cell: a column of mostly
    # empty cells (target_upper) is not walked in Python (0.026 -> 0.004 s at 1M rows).
    if len(missing) == 0 or len(missing) == col.count(""):
        odd: list[int] = []
    else:
        odd = [i for i in missing.tolist() if col[i] != "" and col[i] is not None]
    with np.errstate(invalid="ignore"):
        absurd = np.flatnonzero(
            np.abs(out) >= ABSURD
        ).tolist()  # inf included; flagged in _cell_value
    if absurd:
        out[absurd] = _NAN
        odd = sorted(odd + absurd)
    return out, odd


def _cell_value(rows: Rows, i: int, key: str, value: Any, binary: bool) -> float:
    """A cell that is not a plain float: int, yes/no word (binary KPIs), number in text, or not a number."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float) and is_absurd(as_float(value)):
        rows.flag(Problem.ABSURD, i, key, number_shown(as_float(value)))
        return _NAN
    if isinstance(value, int):
        return float(value)
    if isinstance(value, str) and (not value.strip() or is_dash(value)):
        return _NAN  # a lone dash is the planner's 'no figure': blank, not an error
    if binary:
        yes = parse_yes_no(value)
        if yes is not None:
            return 1.0 if yes else 0.0
    if isinstance(value, str):
        number = number_from_text(value, rows.lang)
        if number is not None and is_absurd(number):
            rows.flag(Problem.ABSURD, i, key, number_shown(number))
            return _NAN
        if number is not None:
            rows.flag(Problem.TEXT_NUMBER, i, key, value, number)
            return number
    rows.flag(Problem.NOT_NUMBER, i, key, value if isinstance(value, str) else str(value))
    return _NAN
