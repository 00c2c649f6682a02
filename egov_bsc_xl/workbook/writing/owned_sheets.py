"""The output sheets recalc writes, in their order (the Excel button writes the same grids)."""

from __future__ import annotations

from egov_bsc_xl.workbook.reading.analysis import Analysis
from egov_bsc_xl.workbook.writing import layout
from egov_bsc_xl.workbook.writing.layout import Grid
from egov_bsc_xl.workbook.writing.layout_lkjip import lkjip


def owned_grids(analysis: Analysis, sheets: set[str]) -> list[Grid]:
    """Dasbor, LKjIP, Validasi of `analysis`; `sheets` are the book's sheet names (to avoid clashes)."""
    return [
        layout.dashboard(analysis, sheets),
        lkjip(analysis, sheets),
        layout.validation(analysis, sheets),
    ]
