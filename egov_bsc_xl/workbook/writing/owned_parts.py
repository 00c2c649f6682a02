"""Put the product's own sheets into a package, touching only their parts.

A sheet the template reserved keeps its part, its VBA code name, its tab selection and the
form buttons that live in its legacy drawing / controls; its cells, charts and hyperlinks are
replaced. A missing sheet is added at the end of the workbook (defined names that refer to
sheets by position stay right). Charts are found again on the next run by their object name.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.ooxml.constants import (
    CONTENT_TYPE,
    NAMESPACE,
    RELATIONSHIP_TYPE,
    XML_DECLARATION,
    of_type,
)
from egov_bsc_xl.ooxml.xmltext import quote_attr
from egov_bsc_xl.workbook.opc.package import (
    Package,
    parse_part,
    read_part,
    read_rels,
    rels_path,
    resolve,
    sheet_part_names,
    workbook_part,
)
from egov_bsc_xl.workbook.writing.layout import OWNED_PREFIX, Grid
from egov_bsc_xl.workbook.writing.sheet_xml import (
    EMPTY_DRAWING,
    StylePatch,
    cells_xml,
    chart_anchor,
    chart_xml,
)

NS_MAIN, NS_R, NS_XDR = (
    NAMESPACE.SML_MAIN,
    NAMESPACE.OFC_RELATIONSHIPS,
    NAMESPACE.DML_SPREADSHEET_DRAWING,
)
NS_PKG, NS_C = NAMESPACE.OPC_RELATIONSHIPS, NAMESPACE.DML_CHART
REL = RELATIONSHIP_TYPE.BASE
CT_SHEET, CT_DRAWING, CT_CHART = (
    CONTENT_TYPE.SML_WORKSHEET,
    CONTENT_TYPE.DML_DRAWING,
    CONTENT_TYPE.DML_CHART,
)
# Top-level sheet elements that belong to what the user or the template put there (buttons, VML).
_KEEP = (
    "legacyDrawing",
    "legacyDrawingHF",
    "drawingHF",
    "picture",
    "oleObjects",
    "controls",
    "AlternateContent",
)


def check_rewritable(pkg: Package) -> None:
    """Before anything is computed: the parts every recalc rewrites exist and parse."""
    parse_part(pkg, "[Content_Types].xml")
    book = workbook_part(pkg)
    parse_part(pkg, book)
    for rel in read_rels(pkg, book):
        if of_type(rel.get("Type", ""), RELATIONSHIP_TYPE.STYLES):
            parse_part(pkg, resolve(book, rel["Target"]))


# ---------------------------------------------------------------- relationships and content types


def rels_bytes(rels: list[dict[str, str]]) -> bytes:
    body = "".join(
        "<Relationship" + "".join(f" {k}={quote_attr(v)}" for k, v in rel.items()) + "/>"
        for rel in rels
    )
    return (f'{XML_DECLARATION}<Relationships xmlns="{NS_PKG}">{body}</Relationships>').encode()


def relative(part: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(part))


def set_override(pkg: Package, part: str, content_type: str | None) -> None:
    """Add (or with None remove) the content-type override of a part."""
    xml = read_part(pkg, "[Content_Types].xml").decode("utf-8")
    pattern = re.compile(r'<Override\b[^>]*PartName="/' + re.escape(part) + r'"[^>]*/>')
    found = pattern.search(xml)
    if content_type is None:
        if found:
            pkg.set(
                "[Content_Types].xml", (xml[: found.start()] + xml[found.end() :]).encode("utf-8")
            )
        return
    if found and f'ContentType="{content_type}"' in found.group(0):
        return
    entry = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    xml = (
        xml[: found.start()] + entry + xml[found.end() :]
        if found
        else xml.replace("</Types>", entry + "</Types>")
    )
    pkg.set("[Content_Types].xml", xml.encode("utf-8"))


def _delete_part(pkg: Package, part: str, rewritten: bool = False) -> None:
    """Remove a part, its relationships and the parts only it used (a chart's style and colours).

    `rewritten`: the part is written again right after, so its content-type override stays where
    it is (a second run then leaves [Content_Types].xml byte for byte as the first wrote it).
    """
    for rel in read_rels(pkg, part):
        if rel.get("TargetMode") != "External":
            target = resolve(part, rel["Target"])
            if posixpath.dirname(target) == posixpath.dirname(part) and pkg.exists(target):
                pkg.delete(target)
                set_override(pkg, target, None)
    pkg.delete(rels_path(part))
    pkg.delete(part)
    if not rewritten:
        set_override(pkg, part, None)


# ---------------------------------------------------------------- workbook.xml


def _book_root(pkg: Package) -> tuple[str, etree._Element]:
    book = workbook_part(pkg)
    return book, parse_part(pkg, book)


def _save_book(pkg: Package, book: str, root: etree._Element) -> None:
    pkg.set(book, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def add_sheet(pkg: Package, name: str, part: str) -> None:
    """Append a sheet to workbook.xml, its relationship and its content type."""
    book, root = _book_root(pkg)
    rels = read_rels(pkg, book)
    used = {r["Id"] for r in rels}
    n = 1
    while f"rIdBsc{n}" in used:
        n += 1
    rid = f"rIdBsc{n}"
    rels.append({"Id": rid, "Type": REL + "worksheet", "Target": relative(book, part)})
    pkg.set(rels_path(book), rels_bytes(rels))
    sheets = root.find(f"{{{NS_MAIN}}}sheets")
    ids = [int(s.get("sheetId", "0")) for s in sheets]
    el = etree.SubElement(sheets, f"{{{NS_MAIN}}}sheet")
    el.set("name", name)
    el.set("sheetId", str(max(ids, default=0) + 1))
    el.set(f"{{{NS_R}}}id", rid)
    _save_book(pkg, book, root)
    set_override(pkg, part, CT_SHEET)


CURRENT_CALC_ID = 191029  # the calculation engine of Excel 2019, 2021 and Microsoft 365


def full_calc_on_load(pkg: Package) -> bool:
    """Ask Excel to recalculate every formula when it opens the file (calcPr fullCalcOnLoad).

    Only for a file whose cached values went stale (recalc changed one): Excel then saves the
    recalculated file once and the flag is gone. The calcId is set to the current engine's, so
    an older id does not make Excel recalculate, and ask "Save changes?", on every later close.
    Returns True when workbook.xml was changed.
    """
    book, root = _book_root(pkg)
    calc = root.find(f"{{{NS_MAIN}}}calcPr")
    if (
        calc is not None
        and calc.get("fullCalcOnLoad") in ("1", "true")
        and _calc_id(calc) >= CURRENT_CALC_ID
    ):
        return False
    if calc is None:
        calc = etree.Element(f"{{{NS_MAIN}}}calcPr")
        anchor = None
        for name in ("sheets", "functionGroups", "externalReferences", "definedNames"):
            found = root.find(f"{{{NS_MAIN}}}{name}")
            anchor = found if found is not None else anchor
        if anchor is None:  # a workbook part always has <sheets>; be safe all the same
            root.append(calc)
        else:
            anchor.addnext(calc)
    calc.set("calcId", str(max(_calc_id(calc), CURRENT_CALC_ID)))
    calc.set("fullCalcOnLoad", "1")
    _save_book(pkg, book, root)
    return True


def _calc_id(calc: etree._Element) -> int:
    value = calc.get("calcId", "")
    return int(value) if value.isdigit() else 0


def drop_calc_chain_of(pkg: Package, sheet_names: list[str]) -> bool:
    """Remove xl/calcChain.xml when it lists cells of a sheet we rewrote (Excel rebuilds it)."""
    book, root = _book_root(pkg)
    rels = read_rels(pkg, book)
    chain = [r for r in rels if of_type(r["Type"], RELATIONSHIP_TYPE.CALC_CHAIN)]
    if not chain:
        return False
    part = resolve(book, chain[0]["Target"])
    ids = {
        s.get("sheetId") for s in root.iter(f"{{{NS_MAIN}}}sheet") if s.get("name") in sheet_names
    }
    current, hit = None, False
    if pkg.exists(part):
        for m in re.finditer(rb"<c\b([^>]*)/?>", pkg.read(part)):
            i = re.search(rb'\bi="(\d+)"', m.group(1))
            current = i.group(1).decode() if i else current
            if current in ids:
                hit = True
                break
    if not hit:
        return False
    pkg.set(rels_path(book), rels_bytes([r for r in rels if r is not chain[0]]))
    pkg.delete(part)
    set_override(pkg, part, None)
    return True


# ---------------------------------------------------------------- sheets


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "sheet"


def write_grids(pkg: Package, grids: list[Grid]) -> list[str]:
    """Write each grid as its sheet (found by name or alias, else added); returns the sheets added."""
    sheets = sheet_part_names(pkg)
    book = workbook_part(pkg)
    styles_rel = [r for r in read_rels(pkg, book) if of_type(r["Type"], RELATIONSHIP_TYPE.STYLES)]
    styles_part = resolve(book, styles_rel[0]["Target"]) if styles_rel else None
    patch = StylePatch(read_part(pkg, styles_part)) if styles_part else None
    added = []
    for grid in grids:
        name = next((n for n in (grid.sheet, *grid.aliases) if n in sheets), None)
        if name is None:
            part = f"xl/worksheets/egovbsc-{_slug(grid.sheet)}.xml"
            add_sheet(pkg, grid.sheet, part)
            sheets[grid.sheet] = part
            added.append(grid.sheet)
        else:
            grid.sheet = name
            part = sheets[name]
        xf_of = patch.indices(grid.styles) if patch else {}
        _write_sheet(pkg, part, grid, xf_of)
    if patch is not None and styles_part:
        pkg.set(styles_part, patch.result())
    return added


def _write_sheet(pkg: Package, part: str, grid: Grid, xf_of: dict[str, int]) -> None:
    old = read_part(pkg, part) if pkg.exists(part) else b""
    old_root = _without_rows(pkg, part, old) if old else None
    checked = old_root is None  # the old sheet was parsed whole (or there is none)
    if old and old_root is None:
        old_root = parse_part(pkg, part, old)
    rels = [r for r in read_rels(pkg, part) if not of_type(r["Type"], RELATIONSHIP_TYPE.HYPERLINK)]

    start = f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_R}">'
    sheet_pr = '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
    selected = ""
    kept: list[str] = []
    print_setup = {  # the template's print settings win over these defaults
        "printOptions": "",
        "pageMargins": '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
        "pageSetup": '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>',
        "headerFooter": "",
    }
    if old_root is not None:
        m = re.search(rb"<(?:\w+:)?worksheet\b[^>]*>", old)
        start = m.group(0).decode("utf-8") if m else start
        if "xmlns:r=" not in start:
            start = start[:-1] + f' xmlns:r="{NS_R}">'
        pr = old_root.find(f"{{{NS_MAIN}}}sheetPr")
        if pr is not None:
            sheet_pr = _with_fit_to_page(pr, start)
        view = old_root.find(f"{{{NS_MAIN}}}sheetViews/{{{NS_MAIN}}}sheetView")
        if view is not None and view.get("tabSelected") in ("1", "true"):
            selected = ' tabSelected="1"'
        # Elements only: a comment or processing instruction between them has no name (QName
        # raised ValueError, which stopped recalc) and is not kept.
        elements = [el for el in old_root if isinstance(el.tag, str)]
        kept = [_fragment(el, start) for el in elements if etree.QName(el).localname in _KEEP]
        for el in elements:
            if etree.QName(el).localname in print_setup:
                print_setup[etree.QName(el).localname] = _fragment(el, start)

    with_drawing = bool(grid.charts or _drawing_rel(rels))
    rel = _drawing_rel(rels)  # the id _write_drawing keeps, or the one it adds
    drawing = f'<drawing r:id="{rel["Id"] if rel else _DRAWING_ID}"/>' if with_drawing else ""

    dimension, cols, data, tail = cells_xml(grid, xf_of)
    xml = (
        XML_DECLARATION
        + start
        + sheet_pr
        + dimension
        + f'<sheetViews><sheetView showGridLines="0"{selected} workbookViewId="0"/></sheetViews>'
        + '<sheetFormatPr defaultRowHeight="15"/>'
        + cols
        + data
        + tail
        + "".join(print_setup.values())
        + drawing
        + "".join(kept)
        + "</worksheet>"
    ).encode("utf-8")
    if not checked and xml != old:
        parse_part(pkg, part, old)  # a damaged old sheet stops recalc, as it always did
    if with_drawing:
        _write_drawing(pkg, part, grid, rels)
    _set_rels(pkg, part, rels)
    pkg.set(part, xml)


# The start tag of a sheet's cells, and its end: what _without_rows cuts between.
_SHEET_DATA = re.compile(rb"<((?:[\w.-]+:)?sheetData)\b[^>]*(?<!/)>")
_DRAWING_ID = "rIdBscDrawing"


def _without_rows(pkg: Package, part: str, old: bytes) -> etree._Element | None:
    """The old sheet parsed without the rows of its sheetData, or None to parse it whole.

    A sheet's rows are replaced, so only its other elements are read (the start tag, sheetPr,
    the tab selection, print settings, buttons). Parsing LKjIP and Dasbor of 10,000 KPIs whole
    and freeing the trees cost 0.66 s of a re-run (measured); their rest is 1 KB. The rows are
    still checked: _write_sheet parses the old sheet whole when the new one differs from it, so
    a damaged sheet stops recalc as before; an unchanged one is this writer's own well-formed
    output. None (the whole parse, as before) when anything could make the cut wrong: a comment,
    CDATA, DOCTYPE or processing instruction outside the rows, or a rest that does not parse.
    """
    found = _SHEET_DATA.search(old)
    if found is None:
        return None
    end = old.find(b"</" + found.group(1) + b">", found.end())
    if end < 0:
        return None
    head, rest = old[: found.end()], old[end:]
    if b"<!" in head or b"<!" in rest or head.find(b"<?", 1) >= 0 or b"<?" in rest:
        return None  # nothing but tags outside the rows (an XML declaration first)
    try:
        return parse_part(pkg, part, head + rest)
    except UnusableInput:
        return None


def _fragment(el: etree._Element, root_tag: str) -> str:
    """An element's XML without the namespace declarations the root start tag already makes."""
    xml = etree.tostring(el).decode("utf-8")
    end = xml.index(">")
    head = re.sub(
        r'\s+xmlns(?::\w+)?="[^"]*"',
        lambda m: "" if m.group(0).strip() in root_tag else m.group(0),
        xml[:end],
    )
    return head + xml[end:]


