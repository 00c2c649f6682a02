"""`egov-bsc consolidate` (SPEC 9): read a parent's units in parallel, roll up, score the parent.

The flow of `consolidate(PARENT)`:

1. the parent is read (its tblUnits and the KPIs with a `rollup`);
2. every active unit is summarised by `summarise_unit` in a process pool (all cores): each worker
   reads one unit workbook, validates and scores it and returns a small `UnitSummary` (status,
   scores, counts, and per source KPI the per-period actual and target), never the workbook;
   summaries are folded in as they arrive;
3. the units' figures are rolled up per period (calc/rollup) into the parent's measurement frame
   (a value the parent typed itself wins, W040 when it differs);
4. the parent is validated and scored, with W050 (unit missing or unusable) and W051 (no data for
   the period) among its issues, and its Dasbor, Validasi and Konsolidasi sheets are written with
   recalc's safety (workbook/writing/recalc.rewrite).

`compare(UNITS, OUT)` is the same without a parent: the units' summaries into a new comparison
workbook. A unit's own tblUnits is not followed (a unit is read as an ordinary scorecard), so a
chain or cycle of parents can never loop.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.engine import choose_period, headline, kpi_frame, score, trend
from egov_bsc_xl.calc.rollup import Differs, Figures, UnitSeries, differs, roll_periods
from egov_bsc_xl.errors import BscError, PeriodError, UnusableInput, WriteError
from egov_bsc_xl.i18n.catalogue import CATALOGUE, both
from egov_bsc_xl.i18n.formats import os_reason
from egov_bsc_xl.i18n.words import fold_word
from egov_bsc_xl.model.consolidation import (
    ConsolidationReport,
    RollupResult,
    UnitPerspective,
    UnitResult,
    UnitStatus,
    UnitValue,
)
from egov_bsc_xl.model.issues import Issue
from egov_bsc_xl.model.period import Period, parse_period
from egov_bsc_xl.model.report import OverallResult, ReportBand, ReportPeriod
from egov_bsc_xl.model.scorecard import Band, Kpi, Scorecard, Unit, frame_from_records
from egov_bsc_xl.validate import validate
from egov_bsc_xl.validate.collector import Collector
from egov_bsc_xl.validate.units import consolidation_issues
from egov_bsc_xl.workbook.contract import MEASUREMENTS, UNITS
from egov_bsc_xl.workbook.opc.files import backup_path, check_overwrite, real_path
from egov_bsc_xl.workbook.reading.analysis import Analysis
from egov_bsc_xl.workbook.reading.reader import ReadResult, read_workbook
from egov_bsc_xl.workbook.reading.source import TableSource
from egov_bsc_xl.workbook.writing.compare_book import write_comparison
from egov_bsc_xl.workbook.writing.layout import Grid
from egov_bsc_xl.workbook.writing.layout_consolidation import consolidation
from egov_bsc_xl.workbook.writing.owned_sheets import computed_values, owned_grids
from egov_bsc_xl.workbook.writing.recalc import BookPort, FileBook, RecalcResult, rewrite

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
Reason = tuple[str, str]  # (Indonesian, English)


def _text(key: str, **values: object) -> Reason:
    """A cli.* text as its (Indonesian, English) pair, filled in."""
    id_text, en_text = CATALOGUE[f"cli.{key}"]
    return id_text.format(**values), en_text.format(**values)


# ---------------------------------------------------------------- one unit (runs in a worker)


@dataclass(frozen=True)
class UnitJob:
    """What a worker needs to summarise one unit (small and picklable)."""

    id: str
    name: str
    file: str  # as written in tblUnits, or as given on the command line
    path: str  # the file to read
    period: str | None  # the report period's code; None: the unit's own default period
    sources: tuple[str, ...] = ()  # source KPI ids (or library codes) whose figures are wanted
    parent: str = ""  # the parent's real path (to notice a unit listing the parent)


@dataclass
class UnitSummary:
    """What a worker returns of one unit: never the workbook itself."""

    id: str
    name: str
    file: str
    status: UnitStatus
    reason: Reason = ("", "")  # why missing or unusable
    period: str = ""  # the period it was scored for
    overall: float | None = None
    band: Band | None = None
    coverage: float = 0.0
    errors: int = 0
    warnings: int = 0
    perspectives: list[tuple[str, float | None]] = field(default_factory=list)
    figures: dict[str, dict[str, Figures]] = field(
        default_factory=dict
    )  # source -> period -> figures
    title: str = ""  # the unit's own name (tblProfile unit, else agency)
    lang: str = "id"
    lists_parent: bool = False  # its own tblUnits names the parent: read as an ordinary unit

    def to_json(self) -> dict[str, Any]:
        """The summary as plain JSON (the hand-off point between machines: see README)."""
        data = asdict(self)
        data["status"] = self.status.value
        data["band"] = self.band.model_dump() if self.band is not None else None
        data["figures"] = {
            source: {code: list(figures) for code, figures in periods.items()}
            for source, periods in self.figures.items()
        }
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UnitSummary:
        """The summary `to_json` wrote (made on another machine)."""
        values = dict(data)
        values["status"] = UnitStatus(values["status"])
        values["reason"] = tuple(values["reason"])
        values["band"] = Band.model_validate(values["band"]) if values["band"] else None
        values["perspectives"] = [tuple(p) for p in values["perspectives"]]
        values["figures"] = {
            source: {code: tuple(figures) for code, figures in periods.items()}
            for source, periods in values["figures"].items()
        }
        return cls(**values)


def summarise_unit(job: UnitJob) -> UnitSummary:
    """Read, validate and score one unit workbook; a unit that cannot be read is a status, never
    an exception (the pool goes on with the others)."""
    summary = UnitSummary(job.id, job.name, job.file, UnitStatus.OK)
    path = Path(job.path)
    try:
        if not path.exists():
            summary.status, summary.reason = UnitStatus.MISSING, _text("cons_missing")
        elif path.is_dir():
            summary.status, summary.reason = UnitStatus.UNUSABLE, _text("cons_folder")
        elif path.suffix.lower() not in WORKBOOK_SUFFIXES:
            summary.status, summary.reason = UnitStatus.UNUSABLE, _text("cons_not_excel")
        else:
            _summarise(job, path, summary)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - one broken unit never stops the consolidation
        summary.status, summary.reason = UnitStatus.UNUSABLE, _reason_of(exc)
        summary.figures, summary.perspectives = {}, []
    return summary


def _reason_of(exc: BaseException) -> Reason:
    if isinstance(exc, BscError):
        said = " ".join(str(exc).split())
        return said, said  # the package's sentences are already Indonesian (English)
    if isinstance(exc, OSError):
        return os_reason(exc)
    detail = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    return _text("cons_unreadable", detail=detail)


def _summarise(job: UnitJob, path: Path, summary: UnitSummary) -> None:
    result = read_workbook(path)
    card = result.card
    chosen = choose_period(card, job.period)
    frame = kpi_frame(card, chosen)
    issues = validate(result, chosen, frame)
    overall, coverage, perspectives = headline(card, chosen, frame)  # not the per-KPI report
    summary.lang = result.language
    summary.title = card.profile.unit or card.profile.agency
    summary.period = chosen.code
    summary.errors = sum(1 for i in issues if i.is_error)
    summary.warnings = len(issues) - summary.errors
    summary.overall = overall
    summary.band = card.settings.band(overall) if overall is not None else None
    summary.coverage = coverage
    summary.perspectives = perspectives
    summary.figures = unit_figures(card, job.sources)
    if not has_data(card, chosen):
        summary.status = UnitStatus.NO_DATA
    if job.parent and card.units:
        base = path.parent
        summary.lists_parent = any(
            u.file and _same_file(base / u.file, Path(job.parent)) for u in card.units
        )


def has_data(card: Scorecard, period: Period) -> bool:
    """Whether any measurement row ending with the period (same year and end month) has an actual."""
    m = card.measurements  # over the arrays: pandas' Series masks cost a unit 0.4 ms
    year, end = m["year"].to_numpy(), m["end_month"].to_numpy()
    here = (year == period.year) & (end == period.end_month) & ~np.isnan(m["actual"].to_numpy())
    return bool(here.any())


def unit_figures(card: Scorecard, sources: Sequence[str]) -> dict[str, dict[str, Figures]]:
    """Source KPI -> period code -> (actual, target, target_upper) of the unit's measurement rows.

    A source is the unit KPI of that id (ignoring case), or a KPI library code: then the unit KPI
    whose id is the code, or whose name is the library entry's name in either language. A source
    the unit does not have is left out (the unit has no value for it).
    """
    if not sources:
        return {}
    by_id = {k.id.casefold(): k.id for k in card.kpis if k.id}
    wanted: dict[str, list[str]] = {}  # unit KPI id -> the sources it feeds
    for source in sources:
        kpi_id = by_id.get(source.casefold()) or _library_match(card, source)
        if kpi_id is not None:
            wanted.setdefault(kpi_id, []).append(source)
    out: dict[str, dict[str, Figures]] = {s: {} for ids in wanted.values() for s in ids}
    m = card.measurements
    for kpi_id, code, actual, target, upper in zip(  # one pass over the rows, at C speed
        m["kpi_id"].tolist(),
        m["period"].tolist(),
        m["actual"].tolist(),
        m["target"].tolist(),
        m["target_upper"].tolist(),
        strict=True,
    ):
        for source in wanted.get(kpi_id, ()):
            periods = out[source]
            if code not in periods:  # a repeated row (E027 in the unit): the first counts
                periods[code] = (_num(actual), _num(target), _num(upper))
    return out


def _library_match(card: Scorecard, code: str) -> str | None:
    from egov_bsc_xl.workbook.template.kpi_library import BY_CODE

    entry = BY_CODE.get(code) or BY_CODE.get(code.upper())
    if entry is None:
        return None
    names = {fold_word(entry.name_id), fold_word(entry.name_en)}
    return next((k.id for k in card.kpis if fold_word(k.name) in names), None)


def _num(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else number


def _same_file(a: Path, b: Path) -> bool:
    try:
        return real_path(a) == real_path(b)
    except OSError:
        return False


# ---------------------------------------------------------------- the pool


def worker_count(workers: int | None = None) -> int:
    """`workers`, else EGOV_BSC_WORKERS, else every core."""
    if workers is None:
        said = os.environ.get("EGOV_BSC_WORKERS", "").strip()
        workers = int(said) if said.isdigit() else 0
    return workers if workers > 0 else (os.cpu_count() or 1)


def summarise_units(jobs: Sequence[UnitJob], workers: int | None = None) -> Iterator[UnitSummary]:
    """The summaries of `jobs`, in their order, as they are made (streamed: nothing else is kept).

    With more than one job and one worker, a process pool of `worker_count(workers)` processes reads
    them. Should a worker die (a reader crashing the process), the jobs not yet done are read each
    in a pool of its own, and the one that kills its pool is reported unusable.
    """
    count = min(worker_count(workers), len(jobs))
    if count <= 1:
        yield from map(summarise_unit, jobs)
        return
    chunk = max(1, min(8, len(jobs) // (count * 4)))
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=count) as pool:
            for summary in pool.map(summarise_unit, jobs, chunksize=chunk):
                done += 1
                yield summary
    except BrokenProcessPool:
        for job in jobs[done:]:
            yield _isolated(job)


def _isolated(job: UnitJob) -> UnitSummary:
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(summarise_unit, job).result()
    except BrokenProcessPool:
        return UnitSummary(
            job.id, job.name, job.file, UnitStatus.UNUSABLE, reason=_text("cons_crashed")
        )


def _run(jobs: list[UnitJob], workers: int | None, on_unit: Callback) -> list[UnitSummary]:
    summaries = []
    for n, summary in enumerate(summarise_units(jobs, workers)):
        summaries.append(summary)
        on_unit(n + 1, len(jobs), summary)
    return summaries


def _rescore(
    jobs: list[UnitJob],
    summaries: list[UnitSummary],
    chosen: Period,
    workers: int | None,
) -> None:
    """Units scored at a default period other than `chosen` are scored again at `chosen`."""
    again = [
        n
        for n, s in enumerate(summaries)
        if s.status in (UnitStatus.OK, UnitStatus.NO_DATA) and s.period != chosen.code
    ]
    redo = [_with_period(jobs[n], chosen.code) for n in again]
    for n, summary in zip(again, summarise_units(redo, workers), strict=True):
        summaries[n] = summary


def _with_period(job: UnitJob, code: str) -> UnitJob:
    return UnitJob(job.id, job.name, job.file, job.path, code, job.sources, job.parent)


Callback = Callable[[int, int, UnitSummary], None]


def _quiet(done: int, total: int, summary: UnitSummary) -> None:
    """The default progress callback: nothing."""


# ---------------------------------------------------------------- the parent


@dataclass
class ConsolidationResult:
    """What consolidate or compare did: the report, the parent's analysis and the file written."""

    report: ConsolidationReport
    analysis: Analysis | None = None  # the parent's (None for a comparison without a parent)
    written: RecalcResult | None = None  # the parent's rewrite
    output: Path | None = None  # the file written
    notes: list[str] = field(default_factory=list)  # sentences for the user, in the language
    language: str = "id"  # the parent's, or the units' (of the comparison workbook)

    @property
    def units_missing(self) -> int:
        """Units missing, unusable or without data for the period."""
        return sum(1 for u in self.report.units if u.status is not UnitStatus.OK)

    @property
    def exit_code(self) -> int:
        """1 when the parent has validation errors or any unit is not ok, else 0 (SPEC 9)."""
        errors = self.analysis.errors if self.analysis is not None else 0
        return 1 if errors or self.units_missing else 0


