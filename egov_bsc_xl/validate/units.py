"""Checks of a parent workbook's SPEC 9 tables: unit ids used once, each unit's file named once.

A blank id, name or file is E020 and an unknown roll-up word E022 (what reading found); what the
units themselves hold (missing files, no data) is consolidate's to report (W050, W051).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from egov_bsc_xl.calc.rollup import Differs
from egov_bsc_xl.model.consolidation import UnitStatus
from egov_bsc_xl.model.period import Period, parse_period
from egov_bsc_xl.model.scorecard import Unit
from egov_bsc_xl.validate.codes import Code, raises
from egov_bsc_xl.validate.collector import Collector, show

if TYPE_CHECKING:
    from egov_bsc_xl.validate.rules import _Pass

UNITS_TABLE = "tblUnits"


@raises(Code.E010)
def unit_ids(s: _Pass) -> None:
    """E010 for a unit id used twice in tblUnits (compared without case: ids name files and sheets)."""
    seen: set[str] = set()
    for unit in s.card.units:
        key = unit.id.casefold()
        if key and key in seen:
            s.col.add(Code.E010, UNITS_TABLE, unit.row, "id", unit.id)
        seen.add(key)


@raises(Code.W040, Code.W050, Code.W051)
def consolidation_issues(
    col: Collector,
    units: Sequence[Unit],
    statuses: Sequence[tuple[UnitStatus, tuple[str, str]]],
    period: Period,
    differ: Sequence[Differs],
) -> None:
    """The findings of a consolidation on the parent's cells: W040 on a typed value that differs
    from its roll-up in a period that feeds `period`'s scores (`feeds`), W050 on the File cell of a
    unit missing or unusable (with the reason), W051 on the ID cell of a unit without data for the
    period. `statuses` (status, reason) go with `units`."""
    col.allowed = consolidation_issues.__raises__  # type: ignore[attr-defined]
    for d in differ:
        if not feeds(d.period, period):
            continue
        extra = tuple(f"{show(d.rolled, lang)}; {d.kpi_id}, {d.period}" for lang in ("id", "en"))
        col.add(Code.W040, "tblMeasurements", d.row, d.key, d.typed, extra)
    label = (period.label("id"), period.label("en"))
    for unit, (status, reason) in zip(units, statuses, strict=True):
        if status in (UnitStatus.MISSING, UnitStatus.UNUSABLE):
            col.add(Code.W050, UNITS_TABLE, unit.row, "file", unit.file, reason)
        elif status is UnitStatus.NO_DATA:
            col.add(Code.W051, UNITS_TABLE, unit.row, "id", unit.id, label)
    col.allowed = None


def feeds(code: str, period: Period) -> bool:
    """Whether figures of period `code` go into the scores of `period`: the periods of its year up
    to and including it. A typed value of another period (last year's, a later quarter) still wins
    over the roll-up, but is not reported again at every consolidation (README, Decisions)."""
    p = parse_period(code)
    return p is not None and p.year == period.year and p.end_month <= period.end_month
