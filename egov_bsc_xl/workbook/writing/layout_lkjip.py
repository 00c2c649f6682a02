"""The LKjIP / Performance Report sheet (SPEC 8) as a layout Grid: the Bab III tables per objective.

Per strategic objective: (a) measurement, (b) the last two years, (c) the Renstra end target,
(d) the national target, (e) analysis and follow-up, (f) budget beside achievement. Every table
has its own header row and no merged cell, so each one pastes into a Word LKjIP as a clean
table. Numbers are the report's own fields (fractions with a percent format, targets and actuals
in the KPI's unit); a missing figure is "–".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from egov_bsc_xl.calc.history import last_year
from egov_bsc_xl.i18n.formats import fmt_date
from egov_bsc_xl.i18n.lkjip_texts import text
from egov_bsc_xl.i18n.sheet_texts import text as sheet_text
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.report import KpiResult, ObjectiveResult
from egov_bsc_xl.model.scorecard import Kpi, Objective, Scorecard
from egov_bsc_xl.workbook.contract import LKJIP_SHEET
from egov_bsc_xl.workbook.writing.layout import (
    PCT,
    Grid,
    Style,
    fit_heights,
    header_row,
    new_grid,
    number_style,
)

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reading.analysis import Analysis

MISSING = "–"  # a figure that cannot be given (an input is missing)
POINTS = "+0.0;-0.0;0.0"  # efficiency, percentage points with their sign

# Sheet columns: ID, indicator, unit, then figures; columns 3 and 4 also hold the analysis and
# the follow-up of table (e) and the money of table (f), so they are the wide ones.
WIDTHS = {0: 8.0, 1: 38.0, 2: 12.0, 3: 26.0, 4: 26.0, 5: 15.0, 6: 15.0, 7: 15.0, 8: 15.0}

STYLES: dict[str, Style] = {
    "missing": Style(border=True, align="center", font_colour="#595959"),
    "points": Style(border=True, num_fmt=POINTS),
    "caption": Style(bold=True, font_colour="#1F3864"),
}

Value = tuple[Any, str]  # a cell: (value, style name)
Texts = Callable[..., str]


def lkjip(analysis: Analysis, sheets: set[str] | None = None) -> Grid:
    """The LKjIP / Performance Report sheet of an Analysis; `sheets`: the workbook's sheet names."""
    lang = analysis.language
    card = analysis.card
    grid = new_grid(LKJIP_SHEET, lang, sheets)
    grid.styles.update(STYLES)
    grid.widths = dict(WIDTHS)
    t: Texts = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    profile = card.profile

    grid.put(0, 0, t("lkjip_title"), "title")
    grid.heights[0] = 30.0
    # one cell a line ("Instansi: …"): the narrow ID column never cuts a label
    plan = "–".join(str(y) for y in (profile.plan_start, profile.plan_end) if y is not None)
    head = ", ".join(x for x in (profile.head_name, profile.head_title) if x)
    lines = [
        (sheet_text("agency", lang), " — ".join(x for x in (profile.agency, profile.unit) if x)),
        (sheet_text("period", lang), analysis.period.label(lang) if analysis.period else ""),
        (t("lkjip_plan_period"), plan or MISSING),
        *([(t("lkjip_head"), head)] if head else []),
    ]
    for row, (label, value) in enumerate(lines, start=1):
        grid.put(row, 0, f"{label}: {value}", "label")
    row = len(lines) + 1
    grid.put(row, 0, t("lkjip_note"), "note")
    grid.put(row + 1, 0, t("lkjip_efficiency_note"), "note")
    row += 3

    report = analysis.report
    if report is None or analysis.period is None:
        grid.put(row, 0, sheet_text("no_score", lang), "label")
        return fit_heights(grid)

    kpis = {k.id: k for k in card.kpis}
    objectives = {o.id: o for o in card.objectives}
    perspectives = {p.id: p.name for p in card.perspectives}
    two_back = actuals_years_ago(card, analysis.period, 2)
    block = _Block(grid, t, lang, analysis.period, profile.plan_end, kpis, two_back)
    by_objective: dict[str, list[KpiResult]] = {}
    for k in report.kpis:
        by_objective.setdefault(k.objective_id, []).append(k)
    for result in report.objectives:
        objective = objectives.get(result.id)
        grid.put(
            row,
            0,
            t("lkjip_objective", id=result.id, name=objective.name if objective else ""),
            "section",
        )
        name = perspectives.get(result.perspective_id, result.perspective_id)
        grid.put(row + 1, 0, t("lkjip_perspective", name=name), "note")
        row += 3
        results = by_objective.get(result.id, [])
        if results:
            for table in (block.measure, block.years, block.plan, block.national, block.analysis):
                row = table(row, results)
        else:
            grid.put(row, 0, t("lkjip_no_kpis"), "note")
            row += 2
        row = _budget(grid, t, row, result, objective)
        row += 1
    return fit_heights(grid)


