"""Render a layout Grid as SpreadsheetML: worksheet XML with inline strings, cell styles, native charts.

Only strings are produced here; which part goes where in the package is recalc's business.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from lxml import etree

from egov_bsc_xl.ooxml.constants import NAMESPACE
from egov_bsc_xl.ooxml.xmltext import ILLEGAL_CHARS, clean_text
from egov_bsc_xl.ooxml.xmltext import quote_attr as quoteattr
from egov_bsc_xl.workbook.reading.source import a1, column_letter
from egov_bsc_xl.workbook.writing.layout import Area, Chart, Grid, Style

NS_MAIN, NS_R = NAMESPACE.SML_MAIN, NAMESPACE.OFC_RELATIONSHIPS
NS_XDR, NS_A, NS_C = NAMESPACE.DML_SPREADSHEET_DRAWING, NAMESPACE.DML_MAIN, NAMESPACE.DML_CHART

_ILLEGAL = ILLEGAL_CHARS
_BUILTIN_FORMATS = {
    "General": 0,
    "0": 1,
    "0.00": 2,
    "#,##0": 3,
    "#,##0.00": 4,
    "0%": 9,
    "0.00%": 10,
}


def xml_text(value: object) -> str:
    return clean_text(value)


def sheet_ref(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def abs_range(sheet: str, area: Area) -> str:
    first = f"${column_letter(area.c1)}${area.r1 + 1}"
    if (area.r1, area.c1) == (area.r2, area.c2):
        return f"{sheet_ref(sheet)}!{first}"
    return f"{sheet_ref(sheet)}!{first}:${column_letter(area.c2)}${area.r2 + 1}"


def _number(value: float | int) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


# ---------------------------------------------------------------- worksheet


def cells_xml(grid: Grid, xf_of: dict[str, int]) -> tuple[str, str, str, str]:
    """(dimension, cols, sheetData, mergeCells + hyperlinks) XML fragments of a grid."""
    # Per cell only what differs is formatted: the style attribute of each style, the column
    # letters and each distinct text are made once (LKjIP of 10,000 KPIs: 390,000 cells). The
    # cells are sorted once by (row, column), not grouped by row first (0.5 -> 0.35 s for
    # Dasbor and LKjIP of 10,000 KPIs).
    style_attr = {name: f' s="{s}"' if s else "" for name, s in xf_of.items()}
    letters: dict[int, str] = {}
    texts: dict[str, str] = {}
    out = ["<sheetData>"]
    last = number = None
    for (r, c), cell in sorted(grid.cells.items(), key=itemgetter(0)):
        if r != last:
            if last is not None:
                out.append("</row>")
            last, number, height = r, r + 1, grid.heights.get(r)
            out.append(
                f'<row r="{number}" ht="{height:g}" customHeight="1">'
                if height
                else f'<row r="{number}">'
            )
        col = letters.get(c) or letters.setdefault(c, column_letter(c))
        style = style_attr.get(cell.style, "")
        v = cell.value
        if type(v) is str and v:  # the commonest case first; the checks below are the same
            text = texts.get(v)
            if text is None:
                text = texts[v] = xml_text(v)
            out.append(
                f'<c r="{col}{number}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
            )
        elif v is None or v == "":
            out.append(f'<c r="{col}{number}"{style}/>')
        elif isinstance(v, bool):
            out.append(f'<c r="{col}{number}"{style} t="b"><v>{int(v)}</v></c>')
        elif isinstance(v, int | float):
            out.append(f'<c r="{col}{number}"{style}><v>{_number(v)}</v></c>')
        else:
            out.append(
                f'<c r="{col}{number}"{style} t="inlineStr"><is><t xml:space="preserve">{xml_text(v)}</t></is></c>'
            )
    if last is not None:
        out.append("</row>")
    out.append("</sheetData>")
    nrows, ncols = grid.size
    dimension = f'<dimension ref="A1:{a1(max(nrows - 1, 0), max(ncols - 1, 0))}"/>'
    cols = ""
    if grid.widths:
        cols = (
            "<cols>"
            + "".join(
                f'<col min="{c + 1}" max="{c + 1}" width="{w:g}" customWidth="1"/>'
                for c, w in sorted(grid.widths.items())
            )
            + "</cols>"
        )
    tail = ""
    if grid.merges:
        tail += (
            f'<mergeCells count="{len(grid.merges)}">'
            + "".join(f'<mergeCell ref="{a1(m.r1, m.c1)}:{a1(m.r2, m.c2)}"/>' for m in grid.merges)
            + "</mergeCells>"
        )
    links = [(k, c.link) for k, c in sorted(grid.cells.items()) if c.link]
    if links:
        tail += (
            "<hyperlinks>"
            + "".join(
                f'<hyperlink ref="{a1(r, c)}" location={quoteattr(target)} display={quoteattr(str(grid.cells[(r, c)].value))}/>'
                for (r, c), target in links
            )
            + "</hyperlinks>"
        )
    return dimension, cols, "".join(out), tail


# ---------------------------------------------------------------- styles.xml


def _argb(colour: str) -> str:
    return "FF" + colour.lstrip("#").upper()


class StylePatch:
    """Adds the fonts, fills, borders, number formats and xfs a grid needs to styles.xml.

    Existing indices are never changed; an element equal to one already there is reused, so a
    second recalc adds nothing and leaves styles.xml byte-identical.
    """

    def __init__(self, xml: bytes):
        self.original = xml
        self.root = etree.fromstring(xml)
        self.changed = False
        base_font = self._section("fonts")[0] if len(self._section("fonts")) else None
        self._font_tail = [  # the workbook's default font face, copied into every font we add
            f"<{etree.QName(el).localname}"
            + "".join(f" {k}={quoteattr(v)}" for k, v in el.attrib.items())
            + "/>"
            for el in (base_font if base_font is not None else [])
            if etree.QName(el).localname in ("name", "family", "scheme", "charset")
            and "}" not in "".join(el.attrib)
        ]

    def _q(self, name: str) -> str:
        return f"{{{NS_MAIN}}}{name}"

    def _section(self, name: str) -> etree._Element:
        el = self.root.find(self._q(name))
        if el is None:
            el = etree.SubElement(self.root, self._q(name))
            order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]
            # keep the schema order: put it before the first section that follows it
            for later in order[order.index(name) + 1 :]:
                nxt = self.root.find(self._q(later))
                if nxt is not None:
                    nxt.addprevious(el)
                    break
            self.changed = True
        return el

    def _find_or_add(self, section: str, fragment: str) -> int:
        sec = self._section(section)
        new = etree.fromstring(fragment)
        key = etree.tostring(new)  # (c14n of a subtree mis-declares namespaces in lxml)
        for i, child in enumerate(sec):
            if etree.tostring(child) == key:
                return i
        sec.append(new)
        sec.set("count", str(len(sec)))
        self.changed = True
        return len(sec) - 1

    def _num_fmt(self, code: str) -> int:
        if code in _BUILTIN_FORMATS:
            return _BUILTIN_FORMATS[code]
        sec = self._section("numFmts")
        ids = []
        for el in sec:
            if el.get("formatCode") == code:
                return int(el.get("numFmtId", "0"))
            ids.append(int(el.get("numFmtId", "0")))
        new_id = max([163, *ids]) + 1
        etree.SubElement(sec, self._q("numFmt"), numFmtId=str(new_id), formatCode=code)
        sec.set("count", str(len(sec)))
        self.changed = True
        return new_id

    def xf(self, style: Style) -> int:
        ns = f' xmlns="{NS_MAIN}"'
        font = (
            f"<font{ns}>"
            + ("<b/>" if style.bold else "")
            + ("<i/>" if style.italic else "")
            + f'<sz val="{style.size:g}"/>'
            + (f'<color rgb="{_argb(style.font_colour)}"/>' if style.font_colour else "")
            + "".join(self._font_tail)
            + "</font>"
        )
        font_id = self._find_or_add("fonts", font)
        fill_id = 0
        if style.fill:
            fill_id = self._find_or_add(
                "fills",
                f'<fill{ns}><patternFill patternType="solid"><fgColor rgb="{_argb(style.fill)}"/>'
                f'<bgColor indexed="64"/></patternFill></fill>',
            )
        border_id = 0
        if style.border:
            side = '<{0} style="thin"><color rgb="FFBFBFBF"/></{0}>'
            border_id = self._find_or_add(
                "borders",
                f"<border{ns}>"
                + "".join(side.format(s) for s in ("left", "right", "top", "bottom"))
                + "<diagonal/></border>",
            )
        num_id = self._num_fmt(style.num_fmt)
        attrs = (f' horizontal="{style.align}"' if style.align else "") + ' vertical="center"'
        attrs += ' wrapText="1"' if style.wrap else ""
        align = f"<alignment{attrs}/>"
        xf = (
            f'<xf{ns} numFmtId="{num_id}" fontId="{font_id}" fillId="{fill_id}" borderId="{border_id}" xfId="0"'
            f' applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"'
            + (' applyAlignment="1">' + align + "</xf>" if align else "/>")
        )
        return self._find_or_add("cellXfs", xf)

    def indices(self, styles: dict[str, Style]) -> dict[str, int]:
        return {name: self.xf(style) for name, style in sorted(styles.items())}

    def result(self) -> bytes:
        """The styles part: the original bytes when nothing had to be added."""
        if not self.changed:
            return self.original
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------- charts


def _str_cache(values: list[Any]) -> str:
    pts = "".join(
        f'<c:pt idx="{i}"><c:v>{xml_text(v)}</c:v></c:pt>'
        for i, v in enumerate(values)
        if v is not None
    )
    return f'<c:strCache><c:ptCount val="{len(values)}"/>{pts}</c:strCache>'


def _num_cache(values: list[Any], fmt: str) -> str:
    pts = "".join(
        f'<c:pt idx="{i}"><c:v>{_number(v)}</c:v></c:pt>'
        for i, v in enumerate(values)
        if isinstance(v, int | float) and not isinstance(v, bool)
    )
    return f'<c:numCache><c:formatCode>{fmt}</c:formatCode><c:ptCount val="{len(values)}"/>{pts}</c:numCache>'


def _area_values(grid: Grid, area: Area) -> list[Any]:
    return [
        (grid.cells[(r, c)].value if (r, c) in grid.cells else None)
        for r in range(area.r1, area.r2 + 1)
        for c in range(area.c1, area.c2 + 1)
    ]


_LINE_COLOURS = ("1F3864", "2E75B6", "C55A11", "548235", "7030A0", "BF9000", "808080")


def chart_xml(grid: Grid, chart: Chart) -> bytes:
    """A chartSpace part: clustered bar (perspective scores, bars in band colours) or line (trend)."""
    fmt = "0.0%" if chart.percent else "General"
    cats = _area_values(grid, chart.categories)
    cat = f"<c:cat><c:strRef><c:f>{xml_text(abs_range(grid.sheet, chart.categories))}</c:f>{_str_cache(cats)}</c:strRef></c:cat>"
    sers = []
    for i, s in enumerate(chart.series):
        tx = (
            f"<c:tx><c:strRef><c:f>{xml_text(abs_range(grid.sheet, Area(*s.name_cell, *s.name_cell)))}</c:f>"
            f"{_str_cache([s.name])}</c:strRef></c:tx>"
            if s.name_cell
            else f"<c:tx><c:v>{xml_text(s.name)}</c:v></c:tx>"
        )
        val = (
            f"<c:val><c:numRef><c:f>{xml_text(abs_range(grid.sheet, s.values))}</c:f>"
            f"{_num_cache(_area_values(grid, s.values), fmt)}</c:numRef></c:val>"
        )
        colour = _LINE_COLOURS[i % len(_LINE_COLOURS)]
        if chart.kind == "bar":
            points = "".join(
                f'<c:dPt><c:idx val="{j}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
                f'<c:spPr><a:solidFill><a:srgbClr val="{fill.lstrip("#").upper()}"/></a:solidFill></c:spPr></c:dPt>'
                for j, fill in enumerate(s.colours)
            )
            sers.append(
                f'<c:ser><c:idx val="{i}"/><c:order val="{i}"/>{tx}'
                f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr>'
                f'<c:invertIfNegative val="0"/>{points}{_labels(fmt)}{cat}{val}</c:ser>'
            )
        else:
            width = 38100 if i == 0 else 22225
            sers.append(
                f'<c:ser><c:idx val="{i}"/><c:order val="{i}"/>{tx}'
                f'<c:spPr><a:ln w="{width}" cap="rnd"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
                f'<a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/>'
                f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr></c:marker>'
                f'{cat}{val}<c:smooth val="0"/></c:ser>'
            )
    if chart.kind == "bar":
        plot = (
            f'<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>{"".join(sers)}'
            f'<c:gapWidth val="60"/><c:axId val="510001"/><c:axId val="510002"/></c:barChart>'
        )
        cat_ax = _cat_axis("l", reverse=True)
        val_ax = _val_axis("b", crosses="max", top=chart.axis_max)
        legend = ""
    else:
        plot = (
            f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{"".join(sers)}'
            f'<c:marker val="1"/><c:axId val="510001"/><c:axId val="510002"/></c:lineChart>'
        )
        cat_ax = _cat_axis("b", reverse=False)
        val_ax = _val_axis("l", crosses="autoZero", top=chart.axis_max)
        legend = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
    title = (
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>'
        f'<a:r><a:rPr lang="id-ID" sz="1200" b="1"/><a:t>{xml_text(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>'
        f'<c:overlay val="0"/></c:title>'
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{NS_C}" xmlns:a="{NS_A}" xmlns:r="{NS_R}"><c:roundedCorners val="0"/>'
        f'<c:chart>{title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>{plot}{cat_ax}{val_ax}</c:plotArea>'
        f'{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>'
        f'</c:chartSpace>'
    )
    return xml.encode("utf-8")


def _labels(fmt: str) -> str:
    return (
        f'<c:dLbls><c:numFmt formatCode="{fmt}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'
        '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    )


def _cat_axis(pos: str, reverse: bool) -> str:
    return (
        f'<c:catAx><c:axId val="510001"/><c:scaling><c:orientation val="{"maxMin" if reverse else "minMax"}"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="{pos}"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="510002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
    )


def _val_axis(pos: str, crosses: str, top: float | None = None) -> str:
    top_xml = f'<c:max val="{_number(top)}"/>' if top is not None else ""
    return (
        f'<c:valAx><c:axId val="510002"/><c:scaling><c:orientation val="minMax"/>{top_xml}<c:min val="0"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="{pos}"/><c:majorGridlines><c:spPr><a:ln><a:solidFill>'
        '<a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
        '<c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="nextTo"/><c:crossAx val="510001"/><c:crosses val="{crosses}"/>'
        '<c:crossBetween val="between"/></c:valAx>'
    )


def chart_anchor(chart: Chart, shape_id: int, rel_id: str) -> str:
    """One xdr:twoCellAnchor holding a chart frame; the frame's name marks it as the product's."""
    a = chart.anchor
    return (
        f'<xdr:twoCellAnchor xmlns:xdr="{NS_XDR}" xmlns:a="{NS_A}" editAs="oneCell">'
        f"<xdr:from><xdr:col>{a.c1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{a.r1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f"<xdr:to><xdr:col>{a.c2}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{a.r2}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
        f'<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="{shape_id}" name={quoteattr(chart.name)}/>'
        f"<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
        f'<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic>'
        f'<a:graphicData uri="{NS_C}"><c:chart xmlns:c="{NS_C}" xmlns:r="{NS_R}" r:id="{rel_id}"/></a:graphicData>'
        f"</a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    )


EMPTY_DRAWING = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<xdr:wsDr xmlns:xdr="{NS_XDR}" xmlns:a="{NS_A}"></xdr:wsDr>'
).encode()
