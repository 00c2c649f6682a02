"""The comparison workbook of `consolidate --units ... --output COMPARE.xlsx` (SPEC 9).

A new .xlsx (no macros) holding the Konsolidasi / Consolidation sheet of units compared without
a parent. The sheet is the same layout Grid as in a parent workbook and goes through the same
Grid -> SpreadsheetML writer (owned_parts.write_grids): XlsxWriter only makes the empty book it is
written into. The file is written through opc.files.atomic_write (temp file, fsync, replace).
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from egov_bsc_xl.errors import WriteError
from egov_bsc_xl.model.consolidation import ConsolidationReport
from egov_bsc_xl.workbook.opc.files import atomic_write, both
from egov_bsc_xl.workbook.opc.package import Package
from egov_bsc_xl.workbook.writing.layout_consolidation import consolidation
from egov_bsc_xl.workbook.writing.owned_parts import write_grids


def _empty_book(sheet: str, title: str) -> bytes:
    """An .xlsx with one sheet named `sheet` holding `title` in A1, as XlsxWriter writes it.

    The grid writer replaces the sheet; the title gives the package a populated shared-strings
    part, as every workbook Excel saves has (without one Excel rewrites the file on saving)."""
    import datetime as dt

    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    book.set_properties(
        {
            "title": "egov-bsc-xl",
            "subject": "Balanced Scorecard SPBE",
            "author": "egov-bsc-xl",
            "created": dt.datetime(2026, 1, 1),  # fixed: the same report gives the same bytes
        }
    )
    book.add_worksheet(sheet).write_string(0, 0, title)
    book.close()
    return buf.getvalue()


def comparison_bytes(report: ConsolidationReport, lang: str) -> bytes:
    """The comparison workbook's bytes (the same report gives the same bytes)."""
    grid = consolidation(report, None, None, lang=lang)
    fd, name = tempfile.mkstemp(prefix="egov-bsc-compare-", suffix=".xlsx")
    draft = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_empty_book(grid.sheet, str(grid.cells[(0, 0)].value)))
        with Package(draft) as pkg:
            write_grids(pkg, [grid])
            out = io.BytesIO()
            pkg.write_to(out)
        return out.getvalue()
    finally:
        draft.unlink(missing_ok=True)


def write_comparison(report: ConsolidationReport, path: Path, lang: str) -> None:
    """Write the comparison workbook of `report` (sheet texts in `lang`, id or en) to `path` (.xlsx).

    Raises WriteError when the name does not end in .xlsx or the file cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise WriteError(both("err_compare_suffix", name=target))
    atomic_write(target, comparison_bytes(report, lang))


__all__ = ["comparison_bytes", "write_comparison"]