def efficiency(result: ObjectiveResult) -> float | None:
    """Achievement minus absorption in percentage points (score 0.9, absorption 0.8 -> 10.0).

    None when the objective has no score or no absorption (no budget or no spending figures).
    """
    if result.score is None or result.absorption is None:
        return None
    return (result.score - result.absorption) * 100.0


class _Block:
    """The KPI tables (a)-(e) of one objective; each method writes one table and returns the next row."""

    def __init__(
        self,
        grid: Grid,
        t: Texts,
        lang: str,
        period: Period,
        plan_end: int | None,
        kpis: dict[str, Kpi],
        two_back: dict[str, float | None],
    ):
        self.grid, self.t, self.lang, self.year = grid, t, lang, period.year
        self.period = period.label(lang)
        self.plan_end, self.kpis, self.two_back = plan_end, kpis, two_back

    def _name(self, k: KpiResult) -> list[Value]:
        kpi = self.kpis.get(k.id)
        return [(k.id, "cell"), (kpi.name if kpi else "", "cell_wrap")]

    def _named(self, k: KpiResult) -> list[Value]:
        kpi = self.kpis.get(k.id)
        return [*self._name(k), (kpi.unit if kpi and kpi.unit else MISSING, "cell_wrap")]

    def _heads(self, *keys: str, **values: object) -> list[str]:
        return [self.t(key, **values) for key in keys]

    def measure(self, row: int, results: list[KpiResult]) -> int:
        """(a) IKU, unit, annual (PK) target, actual, achievement; the period's target when no PK target.

        When no KPI of the table has an annual target, the column is the report period's target
        and says so; when only some lack one, a note under the table names them.
        """
        grid, t = self.grid, self.t
        pk = any(k.annual_target is not None for k in results)
        heads = [
            *self._heads("lkjip_col_id", "lkjip_col_kpi", "lkjip_col_unit"),
            t("lkjip_col_target", year=self.year)
            if pk
            else t("lkjip_col_period_target", period=self.period),
            t("lkjip_col_actual", year=self.year),
            t("lkjip_col_achievement"),
        ]
        rows, fallback = [], []
        for k in results:
            target, ach = measured(k)
            if k.annual_target is None:
                fallback.append(k.id)
            rows.append([*self._named(k), _num(grid, target), _num(grid, k.actual), _pct(ach)])
        row = _table(grid, row, t("lkjip_tab_measure"), heads, rows)
        if fallback and pk:
            grid.put(row - 1, 0, t("lkjip_fallback_target", kpis=", ".join(fallback)), "note")
            row += 1
        return row

    def years(self, row: int, results: list[KpiResult]) -> int:
        """(b) actual of Y−2, Y−1 and Y, achievement of Y−1 and Y, change against Y−1."""
        grid, t, y = self.grid, self.t, self.year
        heads = [
            *self._heads("lkjip_col_id", "lkjip_col_kpi", "lkjip_col_unit"),
            t("lkjip_col_actual", year=y - 2),
            t("lkjip_col_actual", year=y - 1),
            t("lkjip_col_actual", year=y),
            t("lkjip_col_achievement_year", year=y - 1),
            t("lkjip_col_achievement_year", year=y),
            t("lkjip_col_change", year=y, prev=y - 1),
        ]
        rows = [
            [
                *self._named(k),
                _num(grid, self.two_back.get(k.id)),
                _num(grid, k.last_year_actual),
                _num(grid, k.actual),
                _pct(k.last_year_achievement),
                _pct(k.achievement),
                _num(grid, k.change),
            ]
            for k in results
        ]
        return _table(grid, row, t("lkjip_tab_years"), heads, rows)

    def plan(self, row: int, results: list[KpiResult]) -> int:
        """(c) Renstra end target, actual, achievement against it, years left in the plan; a note
        instead of a table of dashes when no KPI of the objective has a Renstra target."""
        grid, t = self.grid, self.t
        if all(k.plan_target is None for k in results):
            return _note(grid, row, t("lkjip_tab_plan"), t("lkjip_no_plan_target"))
        end = "" if self.plan_end is None else str(self.plan_end)
        heads = [
            *self._heads("lkjip_col_id", "lkjip_col_kpi", "lkjip_col_unit"),
            t("lkjip_col_plan_target", end=end).strip(),
            t("lkjip_col_actual", year=self.year),
            t("lkjip_col_achievement_plan"),
            t("lkjip_col_years_left"),
        ]
        left = years_left(self.plan_end, self.year)
        rows = [
            [
                *self._named(k),
                _num(grid, k.plan_target),
                _num(grid, k.actual),
                _pct(k.achievement_plan),
                _num(grid, left),
            ]
            for k in results
        ]
        return _table(grid, row, t("lkjip_tab_plan"), heads, rows)

    def national(self, row: int, results: list[KpiResult]) -> int:
        """(d) national target, actual, achievement against it; a note instead of a table of
        dashes when no KPI of the objective has a national target (most have none)."""
        grid, t = self.grid, self.t
        if all(k.national_target is None for k in results):
            return _note(grid, row, t("lkjip_tab_national"), t("lkjip_no_national_target"))
        heads = [
            *self._heads("lkjip_col_id", "lkjip_col_kpi", "lkjip_col_unit", "lkjip_col_national"),
            t("lkjip_col_actual", year=self.year),
            t("lkjip_col_achievement_national"),
        ]
        rows = [
            [
                *self._named(k),
                _num(grid, k.national_target),
                _num(grid, k.actual),
                _pct(k.achievement_national),
            ]
            for k in results
        ]
        return _table(grid, row, t("lkjip_tab_national"), heads, rows)

    def analysis(self, row: int, results: list[KpiResult]) -> int:
        """(e) achievement, analysis of causes, follow-up action, its owner and due date."""
        grid, t, lang = self.grid, self.t, self.lang
        heads = [
            *self._heads("lkjip_col_id", "lkjip_col_kpi"),
            t("lkjip_col_achievement_year", year=self.year),
            *self._heads(
                "lkjip_col_analysis",
                "lkjip_col_action",
                "lkjip_col_action_owner",
                "lkjip_col_action_due",
            ),
        ]
        rows = [
            [
                *self._name(k),
                _pct(k.achievement),
                _text(k.analysis),
                _text(k.action),
                _text(k.action_owner),
                _text(fmt_date(k.action_due, lang, "") if k.action_due else None),
            ]
            for k in results
        ]
        return _table(grid, row, t("lkjip_tab_analysis"), heads, rows)


