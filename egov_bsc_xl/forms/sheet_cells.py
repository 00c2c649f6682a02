"""Cells written into tblMeasurements' sheet part by XML surgery: values set, rows added below.

Only the cells given are touched (their style kept); a row added below the table copies the style
of the table's last row, gets the table's calculated-column formulas in its computed columns
(Capaian, Status; their cached values are left for `recalc`), and the table's ref, its
autoFilter's ref and the sheet's dimension are extended. Texts are inline strings, so the shared
strings part is never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from egov_bsc_xl.workbook.opc.package import (
    Package,
    parse_part,
    table_part,
)
from egov_bsc_xl.workbook.reading.source import a1, column_letter, parse_a1

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LETTERS = re.compile(r"[A-Z]+")


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass(frozen=True)
class Value:
    """A value to write: a number, or a text (inline string)."""

    number: float | None = None
    text: str | None = None


@dataclass
class MeasurementTable:
    """Where tblMeasurements stands: its sheet part, table part, first column and rows (1-based)."""

    sheet_part: str
    table_part: str
    table: etree._Element
    left: int  # 0-based column of the table's first column
    header_row: int  # 1-based
    last_row: int  # 1-based last data row
    formulas: dict[int, str]  # table column index -> calculated-column formula

    @property
    def width(self) -> int:
        return len(self.table.findall(f"{q('tableColumns')}/{q('tableColumn')}"))


def find_table(pkg: Package, name: str) -> MeasurementTable | None:
    found = table_part(pkg, name)
    if found is None:
        return None
    sheet, target, root = found
    first, _, last = root.get("ref", "A1:A1").partition(":")
    top, left = parse_a1(first)
    bottom, _ = parse_a1(last or first)
    bottom -= int(root.get("totalsRowCount", "0"))
    formulas = {}
    for n, col in enumerate(root.iter(q("tableColumn"))):
        formula = col.find(q("calculatedColumnFormula"))
        if formula is not None and formula.text:
            formulas[n] = formula.text
    return MeasurementTable(sheet, target, root, left, top + 1, bottom + 1, formulas)


@dataclass
class NewRow:
    """A row to add below the table: values by table column index."""

    values: dict[int, Value]


class SheetCells:
    """tblMeasurements' sheet part, parsed once (when first needed) for the checks and the writes."""

    def __init__(self, pkg: Package, table: MeasurementTable):
        self.pkg, self.table = pkg, table
        self._root: etree._Element | None = None
        self._rows: dict[int, etree._Element] = {}

    @property
    def root(self) -> etree._Element:
        if self._root is None:
            self._root = parse_part(self.pkg, self.table.sheet_part)
            data = self._data()
            self._rows = {int(el.get("r", "0")): el for el in data.iter(q("row"))}
        return self._root

    def _data(self) -> etree._Element:
        data = self.root.find(q("sheetData")) if self._root is not None else None
        assert data is not None  # a worksheet part always has sheetData (parse_part checked it)
        return data

    def row_is_free(self, row: int) -> bool:
        """True when sheet row `row` (1-based) holds nothing in the table's columns."""
        self.root  # noqa: B018 - parses the part and maps its rows
        el = self._rows.get(row)
        if el is None:
            return True
        table = self.table
        for c in el.iter(q("c")):
            col = _col(c.get("r", ""))
            if table.left <= col < table.left + table.width and (
                c.find(q("v")) is not None
                or c.find(q("f")) is not None
                or c.find(q("is")) is not None
            ):
                return False
        return True

    def write(self, edits: dict[tuple[int, int], Value], new_rows: list[NewRow]) -> None:
        """Set `edits` ((1-based sheet row, table column index) -> value) and add `new_rows` below
        the table. Nothing is written when both are empty."""
        if not edits and not new_rows:
            return
        root, table, pkg = self.root, self.table, self.pkg
        data, rows = self._data(), self._rows
        for (row, col), value in sorted(edits.items()):
            _set(_row(data, rows, row), row, table.left + col, value)
        template = rows.get(table.last_row)
        for k, new in enumerate(new_rows):
            number = table.last_row + 1 + k
            el = _added_row(data, rows, number, template, table)
            for col, value in new.values.items():
                _set(el, number, table.left + col, value)
        if new_rows:
            last = table.last_row + len(new_rows)
            first = table.table.get("ref", "A1").partition(":")[0]
            ref = f"{first}:{a1(last - 1, table.left + table.width - 1)}"
            table.table.set("ref", ref)
            auto = table.table.find(q("autoFilter"))
            if auto is not None:
                auto.set("ref", ref)
            pkg.set(table.table_part, _bytes(table.table))
            _extend_dimension(root, last)
        pkg.set(table.sheet_part, _bytes(root))


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _col(ref: str) -> int:
    m = _LETTERS.match(ref)
    return parse_a1(f"{m.group(0)}1")[1] if m else -1


