"""The slide master of the decks, made by code: 16:9, white, navy and teal, named layouts.

The master ships inside the package (``egov_bsc_xl/data/egov-bsc-master.pptx``, read with
importlib.resources); ``presentations/egov-bsc-master.pptx`` is the same file for users to copy.
Both are rewritten by ``python tools/regenerate.py master`` in the repository. A user's own
master works when it has the layouts named in ``REQUIRED_LAYOUTS``.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationT
from pptx.util import Emu, Inches, Pt

from egov_bsc_xl.deck.output import deterministic_bytes, set_core_properties, write_atomically
from egov_bsc_xl.ooxml.constants import NAMESPACE

# Layout names (the contract with a user's own master).
LAYOUT_TITLE = "Judul / Title"
LAYOUT_SECTION = "Bagian / Section"
LAYOUT_CONTENT = "Isi / Content"
LAYOUT_TWO = "Dua Kolom / Two content"
LAYOUT_TITLE_ONLY = "Hanya Judul / Title only"
LAYOUT_BLANK = "Kosong / Blank"
REQUIRED_LAYOUTS = (LAYOUT_TITLE, LAYOUT_SECTION, LAYOUT_CONTENT, LAYOUT_TWO)

# Named shapes on the master that the deck fills in (optional in a user's master).
AGENCY_SHAPE = "Instansi / Agency"
PAGE_SHAPE = "Nomor / Page"

# Palette: restrained government style.
NAVY = RGBColor(0x0B, 0x2E, 0x59)
TEAL = RGBColor(0x00, 0x89, 0x7B)
INK = RGBColor(0x1F, 0x29, 0x37)
GREY = RGBColor(0x5F, 0x6B, 0x7A)
RULE = RGBColor(0xC9, 0xD2, 0xDC)
PALE = RGBColor(0xF2, 0xF5, 0xF8)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
FONT = "Arial"

SLIDE_W = Emu(12192000)  # 13.333 in
SLIDE_H = Emu(6858000)  # 7.5 in
MARGIN = Inches(0.5)
TITLE_BOX = (MARGIN, Inches(0.3), SLIDE_W - 2 * MARGIN, Inches(0.8))
BODY_TOP = Inches(1.4)
FOOTER_TOP = Inches(7.02)

# Package data: present in an installed wheel as in the source tree (an installed package is a
# folder on disk, so the resource is a real file python-pptx can open).
DEFAULT_MASTER = Path(str(resources.files("egov_bsc_xl").joinpath("data", "egov-bsc-master.pptx")))

# default-template layout index -> our name; the others are removed
_KEEP = {
    0: LAYOUT_TITLE,
    2: LAYOUT_SECTION,
    1: LAYOUT_CONTENT,
    3: LAYOUT_TWO,
    5: LAYOUT_TITLE_ONLY,
    6: LAYOUT_BLANK,
}
_PH_NAMES = {
    PP_PLACEHOLDER.TITLE: "Judul / Title",
    PP_PLACEHOLDER.CENTER_TITLE: "Judul / Title",
    PP_PLACEHOLDER.SUBTITLE: "Subjudul / Subtitle",
    PP_PLACEHOLDER.BODY: "Isi / Body",
    PP_PLACEHOLDER.OBJECT: "Isi / Body",
}
_FOOTER_TYPES = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def _hex(colour: RGBColor) -> str:
    return str(colour)


def _placeholders(owner: Any) -> list:
    """The placeholder shapes of a master or layout, as a list."""
    return [shape for shape in owner.shapes if shape.is_placeholder]


def _drop_footer_placeholders(shapes: Any) -> None:
    for shape in list(shapes):
        if shape.is_placeholder and shape.placeholder_format.type in _FOOTER_TYPES:
            shape._element.getparent().remove(shape._element)


def _place(shape: Any, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top, shape.width, shape.height = int(left), int(top), int(width), int(height)


def _list_style(
    shape: Any,
    size: int,
    colour: RGBColor,
    bold: bool = False,
    align: str = "l",
    anchor: str | None = None,
    bullets: bool = True,
) -> None:
    """Level-1 text style of a layout placeholder (what slides inherit)."""
    tx_body = shape._element.txBody
    old = tx_body.find(qn("a:lstStyle"))
    if old is not None:
        tx_body.remove(old)
    bullet = "" if bullets else "<a:buNone/>"
    xml = (
        f'<a:lstStyle xmlns:a="{NAMESPACE.DML_MAIN}">'
        f'<a:lvl1pPr algn="{align}" marL="0" indent="0">{bullet}'
        f'<a:defRPr sz="{size * 100}" b="{1 if bold else 0}"><a:solidFill><a:srgbClr val="{_hex(colour)}"/>'
        f'</a:solidFill><a:latin typeface="{FONT}"/></a:defRPr></a:lvl1pPr></a:lstStyle>'
    )
    tx_body.insert(1, etree.fromstring(xml))
    if anchor:
        tx_body.find(qn("a:bodyPr")).set("anchor", anchor)


class _Scratch:
    """Shapes built on a throwaway slide, then moved onto a master or layout (whose shape trees are read-only)."""

    def __init__(self) -> None:
        self._prs = Presentation()
        self._slide = self._prs.slides.add_slide(self._prs.slide_layouts[6])

    def shapes(self) -> Any:
        return self._slide.shapes

    @staticmethod
    def move(shape: Any, target: Any) -> None:
        """Move `shape`'s element to the end of `target`'s shape tree with a fresh id."""
        tree = target.shapes._spTree
        ids = [int(v) for v in tree.xpath(".//p:cNvPr/@id") if str(v).isdigit()]
        element = shape._element
        element.getparent().remove(element)
        element.xpath("./*[1]/p:cNvPr")[0].set("id", str(max(ids, default=1) + 1))
        tree.append(element)


_SCRATCH: list[_Scratch] = []


def _scratch_shapes() -> Any:
    if not _SCRATCH:
        _SCRATCH.append(_Scratch())
    return _SCRATCH[0].shapes()


def _rect(
    target: Any, left: float, top: float, width: float, height: float, colour: RGBColor, name: str
) -> Any:
    shape = _scratch_shapes().add_shape(
        MSO_SHAPE.RECTANGLE, int(left), int(top), int(width), int(height)
    )
    shape.name = name
    shape.fill.solid()
    shape.fill.fore_color.rgb = colour
    shape.line.fill.background()
    shape.shadow.inherit = False
    _Scratch.move(shape, target)
    return shape


def _text(
    target: Any,
    left: float,
    top: float,
    width: float,
    height: float,
    text: str,
    size: int,
    colour: RGBColor,
    name: str,
    align: Any = PP_ALIGN.LEFT,
) -> Any:
    box = _scratch_shapes().add_textbox(int(left), int(top), int(width), int(height))
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = 0
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    para = frame.paragraphs[0]
    para.alignment = align
    run = para.add_run()
    run.text = text
    run.font.size, run.font.name = Pt(size), FONT
    run.font.color.rgb = colour
    _Scratch.move(box, target)
    return box


def _theme(prs: PresentationT) -> None:
    """Theme colours and fonts: navy/teal accents, Arial everywhere (LibreOffice: Liberation Sans)."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    xml = part.blob.decode("utf-8")
    accents = {
        "dk2": NAVY,
        "lt2": PALE,
        "accent1": NAVY,
        "accent2": TEAL,
        "accent3": RGBColor(0x5B, 0x8D, 0xB8),
        "accent4": RGBColor(0x8F, 0xA3, 0xB8),
        "accent5": RGBColor(0x4D, 0xB6, 0xAC),
        "accent6": GREY,
    }
    for slot, colour in accents.items():
        xml = re.sub(
            rf"(<a:{slot}>)(.*?)(</a:{slot}>)",
            rf'\1<a:srgbClr val="{_hex(colour)}"/>\3',
            xml,
            flags=re.S,
        )
    xml = re.sub(r'<a:latin typeface="[^"]*"', f'<a:latin typeface="{FONT}"', xml)
    xml = xml.replace('name="Office Theme"', 'name="egov-bsc"')
    part._blob = xml.encode("utf-8")


