"""Follows a user guide literally: reads its marked example tables and commands, types them into a template.

The guide marks what a planner types with HTML comments (invisible on GitHub):
`<!-- contoh: tblKpis -->` / `<!-- example: tblKpis -->` before a Markdown table of cells,
`<!-- perintah -->` / `<!-- commands -->` before a fenced block of `egov-bsc` commands, and
`<!-- hasil -->` / `<!-- results -->` before the table of expected results. openpyxl stands in
for typing: a cell's text becomes what Excel stores when a planner with the workbook's regional
settings types it (numbers with the local decimal and thousands separators, `30 %` as 0.3,
`2026-06-30` as a date, anything in a text-formatted cell as text).
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from egov_bsc_xl.workbook import contract

EXAMPLE = re.compile(r"<!--\s*(?:contoh|example):\s*(\w+)\s*-->")
COMMANDS = re.compile(r"<!--\s*(?:perintah|commands)\s*-->")
RESULTS = re.compile(r"<!--\s*(?:hasil|results)\s*-->")

# Columns that identify a row: a guide row whose key cells match an existing row fills that row
# ("find the row of that KPI and period, fill in the actual"); any other row is typed below the table.
ROW_KEYS = {
    "tblProfile": ("key", "label"),
    "tblSettings": ("key",),
    "tblPerspectives": ("id",),
    "tblObjectives": ("id",),
    "tblKpis": ("id",),
    "tblMeasurements": ("kpi_id", "period"),
    "tblInitiatives": ("id",),
    "tblRevisions": (),
}


@dataclass
class Example:
    table: str
    headers: list[str]
    rows: list[list[str]]


def _table_after(lines: list[str], start: int) -> tuple[list[str], list[list[str]]]:
    """The Markdown table that begins at the first table line at or after `start`."""
    i = start
    while not lines[i].lstrip().startswith("|"):
        i += 1
    block = []
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        block.append(lines[i])
        i += 1

    def cells(line: str) -> list[str]:
        parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
        return [p.strip().replace("\\|", "|") for p in parts]

    headers = cells(block[0])
    rows = [cells(line) for line in block[2:]]
    assert all(len(r) == len(headers) for r in rows), f"ragged table after line {start + 1}"
    return headers, rows


def examples(text: str) -> list[Example]:
    """Every marked example table, in the order of the guide."""
    lines = text.splitlines()
    found = []
    for n, line in enumerate(lines):
        m = EXAMPLE.search(line)
        if m:
            headers, rows = _table_after(lines, n + 1)
            found.append(Example(m.group(1), headers, rows))
    return found


def commands(text: str) -> list[list[str]]:
    """The `egov-bsc` command lines of the marked fenced block."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if COMMANDS.search(line))
    i = next(n for n in range(start, len(lines)) if lines[n].startswith("```"))
    out = []
    for line in lines[i + 1 :]:
        if line.startswith("```"):
            break
        if line.strip().startswith("egov-bsc"):
            out.append(shlex.split(line))
    return out


