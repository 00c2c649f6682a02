"""Reading tblMeasurements column by column (it can hold 100,000 rows) into the measurement frame."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from egov_bsc_xl.model.enums import Polarity, parse_yes_no
from egov_bsc_xl.model.period import Period, parse_period
from egov_bsc_xl.model.scorecard import MEASUREMENT_COLUMNS
from egov_bsc_xl.workbook.cells import is_blank, number_from_text, parse_id

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reader import Rows

_NAN = float("nan")
TABLE = "tblMeasurements"


def read_measurements(rows: Rows, polarity: dict[str, Polarity]) -> pd.DataFrame:
    """The measurement frame (MEASUREMENT_COLUMNS); bad cells become NaN with an issue recorded."""
    raw, cols, collector = rows.raw, rows.columns, rows.collector
    width = len(raw.headers)
    data = raw.rows
    columns = list(zip(*data, strict=True)) if data else [()] * width
    empty: tuple[Any, ...] = ("",) * len(data)

    def column(key: str) -> tuple[Any, ...]:
        return columns[cols[key]] if key in cols else empty

    read_keys = [cols[k] for k in ("kpi_id", "period", "target", "target_upper", "actual") if k in cols]
    keep = [
        i for i in range(len(data))
        if not all(is_blank(data[i][j]) for j in read_keys)
    ]
    errors = {(i, j) for (i, j) in raw.errors}

    kpi_col, period_col = column("kpi_id"), column("period")
    kpi_ids = [parse_id(kpi_col[i]) for i in keep]
    binary = [polarity.get(k) is Polarity.BINARY for k in kpi_ids]

    periods: list[Period | None] = []
    for i in keep:
        value = period_col[i]
        period = parse_period(value) if not is_blank(value) else None
        if period is None and (i, cols.get("period")) not in errors:
            if is_blank(value):
                collector.add("E020", TABLE, i, "period")
            else:
                collector.add("E026", TABLE, i, "period", str(value).strip())
        periods.append(period)
    for n, i in enumerate(keep):
        if not kpi_ids[n] and (i, cols.get("kpi_id")) not in errors:
            collector.add("E020", TABLE, i, "kpi_id")

    values = {}
    for key in ("target", "target_upper", "actual"):
        col = column(key)
        out = []
        for n, i in enumerate(keep):
            v = col[i]
            if type(v) is float or type(v) is int:
                out.append(float(v))
            elif is_blank(v) or (i, cols.get(key)) in errors:
                out.append(_NAN)
            else:
                out.append(_cell_value(rows, i, key, v, binary[n] and key != "target_upper"))
        values[key] = out

    records = [
        (kpi_ids[n], p.code, p.year, p.end_month, p.months,
         values["target"][n], values["target_upper"][n], values["actual"][n], i)
        for n, (i, p) in enumerate(zip(keep, periods, strict=True))
        if p is not None and kpi_ids[n]
    ]
    frame = pd.DataFrame.from_records(records, columns=list(MEASUREMENT_COLUMNS))
    for key in ("target", "target_upper", "actual"):
        frame[key] = frame[key].astype("float64")
    for key in ("year", "end_month", "months", "row"):
        frame[key] = frame[key].astype("int64")
    return frame


def _cell_value(rows: Rows, i: int, key: str, value: Any, binary: bool) -> float:
    """A cell that is not a plain number: a yes/no word (binary KPIs), a number in text, or E021."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
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
