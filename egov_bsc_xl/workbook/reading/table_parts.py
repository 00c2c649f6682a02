"""The structure of a workbook package, checked before any sheet is read: which sheet parts and
table parts exist, where each table stands (its ref), and whether the parts they need are there.

Every problem becomes one sentence naming the file and the part or table at fault (UnusableInput,
exit 2): a missing or broken part, XML that is not well formed or declares entities, a table whose
ref is not a range of cells or is inverted. A table whose ref is its header row only is a table
with no data rows.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

from egov_bsc_xl.errors import BrokenPart, UnusableInput
from egov_bsc_xl.i18n.catalogue import both, phrase
from egov_bsc_xl.ooxml.constants import NAMESPACE, RELATIONSHIP_TYPE, of_type
from egov_bsc_xl.workbook.opc.limits import check_package

NS_MAIN, NS_REL, NS_PKG_REL = (
    NAMESPACE.SML_MAIN,
    NAMESPACE.OFC_RELATIONSHIPS,
    NAMESPACE.OPC_RELATIONSHIPS,
)
MAX_ROWS, MAX_COLS = 1_048_576, 16_384  # Excel's grid

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


@dataclass
class TablePart:
    """One Excel table as its table part declares it: name, sheet, 0-based bounds of its ref."""

    name: str
    sheet: str
    sheet_part: str
    part: str
    ref: str
    top: int
    left: int
    bottom: int
    right: int
    header_rows: int = 1
    columns: list[str] = field(default_factory=list)
    alias: str = ""  # the table's `name` when it differs from its displayName

    @property
    def header_only(self) -> bool:
        """True when the ref covers the header row and no data row."""
        return self.bottom < self.top + self.header_rows


@dataclass
class Structure:
    """What `inspect` found: sheet name -> sheet part, and the tables by lower-case name."""

    sheets: dict[str, str]
    tables: dict[str, TablePart]
    shared_strings: str | None = None
    styles: str | None = None


def broken(path: Path, part: str, what: str, **values: object) -> BrokenPart:
    """The workbook's part `part` cannot be used; `what` is the key of the reason (msg.part.*)."""
    reason = phrase(f"msg.part.{what}", **values)
    return BrokenPart(both("msg.part.broken", path=path, part=part, what=reason) + ".")


def read_part(zf: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """The inflated bytes of part `name`; a sentence when it is missing or cannot be inflated."""
    try:
        return zf.read(name)
    except KeyError:
        raise broken(path, name, "missing") from None
    except (
        zlib.error,
        zipfile.BadZipFile,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ) as exc:
        raise broken(path, name, "damaged", error=exc) from None


def parse_xml(data: bytes, name: str, path: Path) -> ET.Element:
    """Parse a part's XML; entity declarations (a DOCTYPE) and malformed XML are refused with a sentence."""
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise broken(path, name, "doctype")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise broken(path, name, "not_xml", error=exc) from None
    except RecursionError:
        raise broken(path, name, "nested") from None


def _rels(
    zf: zipfile.ZipFile, part: str, path: Path, names: set[str]
) -> list[tuple[str, str, str]]:
    """(Id, Type, resolved target) of the relationships of `part`."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in names:
        return []
    out = []
    for rel in parse_xml(read_part(zf, rels, path), rels, path).findall(
        f"{{{NS_PKG_REL}}}Relationship"
    ):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        out.append((rel.get("Id", ""), rel.get("Type", ""), resolved))
    return out


def cell_index(ref: str) -> tuple[int, int] | None:
    """'B3' -> (2, 1), 0-based; None when `ref` is not a cell of Excel's grid."""
    m = _REF.fullmatch(ref.strip())
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    row = int(m.group(2))
    if not (1 <= row <= MAX_ROWS and 1 <= col <= MAX_COLS):
        return None
    return row - 1, col - 1


def _table(zf: zipfile.ZipFile, part: str, sheet: str, sheet_part: str, path: Path) -> TablePart:
    root = parse_xml(read_part(zf, part, path), part, path)
    name = root.get("displayName") or root.get("name") or part
    alias = root.get("name") or name
    ref = root.get("ref", "")
    corners = [cell_index(r) for r in ref.split(":")] if 1 <= ref.count(":") + 1 <= 2 else [None]
    if not ref or any(c is None for c in corners):
        raise UnusableInput(
            both("msg.table.bad_ref", path=path, table=name, sheet=sheet, ref=ref) + "."
        )
    (top, left), (bottom, right) = corners[0], corners[-1]  # type: ignore[misc]
    if bottom < top or right < left:
        raise UnusableInput(
            both("msg.table.inverted_ref", path=path, table=name, sheet=sheet, ref=ref) + "."
        )
    try:
        header_rows = int(root.get("headerRowCount", "1"))
    except ValueError:
        header_rows = 1
    columns = [el.get("name", "") for el in root.iter(f"{{{NS_MAIN}}}tableColumn")]
    return TablePart(
        name,
        sheet,
        sheet_part,
        part,
        ref,
        top,
        left,
        bottom,
        right,
        max(header_rows, 0),
        columns,
        alias,
    )


def inspect(zf: zipfile.ZipFile, path: Path) -> Structure:
    """Check the package's limits and structure; the sheets and tables it holds."""
    check_package(zf, path)
    names = set(zf.namelist())
    book = next(
        (
            t
            for _, typ, t in _rels(zf, "", path, names)
            if of_type(typ, RELATIONSHIP_TYPE.OFFICE_DOCUMENT)
        ),
        None,
    )
    if (
        book is None
    ):  # a zip, but not an Office Open XML package (an .ods, a .docx renamed, an archive)
        raise UnusableInput(both("msg.file.no_workbook_part", path=path) + ".")
    if book not in names:
        raise broken(path, book, "missing")
    targets = {rid: (typ, target) for rid, typ, target in _rels(zf, book, path, names)}
    structure = Structure({}, {})
    for typ, target in targets.values():
        if of_type(typ, RELATIONSHIP_TYPE.SHARED_STRINGS):
            structure.shared_strings = target
        elif of_type(typ, RELATIONSHIP_TYPE.STYLES):
            structure.styles = target
    for part in (
        structure.shared_strings,
    ):  # the cells' text; a missing styles part only costs formats
        if part is not None and part not in names:
            raise broken(path, part, "referred_missing")
    root = parse_xml(read_part(zf, book, path), book, path)
    sheets = root.find(f"{{{NS_MAIN}}}sheets")
    for sheet in sheets if sheets is not None else []:
        typ, target = targets.get(sheet.get(f"{{{NS_REL}}}id", ""), ("", ""))
        if target and of_type(typ, RELATIONSHIP_TYPE.WORKSHEET):
            structure.sheets[sheet.get("name", "")] = target
    for sheet_name, sheet_part in structure.sheets.items():
        tables = [
            t
            for _, typ, t in _rels(zf, sheet_part, path, names)
            if of_type(typ, RELATIONSHIP_TYPE.TABLE)
        ]
        if tables and sheet_part not in names:
            raise broken(path, sheet_part, "sheet_missing", sheet=sheet_name)
        for part in tables:
            if part not in names:
                continue  # calamine skips a table whose part is missing; E001 names it if it is ours
            table = _table(zf, part, sheet_name, sheet_part, path)
            structure.tables.setdefault(table.name.lower(), table)
            structure.tables.setdefault(table.alias.lower(), table)
    return structure
