"""`egov-bsc collect`: returned forms' values into tblMeasurements, and the Pengumpulan / Collection sheet.

The file mechanics are recalc's (workbook/writing/recalc.rewrite: lock, refusal while Excel has the
file open, temp file, atomic replace, backup); this module decides what to write. A value is
written only into a blank cell, or over a different one with `overwrite`; a blank form cell never
erases anything. A run that changes nothing leaves the file as it is (not even a backup).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from egov_bsc_xl.calc.engine import choose_period
from egov_bsc_xl.errors import FormRefused
from egov_bsc_xl.forms.collection_sheet import OwnerLine, PendingItem, collection_grid
from egov_bsc_xl.forms.plan import plan, workbook_id
from egov_bsc_xl.forms.read import Entry, ReturnedForm, read_form
from egov_bsc_xl.forms.sheet_cells import NewRow, SheetCells, Value, find_table
from egov_bsc_xl.forms.table import TableRows, column, table_rows
from egov_bsc_xl.forms.values import form_values, issue, same, shown
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.i18n.messages import render
from egov_bsc_xl.model.issues import Issue
from egov_bsc_xl.model.period import Period, parse_period
from egov_bsc_xl.model.scorecard import Kpi
from egov_bsc_xl.workbook.contract import MEASUREMENTS
from egov_bsc_xl.workbook.reading.analysis import Analysis
from egov_bsc_xl.workbook.reading.cells import is_blank, parse_text
from egov_bsc_xl.workbook.reading.reader import read_workbook
from egov_bsc_xl.workbook.writing.owned_parts import drop_calc_chain_of, full_calc_on_load
from egov_bsc_xl.workbook.writing.recalc import FileBook, rewrite


@dataclass
class FormOutcome:
    """What became of one form: status collected | conflict | invalid | refused | unusable."""

    file: Path
    owner: str = ""
    status: str = "collected"
    received: int = 0  # KPI rows whose actual the form gives
    conflicts: int = 0  # cells whose workbook value differs from the form's
    problems: list[Issue] = field(default_factory=list)
    stamp_period: str = ""

    def public(self) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "owner": self.owner,
            "status": self.status,
            "received": self.received,
            "conflicts": self.conflicts,
            "problems": [{"file": self.file.name, **p.public()} for p in self.problems],
        }


@dataclass
class CollectResult:
    workbook: Path
    period: Period | None = None
    forms: list[FormOutcome] = field(default_factory=list)
    owners: list[OwnerLine] = field(default_factory=list)
    cells_written: int = 0
    rows_added: int = 0
    conflicts_left: int = 0
    missing: int = 0
    problems: list[str] = field(
        default_factory=list
    )  # about the workbook (a row below the table in use)
    changed: bool = False
    backup: Path | None = None

    @property
    def exit_code(self) -> int:
        """0 all collected; 1 something missing, in conflict, refused or invalid; 2 no usable form."""
        if not any(f.status in ("collected", "conflict", "invalid") for f in self.forms):
            return 2
        trouble = self.conflicts_left or self.missing or self.problems
        if trouble or any(f.status != "collected" for f in self.forms):
            return 1
        return 0

    def public(self) -> dict[str, Any]:
        return {
            "workbook": str(self.workbook),
            "period": self.period.code if self.period else None,
            "cells_written": self.cells_written,
            "rows_added": self.rows_added,
            "missing": self.missing,
            "conflicts": self.conflicts_left,
            "forms": [f.public() for f in self.forms],
            "owners": [o.public() for o in self.owners],
            "problems": list(self.problems),
        }


def collect(
    workbook: str | Path,
    forms: Sequence[str | Path],
    *,
    overwrite: bool = False,
    period: Period | str | None = None,
    wait: float = 0.0,
) -> CollectResult:
    """Write the values of the returned `forms` into `workbook` (see the module's docstring).

    The collection period is `period`, else the latest period stamped on the forms of this workbook.
    Raises UnusableInput (exit 2) for an unusable workbook and RecalcError & co. when it cannot be
    written; a bad form is an outcome, never an exception.
    """
    result = CollectResult(Path(workbook))
    returned: list[tuple[FormOutcome, ReturnedForm | None]] = []
    for path in forms:
        outcome = FormOutcome(Path(path))
        try:
            form: ReturnedForm | None = read_form(path)
        except FormRefused as exc:
            form = None
            outcome.status = "refused" if exc.broken else "unusable"
            outcome.owner = exc.stamp.owner if exc.stamp else ""
            outcome.problems.append(issue("E051", str(exc), value=outcome.file.name))
        returned.append((outcome, form))
        result.forms.append(outcome)

    def update(book: FileBook) -> Analysis:
        read = read_workbook(book.source)
        chosen = _collect(book, read, returned, result, overwrite, period)
        return Analysis(read.card, [], chosen, None, read=read)

    written = rewrite(result.workbook, None, update, wait=wait, skip_unchanged=True)
    result.backup = written.backup
    return result


def _collect(
    book: FileBook,
    read: Any,
    returned: list[tuple[FormOutcome, ReturnedForm | None]],
    result: CollectResult,
    overwrite: bool,
    period: Period | str | None,
) -> Period:
    card = read.card
    lang = card.language
    wid = workbook_id(card)
    accepted: list[tuple[FormOutcome, ReturnedForm]] = []
    for outcome, form in returned:
        if form is None:
            continue
        outcome.owner, outcome.stamp_period = form.stamp.owner, form.stamp.period
        if form.stamp.workbook_id != wid:
            _refuse(
                outcome,
                both(
                    "form.other_book",
                    file=form.path.name,
                    found=form.stamp.workbook,
                    expected=result.workbook.name,
                ),
            )
            continue
        accepted.append((outcome, form))
    stamped = [p for p in (parse_period(f.stamp.period) for _, f in accepted) if p is not None]
    if period is not None and period != "":
        chosen = choose_period(card, period)
    elif stamped:
        chosen = max(stamped)
    else:
        chosen = choose_period(card, None)
    result.period = chosen
    kept = []
    for outcome, form in accepted:
        if form.stamp.period != chosen.code:
            _refuse(
                outcome,
                both(
                    "form.other_period",
                    file=form.path.name,
                    found=form.stamp.period,
                    expected=chosen.code,
                ),
            )
        else:
            kept.append((outcome, form))
    kpis = {k.id: k for k in card.kpis}
    table = table_rows(read)
    given: dict[tuple[str, str], tuple[FormOutcome, ReturnedForm, Entry, dict[str, Value]]] = {}
    for outcome, form in kept:
        for entry in form.entries:
            key = (entry.kpi_id, entry.period)
            kpi = kpis.get(entry.kpi_id)
            if kpi is None:
                outcome.problems.append(
                    issue(
                        "E011",
                        both(
                            "form.unknown_kpi",
                            file=form.path.name,
                            cell=entry.cell("kpi_id"),
                            kpi=entry.kpi_id,
                        ),
                        cell=entry.cell("kpi_id"),
                        value=entry.kpi_id,
                    )
                )
                continue
            if key in given:
                first = given[key][1].path.name
                outcome.problems.append(
                    issue(
                        "E027",
                        both(
                            "form.duplicate_row",
                            file=form.path.name,
                            cell=entry.cell("kpi_id"),
                            kpi=entry.kpi_id,
                            period=entry.period,
                            other=first,
                        ),
                        cell=entry.cell("kpi_id"),
                        value=entry.kpi_id,
                    )
                )
                continue
            values, problems = form_values(entry, kpi, form.path.name, form.stamp.sheet, lang)
            outcome.problems += problems
            if "actual" in values:
                outcome.received += 1
            given[key] = (outcome, form, entry, values)
    pending = _write(book, table, given, kpis, result, overwrite, lang)
    groups = plan(card, chosen, kept[0][1].stamp.group_by if kept else "owner")
    result.owners, items = _owners(groups, table, given, pending, kept, lang)
    result.missing = sum(o.missing for o in result.owners)
    result.conflicts_left = sum(o.conflicts for o in result.owners)
    for outcome, _ in kept:
        errors = any(p.is_error for p in outcome.problems)
        left = outcome.conflicts and not overwrite
        outcome.status = "invalid" if errors else ("conflict" if left else "collected")
    if kept:  # a run without one usable form leaves the workbook as it is
        book.write_sheets([collection_grid(result, items, lang, book.sheet_names())])
    result.changed = bool(book.package.changed or book.package.deleted)
    return chosen


def _refuse(outcome: FormOutcome, message: str) -> None:
    outcome.status = "refused"
    outcome.problems.append(issue("E051", message, value=outcome.file.name))


def _write(
    book: FileBook,
    table: TableRows,
    given: dict[tuple[str, str], tuple[FormOutcome, ReturnedForm, Entry, dict[str, Value]]],
    kpis: dict[str, Kpi],
    result: CollectResult,
    overwrite: bool,
    lang: str,
) -> dict[tuple[str, str], PendingItem]:
    """Work out and write the cells; the conflicts left, by (KPI, period)."""
    found = find_table(book.package, MEASUREMENTS.name)
    conflicts: dict[tuple[str, str], PendingItem] = {}
    if found is None or table.raw is None:
        return conflicts
    sheet = SheetCells(book.package, found)
    edits: dict[tuple[int, int], Value] = {}
    new_rows: list[NewRow] = []
    cols = table.columns
    for (kpi_id, period), (outcome, form, entry, values) in given.items():
        kpi = kpis[kpi_id]
        row = table.index.get((kpi_id, period))
        for key, value in values.items():
            if key not in cols:
                result.problems.append(
                    both(
                        "form.missing_column",
                        file=form.path.name,
                        cell=entry.cell(key),
                        column=column(key).label(lang),
                    )
                )
                continue
            if row is None:
                continue
            existing = table.value(row, key)
            if is_blank(existing):
                edits[(found.header_row + 1 + row, cols[key])] = value
                continue
            if same(existing, value, key, kpi, lang):
                continue
            outcome.conflicts += 1
            if overwrite:
                edits[(found.header_row + 1 + row, cols[key])] = value
                continue
            cell = table.raw.cell(row, cols[key])
            message, hint = render(
                "W052",
                lang,
                sheet=table.raw.sheet,
                cell=cell,
                field=column(key).label(lang),
                value=f"'{shown(value)}' ({form.path.name} {entry.cell(key)})",
                extra=parse_text(existing),
            )
            outcome.problems.append(
                issue(
                    "W052",
                    message,
                    sheet=table.raw.sheet,
                    cell=cell,
                    field=key,
                    value=shown(value),
                    hint=hint,
                )
            )
            conflicts[(kpi_id, period)] = PendingItem(
                kpi_id, period, outcome.owner, key, parse_text(existing), shown(value)
            )
        if row is None and values:
            number = found.last_row + 1 + len(new_rows)
            if not sheet.row_is_free(number):
                result.problems.append(
                    both("form.blocked_row", row=number, kpi=kpi_id, period=period)
                )
                continue
            cells = {cols["kpi_id"]: Value(text=kpi_id), cols["period"]: Value(text=period)}
            cells |= {cols[k]: v for k, v in values.items() if k in cols}
            new_rows.append(NewRow(cells))
    sheet.write(edits, new_rows)
    result.cells_written = len(edits) + sum(len(r.values) for r in new_rows)
    result.rows_added = len(new_rows)
    if edits or new_rows:
        full_calc_on_load(book.package)  # Capaian and Status hold stale values until recalc
        if new_rows:
            drop_calc_chain_of(book.package, [table.raw.sheet])
    return conflicts


def _owners(
    groups: list[Any],
    table: TableRows,
    given: dict[tuple[str, str], tuple[FormOutcome, ReturnedForm, Entry, dict[str, Value]]],
    conflicts: dict[tuple[str, str], PendingItem],
    kept: list[tuple[FormOutcome, ReturnedForm]],
    lang: str,
) -> tuple[list[OwnerLine], list[PendingItem]]:
    """Per owner: expected, received, missing (no actual in the table after this run), conflicts, when."""
    lines, items = [], []
    for group in groups:
        forms = [f for _, f in kept if f.stamp.owner.casefold() == group.name.casefold()]
        line = OwnerLine(group.name, expected=len(group.rows))
        for due in group.rows:
            key = (due.kpi_id, due.period.code)
            if key in given and "actual" in given[key][3]:
                line.received += 1
            row = table.index.get(key)
            given_actual = key in given and "actual" in given[key][3]
            has_actual = given_actual or (
                row is not None and not is_blank(table.value(row, "actual"))
            )
            if not has_actual:
                line.missing += 1
                items.append(PendingItem(due.kpi_id, due.period.code, group.name, "actual", "", ""))
            if key in conflicts:
                line.conflicts += 1
                items.append(conflicts[key])
        if forms:
            latest = max(f.modified for f in forms)
            line.when = dt.datetime.fromtimestamp(latest).strftime("%Y-%m-%d %H:%M")
            line.files = ", ".join(sorted(f.path.name for f in forms))
        lines.append(line)
    return lines, items
