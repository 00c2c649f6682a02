"""The .xlsx/.xlsm zip package: find parts by sheet name (the writer of owned sheets grows here)."""

from __future__ import annotations

import posixpath
import zipfile
from xml.etree import ElementTree as ET

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook_part(zf: zipfile.ZipFile) -> str:
    """Path of the workbook part named by the package's root relationships."""
    rels = ET.fromstring(zf.read("_rels/.rels"))
    for rel in rels.findall(f"{{{NS_PKG_REL}}}Relationship"):
        if rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "xl/workbook.xml").lstrip("/")
    return "xl/workbook.xml"


def rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def sheet_part_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its worksheet part inside the package."""
    book = workbook_part(zf)
    folder = posixpath.dirname(book)
    targets: dict[str, str] = {}
    rels = ET.fromstring(zf.read(rels_path(book)))
    for rel in rels.findall(f"{{{NS_PKG_REL}}}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        targets[rel.get("Id", "")] = path
    root = ET.fromstring(zf.read(book))
    sheets = root.find(f"{{{NS_MAIN}}}sheets")
    names: dict[str, str] = {}
    for sheet in sheets if sheets is not None else []:
        rid = sheet.get(f"{{{NS_REL}}}id", "")
        if rid in targets:
            names[sheet.get("name", "")] = targets[rid]
    return names