@dataclass
class Rolled:
    """One rolled-up parent KPI: its method, source, and the units' and rolled-up figures."""

    kpi_id: str
    source: str
    method: str
    series: list[UnitSeries]
    periods: dict[str, Figures]


def consolidate(
    path: str | Path,
    period: Period | str | None = None,
    output: str | Path | None = None,
    *,
    force: bool = False,
    wait: float = 0.0,
    workers: int | None = None,
    on_unit: Callback = _quiet,
) -> ConsolidationResult:
    """Consolidate the parent workbook at `path` and write its Dasbor, Validasi and Konsolidasi
    sheets into it (or into `output`), with recalc's safety (lock, backup, atomic replace).

    Raises UnusableInput for an unreadable parent or one without tblUnits, PeriodError for a bad
    `period`, RecalcError and the like when the file cannot be written.
    """
    parent = Path(path)
    made: dict[str, object] = {}

    def update(book: FileBook) -> Analysis:
        done = refresh_parent(book, parent, period, workers=workers, on_unit=on_unit)
        made.update(report=done.report, notes=done.notes)
        return done.analysis

    written = rewrite(path, output, update, force=force, wait=wait)
    report = made["report"]
    assert isinstance(report, ConsolidationReport)
    notes = made["notes"]
    assert isinstance(notes, list)
    return ConsolidationResult(
        report, written.analysis, written, written.path, notes, written.analysis.language
    )


