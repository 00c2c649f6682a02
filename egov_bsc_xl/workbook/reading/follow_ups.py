"""Reading the SPEC 8 texts of tblMeasurements (analysis, action, owner, due date) into the
follow-up frame: only when the columns are there, and only the rows that hold any of them, so
100,000 rows without them cost one pass per column that exists."""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from egov_bsc_xl.model.issues import Problem
from egov_bsc_xl.model.scorecard import follow_up_from_records
from egov_bsc_xl.workbook.reading.cells import is_blank, parse_date, parse_text

if TYPE_CHECKING:
    import pandas as pd

    from egov_bsc_xl.workbook.reading.reader import Rows

TEXT_KEYS = ("analysis", "action", "action_owner")
DATE_KEY = "action_due"


def read_follow_ups(rows: Rows, kept: np.ndarray) -> pd.DataFrame:
    """The follow-up frame (model.scorecard.FOLLOW_UP_COLUMNS) of the measurement rows `kept`
    (0-based table rows, those in the measurement frame); a due date that is not a date is a
    problem (E032) and reads as blank."""
    cols, data = rows.columns, rows.raw.rows
    present = [key for key in (*TEXT_KEYS, DATE_KEY) if key in cols]
    if not present or not len(kept):
        return follow_up_from_records([])
    errors = rows.raw.errors
    wanted = np.zeros(len(data), dtype=bool)
    wanted[kept] = True
    found: dict[int, dict[str, Any]] = {}
    for key in present:
        j = cols[key]
        column = list(map(itemgetter(j), data))
        filled = [i for i, value in enumerate(column) if value is not None and value != ""]
        for i in filled:
            value = column[i]
            if wanted[i] and (i, j) not in errors and not is_blank(value):
                found.setdefault(i, {})[key] = value
    records = []
    for i in sorted(found):
        cells = found[i]
        due = None
        if DATE_KEY in cells:
            due, ok = parse_date(cells[DATE_KEY])
            if not ok:
                rows.flag(Problem.BAD_DATE, i, DATE_KEY, cells[DATE_KEY])
        texts = [parse_text(cells.get(key)) for key in TEXT_KEYS]
        if any(texts) or due is not None:
            records.append((i, *texts, due))
    return follow_up_from_records(records)
