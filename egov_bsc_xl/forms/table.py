"""The form's columns, and tblMeasurements' rows as a form sees them (by KPI and period)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.workbook.contract import KPIS, MEASUREMENTS, Column
from egov_bsc_xl.workbook.reading.cells import is_blank, parse_id
from egov_bsc_xl.workbook.reading.reader import ReadResult
from egov_bsc_xl.workbook.reading.source import RawTable

# The form's columns, left to right: shown (locked), then the input cells.
SHOWN = ("kpi_id", "name", "unit", "period", "target")
INPUTS = ("actual", "note", "evidence", "analysis", "action", "action_owner", "action_due")
COLUMNS = SHOWN + INPUTS
TEXT_INPUTS = ("note", "evidence", "analysis", "action", "action_owner")


def column(key: str) -> Column:
    """The contract column a form column shows (its labels in both languages)."""
    return KPIS.column(key) if key in ("name", "unit") else MEASUREMENTS.column(key)


@dataclass
class TableRows:
    """tblMeasurements of a read workbook: its raw table, column key -> index, and the data row of
    each (KPI id, period code) — the first one when a pair is typed twice (that is E027)."""

    raw: RawTable | None
    columns: dict[str, int]
    index: dict[tuple[str, str], int]

    def value(self, row: int, key: str) -> Any:
        """The raw cell of data row `row`, column `key`; None when the table has no such column."""
        if self.raw is None or key not in self.columns:
            return None
        return self.raw.rows[row][self.columns[key]]

    def values(self, kpi_id: str, period: str) -> dict[str, Any]:
        """The non-blank input cells of the row of `kpi_id` and `period` ({} when there is none)."""
        row = self.index.get((kpi_id, period))
        if row is None:
            return {}
        out = {}
        for key in ("target", "target_upper", *INPUTS):
            value = self.value(row, key)
            if not is_blank(value):
                out[key] = value
        return out


def table_rows(read: ReadResult) -> TableRows:
    raw = read.tables.get(MEASUREMENTS.name)
    columns = read.columns.get(MEASUREMENTS.name, {})
    index: dict[tuple[str, str], int] = {}
    if raw is not None and "kpi_id" in columns and "period" in columns:
        k, p = columns["kpi_id"], columns["period"]
        for i, row in enumerate(raw.rows):
            period = parse_period(row[p])
            kpi = parse_id(row[k])
            if period is not None and kpi:
                index.setdefault((kpi, period.code), i)
    return TableRows(raw, columns, index)
