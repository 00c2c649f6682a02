"""A Pemda family for the consolidate tests: unit workbooks made with the template builder (demo
structure, each unit its own figures) and a parent with tblUnits and rolled-up KPIs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from egov_bsc_xl.model.scorecard import Measurement
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.opc.files import atomic_write
from egov_bsc_xl.workbook.template.build import build, demo_content

# (kpi id, period) -> (target, actual); None leaves the cell blank.
Figures = dict[tuple[str, str], tuple[float | None, float | None]]


def unit_book(
    path: Path, figures: Figures, *, name: str = "", late: bool = False, lang: str = "id"
) -> Path:
    """A demo-structured unit workbook whose rows named in `figures` hold those figures.

    `late`: the unit has reported nothing for the report period (2026-Q3): its Q3 actuals are
    blank (it is read, but has no data for the period).
    """
    content = demo_content(lang)
    rows: list[Measurement] = []
    seen: set[tuple[str, str]] = set()
    for m in content.entries:
        key = (m.kpi_id, m.period.code)
        update: dict[str, Any] = {}
        if key in figures:
            seen.add(key)
            update["target"], update["actual"] = figures[key]
        if late and m.period.code.endswith("Q3"):
            update["actual"] = None
        rows.append(m.model_copy(update=update))
    missing = set(figures) - seen
    assert not missing, f"the demo has no rows {missing}"
    if name:
        content.profile = content.profile.model_copy(update={"unit": name})
    content = content.model_copy(update={"entries": rows})
    from egov_bsc_xl.model.scorecard import measurements_frame

    content.measurements = measurements_frame(rows)
    atomic_write(path, build(lang, "native", content=content))
    return path


UNIT_HEADERS = ["ID", "Nama Unit", "Berkas", "Bobot", "Penanggung Jawab", "Aktif"]


def parent_book(
    path: Path,
    units: list[list[Any]],
    rollups: dict[str, tuple[str, str]],
    *,
    figures: Figures | None = None,
    blank_rolled: bool = True,
) -> Path:
    """The demo workbook as a parent: a Unit sheet with tblUnits (`units`: id, name, file, weight,
    owner, active) and `rollups` (kpi id -> (rollup word, source KPI)) in tblKpis.

    With `blank_rolled` the parent's own targets and actuals of rolled-up KPIs are cleared (the units feed
    them); `figures` then types (target, actual) into rows of the parent (for W040).
    """
    atomic_write(path, build("id", "native", demo=True))
    wb = load_workbook(path, keep_vba=True)
    ws = wb[c.KPIS.sheet_id]
    table = ws.tables["tblKpis"]
    (top, left), heads = _table_heads(ws, table.ref)
    col = {h: left + j for j, h in enumerate(heads)}
    last = int(table.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    for r in range(top + 1, last + 1):
        kpi = ws.cell(r, col["ID"]).value
        if kpi in rollups:
            word, source = rollups[kpi]
            ws.cell(r, col["Agregasi Unit"], word)
            ws.cell(r, col["IKU Sumber"], source or None)
    ms = wb[c.MEASUREMENTS.sheet_id]
    mtable = ms.tables["tblMeasurements"]
    (mtop, mleft), mheads = _table_heads(ms, mtable.ref)
    mcol = {h: mleft + j for j, h in enumerate(mheads)}
    mlast = int(mtable.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    for r in range(mtop + 1, mlast + 1):
        key = (ms.cell(r, mcol["ID IKU"]).value, ms.cell(r, mcol["Periode"]).value)
        if blank_rolled and key[0] in rollups:
            ms.cell(r, mcol["Target"]).value = None
            ms.cell(r, mcol["Realisasi"]).value = None
        if figures and key in figures:
            target, actual = figures[key]
            ms.cell(r, mcol["Target"]).value = target
            ms.cell(r, mcol["Realisasi"]).value = actual
    us = wb[c.UNITS.sheet_id]  # the template's Unit sheet with its empty tblUnits
    utable = us.tables["tblUnits"]
    (utop, uleft), uheads = _table_heads(us, utable.ref)
    assert uheads == UNIT_HEADERS
    for i, row in enumerate(units, start=utop + 1):
        for j, value in enumerate(row):
            us.cell(i, uleft + j, value)
    right = utable.ref.split(":")[1].rstrip("0123456789")
    first = utable.ref.split(":")[0]
    utable.ref = f"{first}:{right}{utop + max(len(units), 1)}"
    if utable.autoFilter is not None:
        utable.autoFilter.ref = utable.ref
    wb.save(path)
    return path


def _table_heads(ws: Any, ref: str) -> tuple[tuple[int, int], list[str]]:
    from openpyxl.utils.cell import range_boundaries

    left, top, right, _ = range_boundaries(ref)
    return (top, left), [ws.cell(top, j).value for j in range(left, right + 1)]
