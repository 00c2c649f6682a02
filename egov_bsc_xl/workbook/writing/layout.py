"""The Dasbor / Dashboard and Validasi / Validation sheets as a neutral grid, built once from an Analysis.

Both writers (the file writer in `sheet_xml`, the xlwings writer in `xl/book.py`) render this
model; neither decides what goes where. Rows and columns are 0-based. Numbers are written as
numbers (fractions with a percent format), so the sheet equals `egov-bsc score --json`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from egov_bsc_xl.calc.attention import attention_list
from egov_bsc_xl.i18n.formats import fmt_date, fmt_percent
from egov_bsc_xl.i18n.lkjip_texts import text as lkjip_text
from egov_bsc_xl.i18n.sheet_texts import text
from egov_bsc_xl.model.report import ScoreReport
from egov_bsc_xl.model.scorecard import (
    NO_DATA_BAND,
    Initiative,
    Kpi,
    Objective,
    Perspective,
    Scorecard,
    Settings,
    text_colour_on,
)
from egov_bsc_xl.workbook.contract import DASHBOARD_SHEET, VALIDATION_SHEET

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reading.analysis import Analysis

Texts = Callable[..., str]  # a text of the workbook's language by key (i18n.sheet_texts.text)

PCT = "0.0%"
NUM = "#,##0"  # whole numbers: 81, 55,000 (55.000 in an Indonesian Excel); see number_style
NUM_DECIMALS = 4  # at most this many decimals of a target or actual are shown
MONEY = "#,##0"

# Chart and cell names the product owns; a writer removes only objects carrying this prefix.
OWNED_PREFIX = "egov-bsc"


@dataclass(frozen=True)
class Style:
    """Cell formatting both writers understand; colours are '#RRGGBB'."""

    bold: bool = False
    italic: bool = False
    size: float = 10.0
    font_colour: str | None = None
    fill: str | None = None
    num_fmt: str = "General"
    align: str | None = None  # left | center | right
    wrap: bool = False
    border: bool = False


@dataclass
class Cell:
    value: Any = None  # str | float | int | bool | None
    style: str = "text"
    link: str | None = None  # internal target, "'Sheet'!A1"


@dataclass(frozen=True)
class Area:
    """A block of cells: rows r1..r2, columns c1..c2 (inclusive, 0-based)."""

    r1: int
    c1: int
    r2: int
    c2: int


@dataclass
class Series:
    name: str
    name_cell: tuple[int, int] | None
    values: Area
    colours: list[str] = field(default_factory=list)  # per point ('#RRGGBB'), bar charts only


@dataclass
class Chart:
    kind: str  # "bar" | "line"
    name: str  # object name, starts with OWNED_PREFIX
    title: str
    anchor: Area  # cells the chart covers
    categories: Area
    series: list[Series]
    percent: bool = True
    axis_max: float | None = None  # value axis maximum (the achievement cap), None = automatic


@dataclass
class Grid:
    sheet: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    merges: list[Area] = field(default_factory=list)
    widths: dict[int, float] = field(default_factory=dict)
    heights: dict[int, float] = field(
        default_factory=dict
    )  # points, for rows that need more than one line
    charts: list[Chart] = field(default_factory=list)
    styles: dict[str, Style] = field(default_factory=dict)
    aliases: tuple[
        str, ...
    ] = ()  # other names of this sheet (the other language's), reused if present

    def put(
        self, row: int, col: int, value: Any, style: str = "text", link: str | None = None
    ) -> None:
        if value is not None and isinstance(value, float) and value != value:
            value = None
        self.cells[(row, col)] = Cell(value, style, link)

    @property
    def size(self) -> tuple[int, int]:
        """(rows, columns) that hold cells: one past the last used row and column."""
        if not self.cells:
            return 0, 0
        return max(r for r, _ in self.cells) + 1, max(c for _, c in self.cells) + 1


BASE_STYLES: dict[str, Style] = {
    "text": Style(),
    "wrap": Style(wrap=True),
    "title": Style(bold=True, size=16.0, font_colour="#1F3864"),
    "note": Style(italic=True, size=9.0, font_colour="#595959"),
    "label": Style(bold=True),
    "section": Style(bold=True, size=12.0, font_colour="#1F3864"),
    "header": Style(
        bold=True, font_colour="#FFFFFF", fill="#1F3864", wrap=True, border=True, align="center"
    ),
    "cell": Style(border=True),
    "cell_wrap": Style(border=True, wrap=True),
    "pct": Style(border=True, num_fmt=PCT),
    "num": Style(border=True, num_fmt=NUM),
    "money": Style(border=True, num_fmt=MONEY),
    "big_pct": Style(bold=True, size=14.0, num_fmt=PCT, border=True, align="center"),
    "link": Style(border=True, font_colour="#0563C1"),
    "alert": Style(bold=True, font_colour="#C62828"),
}


def band_style(grid: Grid, colour: str, pct: bool = False, big: bool = False) -> str:
    """Name of a cell style filled with a band colour; light fills get dark text."""
    colour = colour.upper() if colour.startswith("#") else "#" + colour.upper()
    name = f"band{'_pct' if pct else ''}{'_big' if big else ''}:{colour}"
    if name not in grid.styles:
        grid.styles[name] = Style(
            bold=True,
            size=14.0 if big else 10.0,
            fill=colour,
            border=True,
            align="center",
            font_colour=text_colour_on(colour),
            num_fmt=PCT if pct else "General",
        )
    return name


def number_style(grid: Grid, value: Any) -> str:
    """Style of a target or actual: a whole number without a decimal point ('81', '55,000'),
    otherwise exactly the decimals it has, up to NUM_DECIMALS ('0.85', '97.5', '1,234.56').

    One format for all would either print '81.' (`#,##0.##`) or round away the decimals that
    matter (`#,##0`), so the format follows the value, as Excel's General does, keeping the
    thousands separator. The separators themselves are the reader's locale's.
    """
    if not isinstance(value, int | float) or isinstance(value, bool) or value != value:
        return "num"
    decimals = len(f"{abs(value):.{NUM_DECIMALS}f}".split(".")[1].rstrip("0"))
    if not decimals:
        return "num"
    name = f"num.{decimals}"
    if name not in grid.styles:
        grid.styles[name] = Style(border=True, num_fmt=f"{NUM}.{'0' * decimals}")
    return name


def fit_heights(grid: Grid) -> Grid:
    """Row heights for wrapped text and big fonts, estimated from text length and column width."""
    merged = {(m.r1, m.c1) for m in grid.merges}
    # Other cells come to a height of 0.0, which never raises a row's (heights are positive):
    # skipped, they cost nothing (LKjIP of 10,000 KPIs: 390,000 cells, most of them plain).
    tall = {name for name, style in grid.styles.items() if style.wrap or style.size > 11}
    for (r, c), cell in grid.cells.items():
        if cell.style not in tall:
            continue
        style = grid.styles[cell.style]
        lines = 1
        if style.wrap and cell.value is not None and (r, c) not in merged:
            capacity = max(
                grid.widths.get(c, 8.43) * (1.0 if style.bold else 1.15) * 10.0 / style.size, 1.0
            )
            words, lines, used = str(cell.value).split(), 1, 0
            for word in words:
                need = len(word) + (1 if used else 0)
                if used and used + need > capacity:
                    lines, used = lines + 1, len(word)
                else:
                    used += need
        height = max(15.0, style.size * 1.3 * lines + 3.0) if lines > 1 or style.size > 11 else 0.0
        if height > grid.heights.get(r, 0.0):
            grid.heights[r] = round(height, 1)
    return grid


def sheet_name(names: dict[str, str], lang: str, sheets: set[str] | None = None) -> str:
    """The output sheet's name: the one the workbook already has (either language), else `lang`'s."""
    preferred = names.get(lang, names["id"])
    for name in (preferred, *names.values()):
        if sheets is not None and name in sheets:
            return name
    return preferred


def new_grid(names: dict[str, str], lang: str, sheets: set[str] | None) -> Grid:
    sheet = sheet_name(names, lang, sheets)
    return Grid(
        sheet=sheet,
        styles=dict(BASE_STYLES),
        aliases=tuple(n for n in names.values() if n != sheet),
    )


def header_row(grid: Grid, row: int, labels: list[str]) -> None:
    for c, label in enumerate(labels):
        grid.put(row, c, label, "header")


def _names(
    card: Scorecard,
) -> tuple[dict[str, Perspective], dict[str, Objective], dict[str, Kpi], dict[str, Initiative]]:
    return (
        {p.id: p for p in card.perspectives},
        {o.id: o for o in card.objectives},
        {k.id: k for k in card.kpis},
        {i.id: i for i in card.initiatives},
    )


def _axis_max(settings: Settings, values: list[float | None]) -> float:
    """Scores are clipped to [0, cap]: the cap (at least 100 %) keeps every chart on one scale."""
    top = max([v for v in values if v is not None], default=0.0)
    return max(settings.cap, 1.0, top)


def dashboard(analysis: Analysis, sheets: set[str] | None = None) -> Grid:
    """The Dasbor / Dashboard sheet of an Analysis (see workbook.analysis); `sheets`: the workbook's."""
    lang = analysis.language
    card = analysis.card
    settings: Settings = card.settings
    grid = new_grid(DASHBOARD_SHEET, lang, sheets)
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    grid.widths = {
        0: 16.0,
        1: 40.0,
        2: 42.0,
        3: 13.0,
        4: 13.0,
        5: 24.0,  # also the attention list's analysis and action (SPEC 8)
        6: 24.0,
        7: 14.0,
        8: 15.0,
        9: 22.0,
    }
    grid.put(0, 0, t("dash_title"), "title")
    grid.heights[0] = 30.0  # the template's buttons sit on this row
    agency = " — ".join(x for x in (card.profile.agency, card.profile.unit) if x)
    grid.put(1, 0, t("agency"), "label")
    grid.put(1, 1, agency)
    grid.put(2, 0, t("period"), "label")
    period = analysis.period
    grid.put(2, 1, period.label(lang) if period is not None else "")
    grid.put(3, 0, t("dash_note"), "note")
    if analysis.errors:
        target = "'" + sheet_name(VALIDATION_SHEET, lang, sheets) + "'!A1"
        grid.put(4, 0, t("dash_errors", errors=analysis.errors), "alert", target)
    report = analysis.report
    row = 5
    if report is None:
        grid.put(row, 0, t("no_score"), "label")
        return fit_heights(grid)

    grid.put(row, 0, t("overall"), "section")
    row += 1
    overall = report.overall
    grid.put(row, 0, t("score"), "label")
    grid.put(row, 1, overall.score, band_style(grid, overall.band.colour, pct=True, big=True))
    grid.put(row, 2, overall.band.label(lang), band_style(grid, overall.band.colour, big=True))
    grid.put(row, 3, t("coverage"), "label")
    grid.put(row, 4, overall.coverage, "big_pct")
    row += 2

    # Perspectives, with the bar chart to the right.
    persp, objs, kpis, inits = _names(card)
    grid.put(row, 0, t("sec_perspectives"), "section")
    head = row + 1
    header_row(
        grid, head, [t("id"), t("perspective"), t("weight"), t("score"), t("band"), t("coverage")]
    )
    r = head + 1
    for p in report.perspectives:
        grid.put(r, 0, p.id, "cell")
        grid.put(r, 1, p.name, "cell")
        grid.put(r, 2, p.weight, "pct")
        grid.put(r, 3, p.score, "pct")
        grid.put(r, 4, p.band.label(lang), band_style(grid, p.band.colour))
        grid.put(r, 5, p.coverage, "pct")
        r += 1
    last = max(r - 1, head + 1)
    chart_bottom = row + 16
    grid.charts.append(
        Chart(
            kind="bar",
            name=f"{OWNED_PREFIX} perspectives",
            title=t("chart_perspectives"),
            anchor=Area(row, 7, chart_bottom, 13),
            categories=Area(head + 1, 1, last, 1),
            series=[
                Series(
                    t("score"),
                    (head, 3),
                    Area(head + 1, 3, last, 3),
                    [p.band.colour for p in report.perspectives],
                )
            ],
            axis_max=_axis_max(settings, [p.score for p in report.perspectives]),
        )
    )
    row = r + 1

    # Objectives.
    grid.put(row, 0, t("sec_objectives"), "section")
    header_row(
        grid,
        row + 1,
        [t("id"), t("perspective"), t("objective"), t("score"), t("band"), t("coverage")],
    )
    r = row + 2
    for o in report.objectives:
        grid.put(r, 0, o.id, "cell")
        grid.put(
            r,
            1,
            persp[o.perspective_id].name if o.perspective_id in persp else o.perspective_id,
            "cell",
        )
        grid.put(r, 2, objs[o.id].name if o.id in objs else "", "cell_wrap")
        grid.put(r, 3, o.score, "pct")
        grid.put(r, 4, o.band.label(lang), band_style(grid, o.band.colour))
        grid.put(r, 5, o.coverage, "pct")
        r += 1
    row = max(r, chart_bottom) + 1

    # KPIs of the report period.
    grid.put(row, 0, t("sec_kpis"), "section")
    header_row(
        grid,
        row + 1,
        [
            t("id"),
            t("kpi"),
            t("objective"),
            t("target"),
            t("target_upper"),
            t("actual"),
            t("achievement_raw"),
            t("achievement"),
            t("band"),
            t("owner"),
        ],
    )
    # SPEC 8: the annual (PK) target and last year's actual, only when some KPI has them
    sakip = [
        (key, name)
        for key, name in (
            ("dash_annual_target", "annual_target"),
            ("dash_last_year", "last_year_actual"),
        )
        if any(getattr(k, name) is not None for k in report.kpis)
    ]
    for j, (key, _) in enumerate(sakip):
        grid.put(row + 1, 10 + j, lkjip_text(key, lang), "header")
        grid.widths[10 + j] = 14.0
    r = row + 2
    for k in report.kpis:
        kpi = kpis.get(k.id)
        grid.put(r, 0, k.id, "cell")
        grid.put(r, 1, kpi.name if kpi else "", "cell_wrap")
        grid.put(
            r,
            2,
            objs[k.objective_id].name if k.objective_id in objs else k.objective_id,
            "cell_wrap",
        )
        grid.put(r, 3, k.target, number_style(grid, k.target))
        grid.put(r, 4, k.target_upper, number_style(grid, k.target_upper))
        grid.put(r, 5, k.actual, number_style(grid, k.actual))
        grid.put(r, 6, k.achievement_raw, "pct")
        grid.put(r, 7, k.achievement, "pct")
        grid.put(r, 8, k.band.label(lang), band_style(grid, k.band.colour))
        grid.put(r, 9, kpi.owner if kpi else "", "cell_wrap")
        for j, (_, name) in enumerate(sakip):
            value = getattr(k, name)
            grid.put(r, 10 + j, value, number_style(grid, value))
        r += 1
    row = r + 1

    # Needs attention (calc.attention): below the setting attention_below, lowest first.
    threshold = fmt_percent(settings.attention_below, lang, 0)
    grid.put(row, 0, t("sec_offtrack", threshold=threshold), "section")
    off = attention_list(report.kpis)
    follow_up = ("analysis", "action", "action_owner", "action_due")  # SPEC 8, of the report period
    header_row(
        grid,
        row + 1,
        [t("id"), t("kpi"), t("owner"), t("achievement"), t("band")]
        + [lkjip_text(f"lkjip_col_{key}", lang) for key in follow_up],
    )
    r = row + 2
    if not off:
        grid.put(r, 0, t("none_offtrack", threshold=threshold), "note")
        r += 1
    for k in off:
        kpi = kpis.get(k.id)
        grid.put(r, 0, k.id, "cell")
        grid.put(r, 1, kpi.name if kpi else "", "cell_wrap")
        grid.put(r, 2, kpi.owner if kpi else "", "cell_wrap")
        grid.put(r, 3, k.achievement, "pct")
        grid.put(r, 4, k.band.label(lang), band_style(grid, k.band.colour))
        due = fmt_date(k.action_due, lang) if k.action_due else None
        for j, value in enumerate((k.analysis, k.action, k.action_owner, due)):
            grid.put(r, 5 + j, value or None, "cell_wrap")
        r += 1
    row = r + 1

    row = _initiatives(grid, row, report, inits, t)
    _trend(grid, row, analysis, persp, t)
    return fit_heights(grid)


