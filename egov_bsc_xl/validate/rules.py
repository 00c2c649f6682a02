"""The checks of SPEC 6 on a read workbook: all issues in one pass, never stopping at the first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.engine import choose_period, kpi_frame
from egov_bsc_xl.calc.initiatives import initiative_results
from egov_bsc_xl.calc.ytd import FREQUENCY_MONTHS
from egov_bsc_xl.errors import PeriodError
from egov_bsc_xl.i18n.formats import fmt_money, fmt_percent
from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.model.enums import Aggregation, Polarity
from egov_bsc_xl.model.issues import Issue, ParseProblem, Problem
from egov_bsc_xl.model.keys import Keyed, duplicated
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.scorecard import MEASUREMENT_COLUMNS, Scorecard
from egov_bsc_xl.validate.codes import PARSE_CODES, Code, raises
from egov_bsc_xl.validate.collector import Collector
from egov_bsc_xl.validate.figure_rules import annual_target_ambition, attention_without_follow_up
from egov_bsc_xl.validate.units import unit_ids
from egov_bsc_xl.workbook.contract import KPIS, TABLES

UNIT_SLIP_FACTOR = 50.0
_STABLE_NEEDS_UPPER = (
    " (polaritas 'Dalam rentang' memerlukan rentang: isi Target Atas)",
    " (a 'Within range' KPI needs a range: fill in the upper target)",
)
WEIGHT_TOLERANCE = 0.005


class ReadBook(Protocol):
    """What validation needs of a read workbook (workbook.reader.ReadResult is one)."""

    card: Scorecard
    problems: list[ParseProblem]
    language: str

    def locate(self, table: str, row: int | None, key: str) -> tuple[str, str]: ...


@dataclass
class _Pass:
    """One validation pass: the workbook, the issues found so far, and the report period."""

    card: Scorecard
    col: Collector
    lang: str
    problems: list[ParseProblem]
    period: Period | str | None  # as asked for (may be no period: the caller reports that)
    chosen: Period  # the report period, the default one when `period` is not one
    frame: pd.DataFrame | None
    columns: dict[str, dict[str, int]] = field(default_factory=dict)  # table -> keys read
    measurements: dict[str, np.ndarray] = field(default_factory=dict)  # the frame's columns


Check = Callable[[_Pass], None]


def parse_issues(result: ReadBook) -> list[Issue]:
    """The issues of what reading found (codes of PARSE_CODES), without the rules; errors first."""
    col = Collector(result.locate)
    _parse_problems(result.problems, col)
    return col.issues(result.language)


def validate(
    result: ReadBook, period: Period | str | None = None, frame: pd.DataFrame | None = None
) -> list[Issue]:
    """Every issue of the workbook: what reading found plus the rules below; errors first.

    `frame` is the report period's kpi_frame when the caller already has it.
    """
    col = Collector(result.locate)
    _parse_problems(result.problems, col)
    state = _Pass(
        result.card,
        col,
        result.language,
        result.problems,
        period,
        _safe_period(result.card, period),
        frame,
        getattr(result, "columns", {}),
        _arrays(result.card),
    )
    for check in CHECKS:
        col.allowed = check.__raises__  # type: ignore[attr-defined]
        check(state)
    col.allowed = None
    return col.issues(result.language)


def _parse_problems(problems: list[ParseProblem], col: Collector) -> None:
    for p in problems:
        col.add(PARSE_CODES[p.what], p.table, p.row, p.column, p.raw, p.detail)


@raises(Code.E010)
def _ids(s: _Pass) -> None:
    card = s.card
    for table, items in (
        ("tblPerspectives", card.perspectives),
        ("tblObjectives", card.objectives),
        ("tblKpis", card.kpis),
        ("tblInitiatives", card.initiatives),
    ):
        seen: set[str] = set()
        for item in items:
            if item.id and item.id in seen:
                s.col.add(Code.E010, table, item.row, "id", item.id)
            seen.add(item.id)


@raises(Code.E011)
def _references(s: _Pass) -> None:
    card = s.card
    perspectives = {p.id for p in card.perspectives}
    objectives = {o.id for o in card.objectives}
    kpis = {k.id for k in card.kpis}
    for o in card.objectives:
        _ref(
            s.col,
            "tblObjectives",
            o.row,
            "perspective_id",
            [o.perspective_id],
            perspectives,
            "tblPerspectives",
        )
        _ref(s.col, "tblObjectives", o.row, "supports", o.supports, objectives, "tblObjectives")
    for k in card.kpis:
        _ref(s.col, "tblKpis", k.row, "objective_id", [k.objective_id], objectives, "tblObjectives")
    for ini in card.initiatives:
        _ref(
            s.col,
            "tblInitiatives",
            ini.row,
            "objective_ids",
            ini.objective_ids,
            objectives,
            "tblObjectives",
        )
        _ref(s.col, "tblInitiatives", ini.row, "kpi_ids", ini.kpi_ids, kpis, "tblKpis")
    for rev in card.revisions:
        _ref(
            s.col,
            "tblRevisions",
            rev.row,
            "kpi_id",
            [rev.kpi_id] if rev.kpi_id else [],
            kpis,
            "tblKpis",
        )


def _ref(
    col: Collector,
    table: str,
    row: int | None,
    key: str,
    ids: list[str],
    known: set[str],
    target: str,
) -> None:
    sheet = TABLES[target]
    for value in ids:
        if value and value not in known:
            col.add(Code.E011, table, row, key, value, (sheet.sheet_id, sheet.sheet_en))


@raises(Code.E012)
def _support_cycles(s: _Pass) -> None:
    """E012 once per cycle of 'supports' links between objectives (a self-link is a cycle of one)."""
    objectives = s.card.objectives
    row_of = {o.id: o.row for o in objectives}  # a repeated id (E010) is placed on its last row
    links = {o.id: [x for x in o.supports if x in row_of] for o in objectives if o.id}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    reported: set[frozenset[str]] = set()
    for start in links:
        if state.get(start):
            continue
        path: list[str] = [start]
        stack = [iter(links[start])]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    s.col.add(
                        Code.E012,
                        "tblObjectives",
                        row_of.get(cycle[0]),
                        "supports",
                        " → ".join(cycle),
                    )
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(links.get(nxt, [])))


@raises(Code.E031)
def _active_perspectives(s: _Pass) -> None:
    """E031 when perspectives are listed but none is active: there is nothing to score."""
    perspectives = s.card.perspectives
    if perspectives and not any(p.active for p in perspectives):
        no = pick(s.lang, "Tidak", "No")
        s.col.add(Code.E031, "tblPerspectives", perspectives[0].row, "active", no)


_POLARITIES = tuple(Polarity)


@raises(Code.E011, Code.E020, Code.E023, Code.E024, Code.E027, Code.W011, Code.W012)
def _measurements(s: _Pass) -> None:
    """Row checks of tblMeasurements, vectorised; only flagged rows are visited one by one."""
    card, col = s.card, s.col
    table = "tblMeasurements"
    kpis = {k.id for k in card.kpis}
    m = s.measurements
    keys = Keyed.of(m["kpi_id"])  # factorized once for every lookup below
    known = keys.member(kpis)
    for n in np.flatnonzero(~known).tolist():
        kpi_id, row = m["kpi_id"][n], int(m["row"][n])
        col.add(Code.E011, table, row, "kpi_id", kpi_id, (KPIS.sheet_id, KPIS.sheet_en))
    if not known.all():
        m, keys = {key: values[known] for key, values in m.items()}, keys.take(known)
    for n in np.flatnonzero(duplicated(keys, Keyed.of(m["period"]))).tolist():
        col.add(Code.E027, table, int(m["row"][n]), "period", m["kpi_id"][n], m["period"][n])

    unknown = _unknown_polarity(s)
    # Each row's polarity as its place in _POLARITIES (-1: unknown), compared as small integers:
    # comparing a million texts cost 5-10 ms a mask.
    place = {p: i for i, p in enumerate(_POLARITIES)}
    pol_of = {k.id: (-1 if k.id in unknown else place[k.polarity]) for k in card.kpis}
    pol = keys.lookup(pol_of, -1, "int8")
    maximize, minimize = pol == place[Polarity.MAXIMIZE], pol == place[Polarity.MINIMIZE]
    target, upper, actual = m["target"], m["target_upper"], m["actual"]
    rows = m["row"]
    has_t, has_u, has_a = ~np.isnan(target), ~np.isnan(upper), ~np.isnan(actual)
    judged = (pol != -1) & (pol != place[Polarity.BINARY])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = actual / target
    checks = (
        (Code.E020, judged & ~has_t & has_a, "target", None),
        (
            Code.E020,
            (pol == place[Polarity.STABILIZE]) & has_t & ~has_u,
            "target_upper",
            _STABLE_NEEDS_UPPER,
        ),
        (
            Code.E023,
            judged & has_t & ((maximize & (target <= 0)) | (minimize & (target < 0))),
            "target",
            "pol",
        ),
        (Code.E024, judged & has_t & has_u & (target > upper), "target", "upper"),
        (
            Code.W012,
            judged
            & has_t
            & has_a
            & (target > 0)
            & (actual > 0)
            & ((ratio >= UNIT_SLIP_FACTOR) | (ratio <= 1 / UNIT_SLIP_FACTOR)),
            "actual",
            "target",
        ),
    )
    for code, mask, key, extra in checks:
        for n in np.flatnonzero(mask).tolist():
            value = {"target": target[n], "actual": actual[n], "target_upper": None}[key]
            shown = (
                {"pol": _POLARITIES[pol[n]], "upper": upper[n], "target": target[n]}.get(
                    extra, extra
                )
                if isinstance(extra, str)
                else extra
            )
            col.add(code, table, int(rows[n]), key, value, shown)

    base_of = {
        k.id: k.baseline
        for k in card.kpis
        if k.baseline is not None and k.aggregation is not Aggregation.SUM
    }
    base = keys.lookup(base_of, np.nan, "float64")
    level = np.where(has_u & minimize, upper, target)
    weaker = (
        has_t
        & ~np.isnan(base)
        & (m["year"] >= s.chosen.year)  # history rows are earlier LKjIPs' targets
        & ((maximize & (target < base)) | (minimize & (level > base)))
    )
    flagged: set[str] = set()
    kpi_ids = m["kpi_id"]
    for n in np.flatnonzero(weaker).tolist():
        if kpi_ids[n] not in flagged:
            flagged.add(kpi_ids[n])
            col.add(Code.W011, table, int(rows[n]), "target", target[n], base[n])


@raises(Code.E028)
def _period_lengths(s: _Pass) -> None:
    """E028: in the report year and later, every row of a KPI has its frequency's period length.

    Rows of earlier years may have any length (history typed in from earlier LKjIPs).
    """
    frequency = {k.id: k.frequency for k in s.card.kpis}
    m = s.measurements
    at = np.flatnonzero(m["year"] >= s.chosen.year)  # few rows of a long history
    keys = Keyed.of(m["kpi_id"][at])
    span = keys.lookup({k: FREQUENCY_MONTHS[f.value] for k, f in frequency.items()}, 0)
    wrong = keys.member(frequency) & (m["months"][at] != span)
    for n in at[wrong].tolist():
        kpi_id, freq = m["kpi_id"][n], frequency[m["kpi_id"][n]]
        s.col.add(
            Code.E028,
            "tblMeasurements",
            int(m["row"][n]),
            "period",
            m["period"][n],
            (f"IKU {kpi_id} berfrekuensi {freq.word('id')}", f"KPI {kpi_id} is {freq.word('en')}"),
        )


def _unknown_polarity(s: _Pass) -> set[str]:
    """KPIs whose polarity cell was not understood (blank or not a polarity word): their targets
    are not judged further."""
    bad_rows = {
        p.row
        for p in s.problems
        if p.what in (Problem.NOT_CHOICE, Problem.BLANK)
        and p.table == "tblKpis"
        and p.column == "polarity"
    }
    return {k.id for k in s.card.kpis if k.row is not None and k.row in bad_rows}


@raises(Code.W001)
def _weights(s: _Pass) -> None:
    active = [p for p in s.card.perspectives if p.active]
    total = sum(p.weight for p in active)
    if active and abs(total - 1.0) > WEIGHT_TOLERANCE:
        first = s.card.perspectives[0].row
        s.col.add(Code.W001, "tblPerspectives", first, "weight", fmt_percent(total, s.lang))


@raises(Code.W010)
def _coverage_of_structure(s: _Pass) -> None:
    card, col = s.card, s.col
    with_kpi = {k.objective_id for k in card.kpis}
    objective_rows = {
        o.id: o.row for o in card.objectives
    }  # the last row of an id, as a dict of ids gives
    for o in card.objectives:
        if o.id not in with_kpi:
            col.add(
                Code.W010,
                "tblObjectives",
                objective_rows.get(o.id),
                "id",
                o.id,
                ("Sasaran", "Objective"),
            )
    covered = {o.perspective_id for o in card.objectives if o.id in with_kpi}
    perspective_rows = {p.id: p.row for p in card.perspectives}
    for p in card.perspectives:
        if p.active and p.id not in covered:
            col.add(
                Code.W010,
                "tblPerspectives",
                perspective_rows.get(p.id),
                "id",
                p.id,
                ("Perspektif", "Perspective"),
            )


@raises(Code.E040, Code.W020, Code.W021, Code.W022)
def _initiatives(s: _Pass) -> None:
    card, col, lang = s.card, s.col, s.lang
    table = "tblInitiatives"
    report_date = card.profile.report_date or s.chosen.end
    statuses = initiative_results(card.initiatives, report_date)
    for ini, status in zip(card.initiatives, statuses, strict=True):
        row = ini.row
        if ini.start and ini.end and ini.end < ini.start:
            col.add(
                Code.E040,
                table,
                row,
                "end",
                ini.end.isoformat(),
                ("selesai sebelum mulai", "it ends before it starts"),
            )
        if ini.progress is not None and not 0.0 <= ini.progress <= 1.0:
            col.add(
                Code.E040,
                table,
                row,
                "progress",
                fmt_percent(ini.progress, lang),
                ("progres di luar 0–100 %", "progress outside 0–100 %"),
            )
        if ini.budget is not None and ini.spent is not None and ini.spent > ini.budget:
            col.add(
                Code.W020,
                table,
                row,
                "spent",
                fmt_money(ini.spent, lang),
                fmt_money(ini.budget, lang),
            )
        if status.behind_schedule:
            col.add(
                Code.W021,
                table,
                row,
                "progress",
                fmt_percent(status.progress, lang),
                fmt_percent(status.planned_progress, lang),
            )
        if not ini.objective_ids and not ini.kpi_ids:
            col.add(Code.W022, table, row, "objective_ids", ini.id)


def _arrays(card: Scorecard) -> dict[str, np.ndarray]:
    """The measurement frame's columns as arrays (ids and periods as Python strings): the checks
    filter arrays, not the frame (pandas' filtering cost a unit's 30 rows ~1 ms per check)."""
    m = card.measurements
    return {key: m[key].to_numpy() for key in MEASUREMENT_COLUMNS}


def _safe_period(card: Scorecard, period: Period | str | None) -> Period:
    """The report period; the default one when `period` is not a period (the caller reports that)."""
    try:
        return choose_period(card, period)
    except PeriodError:
        return choose_period(card, None)


@raises(Code.W013)
def _missing_actuals(s: _Pass) -> None:
    card, col, chosen = s.card, s.col, s.chosen
    frame = s.frame if s.frame is not None else kpi_frame(card, chosen)
    missing = frame.index[frame["missing"].to_numpy(dtype=bool)]
    if len(missing) == 0:
        return
    m = s.measurements
    here = (m["year"] == chosen.year) & (m["end_month"] == chosen.end_month)
    row_of = dict(zip(m["kpi_id"][here].tolist(), m["row"][here].tolist(), strict=True))
    kpi_rows = {k.id: k.row for k in card.kpis}
    label = chosen.label(s.lang)
    for kpi_id in missing:
        if kpi_id in row_of:
            col.add(Code.W013, "tblMeasurements", int(row_of[kpi_id]), "actual", kpi_id, label)
        else:
            col.add(Code.W013, "tblKpis", kpi_rows.get(kpi_id), "id", kpi_id, label)


# Every check, in the order its issues are listed (after what reading found).
CHECKS: tuple[Check, ...] = (
    _ids,
    _references,
    _support_cycles,
    _measurements,
    _period_lengths,
    _active_perspectives,
    _weights,
    _coverage_of_structure,
    _initiatives,
    _missing_actuals,
    attention_without_follow_up,
    annual_target_ambition,
    unit_ids,
)
