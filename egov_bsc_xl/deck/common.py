"""Slides and cell texts both decks use: title, overall score panel, perspective scores, KPI rows."""

from __future__ import annotations

import re
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from egov_bsc_xl.deck.base import BOTTOM, LEFT, TOP, WIDTH, Deck, box, text_colour_on
from egov_bsc_xl.deck.charts import band_bar_chart
from egov_bsc_xl.deck.master import GREY, INK, LAYOUT_TITLE, NAVY, PALE
from egov_bsc_xl.deck.tables import Column, Row, add_table, shorten
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.i18n.formats import display_text, percent_sign
from egov_bsc_xl.model.enums import Polarity
from egov_bsc_xl.model.report import KpiResult


def title_slide(deck: Deck, title: str) -> Any:
    """Title slide: deck title, then agency, unit, period and report date (Indonesian date format)."""
    slide = deck.slide(title, LAYOUT_TITLE, keep=(PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY))
    profile = deck.card.profile
    lines = [
        shorten(line, 11.5, 20, 2) for line in (profile.agency, profile.unit) if display_text(line)
    ]
    lines.append(f"{deck.t('period')}: {deck.period.label(deck.lang)}")
    lines.append(deck.date(deck.report_date))
    subtitles = [
        s
        for s in slide.placeholders
        if s.placeholder_format.type != PP_PLACEHOLDER.CENTER_TITLE
        and s.placeholder_format.type != PP_PLACEHOLDER.TITLE
    ]
    if subtitles:
        frame = subtitles[0].text_frame
        frame.text = display_text(lines[0])
        for line in lines[1:]:
            frame.add_paragraph().text = display_text(line)
        if profile.agency:
            frame.paragraphs[0].runs[0].font.bold = True
    else:
        deck.text(
            slide, box(0.8, 4.0, 11.7, 2.4), lines, size=20, colour=RGBColor(0xD6, 0xE4, 0xF0)
        )
    logo = deck.logo_path()
    if logo is not None:
        try:
            slide.shapes.add_picture(str(logo), Inches(11.0), Inches(0.45), height=Inches(1.1))
        except Exception as exc:  # checked already (deck.logo); an image python-pptx still refuses must not stop the deck
            deck.warn(both("msg.logo.title_slide", logo=logo, error=exc))
    return slide


def score_panel(
    deck: Deck, slide: Any, left: float, top: float, width: float, height: float
) -> None:
    """The overall score, its band and coverage in a pale panel."""
    overall = deck.report.overall
    panel = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, *box(left, top, width, height))
    panel.name = "Panel Skor / Score panel"
    panel.fill.solid()
    panel.fill.fore_color.rgb = PALE
    panel.line.fill.background()
    panel.shadow.inherit = False
    deck.text(
        slide,
        box(left + 0.3, top + 0.25, width - 0.6, 0.45),
        deck.t("overall_score"),
        size=16,
        colour=GREY,
        bold=True,
    )
    deck.text(
        slide,
        box(left + 0.3, top + 0.75, width - 0.6, 1.2),
        deck.pct(overall.score),
        size=60,
        colour=NAVY,
        bold=True,
        name="Skor Keseluruhan / Overall score",
    )
    band = overall.band
    pill = slide.shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, *box(left + 0.3, top + 2.05, width - 0.6, 0.55)
    )
    pill.name = "Status Keseluruhan / Overall band"
    pill.fill.solid()
    pill.fill.fore_color.rgb = RGBColor.from_string(band.colour.lstrip("#").upper())
    pill.line.fill.background()
    pill.shadow.inherit = False
    frame = pill.text_frame
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    para = frame.paragraphs[0]
    para.alignment = PP_ALIGN.CENTER
    run = para.add_run()
    run.text = display_text(band.label(deck.lang))
    run.font.size, run.font.bold = Pt(20), True
    run.font.color.rgb = text_colour_on(band.colour)
    details = [
        f"{deck.t('coverage')}: {deck.pct(overall.coverage)}",
        f"{deck.t('period')}: {deck.period.label(deck.lang)}",
        f"{deck.t('report_date')}: {deck.date(deck.report_date)}",
    ]
    deck.text(
        slide,
        box(left + 0.3, top + 2.8, width - 0.6, 1.1),
        details,
        size=14,
        colour=GREY,
        spacing=2,
    )
    rows = deck.report.perspectives
    line_h = min(0.42, (height - 4.1) / max(len(rows), 1))
    name_lines = 2 if line_h >= 0.4 else 1
    for index, perspective in enumerate(rows):
        y = top + 4.0 + index * line_h
        name = shorten(perspective.name, width - 1.5, 12, name_lines)
        deck.text(
            slide,
            box(left + 0.3, y, width - 1.5, line_h),
            name,
            size=12,
            colour=INK,
            anchor=MSO_ANCHOR.MIDDLE,
        )
        chip = perspective.band
        deck.text(
            slide,
            box(left + width - 1.2, y, 0.9, line_h),
            deck.pct(perspective.score),
            size=14,
            bold=True,
            colour=RGBColor.from_string(chip.colour.lstrip("#").upper())
            if chip.colour.upper() not in ("#FDD835",)
            else INK,
            align=PP_ALIGN.RIGHT,
            anchor=MSO_ANCHOR.MIDDLE,
        )


