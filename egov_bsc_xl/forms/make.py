"""`egov-bsc forms`: one data-entry form per owner (or unit) with the KPIs due in the period."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from egov_bsc_xl.calc.engine import choose_period
from egov_bsc_xl.errors import UnusableInput, WriteError
from egov_bsc_xl.forms.build import FIRST_ROW as FORM_FIRST_ROW
from egov_bsc_xl.forms.build import FormRow, form_bytes
from egov_bsc_xl.forms.plan import GROUPINGS, file_names, plan, workbook_id
from egov_bsc_xl.forms.stamp import Stamp
from egov_bsc_xl.forms.table import COLUMNS, table_rows
from egov_bsc_xl.i18n.catalogue import both, tr
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.workbook.opc.files import atomic_write
from egov_bsc_xl.workbook.reading.reader import read_workbook


@dataclass
class FormFile:
    owner: str  # the owner (or unit) as typed in tblKpis
    path: Path
    kpis: int  # KPI rows in the form


@dataclass
class FormsResult:
    period: Period
    folder: Path
    workbook_id: str
    files: list[FormFile] = field(default_factory=list)


def default_folder(workbook: Path, period: Period) -> Path:
    """forms-<period> beside the workbook."""
    return workbook.parent / f"forms-{period.code}"


def make_forms(
    workbook: str | Path,
    period: Period | str | None = None,
    by: str = "owner",
    output: str | Path | None = None,
) -> FormsResult:
    """Write the forms of `workbook` for `period` (default: the profile's report period, else the
    latest period with an actual) into `output` (default: forms-<period> beside the workbook).

    Raises UnusableInput for an unreadable workbook, PeriodError for a bad period, WriteError when
    the folder cannot be written. Each form replaces a file of the same name.
    """
    if by not in GROUPINGS:
        raise UnusableInput(both("form.bad_by", value=by, choices=", ".join(GROUPINGS)))
    path = Path(workbook)
    read = read_workbook(path)
    card = read.card
    chosen = choose_period(card, period)
    lang = card.language
    folder = Path(output) if output is not None else default_folder(path, chosen)
    if folder.exists() and not folder.is_dir():
        raise WriteError(both("form.not_folder", name=folder))
    folder.mkdir(parents=True, exist_ok=True)
    existing = table_rows(read)
    kpis = {k.id: k for k in card.kpis}
    wid = workbook_id(card)
    groups = plan(card, chosen, by)
    names = file_names(groups, chosen, tr("form.no_owner", lang))
    result = FormsResult(chosen, folder, wid)
    label = chosen.label(lang)
    for group, name in zip(groups, names, strict=True):
        rows = [
            FormRow(due, kpis[due.kpi_id], existing.values(due.kpi_id, due.period.code))
            for due in group.rows
        ]
        stamp = Stamp(
            workbook_id=wid,
            workbook=path.name,
            period=chosen.code,
            group_by=by,
            owner=group.name,
            language=lang,
            sheet=tr("form.sheet", lang),
            first_row=FORM_FIRST_ROW + 1,
            columns=list(COLUMNS),
            rows=[due.key for due in group.rows],
        )
        data = form_bytes(stamp, rows, card.profile.agency, card.profile.unit, label, lang)
        target = folder / name
        atomic_write(target, data)
        result.files.append(FormFile(group.name, target, len(rows)))
    return result
