"""Writing one SPEC 3 table onto a sheet with XlsxWriter: formats by column kind, widths, dropdowns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from egov_bsc_xl.i18n.catalogue import tr
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.reading.source import column_letter

K = c.Kind
INPUT_FILL = "#FFF8E1"  # light cream: cells people type into
COMPUTED_FILL = "#E0E0E0"  # grey: cells the product computes
HEADER_FILL = "#1F4E79"
TITLE_COLOUR = "#1F4E79"
VALIDATION_ROWS = 500  # dropdowns reach this many rows below the header, so new rows get them

# Column widths (characters) by column key; default by kind below.
WIDTHS: dict[str, float] = {
    "id": 9,
    "name": 40,
    "objective": 48,
    "definition": 48,
    "description": 36,
    "supports": 14,
    "perspective_id": 13,
    "objective_id": 12,
    "kpi_id": 10,
    "unit": 12,
    "polarity": 12,
    "weight": 10,
    "baseline": 12,
    "frequency": 13,
    "aggregation": 12,
    "data_source": 30,
    "method": 30,
    "owner": 26,
    "period": 11,
    "target": 12,
    "target_upper": 12,
    "actual": 12,
    "note": 36,
    "evidence": 30,
    "achievement": 12,
    "status": 16,
    "objective_ids": 14,
    "kpi_ids": 16,
    "start": 13,
    "end": 13,
    "budget": 17,
    "spent": 19,
    "progress": 11,
    "order": 9,
    "active": 9,
    "date": 13,
    "field": 14,
    "old_value": 14,
    "new_value": 14,
    "reason": 44,
    "key": 16,
    "label": 28,
    "value": 70,
    "lower_bound": 13,
    "label_id": 18,
    "label_en": 16,
    "colour": 12,
    "code": 9,
    "perspective": 20,
    "name_id": 40,
    "name_en": 40,
    "definition_id": 55,
    "definition_en": 55,
    "method_step": 10,
    # SPEC 8 and 9 columns
    "kpi_type": 11,
    "annual_target": 13,
    "plan_target": 13,
    "national_target": 12,
    "public": 10,
    "rollup": 19,
    "source_kpi": 11,
    "analysis": 44,
    "action": 40,
    "action_owner": 24,
    "action_due": 12,
    "file": 36,
}
WRAPPED = {
    "name",
    "objective",
    "definition",
    "description",
    "note",
    "reason",
    "value",
    "name_id",
    "name_en",
    "definition_id",
    "definition_en",
    "data_source",
    "method",
    "label",
    "analysis",
    "action",
}

NUMBER_FORMATS = {
    K.PERCENT: "0%",
    K.SCORE: "0%",
    K.MONEY: "#,##0",
    K.INTEGER: "0",
    K.NUMBER: "[>=1000]#,##0;General",
    K.VALUE: "[>=1000]#,##0;General",
    K.PERIOD: "@",
}
DATE_FORMATS = {"id": "dd/mm/yyyy", "en": "d mmm yyyy"}
# NUMBER/VALUE cells: General below 1000 (81, 0.85, 97.5), thousands separated above (55,000);
# a conditional format keeps the decimals of a number of 1000 or more that has them (1,500.5).
DECIMALS_ABOVE_1000 = "#,##0.0#####"


@dataclass
class Formats:
    """The workbook's cell formats, made once per workbook and looked up by name."""

    book: Any
    lang: str
    _cache: dict[tuple, Any] = field(default_factory=dict)

    def get(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._cache:
            base = {"font_name": "Calibri", "font_size": 10, "valign": "top"}
            self._cache[key] = self.book.add_format(base | props)
        return self._cache[key]

    def title(self) -> Any:
        return self.get(bold=True, font_size=16, font_color=TITLE_COLOUR, valign="vcenter")

    def decimals(self) -> Any:
        """The conditional (dxf) format that shows the decimals of a large number."""
        key = (("dxf", "decimals"),)
        if key not in self._cache:
            self._cache[key] = self.book.add_format({"num_format": DECIMALS_ABOVE_1000})
        return self._cache[key]

    def hint(self) -> Any:
        return self.get(italic=True, font_color="#595959", text_wrap=False)

    def header(self) -> Any:
        return self.get(
            bold=True,
            font_color="#FFFFFF",
            bg_color=HEADER_FILL,
            text_wrap=True,
            valign="vcenter",
            border=1,
            border_color="#BFBFBF",
        )

    def cell(
        self,
        col: c.Column,
        *,
        computed: bool = False,
        read_only: bool = False,
        number_format: str | None = None,
        align: str | None = None,
    ) -> Any:
        props: dict[str, Any] = {"border": 1, "border_color": "#D9D9D9"}
        if align:
            props["align"] = align
        fmt = number_format or NUMBER_FORMATS.get(col.kind)
        if col.kind is K.DATE:
            fmt = DATE_FORMATS[self.lang]
        if fmt:
            props["num_format"] = fmt
        if col.key in WRAPPED:
            props["text_wrap"] = True
        if computed:
            props |= {"bg_color": COMPUTED_FILL, "font_color": "#262626", "italic": True}
        elif not read_only:
            props["bg_color"] = INPUT_FILL
        return self.get(**props)


@dataclass
class Placed:
    """Where a table landed: sheet, header row (0-based), first column, data row count."""

    spec: c.TableSpec
    sheet: Any
    top: int
    left: int
    rows: int

    @property
    def first_data_row(self) -> int:
        return self.top + 1

    def col_index(self, key: str) -> int:
        return self.left + self.spec.keys.index(key)

    def cell(self, data_row: int, key: str, absolute: bool = False) -> str:
        letter = column_letter(self.col_index(key))
        row = self.first_data_row + data_row + 1
        return f"${letter}${row}" if absolute else f"{letter}{row}"


def _cell_value(col: c.Column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def write_table(
    ws: Any,
    fmts: Formats,
    spec: c.TableSpec,
    rows: list[dict[str, Any]],
    *,
    top: int,
    left: int = 0,
    lang: str,
    computed: tuple[str, ...] = (),
    style: str = "Table Style Light 9",
    banded: bool = False,
    cell_formats: dict[tuple[int, str], Any] | None = None,
    set_widths: bool = True,
    formulas: dict[str, str] | None = None,
) -> Placed:
    """Write `rows` (dicts keyed by column key) as Excel table `spec.name` with its header at `top`.

    An empty `rows` still gives one blank data row (an Excel table needs one); `computed` keys get
    the grey computed format, the other columns the cream input format (unless the table is
    read only). `cell_formats` overrides the format of single cells (data row, key). `formulas`
    are calculated-column formulas: Excel copies them into every row a user adds to the table.
    """
    data = rows or [{}]
    n = len(data)
    columns = []
    col_formats: dict[str, Any] = {}
    for col in spec.columns:
        fmt = fmts.cell(col, computed=col.key in computed, read_only=spec.read_only)
        col_formats[col.key] = fmt
        column = {"header": col.label(lang), "format": fmt, "header_format": fmts.header()}
        if formulas and col.key in formulas:
            column["formula"] = formulas[col.key]
        columns.append(column)
    cells = [[_cell_value(col, r.get(col.key)) for col in spec.columns] for r in data]
    ws.add_table(
        top,
        left,
        top + n,
        left + len(spec.columns) - 1,
        {
            "name": spec.name,
            "columns": columns,
            "data": cells,
            "style": style,
            "banded_rows": banded,
            "autofilter": True,
        },
    )
    # Cells the table call wrote as blank keep the column format; typed values get theirs too.
    for i, row in enumerate(cells):
        for j, value in enumerate(row):
            col = spec.columns[j]
            fmt = (cell_formats or {}).get((i, col.key), col_formats[col.key])
            if value is None:
                ws.write_blank(top + 1 + i, left + j, None, fmt)
            elif isinstance(value, str) and col.kind in (K.PERIOD, K.TEXT, K.ID, K.IDS, K.CHOICE):
                ws.write_string(top + 1 + i, left + j, value, fmt)
            else:
                ws.write(top + 1 + i, left + j, value, fmt)
    for i, row in enumerate(cells):
        lines = max(
            (
                _lines(value, WIDTHS.get(col.key, 14))
                for col, value in zip(spec.columns, row, strict=True)
                if col.key in WRAPPED
            ),
            default=1,
        )
        if lines > 1:
            ws.set_row(top + 1 + i, 13.5 * lines)
    if set_widths:
        for j, col in enumerate(spec.columns):
            width = WIDTHS.get(col.key, 14)
            ws.set_column(left + j, left + j, width)
    ws.set_row(top, 30)
    placed = Placed(spec, ws, top, left, n)
    if not spec.read_only:
        for col in spec.columns:
            if col.kind in (K.NUMBER, K.VALUE) and col.key not in computed:
                keep_decimals(ws, fmts, placed, col.key)
    return placed


def keep_decimals(ws: Any, fmts: Formats, placed: Placed, key: str) -> None:
    """Show the decimals of numbers of 1000 or more in a column: 1,500.5 rather than 1,501."""
    col, first = placed.col_index(key), placed.first_data_row
    top = f"{column_letter(col)}{first + 1}"
    ws.conditional_format(
        first,
        col,
        first + VALIDATION_ROWS,
        col,
        {
            "type": "formula",
            "format": fmts.decimals(),
            "criteria": f"=AND(ISNUMBER({top}),ABS({top})>=1000,{top}<>INT({top}))",
        },
    )


def _lines(value: Any, width: float) -> int:
    """Lines a wrapped text needs in a column `width` characters wide (an estimate, as Excel wraps)."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(int(width * 1.15), 1)
    total = 0
    for part in value.split("\n"):
        words, length, count = part.split(" "), 0, 1
        for word in words:
            if length and length + 1 + len(word) > per_line:
                count, length = count + 1, len(word)
            else:
                length += (1 if length else 0) + len(word)
        total += count
    return total


def title_rows(ws: Any, fmts: Formats, title: str, hint: str) -> None:
    ws.set_row(0, 26)
    ws.write_string(0, 0, title, fmts.title())
    ws.write_string(1, 0, hint, fmts.hint())


def list_validation(
    ws: Any,
    placed: Placed,
    key: str,
    source: list[str] | str,
    *,
    strict: bool = True,
    lang: str,
    prompt: str = "",
) -> None:
    """A dropdown on a column, from a literal list or a formula (=INDIRECT("tbl[col]"))."""
    col = placed.col_index(key)
    first = placed.first_data_row
    options: dict[str, Any] = {
        "validate": "list",
        "source": source,
        "ignore_blank": True,
        "error_type": "stop" if strict else "warning",
        "error_title": tr("template.invalid_title", lang),
        "error_message": tr("template.invalid_message", lang),
    }
    if prompt:
        options |= {
            "input_title": placed.spec.column(key).label(lang)[:32],
            "input_message": prompt[:255],
        }
    ws.data_validation(first, col, first + VALIDATION_ROWS, col, options)


def input_prompt(ws: Any, placed: Placed, key: str, message: str, lang: str) -> None:
    """A note shown when a cell of the column is selected (no restriction on the value)."""
    col, first = placed.col_index(key), placed.first_data_row
    ws.data_validation(
        first,
        col,
        first + VALIDATION_ROWS,
        col,
        {
            "validate": "any",
            "input_title": placed.spec.column(key).label(lang)[:32],
            "input_message": message[:255],
        },
    )


def table_ref_list(spec: c.TableSpec, key: str, lang: str) -> str:
    """Dropdown source fed from a table column, so rows added later show up in the list."""
    return f'=INDIRECT("{spec.name}[{spec.column(key).label(lang)}]")'


def print_setup(ws: Any, header_row: int, *, landscape: bool = True) -> None:
    ws.set_paper(9)  # A4
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer("&L&A&R&P / &N")
