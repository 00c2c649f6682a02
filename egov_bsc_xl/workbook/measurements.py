"""Reading tblMeasurements column by column (it can hold 100,000 rows) into the measurement frame.

Plain number cells take a fast path; only cells that are text, booleans or errors are looked at
one by one, so a large clean table costs a few list passes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from egov_bsc_xl.i18n.numbers import number_from_text
from egov_bsc_xl.model.enums import Polarity, parse_yes_no
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.workbook.cells import is_blank, parse_id

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reader import Rows

_NAN = float("nan")
TABLE = "tblMeasurements"
_VALUE_KEYS = ("target", "target_upper", "actual")


def read_measurements(rows: Rows, polarity: dict[str, Polarity]) -> pd.DataFrame:
    """The measurement frame (MEASUREMENT_COLUMNS); bad cells become NaN with an issue recorded."""
    raw, cols, collector = rows.raw, rows.columns, rows.collector
    data = raw.rows
    n = len(data)
    columns = list(zip(*data, strict=True)) if data else []

    def column(key: str) -> tuple[Any, ...] | list[Any]:
        return columns[cols[key]] if key in cols and columns else [""] * n

    errors = {(i, j) for (i, j) in raw.errors}
    kpi_col, period_col = column("kpi_id"), column("period")
    kpi_ids = [v.strip() if type(v) is str else parse_id(v) for v in kpi_col]
    values = {key: _numbers(column(key)) for key in _VALUE_KEYS}

    # A row is read when any of the cells the product reads holds something.
    keep = np.array([bool(kpi_ids[i]) or not is_blank(period_col[i]) for i in range(n)], dtype=bool)
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
            out[i] = _cell_value(rows, i, key, col[i], key != "target_upper" and kpi_ids[i] in binary)

    unique: dict[Any, tuple[str, int, int, int] | None] = {}
    for value in set(period_col):
        p = parse_period(value) if not is_blank(value) else None
        unique[value] = (p.code, p.year, p.end_month, p.months) if p else None
    info = [unique[v] for v in period_col]

    period_j, kpi_j = cols.get("period"), cols.get("kpi_id")
    for i in np.flatnonzero(keep).tolist():
        if info[i] is None and (i, period_j) not in errors:
            value = period_col[i]
            if is_blank(value):
                collector.add("E020", TABLE, i, "period")
            else:
                collector.add("E026", TABLE, i, "period", str(value).strip())
        if not kpi_ids[i] and (i, kpi_j) not in errors:
            collector.add("E020", TABLE, i, "kpi_id")

    usable = [i for i in np.flatnonzero(keep).tolist() if info[i] is not None and kpi_ids[i]]
    idx = np.array(usable, dtype="int64")
    picked = [p for p in (info[i] for i in usable) if p is not None]
    frame = pd.DataFrame({
        "kpi_id": pd.array([kpi_ids[i] for i in usable], dtype=object),
        "period": pd.array([p[0] for p in picked], dtype=object),
        "year": np.array([p[1] for p in picked], dtype="int64"),
        "end_month": np.array([p[2] for p in picked], dtype="int64"),
        "months": np.array([p[3] for p in picked], dtype="int64"),
        "target": values["target"][0][idx],
        "target_upper": values["target_upper"][0][idx],
        "actual": values["actual"][0][idx],
        "row": idx,
    })
    # Plain Python strings hash faster than Arrow strings for the isin/groupby work that follows.
    return frame.astype({"kpi_id": object, "period": object})


def _numbers(col: tuple[Any, ...] | list[Any]) -> tuple[np.ndarray, list[int]]:
    """(floats with NaN for anything else, indexes of cells that are neither numbers nor blank)."""
    out = np.array([v if type(v) is float else _NAN for v in col], dtype="float64")
    odd = [i for i in np.flatnonzero(np.isnan(out)).tolist() if col[i] != "" and col[i] is not None]
    return out, odd


def _cell_value(rows: Rows, i: int, key: str, value: Any, binary: bool) -> float:
    """A cell that is not a plain float: int, yes/no word (binary KPIs), number in text, or E021."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int):
        return float(value)
    if isinstance(value, str) and not value.strip():
        return _NAN
    if binary:
        yes = parse_yes_no(value)
        if yes is not None:
            return 1.0 if yes else 0.0
    if isinstance(value, str):
        number = number_from_text(value)
        if number is not None:
            rows.collector.add("W030", TABLE, i, key, value, number)
            return number
    rows.collector.add("E021", TABLE, i, key, value if isinstance(value, str) else str(value))
    return _NAN