def _budget(
    grid: Grid, t: Texts, row: int, result: ObjectiveResult, objective: Objective | None
) -> int:
    """(f) the objective's achievement beside its budget, spending, absorption and efficiency."""
    heads = [
        t("lkjip_col_id"),
        t("lkjip_col_objective"),
        t("lkjip_col_objective_achievement"),
        t("lkjip_col_budget"),
        t("lkjip_col_spent"),
        t("lkjip_col_absorption"),
        t("lkjip_col_efficiency"),
        t("lkjip_col_efficiency_word"),
    ]
    points = efficiency(result)
    word = (
        None if points is None else t("lkjip_efficient" if points >= 0 else "lkjip_less_efficient")
    )
    cells = [
        (result.id, "cell"),
        (objective.name if objective else "", "cell_wrap"),
        _pct(result.score),
        _money(result.budget),
        _money(result.spent),
        _pct(result.absorption),
        (points, "points") if points is not None else (MISSING, "missing"),
        _text(word),
    ]
    return _table(grid, row, t("lkjip_tab_budget"), heads, [cells])


def measured(k: KpiResult) -> tuple[float | None, float | None]:
    """Target and achievement of table (a): the annual (PK) target and the achievement against it;
    without an annual target, the report period's target and the scored achievement."""
    if k.annual_target is not None:
        return k.annual_target, k.achievement_annual
    return k.target, k.achievement


def actuals_years_ago(card: Scorecard, period: Period, years: int) -> dict[str, float | None]:
    """Each KPI's actual `years` before the report period, by the SPEC 8 history rule
    (calc.history.last_year, applied `years` back); None where there is none."""
    then = last_year(card, period, back=years)["actual"]
    return {str(k): None if v != v else float(v) for k, v in then.items()}


def years_left(plan_end: int | None, year: int) -> int | None:
    """Whole years of the Renstra after the report year (2029 − 2026 = 3); 0 once it has ended."""
    return None if plan_end is None else max(plan_end - year, 0)


def _table(grid: Grid, row: int, caption: str, heads: list[str], rows: list[list[Value]]) -> int:
    """Caption, header row, data rows; returns the row after the blank line below the table."""
    grid.put(row, 0, caption, "caption")
    header_row(grid, row + 1, heads)
    r = row + 2
    for cells in rows:
        for c, (value, style) in enumerate(cells):
            grid.put(r, c, value, style)
        r += 1
    return r + 1


def _note(grid: Grid, row: int, caption: str, note: str) -> int:
    """Caption and one line of note in place of a table; returns the row after the blank line."""
    grid.put(row, 0, caption, "caption")
    grid.put(row + 1, 0, note, "note")
    return row + 3


def _num(grid: Grid, value: float | int | None) -> Value:
    return (MISSING, "missing") if value is None else (value, number_style(grid, value))


def _pct(value: float | None) -> Value:
    return (MISSING, "missing") if value is None else (value, "pct")


def _money(value: float | None) -> Value:
    return (MISSING, "missing") if value is None else (value, "money")


def _text(value: str | None) -> Value:
    return (value, "cell_wrap") if value else (MISSING, "missing")


__all__ = ["MISSING", "PCT", "actuals_years_ago", "efficiency", "lkjip", "measured", "years_left"]
