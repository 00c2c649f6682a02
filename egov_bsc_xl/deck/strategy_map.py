"""The strategy map: objectives as boxes in perspective lanes, coloured by status, arrows from `supports`."""

from __future__ import annotations

import math
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from egov_bsc_xl.deck.base import BOTTOM, LEFT, TOP, WIDTH, Deck, text_colour_on
from egov_bsc_xl.deck.master import FONT, GREY, NAVY, PALE
from egov_bsc_xl.deck.tables import shorten
from egov_bsc_xl.i18n.formats import display_text
from egov_bsc_xl.model.scorecard import Objective, Perspective

LANE_LABEL_W = 1.9  # inches
LANE_GAP = 0.08
BOX_MAX_W = 2.7
PER_ROW = 7  # objectives side by side in one lane before the lane wraps onto a second row
MAX_ROWS = (
    6  # rows of boxes on one slide (boxes of 0.65 in or more); more continue on the next slide
)
# rectangle connection sites: 0 top, 1 left, 2 bottom, 3 right
TOP_SITE, LEFT_SITE, BOTTOM_SITE, RIGHT_SITE = 0, 1, 2, 3


def _arrow_head(connector: Any) -> None:
    line = connector.line._get_or_add_ln()
    for old in line.findall(qn("a:tailEnd")):
        line.remove(old)
    etree.SubElement(line, qn("a:tailEnd"), {"type": "triangle", "w": "med", "len": "med"})


def _lane_shape(
    slide: Any, left: float, top: float, width: float, height: float, fill: RGBColor, name: str
) -> Any:
    shape = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Inches(left), Inches(top), Inches(width), Inches(height)
    )
    shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.rgb = fill
    shape.line.fill.background()
    shape.shadow.inherit = False
    return shape


def _shape_text(shape: Any, lines: list[tuple[str, int, bool]], colour: RGBColor) -> None:
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.margin_left = frame.margin_right = Inches(0.06)
    frame.margin_top = frame.margin_bottom = Inches(0.03)
    for index, (content, size, bold) in enumerate(lines):
        para = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        para.alignment = PP_ALIGN.CENTER
        run = para.add_run()
        run.text = display_text(content)
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
        run.font.color.rgb = colour


def map_pages(deck: Deck) -> list[tuple[list[Perspective], set[str]]]:
    """(lanes, objective ids) of each strategy-map slide, in order.

    A lane holds up to PER_ROW objectives side by side and wraps the rest onto more rows; one
    slide holds up to MAX_ROWS rows, so a map with many objectives continues on the next slide
    (whole lanes move; a lane of more than PER_ROW x MAX_ROWS objectives is split). Arrows
    between boxes on different slides are left out.
    """
    lanes = sorted((p for p in deck.card.perspectives if p.active), key=lambda p: (p.order, p.id))
    limit = PER_ROW * MAX_ROWS
    pages: list[tuple[list[Perspective], set[str]]] = [([], set())]
    used = 0
    for perspective in lanes:
        members = [o.id for o in deck.card.objectives if o.perspective_id == perspective.id]
        for chunk in [members[i : i + limit] for i in range(0, len(members), limit)] or [[]]:
            rows = _rows_needed(len(chunk))
            if pages[-1][0] and used + rows > MAX_ROWS:
                pages.append(([], set()))
                used = 0
            pages[-1][0].append(perspective)
            pages[-1][1].update(chunk)
            used += rows
    return pages


def _rows_needed(count: int) -> int:
    return min(max(math.ceil(count / PER_ROW), 1), MAX_ROWS)