def refresh_parent(
    book: BookPort,
    parent: Path,
    period: Period | str | None = None,
    *,
    read: ReadResult | None = None,
    workers: int | None = None,
    on_unit: Callback = _quiet,
) -> Consolidated:
    """Consolidate the parent open as `book` (a file, or the book in Excel: `recalc` and the
    *Hitung Ulang* button of a parent come here) and write recalc's sheets and Konsolidasi.
    `read`: the book already read (it is not read twice)."""
    source = read if read is not None else book.source
    done = consolidate_book(source, parent, period, workers=workers, on_unit=on_unit)
    analysis = done.analysis
    book.write_sheets(sheet_grids(analysis, done.report, book.sheet_names()))
    # Capaian/Status of tblMeasurements follow the table's own cells (the roll-up is not typed
    # into them), so their cached values are those of the figures as typed.
    typed = replace(analysis, card=analysis.card.model_copy(update={"measurements": done.typed}))
    book.refresh_computed(computed_values(typed))
    return done


def sheet_grids(analysis: Analysis, report: ConsolidationReport, sheets: set[str]) -> list[Grid]:
    """The sheets consolidate writes: recalc's (Dasbor, LKjIP, Validasi), then Konsolidasi."""
    return [*owned_grids(analysis, sheets), consolidation_grid(report, analysis, sheets)]


