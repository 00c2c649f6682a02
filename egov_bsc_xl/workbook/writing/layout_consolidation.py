"""The Konsolidasi / Consolidation sheet (SPEC 9) as a layout Grid, built from a ConsolidationReport.

`consolidate PARENT` writes it into the parent (through recalc's rewrite, like the dashboard);
`consolidate --units ... --output` writes it into a new workbook (compare_book). Blocks from top
to bottom: the parent's own score, one row per unit (score and band in the band colour,
coverage, errors, warnings, status in words), a units x perspectives heat map, the ranking, and
each rolled-up KPI with its per-unit values. No merged cells: every block sorts and filters.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from egov_bsc_xl.i18n.sheet_texts import text
from egov_bsc_xl.model.consolidation import ConsolidationReport, UnitResult, UnitStatus
from egov_bsc_xl.model.scorecard import NO_DATA_BAND, Settings
from egov_bsc_xl.workbook.contract import CONSOLIDATION_SHEET
from egov_bsc_xl.workbook.writing.layout import (
    Grid,
    band_style,
    fit_heights,
    header_row,
    new_grid,
    number_style,
)

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reading.analysis import Analysis

# The fill of a unit's status cell: no fill when ok, red when the file cannot be used, grey
# (the no-data band) when it has nothing for the period.
STATUS_FILLS: dict[UnitStatus, str | None] = {
    UnitStatus.OK: None,
    UnitStatus.MISSING: "#E53935",
    UnitStatus.UNUSABLE: "#E53935",
    UnitStatus.NO_DATA: NO_DATA_BAND.colour,
}
STATUS_KEYS: dict[UnitStatus, str] = {
    UnitStatus.OK: "cons_status_ok",
    UnitStatus.MISSING: "cons_status_missing",
    UnitStatus.UNUSABLE: "cons_status_unusable",
    UnitStatus.NO_DATA: "cons_status_no_data",
}
TOTAL_FILL = "#DDEBF7"  # the rolled-up row of a KPI, above its units' rows
ROLLUP_METHODS = ("sum", "average", "weighted", "min", "max")


def status_text(status: UnitStatus, lang: str) -> str:
    """A unit's status in words of `lang` (ok / file missing / unusable / no data)."""
    return text(STATUS_KEYS[status], lang)


def method_text(method: str, lang: str) -> str:
    """A roll-up method in words of `lang` (Jumlah, Rata-rata, ...); an unknown one as written."""
    return text(f"rollup_{method}", lang) if method in ROLLUP_METHODS else method


def ranking(report: ConsolidationReport) -> list[tuple[int, UnitResult]]:
    """(rank, unit) of the units that have an overall score, highest first; equal scores share a
    rank (1, 2, 2, 4) and keep the order of tblUnits."""
    scored = [u for u in report.units if u.overall is not None and u.overall == u.overall]
    scored.sort(key=lambda u: -(u.overall or 0.0))  # stable: ties keep the table's order
    out: list[tuple[int, UnitResult]] = []
    for i, unit in enumerate(scored):
        rank = out[-1][0] if out and out[-1][1].overall == unit.overall else i + 1
        out.append((rank, unit))
    return out


def perspective_columns(
    report: ConsolidationReport, analysis: Analysis | None
) -> list[tuple[str, str]]:
    """(id, name) of the heat map's columns: the parent's perspectives, then any other perspective
    a unit has (without a parent: the units' own, in order of first appearance)."""
    columns: dict[str, str] = {}
    if analysis is not None:
        columns = {p.id: p.name for p in analysis.card.perspectives if p.active}
    for unit in report.units:
        for p in unit.perspectives:
            if p.id not in columns or not columns[p.id]:
                columns[p.id] = p.name or columns.get(p.id, "") or p.id
    return list(columns.items())


def _band_of(unit: UnitResult, settings: Settings, lang: str) -> tuple[str, str]:
    """(label in `lang`, colour) of a unit's overall band: the unit's own band (its workbook's
    bands) when the report has it, else the band of its score in `settings`."""
    if unit.band is not None and unit.overall is not None:
        return unit.band.label(lang), unit.band.colour
    band = settings.band(unit.overall)
    return band.label(lang), band.colour