def _initiatives(
    grid: Grid, row: int, report: ScoreReport, inits: dict[str, Initiative], t: Texts
) -> int:
    grid.put(row, 0, t("sec_initiatives"), "section")
    header_row(
        grid,
        row + 1,
        [
            t("id"),
            t("initiative"),
            t("owner"),
            t("progress"),
            t("planned"),
            t("absorption"),
            t("budget"),
            t("spent"),
            t("schedule"),
        ],
    )
    r = row + 2
    if not report.initiatives:
        grid.put(r, 0, t("none_initiatives"), "note")
        r += 1
    late = band_style(grid, "#E53935")
    ok = band_style(grid, "#43A047")
    for i in report.initiatives:
        init = inits.get(i.id)
        grid.put(r, 0, i.id, "cell")
        grid.put(r, 1, init.name if init else "", "cell_wrap")
        grid.put(r, 2, init.owner if init else "", "cell_wrap")
        grid.put(r, 3, i.progress, "pct")
        grid.put(r, 4, i.planned_progress, "pct")
        over = i.budget_absorption is not None and i.budget_absorption > 1.0
        grid.put(
            r, 5, i.budget_absorption, band_style(grid, "#FB8C00", pct=True) if over else "pct"
        )
        grid.put(r, 6, init.budget if init else None, "money")
        grid.put(r, 7, init.spent if init else None, "money")
        grid.put(
            r,
            8,
            t("behind") if i.behind_schedule else t("on_track"),
            late if i.behind_schedule else ok,
        )
        r += 1
    return r + 1