def consolidation_grid(
    report: ConsolidationReport, analysis: Analysis | None, sheets: set[str]
) -> Grid:
    """The Konsolidasi / Consolidation sheet (its layout is workbook/writing/layout_consolidation)."""
    return consolidation(report, analysis, sheets)


@dataclass
class Consolidated:
    """What consolidate_book found: the parent's analysis (its measurements with the roll-ups
    filled in), the report of SPEC 9, notes for the user, and the measurements as typed."""

    analysis: Analysis
    report: ConsolidationReport
    notes: list[str]
    typed: pd.DataFrame


def consolidate_book(
    source: str | Path | TableSource | ReadResult,
    parent: Path,
    period: Period | str | None = None,
    *,
    workers: int | None = None,
    on_unit: Callback = _quiet,
) -> Consolidated:
    """The parent's analysis with its units rolled up, the consolidation report and notes.

    `source` is the parent's TableSource, its path, or the parent already read; `parent` its path
    (unit files are relative to its folder). Writes nothing.
    """
    result = source if isinstance(source, ReadResult) else read_workbook(source)
    card, lang = result.card, result.language
    if UNITS.name not in result.tables or not card.units:  # every template has an empty tblUnits
        raise UnusableInput(both("cli.cons_no_units_table", name=parent.name))
    asked = choose_period(card, period) if (period or card.profile.report_period) else None
    rolled_kpis = [k for k in card.kpis if k.rollup]
    sources = tuple(dict.fromkeys(k.source_kpi or k.id for k in rolled_kpis))
    parent_real = str(real_path(parent)) if parent.exists() else str(parent.resolve())
    base = parent.parent

    active = [u for u in card.units if u.active]
    jobs: list[UnitJob] = []
    slots: list[UnitSummary | int] = []  # a summary made here, or the index of its job
    for unit in active:
        if not unit.file:
            slots.append(
                UnitSummary(
                    unit.id, unit.name, unit.file, UnitStatus.MISSING, _text("cons_no_file")
                )
            )
            continue
        where = base / unit.file
        if _same_file(where, parent):
            slots.append(
                UnitSummary(unit.id, unit.name, unit.file, UnitStatus.UNUSABLE, _text("cons_self"))
            )
            continue
        slots.append(len(jobs))
        jobs.append(
            UnitJob(
                unit.id,
                unit.name,
                unit.file,
                str(where),
                asked.code if asked else None,
                sources,
                parent_real,
            )
        )
    read = _run(jobs, workers, on_unit)
    summaries = [read[s] if isinstance(s, int) else s for s in slots]

    rolled = _roll(rolled_kpis, summaries, [u.weight for u in active])
    typed = card.measurements
    pending = fill_rollups(card, result, rolled)
    chosen = choose_period(card, period)
    if asked is None:
        _rescore(jobs, read, chosen, workers)
        summaries = [read[s] if isinstance(s, int) else s for s in slots]

    frame = kpi_frame(card, chosen)
    issues = validate(result, chosen, frame)
    issues += unit_issues(result, active, summaries, chosen, pending)
    report = score(card, chosen, frame)
    analysis = Analysis(
        card=card,
        issues=issues,
        period=chosen,
        report=report,
        trend=trend(card, chosen),
        read=result,
    )
    overall = report.overall
    consolidated = build_report(
        chosen,
        summaries,
        rolled,
        lang,
        OverallResult(score=overall.score, band=overall.band, coverage=overall.coverage),
    )
    notes = [
        _pick(_text("cons_lists_parent", unit=s.id, file=s.file), lang)
        for s in summaries
        if s.lists_parent
    ]
    return Consolidated(analysis, consolidated, notes, typed)


