"""Checks of a parent workbook's SPEC 9 tables: unit ids used once, each unit's file named once.

A blank id, name or file is E020 and an unknown roll-up word E022 (what reading found); what the
units themselves hold (missing files, no data) is consolidate's to report (W050, W051).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from egov_bsc_xl.validate.codes import Code, raises

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