def _text_styles(prs: PresentationT) -> None:
    """Master text styles: navy bold titles, dark grey body text."""
    styles = prs.slide_master._element.find(qn("p:txStyles"))
    for style_tag, size, colour, bold in (
        ("p:titleStyle", 26, NAVY, True),
        ("p:bodyStyle", 20, INK, False),
    ):
        style = styles.find(qn(style_tag))
        for level, ppr in enumerate(style):
            rpr = ppr.find(qn("a:defRPr"))
            if rpr is None:
                continue
            rpr.set("sz", str(max(size - 2 * level, 12) * 100))
            rpr.set("b", "1" if bold else "0")
            for fill in rpr.findall(qn("a:solidFill")):
                rpr.remove(fill)
            rpr.insert(
                0,
                etree.fromstring(
                    f'<a:solidFill xmlns:a="{NAMESPACE.DML_MAIN}">'
                    f'<a:srgbClr val="{_hex(colour)}"/></a:solidFill>'
                ),
            )
        if style_tag == "p:titleStyle":
            style[0].set("algn", "l")


def _master_shapes(prs: PresentationT) -> None:
    master = prs.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = WHITE
    _drop_footer_placeholders(master.shapes)
    for shape in _placeholders(master):
        ptype = shape.placeholder_format.type
        if ptype == PP_PLACEHOLDER.TITLE:
            _place(shape, *TITLE_BOX)
            body_pr = shape.text_frame._bodyPr
            body_pr.set("anchor", "b")
            for child in list(body_pr):
                body_pr.remove(child)
            etree.SubElement(
                body_pr, qn("a:normAutofit")
            )  # long titles shrink instead of overflowing
        elif ptype == PP_PLACEHOLDER.BODY:
            _place(
                shape, MARGIN, BODY_TOP, SLIDE_W - 2 * MARGIN, FOOTER_TOP - BODY_TOP - Inches(0.2)
            )
        shape.name = _PH_NAMES.get(ptype, shape.name)
    shapes = master
    _rect(shapes, 0, 0, SLIDE_W, Inches(0.09), NAVY, "Garis Atas / Top rule")
    _rect(shapes, MARGIN, Inches(1.14), Inches(1.1), Inches(0.06), TEAL, "Aksen / Accent bar")
    line = _scratch_shapes().add_connector(
        MSO_CONNECTOR.STRAIGHT, int(MARGIN), int(FOOTER_TOP), int(SLIDE_W - MARGIN), int(FOOTER_TOP)
    )
    line.name = "Garis Kaki / Footer rule"
    line.line.color.rgb = RULE
    line.line.width = Pt(0.75)
    _Scratch.move(line, master)
    _text(
        shapes,
        MARGIN,
        FOOTER_TOP + Inches(0.04),
        Inches(10.0),
        Inches(0.36),
        "Nama Instansi",
        10,
        GREY,
        AGENCY_SHAPE,
    )
    _text(
        shapes,
        SLIDE_W - MARGIN - Inches(1.5),
        FOOTER_TOP + Inches(0.04),
        Inches(1.5),
        Inches(0.36),
        "",
        10,
        GREY,
        PAGE_SHAPE,
        align=PP_ALIGN.RIGHT,
    )