def _pick(pair: Reason, lang: str) -> str:
    from egov_bsc_xl.i18n.language import pick

    return str(pick(lang, *pair))


def _roll(kpis: list[Kpi], summaries: list[UnitSummary], weights: list[float]) -> list[Rolled]:
    usable = [
        (s, w)
        for s, w in zip(summaries, weights, strict=True)
        if s.status in (UnitStatus.OK, UnitStatus.NO_DATA)
    ]
    out = []
    for kpi in kpis:
        source = kpi.source_kpi or kpi.id
        series = [UnitSeries(s.id, w, s.figures[source]) for s, w in usable if source in s.figures]
        out.append(Rolled(kpi.id, source, kpi.rollup, series, roll_periods(kpi.rollup, series)))
    return out


def fill_rollups(card: Scorecard, result: ReadResult, rolled: list[Rolled]) -> list[Differs]:
    """Put the rolled-up figures into the parent's measurement frame, period by period.

    A figure the parent typed itself wins (listed for W040 when it differs from the roll-up); a
    blank cell takes the roll-up; a period the parent has no row for gets a row (in the frame only:
    the workbook's table is not extended, its cells stay the planner's).
    """
    frame = card.measurements
    raw = result.tables.get(MEASUREMENTS.name)
    next_row = (
        len(raw.rows) if raw is not None else int(frame["row"].max() + 1 if len(frame) else 0)
    )
    where = {
        (kpi, code): n
        for n, (kpi, code) in enumerate(
            zip(frame["kpi_id"].tolist(), frame["period"].tolist(), strict=True)
        )
    }
    columns = ("actual", "target", "target_upper")
    values = {key: frame[key].to_numpy(dtype="float64", copy=True) for key in columns}
    rows = frame["row"].to_numpy()
    differ: list[Differs] = []
    added: list[tuple] = []
    for r in rolled:
        for code, figures in r.periods.items():
            if all(v is None for v in figures[:2]):
                continue
            n = where.get((r.kpi_id, code))
            if n is None:
                p = parse_period(code)
                if p is None:
                    continue
                actual, target, upper = _nan(figures)  # Figures: (actual, target, upper)
                added.append(  # in the order of MEASUREMENT_COLUMNS
                    (
                        r.kpi_id,
                        p.code,
                        p.year,
                        p.end_month,
                        p.months,
                        target,
                        upper,
                        actual,
                        next_row,
                    )
                )
                next_row += 1
                continue
            for key, rolled_value in zip(columns, figures, strict=True):
                if rolled_value is None:
                    continue
                typed = values[key][n]
                if np.isnan(typed):
                    values[key][n] = rolled_value
                elif key != "target_upper" and differs(float(typed), rolled_value):
                    differ.append(
                        Differs(int(rows[n]), key, float(typed), rolled_value, r.kpi_id, code)
                    )
    filled = frame.copy()
    for key in columns:
        filled[key] = values[key]
    if added:
        filled = pd.concat([filled, frame_from_records(added)], ignore_index=True)
    card.measurements = filled
    return differ


