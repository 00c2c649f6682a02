"""The leadership deck of SPEC 7, slide by slide."""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Pt

from egov_bsc_xl.deck.attention import attention_slides
from egov_bsc_xl.deck.base import BOTTOM, LEFT, TOP, WIDTH, Deck, box
from egov_bsc_xl.deck.charts import progress_chart, trend_line_chart
from egov_bsc_xl.deck.common import (
    has_history_columns,
    key_messages_box,
    kpi_achievement_chart,
    kpi_table,
    perspective_scores_slide,
    score_panel,
    title_slide,
)
from egov_bsc_xl.deck.comparison import comparison_slides
from egov_bsc_xl.deck.master import GREY, LAYOUT_SECTION
from egov_bsc_xl.deck.messages import key_messages, kpis_without_data, next_steps
from egov_bsc_xl.deck.strategy_map import add_strategy_map, map_pages
from egov_bsc_xl.deck.tables import Column, Row, add_table, fit_paragraphs, paginate
from egov_bsc_xl.i18n.formats import display_text
from egov_bsc_xl.workbook.contract import revised_field_label

SIDE_TABLE_W = 8.1  # table beside a chart (inches)
CHART_LEFT = LEFT + SIDE_TABLE_W + 0.35
CHART_W = WIDTH - SIDE_TABLE_W - 0.35
NOTE_H = 0.45
MAX_QUALITY_ROWS = 16  # two slides at most; the Validasi sheet has them all


def _titled(deck: Deck, title: str, page: int) -> str:
    return title if page == 0 else f"{title} {deck.t('continued')}"


def executive_summary(deck: Deck) -> None:
    slide = deck.slide(deck.t("exec_summary"))
    score_panel(deck, slide, LEFT, TOP, 4.3, BOTTOM - TOP)
    key_messages_box(deck, slide, key_messages(deck))


def perspective_slides(deck: Deck) -> None:
    annual, last_year = has_history_columns(deck.report.kpis)  # the same columns on every slide
    for perspective in deck.report.perspectives:
        results = [k for k in deck.report.kpis if k.perspective_id == perspective.id]
        columns, rows = kpi_table(deck, results, annual=annual, last_year=last_year)
        table_w = sum(c.width for c in columns)
        chart_left = LEFT + table_w + 0.35
        pages = paginate(rows, columns, BOTTOM - TOP - NOTE_H) or [[]]
        title = deck.t("perspective_slide", name=perspective.name)
        start = 0
        for page, chunk in enumerate(pages):
            slide = deck.slide(_titled(deck, title, page))
            band = perspective.band
            summary = (
                f"{deck.t('score')} {deck.pct(perspective.score)} · {band.label(deck.lang)} · "
                f"{deck.t('weight')} {deck.pct(perspective.weight, 0)} · "
                f"{deck.t('coverage')} {deck.pct(perspective.coverage)}"
            )
            deck.text(
                slide, box(LEFT, TOP - 0.1, WIDTH, 0.4), summary, size=14, colour=GREY, bold=True
            )
            if chunk:
                frame = add_table(
                    slide, LEFT, TOP + NOTE_H - 0.05, columns, chunk, name="Tabel IKU / KPI table"
                )
                page_results = results[start : start + len(chunk)]
                chart_h = min(max(frame.height / 914400 + 0.3, 2.2), BOTTOM - TOP - NOTE_H + 0.05)
                kpi_achievement_chart(
                    deck,
                    slide,
                    page_results,
                    box(chart_left, TOP + NOTE_H - 0.05, LEFT + WIDTH - chart_left, chart_h),
                )
            start += len(chunk)


def trend_slide(deck: Deck) -> None:
    slide = deck.slide(deck.t("trend", year=deck.period.year))
    points = deck.trend
    labels = [point.period.label(deck.lang) for point in points]
    series = [(deck.t("overall"), [p.overall for p in points])]
    for perspective in deck.report.perspectives:
        series.append((perspective.name, [p.perspectives.get(perspective.id) for p in points]))
    trend_line_chart(
        slide,
        box(LEFT, TOP, WIDTH, BOTTOM - TOP),
        labels or [deck.period.label(deck.lang)],
        series if points else [(deck.t("overall"), [deck.report.overall.score])],
        [deck.pct(p.overall) if p.overall is not None else "" for p in points]
        or [deck.pct(deck.report.overall.score)],
        name="Tren Skor / Score trend",
    )


def strategy_map_slide(deck: Deck) -> None:
    for page, (lanes, shown) in enumerate(map_pages(deck)):
        slide = deck.slide(_titled(deck, deck.t("strategy_map"), page))
        add_strategy_map(deck, slide, lanes, shown)