def _set_rels(pkg: Package, part: str, rels: list[dict[str, str]]) -> None:
    if rels:
        pkg.set(rels_path(part), rels_bytes(rels))
    else:
        pkg.delete(rels_path(part))


def _with_fit_to_page(pr: etree._Element, root_tag: str) -> str:
    setup = pr.find(f"{{{NS_MAIN}}}pageSetUpPr")
    if setup is None:
        setup = etree.Element(f"{{{NS_MAIN}}}pageSetUpPr")
        later = [c for c in pr if etree.QName(c).localname not in ("tabColor", "outlinePr")]
        if later:
            later[0].addprevious(setup)
        else:
            pr.append(setup)
    setup.set("fitToPage", "1")
    return _fragment(pr, root_tag)


def _drawing_rel(rels: list[dict[str, str]]) -> dict[str, str] | None:
    return next((r for r in rels if of_type(r["Type"], RELATIONSHIP_TYPE.DRAWING)), None)


def _write_drawing(pkg: Package, sheet_part: str, grid: Grid, rels: list[dict[str, str]]) -> str:
    """Replace the product's chart anchors in the sheet's drawing (created if needed); returns its rel id."""
    rel = _drawing_rel(rels)
    if rel is None:
        part = f"xl/drawings/egovbsc-{_slug(grid.sheet)}.xml"
        rel = {"Id": _DRAWING_ID, "Type": REL + "drawing", "Target": relative(sheet_part, part)}
        rels.append(rel)
        set_override(pkg, part, CT_DRAWING)
    part = resolve(sheet_part, rel["Target"])
    root = parse_part(pkg, part) if pkg.exists(part) else etree.fromstring(EMPTY_DRAWING)
    d_rels = read_rels(pkg, part)
    by_id = {r["Id"]: r for r in d_rels}
    charts = [
        f"xl/charts/egovbsc-{_slug(grid.sheet)}-{n}.xml" for n in range(1, len(grid.charts) + 1)
    ]
    for anchor in list(root):
        names = [el.get("name", "") for el in anchor.iter(f"{{{NS_XDR}}}cNvPr")]
        if not any(n.startswith(OWNED_PREFIX) for n in names):
            continue
        for chart in anchor.iter(f"{{{NS_C}}}chart"):
            r = by_id.pop(chart.get(f"{{{NS_R}}}id", ""), None)
            if r is not None:
                target = resolve(part, r["Target"])
                _delete_part(pkg, target, rewritten=target in charts)
        root.remove(anchor)
    d_rels = list(by_id.values())
    used = {
        int(el.get("id", "0"))
        for el in root.iter(f"{{{NS_XDR}}}cNvPr")
        if el.get("id", "").isdigit()
    }
    shape_id = max(used, default=1) + 1
    for n, (chart, chart_part) in enumerate(zip(grid.charts, charts, strict=True), start=1):
        rid = f"rIdBscChart{n}"
        pkg.set(chart_part, chart_xml(grid, chart))
        set_override(pkg, chart_part, CT_CHART)
        d_rels.append({"Id": rid, "Type": REL + "chart", "Target": relative(part, chart_part)})
        root.append(etree.fromstring(chart_anchor(chart, shape_id + n - 1, rid)))
    pkg.set(part, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
    _set_rels(pkg, part, d_rels)
    return rel["Id"]