def _hide_master_shapes(layout: Any) -> None:
    layout._element.set("showMasterSp", "0")


def _layouts(prs: PresentationT) -> None:
    layouts = list(prs.slide_layouts)
    for index, layout in enumerate(layouts):
        if index not in _KEEP:
            prs.slide_layouts.remove(layout)
            continue
        layout.name = _KEEP[index]
        _drop_footer_placeholders(layout.shapes)
        for shape in _placeholders(layout):
            shape.name = _PH_NAMES.get(shape.placeholder_format.type, shape.name)
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    width = SLIDE_W - 2 * MARGIN
    body_h = FOOTER_TOP - BODY_TOP - Inches(0.2)

    title = by_name[LAYOUT_TITLE]
    _hide_master_shapes(title)
    title.background.fill.solid()
    title.background.fill.fore_color.rgb = NAVY
    _rect(title, Inches(0.8), Inches(3.72), Inches(1.6), Inches(0.08), TEAL, "Aksen / Accent bar")
    _rect(
        title, 0, SLIDE_H - Inches(0.35), SLIDE_W, Inches(0.35), TEAL, "Garis Bawah / Bottom rule"
    )
    for shape in _placeholders(title):
        if shape.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE:
            _place(shape, Inches(0.8), Inches(1.3), Inches(11.7), Inches(2.3))
            _list_style(shape, 36, WHITE, bold=True, anchor="b", bullets=False)
        else:
            _place(shape, Inches(0.8), Inches(4.0), Inches(11.7), Inches(2.4))
            _list_style(shape, 20, RGBColor(0xD6, 0xE4, 0xF0), anchor="t", bullets=False)

    section = by_name[LAYOUT_SECTION]
    _hide_master_shapes(section)
    _rect(section, 0, 0, Inches(5.2), SLIDE_H, NAVY, "Panel / Panel")
    _rect(section, Inches(0.7), Inches(4.3), Inches(1.2), Inches(0.07), TEAL, "Aksen / Accent bar")
    for shape in _placeholders(section):
        if shape.placeholder_format.type == PP_PLACEHOLDER.TITLE:
            _place(shape, Inches(0.7), Inches(1.2), Inches(4.1), Inches(3.0))
            _list_style(shape, 32, WHITE, bold=True, anchor="b", bullets=False)
        else:
            _place(shape, Inches(5.8), Inches(1.2), Inches(7.0), Inches(5.2))
            _list_style(shape, 20, INK, anchor="ctr", bullets=False)

    for name in (LAYOUT_CONTENT, LAYOUT_TWO, LAYOUT_TITLE_ONLY):
        layout = by_name[name]
        bodies = [
            s for s in _placeholders(layout) if s.placeholder_format.type != PP_PLACEHOLDER.TITLE
        ]
        for shape in _placeholders(layout):
            if shape.placeholder_format.type == PP_PLACEHOLDER.TITLE:
                _place(shape, *TITLE_BOX)
        if len(bodies) == 1:
            _place(bodies[0], MARGIN, BODY_TOP, width, body_h)
        elif len(bodies) == 2:
            gap = Inches(0.4)
            half = (width - gap) // 2
            _place(bodies[0], MARGIN, BODY_TOP, half, body_h)
            _place(bodies[1], MARGIN + half + gap, BODY_TOP, half, body_h)
            bodies[0].name, bodies[1].name = "Kiri / Left", "Kanan / Right"


def build_master() -> PresentationT:
    """A new Presentation holding only the egov-bsc master and its named layouts (no slides)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    _theme(prs)
    _text_styles(prs)
    _master_shapes(prs)
    _layouts(prs)
    set_core_properties(
        prs, title="egov-bsc-xl slide master", author="egov-bsc-xl", when=dt.date(2026, 1, 1)
    )
    return prs


def write_master(path: Path) -> Path:
    """Write the master to `path` (deterministic bytes)."""
    return write_atomically(deterministic_bytes(build_master()), path)