def _trend(
    grid: Grid, row: int, analysis: Analysis, persp: dict[str, Perspective], t: Texts
) -> None:
    points = list(analysis.trend or [])
    grid.put(row, 0, t("sec_trend"), "section")
    ids = [p.id for p in analysis.report.perspectives] if analysis.report is not None else []
    head = row + 1
    header_row(
        grid,
        head,
        [t("trend_period"), t("trend_overall")] + [persp[i].name if i in persp else i for i in ids],
    )
    r = head + 1
    lang = analysis.language
    for point in points:
        grid.put(r, 0, point.period.label(lang), "cell")
        grid.put(r, 1, point.overall, "pct")
        for j, pid in enumerate(ids):
            grid.put(r, 2 + j, point.perspectives.get(pid), "pct")
        r += 1
    if not points:
        return
    last = r - 1
    series = [Series(t("trend_overall"), (head, 1), Area(head + 1, 1, last, 1))]
    for j in range(len(ids)):
        series.append(
            Series(
                grid.cells[(head, 2 + j)].value, (head, 2 + j), Area(head + 1, 2 + j, last, 2 + j)
            )
        )
    grid.charts.append(
        Chart(
            kind="line",
            name=f"{OWNED_PREFIX} trend",
            title=t("chart_trend"),
            anchor=Area(
                row,
                7 if len(ids) < 5 else 2 + len(ids) + 1,
                row + 16,
                13 if len(ids) < 5 else len(ids) + 9,
            ),
            categories=Area(head + 1, 0, last, 0),
            series=series,
            axis_max=_axis_max(
                analysis.card.settings,
                [v for p in points for v in (p.overall, *p.perspectives.values())],
            ),
        )
    )


NO_DATA_COLOUR = NO_DATA_BAND.colour


def validation(analysis: Analysis, sheets: set[str] | None = None) -> Grid:
    """The Validasi / Validation sheet (built in layout_validation)."""
    from egov_bsc_xl.workbook.writing.layout_validation import validation as build

    return build(analysis, sheets)


__all__ = [
    "Area",
    "Cell",
    "Chart",
    "Grid",
    "Series",
    "Style",
    "dashboard",
    "fit_heights",
    "sheet_name",
    "validation",
]
