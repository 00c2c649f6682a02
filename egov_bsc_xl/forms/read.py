"""A returned form read back with python-calamine: its stamp and the cells of each KPI row."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from egov_bsc_xl.errors import FormRefused, StampError
from egov_bsc_xl.forms.stamp import STAMP_SHEET, Stamp, parse_stamp
from egov_bsc_xl.forms.table import COLUMNS, INPUTS
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.workbook.reading.cells import parse_id
from egov_bsc_xl.workbook.reading.source import a1

MAX_FORM_BYTES = 50 * 1024 * 1024  # a form of a few hundred KPIs is far below a megabyte


@dataclass
class Entry:
    """One KPI row of a returned form."""

    kpi_id: str
    period: str  # period code
    row: int  # 0-based sheet row
    values: dict[str, Any] = field(default_factory=dict)  # input key -> raw cell value

    def cell(self, key: str) -> str:
        """A1 address of this row's cell of column `key`."""
        return a1(self.row, COLUMNS.index(key))


@dataclass
class ReturnedForm:
    path: Path
    stamp: Stamp
    entries: list[Entry]
    modified: float  # the file's modification time (seconds since the epoch)


def read_form(path: str | Path) -> ReturnedForm:
    """Read a returned form; FormRefused with one sentence when it is not a form of ours, when its
    stamp was changed, or when its KPI rows no longer match the stamp."""
    from python_calamine import CalamineWorkbook

    file = Path(path)
    name = file.name
    if not file.is_file():
        raise FormRefused(both("form.no_file", file=name))
    if file.stat().st_size > MAX_FORM_BYTES or not zipfile.is_zipfile(file):
        raise FormRefused(both("form.not_xlsx", file=name))
    try:
        book = CalamineWorkbook.from_path(str(file))
        names = list(book.sheet_names)
        if STAMP_SHEET not in names:
            raise FormRefused(both("form.not_form", file=name))
        lines = _cells(book, STAMP_SHEET)
    except FormRefused:
        raise
    except BaseException as exc:  # noqa: BLE001 - calamine's errors (a Rust panic too) become a sentence
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise FormRefused(both("form.unreadable", file=name, reason=reason)) from None
    pairs = {parse_id(r[0]): _text(r[1]) for r in lines.rows if len(r) >= 2 and parse_id(r[0])}
    try:
        stamp = parse_stamp(pairs)
    except StampError as exc:
        raise FormRefused(
            both("form.broken_stamp", file=name, reason=str(exc)), broken=True
        ) from None
    if stamp.sheet not in names or stamp.columns != list(COLUMNS):
        raise FormRefused(
            both("form.broken_stamp", file=name, reason=f"sheet {stamp.sheet}"), stamp
        )
    data = _cells(book, stamp.sheet)
    entries = []
    for n, key in enumerate(stamp.rows):
        kpi_id, _, period = key.partition("@")
        r = stamp.first_row - 1 + n
        shown_id, shown_period = data.get(r, 0), data.get(r, COLUMNS.index("period"))
        found = parse_period(shown_period)
        if parse_id(shown_id) != kpi_id or found is None or found.code != period:
            raise FormRefused(
                both(
                    "form.broken_stamp", file=name, reason=f"{a1(r, 0)}: {shown_id} {shown_period}"
                ),
                stamp,
            )
        values = {k: data.get(r, COLUMNS.index(k)) for k in INPUTS}
        entries.append(Entry(kpi_id, period, r, values))
    return ReturnedForm(file, stamp, entries, file.stat().st_mtime)


@dataclass
class _Cells:
    rows: list[list[Any]]
    top: int
    left: int

    def get(self, row: int, col: int) -> Any:
        r, c = row - self.top, col - self.left
        if 0 <= r < len(self.rows) and 0 <= c < len(self.rows[r]):
            return self.rows[r][c]
        return None


def _cells(book: Any, sheet_name: str) -> _Cells:
    sheet = book.get_sheet_by_name(sheet_name)
    start = getattr(sheet, "start", None) or (0, 0)
    return _Cells(sheet.to_python(), int(start[0]), int(start[1]))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