def consolidation(
    report: ConsolidationReport,
    analysis: Analysis | None,
    sheets: set[str] | None = None,
    *,
    lang: str = "id",
) -> Grid:
    """The Konsolidasi / Consolidation sheet of `report`.

    `analysis` is the parent's (its language, settings, perspective names and agency); None for a
    comparison of units without a parent: then default settings in `lang`. `sheets`: the
    workbook's sheet names (the sheet keeps the name it already has in either language).
    """
    if analysis is not None:
        lang = analysis.language
        settings: Settings = analysis.card.settings
    else:
        settings = Settings(language=lang)  # type: ignore[arg-type]  # pydantic coerces the str
    grid = new_grid(CONSOLIDATION_SHEET, lang, sheets)
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    grid.widths = {0: 16.0, 1: 34.0, 2: 30.0, 3: 22.0, 4: 12.0, 5: 16.0, 6: 12.0, 7: 12.0}
    grid.widths.update({8: 12.0, 9: 48.0})

    grid.put(0, 0, t("cons_title" if analysis is not None else "cons_compare_title"), "title")
    grid.heights[0] = 30.0
    row = 1
    if analysis is not None:
        profile = analysis.card.profile
        agency = " — ".join(x for x in (profile.agency, profile.unit) if x)
        grid.put(row, 0, t("agency"), "label")
        grid.put(row, 1, agency)
        row += 1
    grid.put(row, 0, t("period"), "label")
    grid.put(row, 1, report.period.label(lang))
    row += 1
    counts = {s: sum(1 for u in report.units if u.status is s) for s in UnitStatus}
    grid.put(
        row,
        0,
        t(
            "cons_units_count",
            units=len(report.units),
            ok=counts[UnitStatus.OK],
            no_data=counts[UnitStatus.NO_DATA],
            missing=counts[UnitStatus.MISSING],
            unusable=counts[UnitStatus.UNUSABLE],
        ),
        "label",
    )
    row += 1
    grid.put(row, 0, t("cons_note"), "note")
    row += 2

    overall = report.overall
    if overall is not None:
        grid.put(row, 0, t("cons_parent"), "section")
        row += 1
        grid.put(row, 0, t("score"), "label")
        grid.put(row, 1, overall.score, band_style(grid, overall.band.colour, pct=True, big=True))
        grid.put(row, 2, overall.band.label(lang), band_style(grid, overall.band.colour, big=True))
        grid.put(row, 3, t("coverage"), "label")
        grid.put(row, 4, overall.coverage, "big_pct")
        row += 2

    row = _units_block(grid, row, report, settings, lang)
    row = _heat_map(grid, row, report, analysis, settings, lang)
    row = _ranking_block(grid, row, report, settings, lang)
    _rollups_block(grid, row, report, analysis, lang)
    return fit_heights(grid)


def _units_block(
    grid: Grid, row: int, report: ConsolidationReport, settings: Settings, lang: str
) -> int:
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    grid.put(row, 0, t("cons_sec_units"), "section")
    header_row(
        grid,
        row + 1,
        [
            t("id"),
            t("cons_unit"),
            t("cons_file"),
            t("cons_status"),
            t("score"),
            t("band"),
            t("coverage"),
            t("cons_errors"),
            t("cons_warnings"),
            t("cons_reason"),
        ],
    )
    r = row + 2
    for unit in report.units:
        grid.put(r, 0, unit.id, "cell")
        grid.put(r, 1, unit.name, "cell_wrap")
        grid.put(r, 2, unit.file, "cell_wrap")
        fill = STATUS_FILLS[unit.status]
        grid.put(r, 3, status_text(unit.status, lang), band_style(grid, fill) if fill else "cell")
        label, colour = _band_of(unit, settings, lang)
        unread = unit.status in (UnitStatus.MISSING, UnitStatus.UNUSABLE)
        grid.put(r, 4, unit.overall, band_style(grid, colour, pct=True))
        grid.put(r, 5, "" if unread else label, band_style(grid, colour))
        grid.put(r, 6, None if unread else unit.coverage, "pct")
        grid.put(r, 7, unit.errors, "num")
        grid.put(r, 8, unit.warnings, "num")
        grid.put(r, 9, unit.reason, "cell_wrap")
        r += 1
    return r + 1


