"""Terminal views of issues and scores (rich tables), in the workbook's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from egov_bsc_xl.i18n.catalogue import pick, tr
from egov_bsc_xl.i18n.cli_texts import TEXTS
from egov_bsc_xl.i18n.formats import fmt_percent
from egov_bsc_xl.validate.collector import show

if TYPE_CHECKING:
    from egov_bsc_xl.consolidate import ConsolidationResult
    from egov_bsc_xl.workbook.reading.analysis import Analysis
    from egov_bsc_xl.workbook.writing.recalc import RecalcResult

_T = TEXTS  # the cli.* namespace of the catalogue


def _styles(analysis: Analysis) -> dict[str, str]:
    """Band label (either language) -> its tblBands colour, so any band preset shows its own colours."""
    styles = {}
    for band in analysis.card.settings.bands:
        colour = band.colour if band.colour.startswith("#") and len(band.colour) == 7 else "white"
        styles[band.label_id] = styles[band.label_en] = colour
    return styles


def _figure(value: float | None, lang: str) -> str:
    """A target or actual as typed: 45.000 and 82,5 (id), 45,000 and 82.5 (en); no '.00' on whole numbers."""
    if value is None or value != value:
        return "–"
    from babel.numbers import format_decimal

    return format_decimal(round(value, 2), format="#,##0.##", locale=pick(lang, "id_ID", "en_US"))


def _t(key: str, lang: str) -> str:
    return tr(f"cli.{key}", lang)


def show_issues(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    lang = analysis.language
    if not analysis.issues:
        console.print(_t("clean", lang))
        return
    table = Table(title=_t("issues", lang), show_lines=False, expand=True)
    for key in ("code", "where", "value", "message", "hint"):
        table.add_column(_t(key, lang), overflow="fold")
    for i in analysis.issues:
        style = "red" if i.is_error else "yellow"
        where = f"{i.sheet}!{i.cell}" if i.cell else i.sheet
        value = show(i.value, lang)
        table.add_row(f"[{style}]{i.code}[/]", where, value, i.message, i.hint)
    console.print(table)
    console.print(tr("sheet.val_summary", lang, errors=analysis.errors, warnings=analysis.warnings))


def show_scores(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    lang = analysis.language
    report = analysis.report
    assert report is not None
    o = report.overall
    style = _styles(analysis)
    console.print(
        f"[bold]{_t('overall', lang)} {analysis.period.label(lang)}: "
        f"[{style.get(o.band, 'white')}]{fmt_percent(o.score, lang)} {o.band}[/][/] "
        f"({_t('coverage', lang)} {fmt_percent(o.coverage, lang, 0)})"
    )
    table = Table(show_lines=False)
    for key in ("perspective", "weight", "score", "band"):
        table.add_column(_t(key, lang))
    table.add_column(_t("coverage_head", lang))
    for p in report.perspectives:
        table.add_row(
            p.name,
            fmt_percent(p.weight, lang, 0),
            fmt_percent(p.score, lang),
            f"[{style.get(p.band, 'white')}]{p.band}[/]",
            fmt_percent(p.coverage, lang, 0),
        )
    console.print(table)
    names = {k.id: k.name for k in analysis.card.kpis}
    kpis = Table(show_lines=False)
    for key in ("kpi", "target", "actual", "achievement", "band"):
        kpis.add_column(_t(key, lang), overflow="fold")
    for k in report.kpis:
        target = _figure(k.target, lang)
        if k.target_upper is not None:
            target += " – " + _figure(k.target_upper, lang)
        kpis.add_row(
            f"{k.id} {names.get(k.id, '')}",
            target,
            _figure(k.actual, lang),
            fmt_percent(k.achievement, lang),
            f"[{style.get(k.band, 'white')}]{k.band}[/]",
        )
    console.print(kpis)


def recalc_summary(result: RecalcResult) -> str:
    """What the command line prints after a recalc, in the workbook's language."""
    from egov_bsc_xl.i18n.sheet_texts import text

    a = result.analysis
    lang = a.language
    lines = [text("cli_written", lang, path=result.path)]
    if result.backup is not None:
        lines.append(text("cli_backup", lang, path=result.backup))
    if a.report is not None:
        lines.append(
            text(
                "msg_recalc_ok",
                lang,
                period=a.period.label(lang),
                score=fmt_percent(a.report.overall.score, lang),
                band=a.report.overall.band,
            )
        )
    lines.append(text("val_summary", lang, errors=a.errors, warnings=a.warnings))
    return "\n".join(lines)


def consolidate_summary(result: ConsolidationResult, lang: str) -> str:
    """What the command line prints after consolidate (with or without a parent), in `lang`."""
    report = result.report
    units = report.units
    ok = sum(1 for u in units if u.status == "ok")
    period = report.period.label(lang)
    lines = [_t("cons_head", lang).format(period=period, ok=ok, total=len(units))]
    for u in units:
        status = _t(f"cons_status_{u.status}", lang)
        lines.append(
            _t("cons_unit", lang).format(
                id=u.id,
                name=u.name,
                status=status,
                score=fmt_percent(u.overall, lang),
                band=u.band or "–",
                coverage=fmt_percent(u.coverage, lang, 0),
                errors=u.errors,
                warnings=u.warnings,
            )
        )
    for u in units:
        if u.reason:
            lines.append(_t("cons_reason", lang).format(id=u.id, file=u.file, reason=u.reason))
    lines += result.notes
    if report.rollups:
        lines.append(_t("cons_rollups", lang).format(count=len(report.rollups)))
    if report.overall is not None and result.analysis is not None:
        o = report.overall
        lines.append(
            _t("cons_parent", lang).format(
                score=fmt_percent(o.score, lang),
                band=o.band,
                coverage=fmt_percent(o.coverage, lang, 0),
                errors=result.analysis.errors,
                warnings=result.analysis.warnings,
            )
        )
    if result.output is not None:
        lines.append(_t("cons_written", lang).format(path=result.output))
    if result.written is not None and result.written.backup is not None:
        lines.append(_t("cons_backup", lang).format(path=result.written.backup))
    return "\n".join(lines)
