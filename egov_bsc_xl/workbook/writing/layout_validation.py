"""The Validasi / Validation sheet as a layout Grid: summary line, then every issue, errors first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from egov_bsc_xl.i18n.sheet_texts import text
from egov_bsc_xl.model.issues import Issue, Severity
from egov_bsc_xl.workbook.contract import TABLES, VALIDATION_SHEET
from egov_bsc_xl.workbook.writing.layout import (
    Area,
    Grid,
    band_style,
    fit_heights,
    header_row,
    new_grid,
)

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reading.analysis import Analysis


def validation(analysis: Analysis, sheets: set[str] | None = None) -> Grid:
    """The Validasi / Validation sheet: summary line, then every issue, errors first.

    `sheets` are the sheet names of the workbook; a cell link is made only to a sheet that exists.
    """
    lang = analysis.language
    grid = new_grid(VALIDATION_SHEET, lang, sheets)
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    grid.widths = {0: 8.0, 1: 13.0, 2: 16.0, 3: 9.0, 4: 22.0, 5: 22.0, 6: 60.0, 7: 60.0}
    issues = sorted(analysis.issues, key=lambda i: 0 if i.severity is Severity.ERROR else 1)
    errors = sum(1 for i in issues if i.severity is Severity.ERROR)
    warnings = len(issues) - errors
    grid.put(0, 0, t("val_title"), "title")
    period = analysis.period
    grid.put(
        1,
        0,
        t("val_summary", errors=errors, warnings=warnings),
        band_style(grid, "#E53935" if errors else ("#FB8C00" if warnings else "#43A047")),
    )
    grid.merges.append(Area(1, 0, 1, 3))
    if period is not None:
        grid.put(1, 4, f"{t('period')}: {period.label(lang)}", "label")
    if errors:
        grid.put(2, 0, t("val_errors_block"), "note")
    grid.put(3, 0, t("dash_note"), "note")
    head = 5
    header_row(
        grid,
        head,
        [
            t("val_code"),
            t("val_severity"),
            t("val_sheet"),
            t("val_cell"),
            t("val_field"),
            t("val_value"),
            t("val_message"),
            t("val_hint"),
        ],
    )
    if not issues:
        grid.put(head + 1, 0, t("val_ok"), "note")
        return fit_heights(grid)
    sev_style = {
        Severity.ERROR: band_style(grid, "#E53935"),
        Severity.WARNING: band_style(grid, "#FB8C00"),
    }
    for n, issue in enumerate(issues):
        r = head + 1 + n
        grid.put(r, 0, issue.code, "cell")
        grid.put(
            r, 1, t("sev_error") if issue.is_error else t("sev_warning"), sev_style[issue.severity]
        )
        grid.put(r, 2, issue.sheet, "cell")
        link = None
        if issue.sheet and issue.cell and (sheets is None or issue.sheet in sheets):
            link = f"'{issue.sheet.replace(chr(39), chr(39) * 2)}'!{issue.cell}"
        grid.put(r, 3, issue.cell, "link" if link else "cell", link)
        grid.put(r, 4, _field_label(issue, lang), "cell")
        grid.put(r, 5, _plain(issue.value), "cell_wrap")
        grid.put(r, 6, issue.message, "cell_wrap")
        grid.put(r, 7, issue.hint, "cell_wrap")
    return fit_heights(grid)


def _field_label(issue: Issue, lang: str) -> str:
    spec = TABLES.get(issue.table)
    if spec is not None and issue.field in spec.keys:
        return spec.column(issue.field).label(lang)
    return issue.field


def _plain(value: Any) -> Any:
    """A cell-safe value: numbers and text as they are, anything else as text."""
    if value is None or isinstance(value, str | int | float) and not isinstance(value, bool):
        return value
    return str(value)
