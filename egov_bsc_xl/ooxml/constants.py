"""The Open XML names the product writes or looks for, each spelled once.

Grouped as python-pptx groups them in its opc/constants.py: namespaces (NAMESPACE), content types
of parts (CONTENT_TYPE) and relationship types (RELATIONSHIP_TYPE). Only the names this product
uses are here; add one when a part needs it, never spell it out in a module.
"""

from __future__ import annotations

from typing import Final


class NAMESPACE:
    """XML namespaces (ECMA-376 transitional, as Excel and PowerPoint write them)."""

    SML_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    OFC_RELATIONSHIPS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    OPC_RELATIONSHIPS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
    OPC_CONTENT_TYPES: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
    DML_MAIN: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
    DML_CHART: Final = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    DML_SPREADSHEET_DRAWING: Final = (
        "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
    )


class CONTENT_TYPE:
    """Content types of the parts the product adds to a workbook."""

    SML_WORKSHEET: Final = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    )
    DML_DRAWING: Final = "application/vnd.openxmlformats-officedocument.drawing+xml"
    DML_CHART: Final = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"


class RELATIONSHIP_TYPE:
    """Relationship types. Parts found by type are matched on the last path segment (`suffix`), as
    strict-conformance files use another base URI for the same types."""

    BASE: Final = NAMESPACE.OFC_RELATIONSHIPS + "/"
    OFFICE_DOCUMENT: Final = BASE + "officeDocument"
    WORKSHEET: Final = BASE + "worksheet"
    STYLES: Final = BASE + "styles"
    SHARED_STRINGS: Final = BASE + "sharedStrings"
    CALC_CHAIN: Final = BASE + "calcChain"
    TABLE: Final = BASE + "table"
    DRAWING: Final = BASE + "drawing"
    CHART: Final = BASE + "chart"
    HYPERLINK: Final = BASE + "hyperlink"


def suffix(rel_type: str) -> str:
    """'/styles' for RELATIONSHIP_TYPE.STYLES: what a relationship's Type is matched on."""
    return rel_type[rel_type.rfind("/") :]


def qn(namespace: str, local: str) -> str:
    """Clark notation '{namespace}local', as ElementTree and lxml name elements and attributes."""
    return f"{{{namespace}}}{local}"


XML_DECLARATION: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def of_type(rel_type: str, wanted: str) -> bool:
    """True when a relationship's Type is `wanted` (a RELATIONSHIP_TYPE), whatever its base URI."""
    return rel_type.endswith(suffix(wanted))
