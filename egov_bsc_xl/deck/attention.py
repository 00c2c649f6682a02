"""The attention slides (SPEC 8): per KPI needing attention, its achievement, the causes (analysis),
the follow-up action, its owner and due date.

The KPIs are those of the one rule (calc.attention, through messages.kpis_below), lowest first.
Long analyses and actions are shortened in the table with an ellipsis; the full texts of the
slide's KPIs are in the slide's notes, so nothing typed in the workbook is lost.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.text import PP_ALIGN

from egov_bsc_xl.deck.base import BOTTOM, LEFT, TOP, WIDTH, Deck, box
from egov_bsc_xl.deck.master import GREY
from egov_bsc_xl.deck.messages import kpis_below
from egov_bsc_xl.deck.tables import Column, Row, add_table, paginate
from egov_bsc_xl.i18n.formats import display_text
from egov_bsc_xl.model.report import KpiResult

NOTE_H = 0.45
TEXT_LINES = (8, 6, 4, 3)  # analysis and action: lines in the table (the most that keep one
# slide, at least three); the rest is in the notes


def _filled(text: str | None) -> str:
    return display_text(text or "").strip()


def attention_columns(deck: Deck, text_lines: int = TEXT_LINES[-1]) -> list[Column]:
    return [
        Column(deck.t("kpi"), 2.45),
        Column(deck.t("achievement"), 1.3, PP_ALIGN.RIGHT, 1),
        Column(deck.t("analysis"), 2.9, max_lines=text_lines),
        Column(deck.t("action"), 2.65, max_lines=text_lines),
        Column(deck.t("action_owner"), 1.7),
        Column(deck.t("action_due"), 1.3),
    ]


def attention_row(deck: Deck, result: KpiResult) -> Row:
    """One KPI: name, achievement in its band colour, analysis, action, owner (the action's, else
    the KPI's) and due date; '(belum diisi)' where the workbook has nothing yet (W014)."""
    kpi = next(k for k in deck.card.kpis if k.id == result.id)
    missing = deck.t("not_filled")
    owner = _filled(result.action_owner) or _filled(kpi.owner) or "–"
    return Row(
        [
            f"{kpi.id} {kpi.name}",
            deck.pct(result.achievement),
            _filled(result.analysis) or missing,
            _filled(result.action) or missing,
            owner,
            deck.date(result.action_due) if result.action_due else "–",
        ],
        fills={1: result.band.colour},
    )


def notes_text(deck: Deck, results: list[KpiResult]) -> str:
    """The full texts of the slide's KPIs that have an analysis or an action (the speaker notes)."""
    names = {k.id: k.name for k in deck.card.kpis}
    blocks = []
    for result in results:
        analysis, action = _filled(result.analysis), _filled(result.action)
        if not analysis and not action:
            continue
        lines = [f"{result.id} {display_text(names.get(result.id, ''))}"]
        if analysis:
            lines.append(f"{deck.t('analysis')}: {analysis}")
        if action:
            lines.append(f"{deck.t('action')}: {action}")
        owner = _filled(result.action_owner)
        if owner:
            lines.append(f"{deck.t('action_owner')}: {owner}")
        blocks.append("\n".join(lines))
    if not blocks:
        return ""
    return deck.t("attention_notes") + "\n\n" + "\n\n".join(blocks)


def _write_notes(slide: Any, text: str) -> None:
    if text:
        slide.notes_slide.notes_text_frame.text = text


def attention_slides(deck: Deck) -> None:
    threshold = deck.pct(deck.threshold(), 0)
    below = kpis_below(deck)
    if not below:
        slide = deck.slide(deck.t("attention"))
        deck.text(
            slide,
            box(LEFT, TOP, WIDTH, 1.0),
            deck.t("none_attention", threshold=threshold, period=deck.period.label(deck.lang)),
            size=20,
        )
        return
    rows = [attention_row(deck, result) for result in below]
    height = BOTTOM - TOP - NOTE_H
    for lines in TEXT_LINES:  # longer texts while the table still fits on one slide
        columns = attention_columns(deck, lines)
        pages = paginate(rows, columns, height)
        if len(pages) == 1:
            break
    start = 0
    title = deck.t("attention")
    for page, chunk in enumerate(pages):
        slide = deck.slide(title if page == 0 else f"{title} {deck.t('continued')}")
        deck.text(
            slide,
            box(LEFT, TOP - 0.1, WIDTH, 0.4),
            deck.t("attention_note", threshold=threshold),
            size=14,
            colour=GREY,
            bold=True,
        )
        add_table(
            slide,
            LEFT,
            TOP + NOTE_H - 0.05,
            columns,
            chunk,
            name="Tabel Perhatian / Attention table",
        )
        _write_notes(slide, notes_text(deck, below[start : start + len(chunk)]))
        start += len(chunk)