def _heat_map(
    grid: Grid,
    row: int,
    report: ConsolidationReport,
    analysis: Analysis | None,
    settings: Settings,
    lang: str,
) -> int:
    grid.put(row, 0, text("cons_sec_heatmap", lang), "section")
    columns = perspective_columns(report, analysis)
    header_row(
        grid,
        row + 1,
        [text("id", lang), text("cons_unit", lang)]
        + [name for _, name in columns]
        + [text("score", lang)],
    )
    r = row + 2
    for unit in report.units:
        grid.put(r, 0, unit.id, "cell")
        grid.put(r, 1, unit.name, "cell_wrap")
        scores = {p.id: p.score for p in unit.perspectives}
        for j, (pid, _) in enumerate(columns):
            score = scores.get(pid)
            grid.put(r, 2 + j, score, band_style(grid, settings.band(score).colour, pct=True))
        _, colour = _band_of(unit, settings, lang)
        grid.put(r, 2 + len(columns), unit.overall, band_style(grid, colour, pct=True))
        r += 1
    return r + 1


def _ranking_block(
    grid: Grid, row: int, report: ConsolidationReport, settings: Settings, lang: str
) -> int:
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    grid.put(row, 0, t("cons_sec_ranking"), "section")
    header_row(
        grid, row + 1, [t("cons_rank"), t("cons_unit"), t("score"), t("band"), t("coverage")]
    )
    r = row + 2
    ranked = ranking(report)
    if not ranked:
        grid.put(r, 0, t("cons_none_ranked"), "note")
        r += 1
    for rank, unit in ranked:
        label, colour = _band_of(unit, settings, lang)
        grid.put(r, 0, rank, "num")
        grid.put(r, 1, unit.name, "cell_wrap")
        grid.put(r, 2, unit.overall, band_style(grid, colour, pct=True))
        grid.put(r, 3, label, band_style(grid, colour))
        grid.put(r, 4, unit.coverage, "pct")
        r += 1
    return r + 1


def _rollups_block(
    grid: Grid, row: int, report: ConsolidationReport, analysis: Analysis | None, lang: str
) -> int:
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    grid.put(row, 0, t("cons_sec_rollups"), "section")
    header_row(
        grid,
        row + 1,
        [
            t("cons_parent_kpi"),
            t("cons_unit"),
            t("kpi"),
            t("cons_method"),
            t("target"),
            t("actual"),
            t("cons_source_kpi"),
        ],
    )
    r = row + 2
    if not report.rollups:
        grid.put(r, 0, t("cons_none_rollups"), "note")
        return r + 2
    for key, base in (("label_cell", "cell"), ("label_wrap", "cell_wrap")):
        grid.styles[key] = replace(grid.styles[base], bold=True, fill=TOTAL_FILL)
    kpi_names = {k.id: k.name for k in analysis.card.kpis} if analysis is not None else {}
    unit_names = {u.id: u.name for u in report.units}
    for rollup in report.rollups:
        method = method_text(rollup.method, lang)
        grid.put(r, 0, rollup.kpi_id, "label_cell")
        grid.put(r, 1, f"{t('cons_rollup_total')} ({method})", "label_wrap")
        grid.put(r, 2, kpi_names.get(rollup.kpi_id, ""), "label_wrap")
        grid.put(r, 3, method, "label_cell")
        grid.put(r, 4, rollup.target, _bold_number(grid, rollup.target))
        grid.put(r, 5, rollup.actual, _bold_number(grid, rollup.actual))
        grid.put(r, 6, rollup.source_kpi, "label_cell")
        r += 1
        for value in rollup.units:
            grid.put(r, 0, rollup.kpi_id, "cell")
            grid.put(r, 1, unit_names.get(value.id, value.id), "cell_wrap")
            grid.put(r, 2, "", "cell")
            grid.put(r, 3, "", "cell")
            grid.put(r, 4, value.target, number_style(grid, value.target))
            grid.put(r, 5, value.actual, number_style(grid, value.actual))
            grid.put(r, 6, rollup.source_kpi, "cell")
            r += 1
    return r + 1


def _bold_number(grid: Grid, value: float | None) -> str:
    """The number style of `value` (number_style), bold on the pale fill: a KPI's rolled-up row."""
    base = number_style(grid, value)
    name = f"bold_{base}"
    if name not in grid.styles:
        grid.styles[name] = replace(grid.styles[base], bold=True, fill=TOTAL_FILL)
    return name


__all__ = [
    "ROLLUP_METHODS",
    "consolidation",
    "method_text",
    "perspective_columns",
    "ranking",
    "status_text",
]