def key_messages_box(deck: Deck, slide: Any, lines: list[str]) -> None:
    """The 'Pesan Kunci' heading and its bullets, right of the score panel (both decks)."""
    deck.text(
        slide,
        box(LEFT + 4.7, TOP, WIDTH - 4.7, 0.5),
        deck.t("key_messages"),
        size=20,
        colour=NAVY,
        bold=True,
    )
    deck.text(
        slide,
        box(LEFT + 4.7, TOP + 0.65, WIDTH - 4.7, BOTTOM - TOP - 0.65),
        lines,
        size=18,
        bullets=True,
        spacing=12,
        name="Pesan Kunci / Key messages",
        fit=True,
    )


def perspective_scores_slide(deck: Deck, title: str, *, show_weight: bool = True) -> Any:
    """Column chart of perspective scores in band colours, with a table of weight, score and status."""
    slide = deck.slide(title)
    scored = deck.report.perspectives
    table_w = 2.3 + (0.95 if show_weight else 0.0) + 1.0 + 1.35
    band_bar_chart(
        slide,
        box(LEFT, TOP, WIDTH - table_w - 0.4, BOTTOM - TOP),
        [p.name for p in scored],
        [p.score for p in scored],
        [p.band.colour for p in scored],
        [deck.pct(p.score) for p in scored],
        name="Skor Perspektif / Perspective scores",
        font_size=13,
        horizontal=len(scored) > 4 or max((len(p.name) for p in scored), default=0) > 40,
    )
    columns = [Column(deck.t("perspective"), 2.3)]
    if show_weight:
        columns.append(Column(deck.t("weight"), 0.95, PP_ALIGN.RIGHT, 1))
    columns += [
        Column(deck.t("score"), 1.0, PP_ALIGN.RIGHT, 1),
        Column(deck.t("status"), 1.35, PP_ALIGN.CENTER),
    ]
    rows = []
    for p in scored:
        band = p.band
        cells = (
            [p.name]
            + ([deck.pct(p.weight, 0)] if show_weight else [])
            + [deck.pct(p.score), band.label(deck.lang)]
        )
        rows.append(Row(cells, fills={len(cells) - 1: band.colour}))
    overall = deck.report.overall
    band = overall.band
    total = [deck.t("overall")] + (["100" + percent_sign(deck.lang)] if show_weight else [])
    total += [deck.pct(overall.score), band.label(deck.lang)]
    rows.append(Row(total, fills={len(total) - 1: band.colour}, bold=True))
    width = sum(c.width for c in columns)
    add_table(
        slide,
        LEFT + WIDTH - width,
        TOP + 0.3,
        columns,
        rows,
        name="Tabel Perspektif / Perspective table",
    )
    return slide


def value_text(deck: Deck, value: float | None, unit: str, polarity: Polarity) -> str:
    """A target or actual with its unit: '85,5 %', '3 hari', 'Ya'."""
    if value is None:
        return "–"
    if polarity is Polarity.BINARY:
        return deck.t("yes") if value >= 0.5 else deck.t("no")
    number = deck.num(value)
    unit = (unit or "").strip()
    if unit == "%":
        return number + percent_sign(deck.lang)
    return f"{number} {short_unit(unit)}" if unit else number


