"""Reading decks back: slide titles, all texts, tables, charts, connectors."""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def titles(prs) -> list[str]:
    return [title_of(s) for s in prs.slides]


def texts(slide) -> list[str]:
    """Every text on the slide: text boxes, shapes, table cells and chart data labels."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found.append(shape.text_frame.text)
        if shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
        if shape.has_chart:
            for plot in shape.chart.plots:
                found += list(plot.categories)
                for series in plot.series:
                    found.append(series.name)
                    found += [t for t in series._element.xpath(".//a:t/text()")]
    return found


def all_texts(prs) -> str:
    return "\n".join(t for s in prs.slides for t in texts(s))


def tables(slide):
    return [s for s in slide.shapes if s.has_table]


def charts(slide):
    return [s for s in slide.shapes if s.has_chart]


def connectors(slide):
    return [
        s
        for s in slide.shapes
        if s.shape_type == MSO_SHAPE_TYPE.LINE or s._element.tag.endswith("cxnSp")
    ]


def slide_titled(prs, prefix: str):
    return [s for s in prs.slides if title_of(s).startswith(prefix)]


def inches(value) -> float:
    return Emu(value).inches