def _row(data: etree._Element, rows: dict[int, etree._Element], number: int) -> etree._Element:
    found = rows.get(number)
    if found is not None:
        return found
    el = etree.Element(q("row"))
    el.set("r", str(number))
    before = number - 1
    while before > 0 and before not in rows and before > number - 64:
        before -= 1
    if before not in rows:  # far from any row: look through them all (rare)
        lower = [n for n in rows if n < number]
        before = max(lower) if lower else 0
    if before in rows:
        rows[before].addnext(el)
    else:
        data.insert(0, el)
    rows[number] = el
    return el


def _added_row(
    data: etree._Element,
    rows: dict[int, etree._Element],
    number: int,
    template: etree._Element | None,
    table: MeasurementTable,
) -> etree._Element:
    """Row `number` as a copy of the table's last row: same styles, computed formulas, no values."""
    el = _row(data, rows, number)
    if template is None:
        return el
    for name in ("spans", "s", "customFormat"):
        if template.get(name) is not None:
            el.set(name, template.get(name, ""))
    for cell in template.iter(q("c")):
        col = _col(cell.get("r", ""))
        if not table.left <= col < table.left + table.width:
            continue
        fresh = etree.SubElement(el, q("c"))
        fresh.set("r", f"{column_letter(col)}{number}")
        if cell.get("s") is not None:
            fresh.set("s", cell.get("s", ""))
        formula = table.formulas.get(col - table.left)
        if formula:
            f = etree.SubElement(fresh, q("f"))
            f.text = formula
    _sort_cells(el)
    return el


def _sort_cells(row: etree._Element) -> None:
    cells = sorted(row.findall(q("c")), key=lambda c: _col(c.get("r", "")))
    for c in cells:
        row.remove(c)
    row.extend(cells)


def _set(row_el: etree._Element, row: int, col: int, value: Value) -> None:
    ref = f"{column_letter(col)}{row}"
    cell = next((c for c in row_el.iter(q("c")) if c.get("r") == ref), None)
    if cell is None:
        cell = etree.Element(q("c"))
        cell.set("r", ref)
        later = [c for c in row_el.iter(q("c")) if _col(c.get("r", "")) > col]
        if later:
            later[0].addprevious(cell)
        else:
            row_el.append(cell)
    style = cell.get("s")
    for name in list(cell.attrib):
        del cell.attrib[name]
    cell.set("r", ref)
    if style is not None:
        cell.set("s", style)
    for child in list(cell):
        cell.remove(child)
    if value.text is not None:
        cell.set("t", "inlineStr")
        t = etree.SubElement(etree.SubElement(cell, q("is")), q("t"))
        t.text = value.text
        if value.text != value.text.strip() or "\n" in value.text:
            t.set(XML_SPACE, "preserve")
    elif value.number is not None:
        etree.SubElement(cell, q("v")).text = repr(float(value.number)).removesuffix(".0")


def _extend_dimension(root: etree._Element, last_row: int) -> None:
    dim = root.find(q("dimension"))
    if dim is None:
        return
    first, _, last = dim.get("ref", "A1").partition(":")
    end_row, end_col = parse_a1(last or first)
    if last_row - 1 > end_row:
        dim.set("ref", f"{first}:{a1(last_row - 1, end_col)}")
