"""The units slide of a parent workbook's leadership deck (SPEC 9): ranking and heat map in one table.

One row per unit with a score, highest first (the ranking of the Konsolidasi sheet): rank, unit,
each perspective's score in its band colour (the heat map) and the overall score in its band
colour. Units without a score (file missing, unusable, no data for the period) are named below
the table. A long list continues on further slides, at most MAX_UNIT_SLIDES.
"""

from __future__ import annotations

from typing import Any

from pptx.enum.text import PP_ALIGN

from egov_bsc_xl.deck.base import BOTTOM, LEFT, TOP, WIDTH, Deck, box
from egov_bsc_xl.deck.master import GREY
from egov_bsc_xl.deck.tables import Column, Row, add_table, paginate
from egov_bsc_xl.model.consolidation import ConsolidationReport, UnitResult
from egov_bsc_xl.workbook.writing.layout_consolidation import (
    perspective_columns,
    ranking,
    status_text,
)

MAX_UNIT_SLIDES = 3  # the Konsolidasi sheet has every unit
NOTE_H = 0.5  # the line under the table
TABLE_NAME = "Tabel Unit / Units table"
RANK_W, UNIT_W, SCORE_W = 0.6, 4.0, 1.3
SIZE = 11  # points: a province has many units; one line per unit where the name allows


def _colour(deck: Deck, unit: UnitResult) -> str:
    return unit.band.colour if unit.band is not None else deck.band(unit.overall).colour


def units_table(deck: Deck, report: ConsolidationReport) -> tuple[list[Column], list[Row]]:
    """Columns and rows of the ranked units with their perspective scores, band-coloured."""
    perspectives = perspective_columns(report, None)
    names = deck.perspective_names()
    share = (WIDTH - RANK_W - UNIT_W - SCORE_W) / max(len(perspectives), 1)
    columns = [
        Column(deck.t("units_rank"), RANK_W, PP_ALIGN.RIGHT, 1),
        Column(deck.t("units_unit"), UNIT_W),
        *(Column(names.get(pid, name), share, PP_ALIGN.CENTER, 1) for pid, name in perspectives),
        Column(deck.t("units_overall"), SCORE_W, PP_ALIGN.CENTER, 1),
    ]
    rows = []
    for rank, unit in ranking(report):
        scores = {p.id: p.score for p in unit.perspectives}
        cells = [str(rank), unit.name]
        fills: dict[int, str] = {}
        for j, (pid, _) in enumerate(perspectives):
            score = scores.get(pid)
            cells.append(deck.pct(score))
            fills[2 + j] = deck.band(score).colour
        cells.append(deck.pct(unit.overall))
        fills[len(cells) - 1] = _colour(deck, unit)
        rows.append(Row(cells, fills=fills))
    return columns, rows


def units_slides(deck: Deck, report: ConsolidationReport) -> list[Any]:
    """The units slide(s) of `report`, added at the end of the deck; [] when it has no unit."""
    if not report.units:
        return []
    columns, rows = units_table(deck, report)
    ranked = len(rows)
    pages = paginate(rows, columns, BOTTOM - TOP - NOTE_H, SIZE) or [[]]
    shown = pages[:MAX_UNIT_SLIDES]
    unscored = [u for u in report.units if u.overall is None]
    note = deck.t("units_summary", ranked=ranked, units=len(report.units))
    if unscored:
        listed = ", ".join(f"{u.name} ({status_text(u.status, deck.lang)})" for u in unscored[:8])
        if len(unscored) > 8:
            listed += " " + deck.t("units_more", n=len(unscored) - 8)
        note += ". " + deck.t("units_not_ranked", names=listed)
    left_out = sum(len(p) for p in pages[MAX_UNIT_SLIDES:])
    slides = []
    title = f"{deck.t('units_slide')} – {deck.period.label(deck.lang)}"
    for page, chunk in enumerate(shown):
        slide = deck.slide(title if page == 0 else f"{title} {deck.t('continued')}")
        if chunk:
            add_table(slide, LEFT, TOP, columns, chunk, SIZE, name=TABLE_NAME)
        lines = [note] if page == 0 else []
        if left_out and page == len(shown) - 1:
            lines.append(deck.t("units_more", n=left_out))
        if lines:
            deck.text(
                slide,
                box(LEFT, BOTTOM - NOTE_H, WIDTH, NOTE_H),
                lines,
                size=12,
                colour=GREY,
                fit=True,
                name="Catatan Unit / Units note",
            )
        slides.append(slide)
    return slides


PAGE_NUMBER_SHAPE = "Nomor Halaman / Page number"  # the name Deck.slide gives the number box


def add_units_slides(deck: Deck, report: ConsolidationReport | None) -> int:
    """Add the units slide(s) of a parent's `report` to a built deck, right after the perspective
    scores slide (else before the closing slide), and renumber the pages. Returns how many slides
    were added: none without a report or without units."""
    if report is None:
        return 0
    before = len(deck.prs.slides)
    added = units_slides(deck, report)
    if not added:
        return 0
    ids = deck.prs.slides._sldIdLst
    moved = list(ids)[before:]
    titles = [_title(slide) for slide in list(deck.prs.slides)[:before]]
    anchor = deck.t("perspective_scores")
    position = titles.index(anchor) + 1 if anchor in titles else max(before - 1, 1)
    for offset, element in enumerate(moved):
        ids.remove(element)
        ids.insert(position + offset, element)
    for number, slide in enumerate(deck.prs.slides, start=1):
        for shape in slide.shapes:
            if shape.name == PAGE_NUMBER_SHAPE and shape.has_text_frame:
                runs = shape.text_frame.paragraphs[0].runs
                if runs:
                    runs[0].text = str(number)
    return len(added)


def _title(slide: Any) -> str:
    shape = slide.shapes.title
    return shape.text_frame.text if shape is not None and shape.has_text_frame else ""


__all__ = [
    "MAX_UNIT_SLIDES",
    "TABLE_NAME",
    "add_units_slides",
    "units_slides",
    "units_table",
]
