"""Status colour rules for bands a planner added in a colour the workbook has no rule for.

The template colours tblMeasurements' Status column with one conditional format per colour (the
bands' and a palette), each looking the status up through the defined names BSC_BAND_LABELS and
BSC_BAND_COLOURS. Excel cannot take a fill from a cell, so a band added later in another colour
has no rule; recalc adds one (a copy of an existing rule with the colour changed, and its
differential format in styles.xml). Sheets without such rules (older or hand-made workbooks)
are left alone.
"""

from __future__ import annotations

import re

from lxml import etree

from egov_bsc_xl.model.scorecard import text_colour_on
from egov_bsc_xl.ooxml.constants import NAMESPACE, RELATIONSHIP_TYPE, of_type
from egov_bsc_xl.workbook.opc.package import Package, workbook_part
from egov_bsc_xl.workbook.writing.owned_parts import read_rels, resolve

NS_MAIN = NAMESPACE.SML_MAIN
NAME_MARK = b"BSC_BAND_LABELS"
# <cfRule ...><formula>...="1B5E20"</formula></cfRule>: a status rule of the template
_RULE = re.compile(
    rb'<cfRule\b[^>]*>\s*<formula>([^<]*?BSC_BAND_LABELS[^<]*?(?:"|&quot;))([0-9A-Fa-f]{6})'
    rb'((?:"|&quot;))</formula>\s*</cfRule>'
)
_PRIORITY = re.compile(rb'\bpriority="(\d+)"')
_LATER_IN_STYLES = ("tableStyles", "colors", "extLst")  # what follows <dxfs> in styles.xml


def hex_colour(value: str) -> str | None:
    """'#1b5e20', '1B5E20 ' -> '1B5E20'; anything else -> None."""
    text = value.strip().lstrip("#").upper()
    return text if re.fullmatch(r"[0-9A-F]{6}", text) else None


def text_on(colour: str) -> str:
    """ARGB of white text on a dark fill, black on a light one."""
    return "FF" + text_colour_on(colour)[1:]


def missing_colours(pkg: Package, sheet_part: str, colours: list[str]) -> list[str]:
    """The band colours that have no status rule in `sheet_part` (of a sheet that has such rules):
    what add_band_rules would add. It depends on the rules alone, so recalc asks before it
    refreshes the sheet's cached values (which never touch a rule) and calls add_band_rules only
    when something is missing: a big sheet, then held deflated, is not inflated again for this."""
    if not pkg.exists(sheet_part):
        return []
    xml = pkg.read(sheet_part)
    if NAME_MARK not in xml:
        return []
    rules = list(_RULE.finditer(xml))
    return _missing(rules, colours) if rules else []


def _missing(rules: list[re.Match[bytes]], colours: list[str]) -> list[str]:
    have = {m.group(2).decode().upper() for m in rules}
    return [c for c in dict.fromkeys(filter(None, map(hex_colour, colours))) if c not in have]


def add_band_rules(pkg: Package, sheet_part: str, colours: list[str]) -> list[str]:
    """Add a status rule to `sheet_part` for each band colour without one; returns those added."""
    if not pkg.exists(sheet_part):
        return []
    xml = pkg.read(sheet_part)
    if NAME_MARK not in xml:
        return []
    book = workbook_part(pkg)
    styles_part = next(
        (
            resolve(book, r["Target"])
            for r in read_rels(pkg, book)
            if of_type(r["Type"], RELATIONSHIP_TYPE.STYLES)
        ),
        None,
    )
    if styles_part is None or not pkg.exists(styles_part):
        return []
    rules = list(_RULE.finditer(xml))
    if not rules:
        return []
    wanted = _missing(rules, colours)
    if not wanted:
        return []
    styles = etree.fromstring(pkg.read(styles_part))
    dxfs = _dxfs(styles)
    last = rules[-1]
    priority = max((int(p) for p in _PRIORITY.findall(xml)), default=0)
    added = b""
    for n, colour in enumerate(wanted, start=1):
        dxfs.append(
            etree.fromstring(
                f'<dxf xmlns="{NS_MAIN}"><font><b/><color rgb="{text_on(colour)}"/></font>'
                f'<fill><patternFill><bgColor rgb="FF{colour}"/></patternFill></fill></dxf>'
            )
        )
        rule = last.group(0)
        rule = re.sub(rb'\bdxfId="\d+"', b'dxfId="%d"' % (len(dxfs) - 1), rule, count=1)
        rule = _PRIORITY.sub(b'priority="%d"' % (priority + n), rule, count=1)
        rule = rule.replace(
            last.group(1) + last.group(2) + last.group(3),
            last.group(1) + colour.encode() + last.group(3),
            1,
        )
        added += rule
    dxfs.set("count", str(len(dxfs)))
    pkg.set(sheet_part, xml[: last.end()] + added + xml[last.end() :])
    pkg.set(
        styles_part, etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
    )
    return wanted


def _dxfs(styles: etree._Element) -> etree._Element:
    found = styles.find(f"{{{NS_MAIN}}}dxfs")
    if found is not None:
        return found
    dxfs = etree.Element(f"{{{NS_MAIN}}}dxfs")
    for name in _LATER_IN_STYLES:
        later = styles.find(f"{{{NS_MAIN}}}{name}")
        if later is not None:
            later.addprevious(dxfs)
            return dxfs
    styles.append(dxfs)
    return dxfs
