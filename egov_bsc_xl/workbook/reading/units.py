"""Reading SPEC 9 of a parent workbook: tblUnits into Scorecard.units, and the roll-up columns of
tblKpis (`rollup`, `source_kpi`) onto the KPIs already read. Problems are noted like any table's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from egov_bsc_xl.model.enums import RollupMethod, parse_yes_no
from egov_bsc_xl.model.issues import Problem
from egov_bsc_xl.model.scorecard import Scorecard, Unit
from egov_bsc_xl.workbook.reading.cells import (
    is_blank,
    number_shown,
    parse_id,
    parse_number,
    parse_text,
)

if TYPE_CHECKING:
    from egov_bsc_xl.workbook.reading.reader import Rows

_YES_NO = ("Ya, Tidak", "Yes, No")


def read_units(rows: Rows, card: Scorecard) -> None:
    """tblUnits: id, name, file (relative to the parent), weight (default 1), owner, active (default yes)."""
    for i, r in rows:
        for key in ("id", "name", "file"):
            if key in r and is_blank(r[key]) and (i, rows.columns[key]) not in rows.raw.errors:
                rows.flag(Problem.BLANK, i, key)
        weight = _weight(rows, i, r.get("weight"))
        cell = r.get("active")
        active = parse_yes_no(cell) if not is_blank(cell) else True
        if active is None:
            rows.flag(Problem.NOT_CHOICE, i, "active", parse_text(cell), _YES_NO)
            active = True
        card.units.append(
            Unit(
                id=parse_id(r.get("id")),
                name=parse_text(r.get("name")),
                file=parse_text(r.get("file")),
                weight=weight,
                owner=parse_text(r.get("owner")),
                active=active,
                row=i,
            )
        )


def _weight(rows: Rows, i: int, value: Any) -> float:
    parsed = parse_number(value, rows.lang)
    if parsed.absurd is not None:
        rows.flag(Problem.ABSURD, i, "weight", number_shown(parsed.absurd))
        return 1.0
    if not parsed.ok:
        rows.flag(Problem.NOT_NUMBER, i, "weight", value)
        return 1.0
    if parsed.value is None:
        return 1.0
    if parsed.from_text:
        rows.flag(Problem.TEXT_NUMBER, i, "weight", value, parsed.value)
    if parsed.value < 0:
        rows.flag(Problem.NEGATIVE_WEIGHT, i, "weight", parsed.value)
        return 0.0
    return parsed.value


def read_rollups(rows: Rows, card: Scorecard) -> None:
    """tblKpis `rollup` (a key or a dropdown word of either language; an unknown word is E022) and
    `source_kpi` (blank: the KPI's own id) onto the KPIs read from the same rows."""
    if "rollup" not in rows.columns and "source_kpi" not in rows.columns:
        return
    by_row = {k.row: k for k in card.kpis}
    for i, r in rows:
        kpi = by_row.get(i)
        if kpi is None:
            continue
        cell = r.get("rollup")
        if not is_blank(cell):
            method = RollupMethod.parse(cell)
            if method is None:
                words = (
                    ", ".join(RollupMethod.choices("id")),
                    ", ".join(RollupMethod.choices("en")),
                )
                rows.flag(Problem.NOT_CHOICE, i, "rollup", parse_text(cell), words)
            else:
                kpi.rollup = method.value
        kpi.source_kpi = parse_id(r.get("source_kpi"))