def initiative_slides(deck: Deck) -> None:
    if not deck.card.initiatives:
        return
    results = {r.id: r for r in deck.report.initiatives}
    columns = [
        Column(deck.t("initiative"), 3.5),
        Column(deck.t("progress"), 1.05, PP_ALIGN.RIGHT, 1),
        Column(deck.t("planned"), 1.05, PP_ALIGN.RIGHT, 1),
        Column(deck.t("absorption"), 1.2, PP_ALIGN.RIGHT),
        Column(deck.t("schedule"), 1.3, PP_ALIGN.CENTER),
    ]
    ordered = [(i, results[i.id]) for i in deck.card.initiatives if i.id in results]
    rows = []
    for initiative, result in ordered:
        if result.planned_progress is None:
            status, colour = deck.t("no_dates"), "#9E9E9E"
        elif result.behind_schedule:
            status, colour = deck.t("behind"), "#E53935"
        else:
            status, colour = deck.t("on_track"), "#43A047"
        rows.append(
            Row(
                [
                    f"{initiative.id} {initiative.name}",
                    deck.pct(result.progress, 0),
                    deck.pct(result.planned_progress, 0),
                    deck.pct(result.budget_absorption),
                    status,
                ],
                fills={4: colour},
            )
        )
    budget = sum(i.budget or 0.0 for i in deck.card.initiatives)
    spent = sum(i.spent or 0.0 for i in deck.card.initiatives)
    note = deck.t("budget_total", budget=deck.money(budget), spent=deck.money(spent))
    start = 0
    for page, chunk in enumerate(paginate(rows, columns, BOTTOM - TOP - NOTE_H)):
        slide = deck.slide(_titled(deck, deck.t("initiatives"), page))
        deck.text(slide, box(LEFT, TOP - 0.1, WIDTH, 0.4), note, size=14, colour=GREY, bold=True)
        frame = add_table(
            slide,
            LEFT,
            TOP + NOTE_H - 0.05,
            columns,
            chunk,
            name="Tabel Inisiatif / Initiative table",
        )
        part = [r for _, r in ordered[start : start + len(chunk)]]
        chart_h = min(max(frame.height / 914400 + 0.6, 2.6), BOTTOM - TOP - NOTE_H + 0.05)
        progress_chart(
            slide,
            box(CHART_LEFT, TOP + NOTE_H - 0.05, CHART_W, chart_h),
            [r.id for r in part],
            [r.progress for r in part],
            [r.planned_progress for r in part],
            (deck.t("progress"), deck.t("planned")),
            name="Progres Inisiatif / Initiative progress",
        )
        start += len(chunk)


def revision_slides(deck: Deck) -> None:
    """Step 8 of the method: the revision log of the report year (no slide when it is empty)."""
    year = deck.period.year
    revisions = sorted(
        (r for r in deck.card.revisions if r.date is None or r.date.year == year),
        key=lambda r: (r.date is None, r.date, r.kpi_id),
    )
    if not revisions:
        return
    kpis = {k.id: k for k in deck.card.kpis}
    columns = [
        Column(deck.t("date"), 1.9),
        Column(deck.t("kpi"), 3.4),
        Column(deck.t("field"), 1.3),
        Column(deck.t("change"), 2.2),
        Column(deck.t("reason"), 3.5),
    ]
    rows = [
        Row(
            [
                deck.date(r.date),
                f"{r.kpi_id} {kpis[r.kpi_id].name}" if r.kpi_id in kpis else r.kpi_id or "–",
                revised_field_label(r.field, deck.lang) if r.field else "–",
                f"{r.old_value or '–'} → {r.new_value or '–'}",
                r.reason or "–",
            ]
        )
        for r in revisions
    ]
    title = deck.t("revisions", year=year)
    for page, chunk in enumerate(paginate(rows, columns, BOTTOM - TOP - NOTE_H)):
        slide = deck.slide(_titled(deck, title, page))
        deck.text(
            slide,
            box(LEFT, TOP - 0.1, WIDTH, 0.4),
            deck.t("revisions_note"),
            size=14,
            colour=GREY,
            bold=True,
        )
        add_table(
            slide, LEFT, TOP + NOTE_H - 0.05, columns, chunk, name="Tabel Revisi / Revision table"
        )