UNIT_CHARS = 10  # a unit in a table cell: longer ones are cut at a word with an ellipsis


def short_unit(unit: str) -> str:
    """The unit as shown beside a number: whole up to 10 characters; else without a trailing
    qualifier in brackets ('indeks (25-100)' -> 'indeks'), else cut at a word with '…'."""
    unit = display_text(unit)
    if len(unit) <= UNIT_CHARS:
        return unit
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", unit)
    if bare and len(bare) <= UNIT_CHARS:
        return bare
    unit = bare or unit
    kept = ""
    for word in unit.split():
        if len(kept) + len(word) + (1 if kept else 0) > UNIT_CHARS - 2:
            break
        kept = f"{kept} {word}" if kept else word
    return f"{kept} …" if kept else unit[: UNIT_CHARS - 1] + "…"


def target_text(deck: Deck, result: KpiResult, unit: str, polarity: Polarity) -> str:
    if (
        result.target_upper is not None
        and result.target is not None
        and result.target_upper != result.target
    ):
        upper = value_text(deck, result.target_upper, unit, polarity)
        return f"{deck.num(result.target)}–{upper}"
    return value_text(deck, result.target, unit, polarity)


def kpi_achievement_chart(deck: Deck, slide: Any, results: list[KpiResult], geometry: Any) -> None:
    """Horizontal bars of KPI achievement (scored, band colours), one per KPI of `results`."""
    band_bar_chart(
        slide,
        geometry,
        [k.id for k in results],
        [k.achievement for k in results],
        [k.band.colour for k in results],
        [deck.pct(k.achievement) for k in results],
        horizontal=True,
        name="Capaian IKU / KPI achievement",
    )


def has_history_columns(results: list[KpiResult]) -> tuple[bool, bool]:
    """Whether some KPI has an annual (PK) target, and whether some has last year's actual (SPEC 8)."""
    return (
        any(k.annual_target is not None for k in results),
        any(k.last_year_actual is not None for k in results),
    )


def kpi_table(
    deck: Deck,
    results: list[KpiResult],
    *,
    annual: bool = False,
    last_year: bool = False,
) -> tuple[list[Column], list[Row]]:
    """Columns and rows of a KPI table: KPI, target, actual, achievement, status in its band colour.

    annual / last_year: also the annual (PK) target after the target and last year's actual after
    the actual (the perspective slides, when some KPI of the deck has them).
    """
    kpis = {k.id: k for k in deck.card.kpis}
    extra = int(annual) + int(last_year)
    name_w = {0: 3.1, 1: 2.75, 2: 2.65}[extra]
    columns = [
        Column(deck.t("kpi"), name_w),
        Column(deck.t("target"), 1.2 if not extra else 1.1, PP_ALIGN.RIGHT),
    ]
    if annual:
        columns.append(Column(deck.t("annual_target"), 1.3, PP_ALIGN.RIGHT))
    columns.append(Column(deck.t("actual"), 1.2 if not extra else 1.1, PP_ALIGN.RIGHT))
    if last_year:
        columns.append(
            Column(deck.t("actual_of", period=deck.period.year - 1), 1.2, PP_ALIGN.RIGHT)
        )
    columns += [
        Column(deck.t("achievement"), 1.3, PP_ALIGN.RIGHT, 1),
        Column(deck.t("status"), 1.3 if not extra else 1.2, PP_ALIGN.CENTER),
    ]
    rows = []
    for result in results:
        kpi = kpis[result.id]
        band = result.band
        cells = [
            f"{kpi.id} {kpi.name}",
            target_text(deck, result, kpi.unit, kpi.polarity),
        ]
        if annual:
            cells.append(value_text(deck, result.annual_target, kpi.unit, kpi.polarity))
        cells.append(value_text(deck, result.actual, kpi.unit, kpi.polarity))
        if last_year:
            cells.append(value_text(deck, result.last_year_actual, kpi.unit, kpi.polarity))
        cells += [deck.pct(result.achievement), band.label(deck.lang)]
        rows.append(Row(cells, fills={len(cells) - 1: band.colour}))
    return columns, rows