def _nan(figures: Figures) -> tuple[float, float, float]:
    return tuple(np.nan if v is None else v for v in figures)  # type: ignore[return-value]


def unit_issues(
    result: ReadResult,
    units: list[Unit],
    summaries: list[UnitSummary],
    period: Period,
    differ: list[Differs],
) -> list[Issue]:
    """W040, W050 and W051 of a consolidation, placed on the parent's cells (validate/units)."""
    col = Collector(result.locate)
    statuses = [(s.status, s.reason) for s in summaries]
    consolidation_issues(col, units, statuses, period, differ)
    return col.issues(result.language)


def build_report(
    period: Period,
    summaries: list[UnitSummary],
    rolled: list[Rolled],
    lang: str,
    overall: OverallResult | None,
) -> ConsolidationReport:
    """The ConsolidationReport (the JSON of SPEC 9) of the summaries and roll-ups."""
    units = []
    for s in summaries:
        read = s.status in (UnitStatus.OK, UnitStatus.NO_DATA)
        units.append(
            UnitResult(
                id=s.id,
                name=s.name or s.title or s.id,
                file=s.file,
                status=s.status,
                overall=s.overall if read else None,
                band=ReportBand(s.band, lang) if read and s.band is not None else None,
                coverage=s.coverage if read else 0.0,
                errors=s.errors,
                warnings=s.warnings,
                perspectives=[UnitPerspective(id=i, score=v) for i, v in s.perspectives],
                reason=_pick(s.reason, lang) if s.reason != ("", "") else "",
            )
        )
    code = period.code
    rollups = []
    for r in rolled:
        actual, target, _ = r.periods.get(code, (None, None, None))
        rollups.append(
            RollupResult(
                kpi_id=r.kpi_id,
                source_kpi=r.source,
                method=r.method,
                actual=actual,
                target=target,
                units=[
                    UnitValue(
                        id=u.unit_id,
                        actual=u.periods.get(code, (None, None, None))[0],
                        target=u.periods.get(code, (None, None, None))[1],
                    )
                    for u in r.series
                ],
            )
        )
    return ConsolidationReport(
        period=ReportPeriod(period), units=units, rollups=rollups, overall=overall
    )