def results(text: str) -> dict[str, str]:
    """Check label -> expected text from the marked results table."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if RESULTS.search(line))
    _, rows = _table_after(lines, start + 1)
    return {r[0]: r[1] for r in rows}


# --- typing -----------------------------------------------------------------------------------

SEPARATORS = {"id": (",", "."), "en": (".", ",")}  # (decimal, thousands)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def typed(text: str, lang: str, number_format: str = "General"):
    """What Excel stores when `text` is typed into a cell (regional settings of `lang`)."""
    text = text.strip().strip("`")
    if text == "":
        return None
    if number_format == "@":
        return text
    if ISO_DATE.match(text):
        return dt.datetime.fromisoformat(text)
    dec, thou = SEPARATORS[lang]
    number = re.compile(rf"^-?\d{{1,3}}(\{thou}\d{{3}})*(\{dec}\d+)?$|^-?\d+(\{dec}\d+)?$")
    body = text[:-1].strip() if text.endswith("%") else text
    if number.match(body):
        value = float(body.replace(thou, "").replace(dec, "."))
        if text.endswith("%"):
            return value / 100.0
        return int(value) if value.is_integer() else value
    return text


def _is_formula(value) -> bool:
    return isinstance(value, str) and value.startswith("=")


class Planner:
    """A planner at the keyboard: fills tables of a workbook opened with openpyxl (VBA kept)."""

    def __init__(self, path: Path, lang: str):
        self.path, self.lang = path, lang
        self.book = load_workbook(path, keep_vba=True)
        self.tables = {
            name: (ws, ws.tables[name]) for ws in self.book.worksheets for name in ws.tables
        }

    def headers(self, table: str) -> list[str]:
        ws, t = self.tables[table]
        c1, r1, c2, _ = range_boundaries(t.ref)
        return [ws.cell(r1, c).value for c in range(c1, c2 + 1)]

    def data_rows(self, table: str) -> list[int]:
        ws, t = self.tables[table]
        _, r1, _, r2 = range_boundaries(t.ref)
        return list(range(r1 + 1, r2 + 1))

    def type_example(self, ex: Example) -> None:
        """Type one example table: fill the rows it names, type the others below the table."""
        ws, t = self.tables[ex.table]
        c1, _, _, _ = range_boundaries(t.ref)
        column = {label: c1 + j for j, label in enumerate(self.headers(ex.table))}
        key_of = {
            col.label(lang): col.key
            for col in contract.TABLES[ex.table].columns
            for lang in ("id", "en")
        }
        keys = [h for k in ROW_KEYS[ex.table] for h in ex.headers if key_of.get(h) == k]
        assert len(keys) == len(ROW_KEYS[ex.table]), f"{ex.table}: the example lacks a key column"
        for row in ex.rows:
            values = dict(zip(ex.headers, row, strict=True))
            target = self._find(ex.table, keys, values, column) if keys else None
            if target is None:
                target = self._new_row(ex.table)
            for label, text in values.items():
                if label not in column:  # a hint column of the guide (e.g. the library code)
                    continue
                cell = ws.cell(target, column[label])
                value = typed(text, self.lang, cell.number_format)
                if value is not None:  # an empty guide cell: nothing is typed
                    cell.value = value

    def _find(
        self, table: str, keys: list[str], values: dict[str, str], column: dict[str, int]
    ) -> int | None:
        ws, _ = self.tables[table]
        for r in self.data_rows(table):
            cells = [ws.cell(r, column[k]).value for k in keys]
            if all(
                v is not None and str(v).strip() == values[k]
                for v, k in zip(cells, keys, strict=True)
            ):
                return r
        return None

    def _new_row(self, table: str) -> int:
        """The first empty data row, or a new row typed just below the table (Excel extends it)."""
        ws, t = self.tables[table]
        c1, r1, c2, r2 = range_boundaries(t.ref)
        for r in self.data_rows(table):
            if all(
                ws.cell(r, c).value is None or _is_formula(ws.cell(r, c).value)
                for c in range(c1, c2 + 1)
            ):
                return r
        new = r2 + 1
        for c in range(c1, c2 + 1):  # Excel carries the row's formats and calculated columns down
            above, cell = ws.cell(r2, c), ws.cell(new, c)
            cell._style = above._style
            if _is_formula(above.value):
                cell.value = above.value
        t.ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{new}"
        if t.autoFilter is not None:
            t.autoFilter.ref = t.ref
        return new

    def save(self, path: Path) -> Path:
        self.book.save(path)
        return path

    def copy_definitions(self, ex: Example, code_header: str) -> None:
        """Copy each KPI's definition from the KPI library row whose code the guide names."""
        lib_ws, lib = self.tables["tblKpiLibrary"]
        lc1, _, _, _ = range_boundaries(lib.ref)
        lib_col = {label: lc1 + j for j, label in enumerate(self.headers("tblKpiLibrary"))}
        code_label = contract.KPI_LIBRARY.column("code").label(self.lang)
        definition_key = "definition_id" if self.lang == "id" else "definition_en"
        definition_label = contract.KPI_LIBRARY.column(definition_key).label(self.lang)
        definitions = {
            lib_ws.cell(r, lib_col[code_label]).value: lib_ws.cell(
                r, lib_col[definition_label]
            ).value
            for r in self.data_rows("tblKpiLibrary")
        }
        ws, t = self.tables["tblKpis"]
        c1, _, _, _ = range_boundaries(t.ref)
        column = {label: c1 + j for j, label in enumerate(self.headers("tblKpis"))}
        id_label = contract.KPIS.column("id").label(self.lang)
        target_label = contract.KPIS.column("definition").label(self.lang)
        for row in ex.rows:
            values = dict(zip(ex.headers, row, strict=True))
            r = self._find("tblKpis", [id_label], values, column)
            assert r is not None and values[code_header] in definitions, values
            ws.cell(r, column[target_label]).value = definitions[values[code_header]]


CODES = re.compile(r"<!--\s*(?:kode|codes)\s*-->")
ALL_CODES = re.compile(r"<!--\s*(?:semua kode|all codes)\s*-->")


def common_codes(text: str) -> dict[str, list[str]]:
    """Code -> the `quoted` example inputs of the guide's table of common findings."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if CODES.search(line))
    _, rows = _table_after(lines, start + 1)
    return {r[0]: re.findall(r"`([^`]+)`", r[1]) for r in rows}


def all_codes(text: str) -> dict[str, str]:
    """Code -> severity word of the guide's appendix of every validation code."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if ALL_CODES.search(line))
    _, rows = _table_after(lines, start + 1)
    return {r[0]: r[1] for r in rows}
