"""The hidden stamp of a form: which workbook, period and owner it belongs to, with a checksum.

The stamp is a very hidden sheet of key/value rows (Excel shows no way to unhide it; only VBA
can). The checksum is a SHA-256 over every other row, so a stamp edited by hand, or a row of
KPIs moved, is detected. It guards against mistakes, not against forgery: anyone with Python
can compute it again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from egov_bsc_xl.errors import StampError

STAMP_SHEET = "egov-bsc-stamp"
PRODUCT = "egov-bsc-form"
FORM_VERSION = "1"
# The order of the rows on the stamp sheet (the checksum follows it).
KEYS = (
    "product",
    "form_version",
    "workbook_id",
    "workbook",
    "period",
    "group_by",
    "owner",
    "language",
    "sheet",
    "first_row",
    "columns",
    "rows",
)


@dataclass
class Stamp:
    workbook_id: str
    workbook: str  # the workbook's file name when the form was made (for messages)
    period: str  # period code, 2026-Q3
    group_by: str  # owner | unit
    owner: str
    language: str
    sheet: str  # the form's data sheet
    first_row: int  # 1-based sheet row of the first KPI row
    columns: list[str]  # column keys of the form, left to right
    rows: list[str]  # "KPI@period" of each KPI row, top to bottom
    product: str = PRODUCT
    form_version: str = FORM_VERSION
    extra: dict[str, str] = field(default_factory=dict)

    def values(self) -> dict[str, str]:
        return {
            "product": self.product,
            "form_version": self.form_version,
            "workbook_id": self.workbook_id,
            "workbook": self.workbook,
            "period": self.period,
            "group_by": self.group_by,
            "owner": self.owner,
            "language": self.language,
            "sheet": self.sheet,
            "first_row": str(self.first_row),
            "columns": ",".join(self.columns),
            "rows": ";".join(self.rows),
        }

    def lines(self) -> list[tuple[str, str]]:
        """The stamp sheet's rows: every key with its value, then the checksum."""
        values = self.values()
        return [(k, values[k]) for k in KEYS] + [("checksum", checksum(values))]


def checksum(values: dict[str, str]) -> str:
    text = "\n".join(f"{k}={values.get(k, '')}" for k in KEYS)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def parse_stamp(lines: dict[str, str]) -> Stamp:
    """The stamp of key/value rows read back; StampError when it is not ours or was changed."""
    if lines.get("product") != PRODUCT:
        raise StampError(f"product {lines.get('product', '')!r}")
    if lines.get("checksum", "") != checksum(lines):
        raise StampError("checksum")
    if lines.get("form_version") != FORM_VERSION:
        raise StampError(f"form_version {lines.get('form_version')}")
    try:
        first_row = int(lines.get("first_row", ""))
    except ValueError:
        raise StampError("first_row") from None
    return Stamp(
        workbook_id=lines.get("workbook_id", ""),
        workbook=lines.get("workbook", ""),
        period=lines.get("period", ""),
        group_by=lines.get("group_by", "owner"),
        owner=lines.get("owner", ""),
        language=lines.get("language", "id"),
        sheet=lines.get("sheet", ""),
        first_row=first_row,
        columns=[c for c in lines.get("columns", "").split(",") if c],
        rows=[r for r in lines.get("rows", "").split(";") if r],
    )
