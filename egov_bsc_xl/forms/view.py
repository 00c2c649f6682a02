"""What `egov-bsc forms` and `egov-bsc collect` print (plain text, Indonesian then English)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from egov_bsc_xl.i18n.catalogue import both

if TYPE_CHECKING:
    from egov_bsc_xl.forms.collect import CollectResult
    from egov_bsc_xl.forms.make import FormsResult


def forms_summary(result: FormsResult) -> str:
    if not result.files:
        return both("form.no_kpis", period=result.period.code)
    lines = [
        both("form.made", count=len(result.files), period=result.period.code, folder=result.folder)
    ]
    for f in result.files:
        lines.append(
            "  " + both("form.made_line", file=f.path.name, owner=f.owner or "-", kpis=f.kpis)
        )
    return "\n".join(lines)


def collect_summary(result: CollectResult) -> str:
    period = result.period.code if result.period else "-"
    lines = [
        both(
            "form.collected",
            period=period,
            cells=result.cells_written,
            rows=result.rows_added,
            missing=result.missing,
            conflicts=result.conflicts_left,
        )
    ]
    if not result.changed:
        lines.append(both("form.unchanged"))
    for f in result.forms:
        lines.append(
            "  "
            + both(
                "form.form_line",
                file=f.file.name,
                status=f.status,
                received=f.received,
                conflicts=f.conflicts,
            )
        )
        lines += [f"    {p.code}: {p.message}" for p in f.problems]
    lines += [f"  {p}" for p in result.problems]
    if result.cells_written:
        lines.append(both("form.run_recalc"))
    if result.backup is not None:
        lines.append(both("form.backup", name=result.backup))
    return "\n".join(lines)