def add_strategy_map(
    deck: Deck, slide: Any, lanes: list[Perspective] | None = None, shown: set[str] | None = None
) -> dict[str, Any]:
    """Draw the lanes, boxes and connectors on `slide`; returns objective id -> box shape.

    lanes: the perspectives to draw (default: every active one), shown: the objective ids to draw
    (default: all of those lanes); each lane is as tall as the rows of boxes it needs, a box's
    text is sized and shortened to stay inside it.
    """
    report = deck.report
    scores = {o.id: o.score for o in report.objectives}
    bands = {o.id: o.band for o in report.objectives}
    if lanes is None:
        lanes = sorted(
            (p for p in deck.card.perspectives if p.active), key=lambda p: (p.order, p.id)
        )
    lane_ids = {p.id for p in lanes}
    objectives = [
        o
        for o in deck.card.objectives
        if o.perspective_id in lane_ids and (shown is None or o.id in shown)
    ]
    ordered = _order_lanes([p.id for p in lanes], objectives)
    rows_of = {p.id: _rows_needed(len(ordered[p.id])) for p in lanes}
    note_h = 0.35
    height_all = BOTTOM - TOP - note_h - LANE_GAP * (len(lanes) - 1)
    row_h = height_all / max(sum(rows_of.values()), 1)
    box_h = min(row_h - 0.2, 1.05)
    font = 12 if box_h >= 0.8 else 11 if box_h >= 0.6 else 10
    area_left = LEFT + LANE_LABEL_W + 0.15
    area_w = WIDTH - LANE_LABEL_W - 0.15
    boxes: dict[str, Any] = {}
    lane_of: dict[str, int] = {}
    tops, top = [], TOP
    for perspective in lanes:  # lanes first: arrows go above them, below the boxes
        lane_h = rows_of[perspective.id] * row_h
        tops.append(top)
        _lane_shape(
            slide,
            LEFT + LANE_LABEL_W,
            top,
            WIDTH - LANE_LABEL_W,
            lane_h,
            PALE,
            f"Lajur {perspective.id}",
        )
        label = _lane_shape(
            slide, LEFT, top, LANE_LABEL_W, lane_h, NAVY, f"Perspektif {perspective.id}"
        )
        label_size = 13 if lane_h >= 1.1 else 12 if lane_h >= 0.55 else 10
        label_lines = max(1, min(3, int((lane_h - 0.1) / (label_size * 1.2 / 72))))
        _shape_text(
            label,
            [
                (
                    shorten(perspective.name, LANE_LABEL_W - 0.12, label_size, label_lines),
                    label_size,
                    True,
                )
            ],
            RGBColor(0xFF, 0xFF, 0xFF),
        )
        top += lane_h + LANE_GAP
    for lane_index, perspective in enumerate(lanes):
        members = ordered[perspective.id]
        if not members:
            empty = slide.shapes.add_textbox(
                Inches(area_left), Inches(tops[lane_index]), Inches(area_w), Inches(row_h)
            )
            _shape_text(empty, [(deck.t("lane_empty"), 12 if row_h >= 0.5 else 10, False)], GREY)
            continue
        per_row = math.ceil(len(members) / rows_of[perspective.id])
        slot = area_w / min(per_row, len(members))
        box_w = min(slot - 0.25, BOX_MAX_W)
        size = (
            font if box_w >= 1.6 else min(font, 10)
        )  # many objectives in one lane: smaller text, never overflow
        for index, objective in enumerate(members):
            row, column = divmod(index, per_row)
            in_row = min(per_row, len(members) - row * per_row)
            row_left = (
                area_left + (area_w - in_row * slot) / 2
            )  # a shorter last row stands in the middle
            score = scores.get(objective.id)
            band = (
                bands[objective.id] if objective.id in bands else deck.band(None)
            )  # not scored: no data
            left = row_left + column * slot + (slot - box_w) / 2
            box_top = tops[lane_index] + row * row_h + (row_h - box_h) / 2
            shape = slide.shapes.add_shape(
                MSO_SHAPE.ROUNDED_RECTANGLE,
                Inches(left),
                Inches(box_top),
                Inches(box_w),
                Inches(box_h),
            )
            shape.name = f"Sasaran {objective.id}"
            shape.adjustments[0] = 0.12
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(band.colour.lstrip("#").upper())
            shape.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            shape.line.width = Pt(1)
            shape.shadow.inherit = False
            # the box's lines: the name's, then one for "id · score" (1.2 x size each, 0.06 in margins)
            name_lines = max(1, min(3, int((box_h - 0.06) / (size * 1.2 / 72)) - 1))
            name = shorten(objective.name, box_w - 0.12, size, name_lines)
            detail = shorten(f"{objective.id} · {deck.pct(score)}", box_w - 0.12, size - 1, 1)
            _shape_text(
                shape, [(name, size, True), (detail, size - 1, False)], text_colour_on(band.colour)
            )
            boxes[objective.id] = shape
            lane_of[objective.id] = lane_index
    first_box = next(iter(boxes.values()), None)
    for objective in objectives:
        for target in objective.supports:
            if objective.id not in boxes or target not in boxes:
                continue
            arrow = _connect(
                slide, boxes[objective.id], boxes[target], lane_of[objective.id], lane_of[target]
            )
            if (
                first_box is not None
            ):  # arrows run behind the boxes, so they never cross a box's text
                first_box._element.addprevious(arrow._element)
    deck.text(
        slide,
        (Inches(LEFT), Inches(BOTTOM - note_h + 0.05), Inches(WIDTH), Inches(note_h)),
        deck.t("map_note"),
        size=12,
        colour=GREY,
        fit=True,
    )
    return boxes


def _order_lanes(
    lane_ids: list[str], objectives: list[Objective], rounds: int = 4
) -> dict[str, list[Objective]]:
    """Objectives of each lane, ordered so that linked boxes stand roughly above each other.

    Starts from the table's order; each round sorts the lanes one after the other by the mean
    position (0..1 across the lane) of the objectives each one is linked with, which removes
    most crossing arrows.
    The sort is stable, so the same workbook always gives the same map.
    """
    lanes = {lane: [o for o in objectives if o.perspective_id == lane] for lane in lane_ids}
    known = {o.id for o in objectives}
    links: dict[str, set[str]] = {o.id: set() for o in objectives}
    for o in objectives:
        for target in o.supports:
            if target in known and target != o.id:
                links[o.id].add(target)
                links[target].add(o.id)
    where = {
        o.id: (i + 0.5) / len(members) for members in lanes.values() for i, o in enumerate(members)
    }

    def pull(o: Objective) -> float:
        near = [where[n] for n in sorted(links[o.id])]
        return sum(near) / len(near) if near else where[o.id]

    for _ in range(rounds):
        for lane, members in lanes.items():  # one lane at a time, each seeing the others' new order
            lanes[lane] = sorted(members, key=pull)
            where.update({o.id: (i + 0.5) / len(members) for i, o in enumerate(lanes[lane])})
    return lanes


def _connect(slide: Any, source: Any, target: Any, source_lane: int, target_lane: int) -> Any:
    """An arrow from `source` (the driver) to `target` (the objective it supports)."""
    if target_lane < source_lane:
        begin, end = TOP_SITE, BOTTOM_SITE
    elif target_lane > source_lane:
        begin, end = BOTTOM_SITE, TOP_SITE
    else:
        begin, end = (
            (RIGHT_SITE, LEFT_SITE) if source.left < target.left else (LEFT_SITE, RIGHT_SITE)
        )
    connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, 0, 0, 0, 0)
    connector.begin_connect(source, begin)
    connector.end_connect(target, end)
    connector.name = f"Panah / Arrow {source.name.split()[-1]}>{target.name.split()[-1]}"
    connector.line.color.rgb = RGBColor(0x37, 0x47, 0x5A)
    connector.line.width = Pt(1.5)
    _arrow_head(connector)
    return connector
