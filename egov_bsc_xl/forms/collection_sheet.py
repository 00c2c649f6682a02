"""The Pengumpulan / Collection sheet as a layout Grid: per owner expected, received, missing, conflicts, when.

Every figure describes the state after the run (what the forms give and what the table holds), not
what the run did, so collecting the same forms again writes the same sheet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from egov_bsc_xl.forms.table import column
from egov_bsc_xl.i18n.catalogue import tr
from egov_bsc_xl.workbook.contract import COLLECTION_SHEET
from egov_bsc_xl.workbook.writing.layout import (
    Area,
    Grid,
    band_style,
    fit_heights,
    header_row,
    new_grid,
)

if TYPE_CHECKING:
    from egov_bsc_xl.forms.collect import CollectResult

GREEN, ORANGE, RED, GREY = "#43A047", "#FB8C00", "#E53935", "#BDBDBD"


@dataclass
class OwnerLine:
    owner: str
    expected: int = 0
    received: int = 0
    missing: int = 0
    conflicts: int = 0
    when: str = ""  # modification time of the owner's latest form file, local time
    files: str = ""

    @property
    def status(self) -> str:
        if self.conflicts:
            return "conflict"
        if not self.files:
            return "waiting"
        return "partial" if self.missing else "complete"

    def public(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "expected": self.expected,
            "received": self.received,
            "missing": self.missing,
            "conflicts": self.conflicts,
            "status": self.status,
            "when": self.when or None,
            "files": self.files.split(", ") if self.files else [],
        }


@dataclass
class PendingItem:
    """A KPI row to follow up: its actual is missing, or a form's value conflicts with the table."""

    kpi_id: str
    period: str
    owner: str
    field: str
    book_value: str
    form_value: str


_STATUS = {
    "complete": ("form.st_complete", GREEN),
    "partial": ("form.st_partial", ORANGE),
    "waiting": ("form.st_waiting", GREY),
    "conflict": ("form.st_conflict", RED),
}


def collection_grid(
    result: CollectResult, items: list[PendingItem], lang: str, sheets: set[str]
) -> Grid:
    grid = new_grid(COLLECTION_SHEET, lang, sheets)
    t = lambda key, **kw: tr(f"form.{key}", lang, **kw)  # noqa: E731
    grid.widths = {0: 34.0, 1: 12.0, 2: 12.0, 3: 12.0, 4: 12.0, 5: 16.0, 6: 17.0, 7: 50.0}
    grid.put(0, 0, t("col_title"), "title")
    lines = result.owners
    expected = sum(o.expected for o in lines)
    received = sum(o.received for o in lines)
    missing = sum(o.missing for o in lines)
    conflicts = sum(o.conflicts for o in lines)
    colour = RED if conflicts else (ORANGE if missing else GREEN)
    summary = t(
        "col_summary", received=received, expected=expected, missing=missing, conflicts=conflicts
    )
    grid.put(1, 0, summary, band_style(grid, colour))
    grid.merges.append(Area(1, 0, 1, 4))
    if result.period is not None:
        grid.put(1, 5, f"{t('period')}: {result.period.label(lang)}", "label")
    grid.put(2, 0, t("col_note"), "note")
    head = 4
    header_row(
        grid,
        head,
        [
            t("col_owner"),
            t("col_expected"),
            t("col_received"),
            t("col_missing"),
            t("col_conflicts"),
            t("col_status"),
            t("col_when"),
            t("col_file"),
        ],
    )
    r = head + 1
    for line in lines:
        key, fill = _STATUS[line.status]
        grid.put(r, 0, line.owner or t("no_owner"), "cell_wrap")
        grid.put(r, 1, line.expected, "num")
        grid.put(r, 2, line.received, "num")
        grid.put(r, 3, line.missing, "num")
        grid.put(r, 4, line.conflicts, "num")
        grid.put(r, 5, tr(key, lang), band_style(grid, fill))
        grid.put(r, 6, line.when, "cell")
        grid.put(r, 7, line.files, "cell_wrap")
        r += 1
    r += 1
    grid.put(r, 0, t("col_details"), "section")
    r += 1
    header_row(
        grid,
        r,
        [
            t("col_kpi"),
            t("period"),
            t("col_owner"),
            t("col_field"),
            t("col_value_book"),
            t("col_value_form"),
            t("col_what"),
        ],
    )
    if not items:
        grid.put(r + 1, 0, t("col_none"), "note")
    for n, item in enumerate(items):
        row = r + 1 + n
        what = (
            t("what_missing")
            if item.field == "actual" and not item.form_value
            else t("what_conflict")
        )
        grid.put(row, 0, item.kpi_id, "cell")
        grid.put(row, 1, item.period, "cell")
        grid.put(row, 2, item.owner or t("no_owner"), "cell_wrap")
        grid.put(row, 3, column(item.field).label(lang), "cell")
        grid.put(row, 4, item.book_value, "cell_wrap")
        grid.put(row, 5, item.form_value, "cell_wrap")
        grid.put(row, 6, what, "cell_wrap")
    return fit_heights(grid)