def completeness_slides(deck: Deck) -> None:
    kpis = {k.id: k for k in deck.card.kpis}
    label = deck.period.label(deck.lang)
    title = deck.t("completeness", period=label)
    left_cols = [
        Column(deck.t("perspective"), 2.6),
        Column(deck.t("kpi_count"), 1.0, PP_ALIGN.RIGHT, 1),
        Column(deck.t("with_data"), 1.0, PP_ALIGN.RIGHT, 1),
        Column(deck.t("coverage"), 1.2, PP_ALIGN.RIGHT),
    ]
    rows = []
    for perspective in deck.report.perspectives:
        members = [k for k in deck.report.kpis if k.perspective_id == perspective.id]
        with_data = sum(1 for k in members if k.achievement is not None)
        rows.append(
            Row(
                [
                    perspective.name,
                    str(len(members)),
                    str(with_data),
                    deck.pct(perspective.coverage),
                ]
            )
        )
    rows.append(
        Row(
            [
                deck.t("overall"),
                str(len(deck.report.kpis)),
                str(sum(1 for k in deck.report.kpis if k.achievement is not None)),
                deck.pct(deck.report.overall.coverage),
            ],
            bold=True,
        )
    )
    missing = kpis_without_data(deck)
    right_cols = [Column(deck.t("kpi"), 3.45), Column(deck.t("owner"), 2.2)]
    missing_rows = [Row([f"{k.id} {kpis[k.id].name}", kpis[k.id].owner or "–"]) for k in missing]
    pages = paginate(missing_rows, right_cols, BOTTOM - TOP - NOTE_H) or [[]]
    right_left = LEFT + WIDTH - sum(c.width for c in right_cols)
    warnings = sum(1 for i in deck.issues if not i.is_error)
    for page, chunk in enumerate(pages):
        slide = deck.slide(_titled(deck, title, page))
        if page == 0:
            add_table(
                slide,
                LEFT,
                TOP + NOTE_H - 0.05,
                left_cols,
                rows,
                name="Tabel Cakupan / Coverage table",
            )
            if warnings:
                deck.text(
                    slide,
                    box(LEFT, BOTTOM - 0.45, 6.0, 0.4),
                    deck.t("warnings_note", n=warnings),
                    size=12,
                    colour=GREY,
                )
        heading = (
            deck.t("missing_list", period=label)
            if missing
            else deck.t("all_have_data", period=label)
        )
        deck.text(
            slide,
            box(right_left, TOP - 0.1, LEFT + WIDTH - right_left, 0.4),
            heading,
            size=14,
            colour=GREY,
            bold=True,
        )
        if chunk:
            add_table(
                slide,
                right_left,
                TOP + NOTE_H - 0.05,
                right_cols,
                chunk,
                name="Tabel Tanpa Data / Missing",
            )


def data_quality_slides(deck: Deck) -> None:
    """Only when the workbook has validation errors: the errors, with where they are."""
    errors = [i for i in deck.issues if i.is_error]
    if not errors:
        return
    warnings = len(deck.issues) - len(errors)
    columns = [
        Column(deck.t("code"), 0.9, PP_ALIGN.CENTER, 1),
        Column(deck.t("place"), 2.6),
        Column(deck.t("finding"), 8.8),
    ]
    shown = errors[:MAX_QUALITY_ROWS]
    rows = []
    for issue in shown:
        place = "!".join(part for part in (issue.sheet, issue.cell) if part) or "–"
        message = issue.message + (f" {issue.hint}" if issue.hint else "")
        rows.append(Row([issue.code, place, message], fills={0: "#E53935"}))
    pages = paginate(rows, columns, BOTTOM - TOP - NOTE_H - 0.4)
    for page, chunk in enumerate(pages):
        slide = deck.slide(_titled(deck, deck.t("data_quality"), page))
        deck.text(
            slide,
            box(LEFT, TOP - 0.1, WIDTH, 0.4),
            deck.t("quality_note", errors=len(errors), warnings=warnings),
            size=14,
            colour=GREY,
            bold=True,
        )
        add_table(
            slide, LEFT, TOP + NOTE_H - 0.05, columns, chunk, name="Tabel Temuan / Findings table"
        )
        if page == len(pages) - 1 and len(errors) > len(shown):
            deck.text(
                slide,
                box(LEFT, BOTTOM - 0.4, WIDTH, 0.4),
                deck.t("quality_more", n=len(errors) - len(shown)),
                size=12,
                colour=GREY,
            )


def closing_slide(deck: Deck) -> None:
    slide = deck.slide(deck.t("closing"), LAYOUT_SECTION, keep=(PP_PLACEHOLDER.BODY,))
    steps = next_steps(deck)
    bodies = [s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.BODY]
    if bodies:
        steps = fit_paragraphs(
            steps,
            Emu(bodies[0].width).inches - 0.2,
            Emu(bodies[0].height).inches,
            18,
            10,
            indent_in=0.4,
        )
        frame = bodies[0].text_frame
        frame.word_wrap = True
        for index, step in enumerate(steps):
            para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            run = para.add_run()
            run.text = "•  " + display_text(step)
            run.font.size = Pt(18)
            para.space_after = Pt(10)
    else:
        deck.text(
            slide, box(5.8, 1.2, 7.0, 5.2), steps, size=18, bullets=True, spacing=10, fit=True
        )


def build_leadership(deck: Deck) -> None:
    """Every slide of the leadership deck, in SPEC 7's order (SPEC 8's comparison after the trend)."""
    title_slide(deck, deck.t("deck_title_leadership"))
    executive_summary(deck)
    perspective_scores_slide(deck, deck.t("perspective_scores"))
    perspective_slides(deck)
    trend_slide(deck)
    comparison_slides(deck)
    strategy_map_slide(deck)
    initiative_slides(deck)
    attention_slides(deck)
    revision_slides(deck)
    completeness_slides(deck)
    data_quality_slides(deck)
    closing_slide(deck)
