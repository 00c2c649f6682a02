"""The checks of SPEC 6 on a read workbook: all issues in one pass, never stopping at the first."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from egov_bsc_xl.calc.engine import choose_period, kpi_frame
from egov_bsc_xl.calc.initiatives import initiative_results
from egov_bsc_xl.calc.ytd import FREQUENCY_MONTHS
from egov_bsc_xl.errors import PeriodError
from egov_bsc_xl.i18n.formats import fmt_money, fmt_percent
from egov_bsc_xl.model.enums import Aggregation, Polarity
from egov_bsc_xl.model.issues import Issue
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.validate.collector import Collector
from egov_bsc_xl.workbook.contract import KPIS, TABLES

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reader import ReadResult

UNIT_SLIP_FACTOR = 50.0
_STABLE_NEEDS_UPPER = (" (polaritas 'Dalam rentang' memerlukan rentang: isi Target Atas)",
                       " (a 'Within range' KPI needs a range: fill in the upper target)")
WEIGHT_TOLERANCE = 0.005


def validate(result: ReadResult, period: Period | str | None = None, frame: pd.DataFrame | None = None) -> list[Issue]:
    """Every issue of the workbook: what reading found plus the rules below; errors first.

    `frame` is the report period's kpi_frame when the caller already has it.
    """
    card, col = result.card, result.collector
    lang = result.language
    rows = result.rows
    _ids(col, "tblPerspectives", [p.id for p in card.perspectives], rows.get("tblPerspectives", []))
    _ids(col, "tblObjectives", [o.id for o in card.objectives], rows.get("tblObjectives", []))
    _ids(col, "tblKpis", [k.id for k in card.kpis], rows.get("tblKpis", []))
    _ids(col, "tblInitiatives", [i.id for i in card.initiatives], rows.get("tblInitiatives", []))

    perspectives = {p.id for p in card.perspectives}
    objectives = {o.id for o in card.objectives}
    kpis = {k.id for k in card.kpis}
    for o, r in zip(card.objectives, rows.get("tblObjectives", []), strict=False):
        _ref(col, "tblObjectives", r, "perspective_id", [o.perspective_id], perspectives, "tblPerspectives")
        _ref(col, "tblObjectives", r, "supports", o.supports, objectives, "tblObjectives")
    for k, r in zip(card.kpis, rows.get("tblKpis", []), strict=False):
        _ref(col, "tblKpis", r, "objective_id", [k.objective_id], objectives, "tblObjectives")
    for ini, r in zip(card.initiatives, rows.get("tblInitiatives", []), strict=False):
        _ref(col, "tblInitiatives", r, "objective_ids", ini.objective_ids, objectives, "tblObjectives")
        _ref(col, "tblInitiatives", r, "kpi_ids", ini.kpi_ids, kpis, "tblKpis")
    for rev, r in zip(card.revisions, rows.get("tblRevisions", []), strict=False):
        _ref(col, "tblRevisions", r, "kpi_id", [rev.kpi_id] if rev.kpi_id else [], kpis, "tblKpis")

    _support_cycles(result)
    _measurements(result, kpis)
    _period_lengths(result, _safe_period(result, period))
    _active_perspectives(result)
    _weights(result)
    _coverage_of_structure(result)
    _initiatives(result, period)
    _missing_actuals(result, period, lang, frame)
    return col.issues(lang)


def _ids(col: Collector, table: str, ids: list[str], rows: list[int]) -> None:
    seen: set[str] = set()
    for value, row in zip(ids, rows, strict=False):
        if value and value in seen:
            col.add("E010", table, row, "id", value)
        seen.add(value)


def _ref(col: Collector, table: str, row: int, key: str, ids: list[str], known: set[str], target: str) -> None:
    sheet = TABLES[target]
    for value in ids:
        if value and value not in known:
            col.add("E011", table, row, key, value, (sheet.sheet_id, sheet.sheet_en))


def _support_cycles(result: ReadResult) -> None:
    """E012 once per cycle of 'supports' links between objectives (a self-link is a cycle of one)."""
    objectives = result.card.objectives
    row_of = dict(zip([o.id for o in objectives], result.rows.get("tblObjectives", []), strict=False))
    links = {o.id: [s for s in o.supports if s in row_of] for o in objectives if o.id}
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
                cycle = path[path.index(nxt):] + [nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    result.collector.add("E012", "tblObjectives", row_of.get(cycle[0]), "supports",
                                         " → ".join(cycle))
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(links.get(nxt, [])))


def _active_perspectives(result: ReadResult) -> None:
    """E031 when perspectives are listed but none is active: there is nothing to score."""
    perspectives = result.card.perspectives
    if perspectives and not any(p.active for p in perspectives):
        rows = result.rows.get("tblPerspectives", [])
        no = "Tidak" if result.language == "id" else "No"
        result.collector.add("E031", "tblPerspectives", rows[0] if rows else None, "active", no)


def _measurements(result: ReadResult, kpis: set[str]) -> None:
    """Row checks of tblMeasurements, vectorised; only flagged rows are visited one by one."""
    card, col = result.card, result.collector
    table = "tblMeasurements"
    m = card.measurements
    known = m["kpi_id"].isin(kpis).to_numpy()
    for row, kpi_id in zip(m["row"].to_numpy()[~known].tolist(), m["kpi_id"].to_numpy()[~known].tolist(),
                           strict=True):
        col.add("E011", table, row, "kpi_id", kpi_id, (KPIS.sheet_id, KPIS.sheet_en))
    m = m[known]
    dup = m.duplicated(["kpi_id", "period"], keep="first")
    for row, kpi_id, period in m.loc[dup, ["row", "kpi_id", "period"]].itertuples(index=False):
        col.add("E027", table, int(row), "period", kpi_id, period)

    unknown = _unknown_polarity(result)
    pol_of = {k.id: ("" if k.id in unknown else k.polarity.value) for k in card.kpis}
    pol = m["kpi_id"].map(pol_of).to_numpy()
    target, upper, actual = (m[k].to_numpy() for k in ("target", "target_upper", "actual"))
    rows = m["row"].to_numpy()
    has_t, has_u, has_a = ~np.isnan(target), ~np.isnan(upper), ~np.isnan(actual)
    judged = (pol != "") & (pol != Polarity.BINARY.value)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = actual / target
    checks = (
        ("E020", judged & ~has_t & has_a, "target", None),
        ("E020", (pol == Polarity.STABILIZE.value) & has_t & ~has_u, "target_upper", _STABLE_NEEDS_UPPER),
        ("E023", judged & has_t & (((pol == Polarity.MAXIMIZE.value) & (target <= 0))
                                   | ((pol == Polarity.MINIMIZE.value) & (target < 0))), "target", "pol"),
        ("E024", judged & has_t & has_u & (target > upper), "target", "upper"),
        ("W012", judged & has_t & has_a & (target > 0) & (actual > 0)
         & ((ratio >= UNIT_SLIP_FACTOR) | (ratio <= 1 / UNIT_SLIP_FACTOR)), "actual", "target"),
    )
    for code, mask, key, extra in checks:
        for n in np.flatnonzero(mask).tolist():
            value = {"target": target[n], "actual": actual[n], "target_upper": None}[key]
            shown = {"pol": Polarity(pol[n]), "upper": upper[n], "target": target[n]}.get(extra, extra) \
                if isinstance(extra, str) else extra
            col.add(code, table, int(rows[n]), key, value, shown)

    base_of = {k.id: k.baseline for k in card.kpis
               if k.baseline is not None and k.aggregation is not Aggregation.SUM}
    base = m["kpi_id"].map(base_of).to_numpy(dtype="float64", na_value=np.nan)
    level = np.where(has_u & (pol == Polarity.MINIMIZE.value), upper, target)
    weaker = has_t & ~np.isnan(base) & (
        ((pol == Polarity.MAXIMIZE.value) & (target < base)) | ((pol == Polarity.MINIMIZE.value) & (level > base))
    )
    flagged: set[str] = set()
    kpi_ids = m["kpi_id"].to_numpy()
    for n in np.flatnonzero(weaker).tolist():
        if kpi_ids[n] not in flagged:
            flagged.add(kpi_ids[n])
            col.add("W011", table, int(rows[n]), "target", target[n], base[n])


def _period_lengths(result: ReadResult, chosen: Period) -> None:
    """E028: in the report year and later, every row of a KPI has its frequency's period length.

    Rows of earlier years may have any length (history typed in from earlier LKjIPs).
    """
    card, col = result.card, result.collector
    frequency = {k.id: k.frequency for k in card.kpis}
    m = card.measurements
    m = m[(m["year"] >= chosen.year) & m["kpi_id"].isin(frequency.keys())]
    span = m["kpi_id"].map({k: FREQUENCY_MONTHS[f.value] for k, f in frequency.items()}).to_numpy()
    wrong = m["months"].to_numpy() != span
    for row, kpi_id, code in m.loc[wrong, ["row", "kpi_id", "period"]].itertuples(index=False):
        freq = frequency[kpi_id]
        col.add("E028", "tblMeasurements", int(row), "period", code,
                (f"IKU {kpi_id} berfrekuensi {freq.word('id')}", f"KPI {kpi_id} is {freq.word('en')}"))


def _unknown_polarity(result: ReadResult) -> set[str]:
    """KPIs whose polarity cell was not understood (E022): their targets are not judged further."""
    rows = result.rows.get("tblKpis", [])
    bad_rows = {p.row for p in result.collector.pending
                if p.code in ("E022", "E020") and p.table == "tblKpis" and p.key == "polarity"}
    return {k.id for k, row in zip(result.card.kpis, rows, strict=False) if row in bad_rows}


def _weights(result: ReadResult) -> None:
    active = [p for p in result.card.perspectives if p.active]
    total = sum(p.weight for p in active)
    if active and abs(total - 1.0) > WEIGHT_TOLERANCE:
        rows = result.rows.get("tblPerspectives", [])
        first = rows[0] if rows else None
        result.collector.add("W001", "tblPerspectives", first, "weight", fmt_percent(total, result.language))


def _coverage_of_structure(result: ReadResult) -> None:
    card, col, lang = result.card, result.collector, result.language
    with_kpi = {k.objective_id for k in card.kpis}
    objective_rows = dict(zip([o.id for o in card.objectives], result.rows.get("tblObjectives", []), strict=False))
    for o in card.objectives:
        if o.id not in with_kpi:
            col.add("W010", "tblObjectives", objective_rows.get(o.id), "id", o.id,
                    "Sasaran" if lang == "id" else "Objective")
    covered = {o.perspective_id for o in card.objectives if o.id in with_kpi}
    perspective_rows = dict(zip([p.id for p in card.perspectives], result.rows.get("tblPerspectives", []), strict=False))
    for p in card.perspectives:
        if p.active and p.id not in covered:
            col.add("W010", "tblPerspectives", perspective_rows.get(p.id), "id", p.id,
                    "Perspektif" if lang == "id" else "Perspective")


def _initiatives(result: ReadResult, period: Period | str | None) -> None:
    card, col, lang = result.card, result.collector, result.language
    table = "tblInitiatives"
    rows = result.rows.get(table, [])
    report_date = card.profile.report_date or _safe_period(result, period).end
    statuses = initiative_results(card.initiatives, report_date)
    for ini, status, row in zip(card.initiatives, statuses, rows, strict=False):
        if ini.start and ini.end and ini.end < ini.start:
            col.add("E040", table, row, "end", ini.end.isoformat(),
                    "selesai sebelum mulai" if lang == "id" else "it ends before it starts")
        if ini.progress is not None and not 0.0 <= ini.progress <= 1.0:
            col.add("E040", table, row, "progress", fmt_percent(ini.progress, lang),
                    "progres di luar 0–100 %" if lang == "id" else "progress outside 0–100 %")
        if ini.budget is not None and ini.spent is not None and ini.spent > ini.budget:
            col.add("W020", table, row, "spent", fmt_money(ini.spent, lang), fmt_money(ini.budget, lang))
        if status.behind_schedule:
            col.add("W021", table, row, "progress", fmt_percent(status.progress, lang),
                    fmt_percent(status.planned_progress, lang))
        if not ini.objective_ids and not ini.kpi_ids:
            col.add("W022", table, row, "objective_ids", ini.id)


def _safe_period(result: ReadResult, period: Period | str | None) -> Period:
    """The report period; the default one when `period` is not a period (the caller reports that)."""
    try:
        return choose_period(result.card, period)
    except PeriodError:
        return choose_period(result.card, None)


def _missing_actuals(result: ReadResult, period: Period | str | None, lang: str,
                     frame: pd.DataFrame | None) -> None:
    card, col = result.card, result.collector
    chosen = _safe_period(result, period)
    if frame is None:
        frame = kpi_frame(card, chosen)
    missing = frame.index[frame["missing"].to_numpy(dtype=bool)]
    if len(missing) == 0:
        return
    m = card.measurements
    here = m[(m["year"] == chosen.year) & (m["end_month"] == chosen.end_month)]
    row_of = dict(zip(here["kpi_id"], here["row"], strict=False))
    kpi_rows = dict(zip([k.id for k in card.kpis], result.rows.get("tblKpis", []), strict=False))
    label = chosen.label(lang)
    for kpi_id in missing:
        if kpi_id in row_of:
            col.add("W013", "tblMeasurements", int(row_of[kpi_id]), "actual", kpi_id, label)
        else:
            col.add("W013", "tblKpis", kpi_rows.get(kpi_id), "id", kpi_id, label)