# ---------------------------------------------------------------- units without a parent


def unit_files(inputs: Sequence[str | Path], output: Path | None = None) -> list[Path]:
    """The files `inputs` name: a file as given, a folder as the files in it (not its subfolders,
    hidden files, Excel's ~$ owner files, egov-bsc backups, nor `output`); in the given order."""
    out: list[Path] = []
    skip = {str(real_path(output))} if output is not None and output.exists() else set()
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name.casefold()):
                name = child.name
                if (
                    child.is_dir()
                    or name.startswith((".", "~$"))
                    or _is_backup(child)
                    or str(real_path(child)) in skip
                ):
                    continue
                out.append(child)
        else:
            out.append(path)
    return out


def _is_backup(path: Path) -> bool:
    stem = Path(path.stem)
    if stem.suffix != ".bak":
        return False
    return backup_path(path.with_name(f"{stem.stem}{path.suffix}")) == path


def compare(
    inputs: Sequence[str | Path],
    output: str | Path,
    period: Period | str | None = None,
    *,
    force: bool = False,
    workers: int | None = None,
    lang: str | None = None,
    on_unit: Callback = _quiet,
) -> ConsolidationResult:
    """Summarise the unit workbooks `inputs` (files or folders) and write a comparison workbook.

    Raises BscError when no file is found, PeriodError for a bad `period`, WriteError when `output`
    exists and egov-bsc did not make it (unless `force`).
    """
    target = Path(output)
    if target.suffix.lower() != ".xlsx":
        raise WriteError(both("cli.cons_output_xlsx", name=target) + ".")
    if not target.parent.is_dir():
        raise WriteError(both("cli.cons_output_folder", name=target.parent) + ".")
    check_overwrite(target, force)
    files = unit_files(inputs, target)
    if target.exists() and any(_same_file(f, target) for f in files):
        raise WriteError(both("cli.cons_output_is_unit", name=target) + ".")
    if not files:
        where = ", ".join(str(p) for p in inputs) or "-"
        raise BscError(both("cli.cons_none_found", where=where) + ".")
    asked: Period | None = None
    if period:
        asked = period if isinstance(period, Period) else parse_period(period)
        if asked is None:
            raise PeriodError(str(period))
    jobs = []
    used: dict[str, int] = {}
    for path in files:
        uid = path.stem
        used[uid] = used.get(uid, 0) + 1
        if used[uid] > 1:
            uid = f"{uid}-{used[uid]}"
        jobs.append(UnitJob(uid, "", str(path), str(path), asked.code if asked else None))
    summaries = _run(jobs, workers, on_unit)
    read = [s for s in summaries if s.status in (UnitStatus.OK, UnitStatus.NO_DATA)]
    if asked is None:
        periods = [parse_period(s.period) for s in read]
        chosen = max((p for p in periods if p is not None), default=None)
        if chosen is None:
            chosen = Period(_this_year(), 12, 12)
        _rescore(jobs, summaries, chosen, workers)
    else:
        chosen = asked
    language = lang or next((s.lang for s in summaries if s.status is UnitStatus.OK), "id")
    report = build_report(chosen, summaries, [], language, None)
    write_comparison(report, target, language)
    return ConsolidationResult(report, None, None, target, [], language)


def _this_year() -> int:
    import datetime as dt

    return dt.date.today().year


__all__ = [
    "ConsolidationResult",
    "UnitJob",
    "UnitSummary",
    "build_report",
    "compare",
    "consolidate",
    "consolidate_book",
    "consolidation_grid",
    "fill_rollups",
    "has_data",
    "summarise_unit",
    "summarise_units",
    "unit_figures",
    "unit_files",
    "unit_issues",
    "worker_count",
]
