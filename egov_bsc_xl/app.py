"""The use cases of the product: analyse, recalc, deck and demo (SPEC 5).

The command line (cli.py, which only parses arguments and prints) and the workbook's buttons
(xl/macros.py, which only show a message box) both call these functions; nothing else decides
what a command does. The file mechanics stay in the workbook package (workbook/writing/recalc.py for
the safe rewrite of a file, deck/build.py for a deck's bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from egov_bsc_xl.calc.engine import choose_period, kpi_frame, score, trend
from egov_bsc_xl.errors import BscError, NothingToScore
from egov_bsc_xl.garbage import collection_paused, settle
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.model.consolidation import ConsolidationReport
from egov_bsc_xl.model.issues import Issue
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.scorecard import Scorecard
from egov_bsc_xl.validate import validate
from egov_bsc_xl.workbook.reading.analysis import Analysis
from egov_bsc_xl.workbook.reading.reader import ReadResult, read_workbook, workbook_language
from egov_bsc_xl.workbook.reading.source import TableSource
from egov_bsc_xl.workbook.writing import layout
from egov_bsc_xl.workbook.writing.owned_sheets import computed_values, owned_grids
from egov_bsc_xl.workbook.writing.recalc import (
    BookPort,
    FileBook,
    RecalcResult,
    rewrite,
)

AUDIENCES = ("leadership", "public")


# ---------------------------------------------------------------- analyse (validate, score)


def analyse(
    source: str | Path | TableSource | ReadResult,
    period: Period | str | None = None,
    *,
    with_trend: bool = True,
    with_score: bool = True,
) -> Analysis:
    """Read and validate a workbook and score its report period.

    Scores are computed even when validation found errors: cells in error are left out as no
    data, so a deck can still show what is known beside a list of the errors. Raises
    UnusableInput for a file that cannot be read, and PeriodError for a bad `period`. `source`
    may be a workbook already read (ReadResult).
    """
    result = source if isinstance(source, ReadResult) else read_workbook(source)
    chosen = choose_period(result.card, period)
    frame = kpi_frame(result.card, chosen)
    issues = validate(result, chosen, frame)
    report = score(result.card, chosen, frame) if with_score else None
    points = trend(result.card, chosen) if with_trend and with_score else []
    return Analysis(
        card=result.card, issues=issues, period=chosen, report=report, trend=points, read=result
    )


def analysis_of(
    card: Scorecard, period: Period | str | None = None, issues: Sequence[Issue] = ()
) -> Analysis:
    """The Analysis of a scorecard made in code (tests, scripts): the same scoring as `analyse`."""
    chosen = choose_period(card, period)
    return with_last_year(
        Analysis(
            card=card,
            issues=list(issues),
            period=chosen,
            report=score(card, chosen),
            trend=trend(card, chosen),
        )
    )


# ---------------------------------------------------------------- recalc (the buttons' and the command's)


def refresh(
    book: BookPort, period: Period | str | None = None, *, dashboard: bool = True
) -> Analysis:
    """Analyse the book, write its Dasbor, LKjIP and Validasi sheets and refresh the computed cells.

    `book` is a file (workbook/writing/recalc.FileBook) or the book open in Excel (xl/book.XlwingsBook).
    With `dashboard=False` (the Validasi button) only the Validasi sheet is written and nothing
    is scored.
    """
    with collection_paused():
        read = read_workbook(book.source)
    if dashboard and read.card.units:  # a parent (SPEC 9): its units are rolled up first
        from egov_bsc_xl.consolidate import refresh_parent

        return refresh_parent(book, book.path, period, read=read).analysis
    with collection_paused():
        analysis = analyse(read, period, with_trend=dashboard, with_score=dashboard)
        sheets = book.sheet_names()
        grids = (
            owned_grids(analysis, sheets) if dashboard else [layout.validation(analysis, sheets)]
        )
        book.write_sheets(grids)
        if dashboard:
            book.refresh_computed(computed_values(analysis))
        settle()  # the collector's next pass would walk all that was made here (0.11 s at 1M rows)
    return analysis


def recalc(
    path: str | Path,
    period: Period | str | None = None,
    output: str | Path | None = None,
    *,
    force: bool = False,
    wait: float = 0.0,
) -> RecalcResult:
    """Write Dasbor and Validasi into the workbook at `path` (or into `output`, leaving `path` as it is).

    The file mechanics (lock, backup, checks, atomic replace) are workbook/writing/recalc.rewrite's; see there.
    """
    return rewrite(path, output, lambda book: refresh(book, period), force=force, wait=wait)


# ---------------------------------------------------------------- deck


def deck_analysis(
    source: str | Path | TableSource | ReadResult, period: Period | str | None = None
) -> Analysis:
    """The analysis a deck is made from; NothingToScore when errors leave no score to present."""
    return _presentable(analyse(source, period, with_trend=True))


def _presentable(analysis: Analysis) -> Analysis:
    report = analysis.report
    if report is None or not report.perspectives or not report.kpis:
        raise NothingToScore(analysis)
    return analysis


def deck_inputs(
    source: str | Path | TableSource,
    period: Period | str | None = None,
    parent: str | Path | None = None,
) -> tuple[Analysis, ConsolidationReport | None]:
    """The analysis a deck is made from and, for a parent workbook with units (SPEC 9), its
    consolidation: the parent's rolled-up KPIs filled in, and the report of the units slide.

    `parent` is the workbook's path (its units' files are relative to its folder); without it, or
    for a workbook without units, there is no consolidation. The workbook is read once.
    """
    read = read_workbook(source)
    if not read.card.units or parent is None:
        return deck_analysis(read, period), None
    from egov_bsc_xl.consolidate import consolidate_book

    done = consolidate_book(read, Path(parent), period)
    return _presentable(done.analysis), done.report


def make_deck(
    analysis: Analysis,
    audience: str,
    output: str | Path,
    master: str | Path | None = None,
    *,
    base_dir: str | Path | None = None,
    allow_logo_outside: bool = False,
    on_warning: Callable[[str], None] | None = None,
    units: ConsolidationReport | None = None,
) -> Path:
    """Write the `audience` deck of `analysis` to `output`; the path written. `units`: the parent's
    consolidation (SPEC 9), which adds the units slide to the leadership deck."""
    from egov_bsc_xl.deck.build import build_deck

    return build_deck(
        with_last_year(analysis),
        audience,
        output,
        master,
        base_dir=base_dir,
        allow_logo_outside=allow_logo_outside,
        on_warning=on_warning,
        units=units,
    )


def make_decks(
    analysis: Analysis,
    workbook: str | Path,
    on_warning: Callable[[str], None] | None = None,
    units: ConsolidationReport | None = None,
) -> list[Path]:
    """Both decks (leadership, public) beside `workbook`, named <stem>-<audience>-<period>.pptx;
    `units`: a parent's consolidation (the leadership deck's units slide)."""
    from egov_bsc_xl.deck.build import default_output

    folder = Path(workbook).parent
    return [
        make_deck(
            analysis,
            audience,
            default_output(workbook, audience, analysis.period.code),
            base_dir=folder,
            on_warning=on_warning,
            units=units,
        )
        for audience in AUDIENCES
    ]


def with_last_year(analysis: Analysis) -> Analysis:
    """`analysis` with `last_year`: the engine's report for the same period one year earlier (the
    decks' comparison slide, SPEC 8), when some KPI has last year's figure; else `analysis`."""
    report = analysis.report
    if analysis.last_year is not None or report is None:
        return analysis
    if not any(k.last_year_actual is not None for k in report.kpis):
        return analysis
    period = analysis.period
    before = score(analysis.card, Period(period.year - 1, period.end_month, period.months))
    return replace(analysis, last_year=before)


# ---------------------------------------------------------------- demo

DEMO_WORKBOOK = "egov-bsc-demo.xlsm"
DEMO_STEPS = ("build", "recalc", "leadership", "public", "family")


@dataclass
class DemoResult:
    folder: Path
    workbook: Path
    decks: dict[str, Path] = field(default_factory=dict)
    analysis: Analysis | None = None
    family: dict[str, Path] = field(default_factory=dict)  # SPEC 9: pemda/ parent and units


def demo(folder: str | Path, step: Callable[[str], None] = lambda _: None) -> DemoResult:
    """Make the Indonesian demo in `folder`, replacing only the files the demo itself writes.

    `step` is called with each name of DEMO_STEPS before that step starts (for a progress display).
    The workbook uses native Excel formulas so that it also shows its numbers where Python
    is not installed; the decks are named <workbook>-<audience>-<period>.pptx.
    """
    from egov_bsc_xl.deck.build import default_output
    from egov_bsc_xl.workbook.opc.files import atomic_write
    from egov_bsc_xl.workbook.template.build import build

    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise BscError(both("msg.cli.not_folder", path=target) + ".")
    target.mkdir(parents=True, exist_ok=True)
    workbook = target / DEMO_WORKBOOK
    draft = target / f".{DEMO_WORKBOOK}.draft.xlsm"

    step("build")
    atomic_write(draft, build("id", "native", demo=True))
    try:
        step("recalc")  # recalc validates too: one read of the workbook for both
        result = recalc(draft, output=workbook)
    finally:
        draft.unlink(missing_ok=True)
    if result.analysis.errors:
        raise BscError(both("msg.new.demo_errors", count=result.analysis.errors) + ".")
    made = DemoResult(folder=target, workbook=workbook, analysis=result.analysis)
    for audience in AUDIENCES:
        step(audience)
        path = default_output(workbook, audience, result.analysis.period.code)
        made.decks[audience] = make_deck(result.analysis, audience, path)
    step("family")
    made.family = demo_family(target)
    return made


def demo_family(folder: str | Path, lang: str = "id") -> dict[str, Path]:
    """The Pemda family of the demo (workbook/template/demo_family) in `folder`/pemda: a parent
    with tblUnits and three unit workbooks, each built, validated and recalculated like the demo
    workbook. Returns file name -> path, the parent first."""
    from egov_bsc_xl.workbook.opc.files import atomic_write
    from egov_bsc_xl.workbook.template.demo_family import FAMILY_FOLDER, family_books

    target = Path(folder) / FAMILY_FOLDER
    if target.exists() and not target.is_dir():
        raise BscError(both("msg.cli.not_folder", path=target) + ".")
    target.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    for name, data in family_books(lang).items():
        path, draft = target / name, target / f".{name}.draft.xlsm"
        atomic_write(draft, data)
        try:
            result = recalc(draft, output=path)
        finally:
            draft.unlink(missing_ok=True)
        if result.analysis.errors:
            errors = result.analysis.errors
            raise BscError(both("msg.new.demo_unit_errors", name=name, count=errors) + ".")
        made[name] = path
    return made


__all__ = [
    "AUDIENCES",
    "DEMO_STEPS",
    "DEMO_WORKBOOK",
    "DemoResult",
    "FileBook",
    "NothingToScore",
    "analyse",
    "analysis_of",
    "computed_values",
    "deck_analysis",
    "deck_inputs",
    "demo",
    "demo_family",
    "make_deck",
    "make_decks",
    "recalc",
    "refresh",
    "workbook_language",
]
