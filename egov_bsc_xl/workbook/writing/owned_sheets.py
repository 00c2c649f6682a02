"""What recalc writes into a workbook: the output sheets in their order, and the cached values of
the computed columns of tblMeasurements (the Excel button writes the same)."""

from __future__ import annotations

from egov_bsc_xl.calc.cells import measurement_cells
from egov_bsc_xl.model.keys import lookup
from egov_bsc_xl.model.scorecard import NO_DATA_BAND
from egov_bsc_xl.workbook.contract import MEASUREMENTS, map_headers
from egov_bsc_xl.workbook.reading.analysis import Analysis
from egov_bsc_xl.workbook.writing import layout
from egov_bsc_xl.workbook.writing.layout import Grid
from egov_bsc_xl.workbook.writing.layout_lkjip import lkjip
from egov_bsc_xl.workbook.writing.recalc import ComputedValues


def owned_grids(analysis: Analysis, sheets: set[str]) -> list[Grid]:
    """Dasbor, LKjIP, Validasi of `analysis`; `sheets` are the book's sheet names (to avoid clashes)."""
    return [
        layout.dashboard(analysis, sheets),
        lkjip(analysis, sheets),
        layout.validation(analysis, sheets),
    ]


def computed_values(analysis: Analysis) -> ComputedValues:
    """Per-row achievement (scored, as BSC_ACHIEVEMENT gives it) and status of tblMeasurements.

    A row with a KPI id but no usable numbers gets the no-data status; a blank row stays blank.
    """
    card = analysis.card
    lang = analysis.language
    frame = card.measurements
    raw_table = analysis.read.tables.get(MEASUREMENTS.name) if analysis.read else None
    nrows = (
        len(raw_table.rows)
        if raw_table is not None
        else int(frame["row"].max() + 1 if len(frame) else 0)
    )
    polarity = {k.id: k.polarity.value for k in card.kpis}
    pol = lookup(frame["kpi_id"], polarity, "")
    cells = measurement_cells(
        frame["actual"].to_numpy(),
        frame["target"].to_numpy(),
        frame["target_upper"].to_numpy(),
        pol,
        card.settings,
        lang,
    )
    ach: list[float | str] = [""] * nrows
    status: list[str] = [""] * nrows
    kpi_col = (
        map_headers(MEASUREMENTS, raw_table.headers).get("kpi_id")
        if raw_table is not None
        else None
    )
    if kpi_col is not None and raw_table is not None:
        no_data = NO_DATA_BAND.label(lang)
        status = [no_data if str(row[kpi_col]).strip() else "" for row in raw_table.rows]
    for i, (value, label) in zip(frame["row"].tolist(), cells, strict=True):
        if 0 <= i < nrows:
            ach[i] = value
            status[i] = label
    return ComputedValues(ach, status, [band.colour for band in card.settings.bands])
