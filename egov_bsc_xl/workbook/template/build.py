"""Builds the bilingual .xlsm template (SPEC 3): every table, dropdowns, formulas, buttons, VBA.

The committed files in workbook_templates/ are rewritten by ``python tools/regenerate.py`` (a
development script of the repository, not part of the installed package).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from egov_bsc_xl.errors import BscError
from egov_bsc_xl.i18n import catalogue as cat
from egov_bsc_xl.i18n.template_texts import PROFILE_PROMPTS, PROMPTS
from egov_bsc_xl.model import (
    Polarity,
    Profile,
)
from egov_bsc_xl.model import Settings as ModelSettings
from egov_bsc_xl.model.band_presets import BAND_PRESETS, preset_bands
from egov_bsc_xl.model.enums import Aggregation, Frequency, KpiType, Language, RollupMethod
from egov_bsc_xl.model.scorecard import Scorecard, text_colour_on
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.opc.files import atomic_write
from egov_bsc_xl.workbook.reading.settings import setting_choices
from egov_bsc_xl.workbook.reading.source import column_letter
from egov_bsc_xl.workbook.template import rows as tr
from egov_bsc_xl.workbook.template.formulas import (
    NAME_CAP,
    NAME_MINIMIZE,
    cached_values,
    computed_formulas,
    word_names,
)
from egov_bsc_xl.workbook.template.guide import write_guide
from egov_bsc_xl.workbook.template.kpi_library import library_rows
from egov_bsc_xl.workbook.template.sheets import (
    VALIDATION_ROWS,
    Formats,
    Placed,
    input_prompt,
    list_validation,
    print_setup,
    table_ref_list,
    title_rows,
    write_table,
)
from egov_bsc_xl.workbook.writing.owned_parts import CURRENT_CALC_ID
from egov_bsc_xl.workbook.writing.vba import BUTTONS, vba_project

CREATED = dt.datetime(2026, 1, 1)
# Defined names of tblBands' label (in the workbook's language) and colour columns, used by the
# conditional formats of the status column.
NAME_BAND_LABELS = "BSC_BAND_LABELS"
NAME_BAND_COLOURS = "BSC_BAND_COLOURS"
# Colours that get a status rule besides the bands' own: a band added later in one of them is
# coloured in Excel too (the Colour column offers them in a dropdown).
BAND_PALETTE = (
    "#1B5E20",
    "#43A047",
    "#FDD835",
    "#FB8C00",
    "#E53935",  # the default bands
    "#2E7D32",
    "#66BB6A",
    "#9CCC65",
    "#FFEB3B",
    "#FFC107",
    "#FF9800",
    "#F4511E",
    "#D32F2F",
    "#B71C1C",
    "#1565C0",
    "#42A5F5",
    "#00897B",
    "#6A1B9A",
    "#795548",
    "#616161",
)


def band_colours(settings: ModelSettings) -> list[str]:
    """The bands' colours (upper case '#RRGGBB') then the palette's, each once."""
    found = [
        b.colour.upper() if b.colour.startswith("#") else "#" + b.colour.upper()
        for b in settings.bands
    ]
    return list(dict.fromkeys(found + list(BAND_PALETTE)))


TABLE_TOP = 3  # header row (0-based) of the tables on their sheets: title, hint, blank, header
BANDS_TOP = 11  # header row of tblBands below tblSettings
DASHBOARD_BUTTON_CELLS = ("H1", "J1", "L1")  # top-left cells of the three buttons
# The hidden xlwings.conf sheet: only keys with a value (see _Builder.xlwings_conf).
XLWINGS_CONF: tuple[tuple[str, str], ...] = (
    ("UDF Modules", "egov_bsc_xl.udfs"),
    ("Debug UDFs", "False"),
    ("Use UDF Server", "False"),
    ("Show Console", "False"),
)


# What goes into the tables is the one scorecard model; a blank template has the four default
# perspectives only. `Content(...)` is the Scorecard made in code (measurement rows as a list).
Content = Scorecard


def blank_content(lang: str) -> Content:
    return Content(
        profile=Profile(language=Language(lang)),
        settings=ModelSettings(language=Language(lang)),
        perspectives=tr.default_perspectives(lang),
    )


def demo_content(lang: str) -> Content:
    from egov_bsc_xl.workbook.template import demo_data as d

    return Content(
        profile=d.demo_profile(lang),
        settings=ModelSettings(language=Language(lang)),
        perspectives=d.demo_perspectives(lang),
        objectives=d.demo_objectives(lang),
        kpis=d.demo_kpis(lang),
        measurements=d.demo_measurements(lang),
        initiatives=d.demo_initiatives(lang),
        revisions=d.demo_revisions(lang),
    )


class _Builder:
    def __init__(self, book: Any, lang: str, formulas: str, content: Content, cache: bool):
        self.book, self.lang, self.formulas, self.content, self.cache = (
            book,
            lang,
            formulas,
            content,
            cache,
        )
        self.fmts = Formats(book, lang)
        self.texts = cat.sheet_titles(lang)
        self.placed: dict[str, Placed] = {}
        self.polarities = {k.id: k.polarity for k in content.kpis}
        self.sheets: dict[str, Any] = {}

    def add_sheets(self) -> None:
        """Every sheet in the order planners see them; they are filled afterwards."""
        lang = self.lang
        order = [("guide", c.GUIDE_SHEET[lang]), ("dashboard", c.DASHBOARD_SHEET[lang])]
        order += [
            (s.name, s.sheet(lang))
            for s in (
                c.PROFILE,
                c.PERSPECTIVES,
                c.OBJECTIVES,
                c.KPIS,
                c.MEASUREMENTS,
                c.INITIATIVES,
                c.REVISIONS,
                c.UNITS,  # a parent workbook's units (SPEC 9): the last input sheet
            )
        ]
        order += [
            ("validation", c.VALIDATION_SHEET[lang]),
            (c.SETTINGS.name, c.SETTINGS.sheet(lang)),
            (c.KPI_LIBRARY.name, c.KPI_LIBRARY.sheet(lang)),
            ("xlwings", c.XLWINGS_CONF_SHEET),
        ]
        for key, name in order:
            self.sheets[key] = self.book.add_worksheet(name)

    # --- sheets -------------------------------------------------------------------------
    def table_sheet(self, spec: c.TableSpec, rows: list[dict[str, Any]], **kw: Any) -> Any:
        ws = self.sheets[spec.name]
        title, hint = self.texts[spec.name]
        title_rows(ws, self.fmts, title, hint)
        placed = write_table(ws, self.fmts, spec, rows, top=TABLE_TOP, lang=self.lang, **kw)
        self.placed[spec.name] = placed
        ws.freeze_panes(TABLE_TOP + 1, 0 if spec.key_value else 2)
        print_setup(ws, TABLE_TOP)
        return ws

    def guide(self) -> None:
        ws = self.sheets["guide"]
        ws.set_tab_color("#1F4E79")
        write_guide(ws, self.fmts, self.lang, self.formulas)

    def output_sheet(self, key: str, title: str, buttons: bool) -> Any:
        ws = self.sheets[key]
        ws.set_tab_color("#2E7D32")
        ws.set_row(0, 30)
        ws.write_string(0, 0, cat.tr(title, self.lang), self.fmts.title())
        note = cat.tr(
            "template.note_dashboard" if buttons else "template.note_validation", self.lang
        )
        ws.write_string(1, 0, note, self.fmts.hint())
        ws.set_column(0, 0, 28)
        ws.set_column(1, 6, 14)
        ws.set_column(7, 12, 11)
        if buttons:
            for cell, button in zip(DASHBOARD_BUTTON_CELLS, BUTTONS, strict=True):
                ws.insert_button(
                    cell,
                    {
                        "macro": button.macro,
                        "caption": button.caption(self.lang),
                        "width": 150,
                        "height": 34,
                        "x_offset": 4,
                        "y_offset": 6,
                    },
                )
        print_setup(ws, 0)
        return ws

    def profile(self) -> None:
        rows = tr.profile_rows(self.content.profile, self.lang)
        spec = c.PROFILE
        value = spec.column("value")
        formats: dict[tuple[int, str], Any] = {}
        for i, row in enumerate(rows):
            if row["key"] == "report_date":
                formats[(i, "value")] = self.fmts.cell(
                    c.Column("value", "", "", c.Kind.DATE), align="left"
                )
            elif row["key"] in ("year", "plan_start", "plan_end"):
                formats[(i, "value")] = self.fmts.cell(value, number_format="0", align="left")
            elif row["key"] == "report_period":
                formats[(i, "value")] = self.fmts.cell(value, number_format="@")
            for key in ("key", "label"):
                formats[(i, key)] = self.fmts.cell(spec.column(key), read_only=True)
        ws = self.table_sheet(spec, rows, cell_formats=formats)
        placed = self.placed[spec.name]
        for i, row in enumerate(rows):
            if row["key"] == "language":
                self._cell_list(ws, placed, i, ["id", "en"])
            elif row["key"] in PROFILE_PROMPTS:
                self._profile_prompt(ws, placed, i, row["key"])
        ws.set_column(0, 0, 16, None, {"hidden": False})

    def _profile_prompt(self, ws: Any, placed: Placed, i: int, key: str) -> None:
        """The note of a SPEC 8 profile row; the Renstra years are checked to be whole years."""
        r, col = placed.first_data_row + i, placed.col_index("value")
        options: dict[str, Any] = {"validate": "any"}
        if key in ("plan_start", "plan_end"):
            options = {
                "validate": "integer",
                "criteria": "between",
                "minimum": 2000,
                "maximum": 2100,
                "error_type": "warning",
                "error_title": cat.tr("template.invalid_title", self.lang),
                "error_message": cat.tr("template.year_message", self.lang),
            }
        options |= {
            "input_title": cat.pick(self.lang, *c.PROFILE_KEYS[key])[:32],
            "input_message": cat.tr(f"template.profile_prompt.{key}", self.lang)[:255],
        }
        ws.data_validation(r, col, r, col, options)

    def _cell_list(self, ws: Any, placed: Placed, i: int, values: list[str]) -> None:
        r, col = placed.first_data_row + i, placed.col_index("value")
        ws.data_validation(r, col, r, col, {"validate": "list", "source": values})

    def settings(self) -> Any:
        spec = c.SETTINGS
        rows = tr.settings_rows(self.content.settings, self.lang)
        formats = {
            (i, k): self.fmts.cell(spec.column(k), read_only=True)
            for i in range(len(rows))
            for k in ("key", "label")
        }
        for i, row in enumerate(rows):
            if row["key"] == "attention_below":
                formats[(i, "value")] = self.fmts.cell(
                    spec.column("value"), number_format="0%", align="left"
                )
        ws = self.table_sheet(spec, rows, cell_formats=formats)
        placed = self.placed[spec.name]
        lists = {
            key: setting_choices(key, self.lang)
            for key in ("minimize_method", "missing", "language")
        }
        for i, row in enumerate(rows):
            if row["key"] in lists:
                self._cell_list(ws, placed, i, lists[row["key"]])
            elif row["key"] in ("cap", "attention_below"):
                r, col = placed.first_data_row + i, placed.col_index("value")
                low = 1 if row["key"] == "cap" else 0
                ws.data_validation(
                    r,
                    col,
                    r,
                    col,
                    {"validate": "decimal", "criteria": "between", "minimum": low, "maximum": 2},
                )
        sheet = spec.sheet(self.lang)
        keys = [r["key"] for r in rows]
        self.book.define_name(
            NAME_CAP, f"='{sheet}'!{placed.cell(keys.index('cap'), 'value', True)}"
        )
        for name, array in word_names().items():
            self.book.define_name(name, array)
        self.book.define_name(
            NAME_MINIMIZE, f"='{sheet}'!{placed.cell(keys.index('minimize_method'), 'value', True)}"
        )
        label = c.BANDS.column(cat.pick(self.lang, "label_id", "label_en")).label(self.lang)
        self.book.define_name(NAME_BAND_LABELS, f"={c.BANDS.name}[{label}]")
        self.book.define_name(
            NAME_BAND_COLOURS, f"={c.BANDS.name}[{c.BANDS.column('colour').label(self.lang)}]"
        )
        # tblBands below tblSettings, each row filled with its own colour in the Colour column
        bands = tr.band_rows(self.content.settings)
        ws.write_string(
            BANDS_TOP - 1,
            0,
            cat.tr("template.bands_title", self.lang),
            self.fmts.get(bold=True, font_size=12, font_color="#1F4E79"),
        )
        colour_fmts = {
            (i, "colour"): self.fmts.get(
                bg_color=b["colour"], font_color="#FFFFFF", border=1, border_color="#D9D9D9"
            )
            for i, b in enumerate(bands)
        }
        self.placed[c.BANDS.name] = write_table(
            ws,
            self.fmts,
            c.BANDS,
            bands,
            top=BANDS_TOP,
            lang=self.lang,
            cell_formats=colour_fmts,
            set_widths=False,
        )
        self._colour_cells(ws, self.placed[c.BANDS.name])
        ws.set_column(0, 0, 16)
        ws.set_column(1, 1, 28)
        ws.set_column(2, 2, 18)
        ws.set_column(3, 3, 12)
        return ws

    def measurements(self) -> None:
        spec = c.MEASUREMENTS
        rows = tr.measurement_rows(self.content.entries, self.polarities, self.lang)
        ach_f, status_f = computed_formulas(self.formulas, self.lang)
        ws = self.table_sheet(
            spec,
            rows,
            computed=("achievement", "status"),
            formulas={"achievement": ach_f, "status": status_f},
        )
        placed = self.placed[spec.name]
        values = (
            cached_values(rows, self.polarities, self.content.settings, self.lang) if rows else []
        )
        ach_fmt = self.fmts.cell(spec.column("achievement"), computed=True, number_format="0.0%")
        status_fmt = self.fmts.cell(spec.column("status"), computed=True)
        a_col, s_col = placed.col_index("achievement"), placed.col_index("status")
        for i in range(placed.rows):
            ach, status = values[i] if values and self.cache else (None, None)
            row = placed.first_data_row + i
            ws.write_formula(row, a_col, ach_f, ach_fmt, "" if ach is None else ach)
            ws.write_formula(row, s_col, status_f, status_fmt, "" if status is None else status)
        self._status_colours(ws, placed)

    def _colour_cells(self, ws: Any, placed: Placed) -> None:
        """tblBands' Colour column: a dropdown of the palette, and a row added later shows its colour."""
        list_validation(
            ws,
            placed,
            "colour",
            list(BAND_PALETTE),
            strict=False,
            lang=self.lang,
            prompt=cat.tr("template.band_colour_prompt", self.lang),
        )
        col, first = placed.col_index("colour"), placed.first_data_row
        cell = f"${column_letter(col)}{first + 1}"
        for colour in band_colours(self.content.settings):
            fmt = self.book.add_format({"bg_color": colour, "font_color": text_colour_on(colour)})
            ws.conditional_format(
                first,
                col,
                first + 499,
                col,
                {
                    "type": "formula",
                    "format": fmt,
                    "criteria": f'=SUBSTITUTE(TRIM({cell}),"#","")="{colour.lstrip("#")}"',
                },
            )

    def _status_colours(self, ws: Any, placed: Placed) -> None:
        """Conditional formats: each status cell takes the colour its band has in tblBands.

        Excel cannot take a fill from a cell, so there is one rule per colour: the colours of
        the bands written now and BAND_PALETTE. Each looks the status up in tblBands through the
        defined names BSC_BAND_LABELS and BSC_BAND_COLOURS (a table column: rows a user adds
        or reorders are included), so a band added later with a palette colour is coloured too.
        """
        col = placed.col_index("status")
        first, last = placed.first_data_row, placed.first_data_row + 499
        status = f"${column_letter(col)}{first + 1}"
        colour_of = f"INDEX({NAME_BAND_COLOURS},MATCH({status},{NAME_BAND_LABELS},0))"
        for colour in band_colours(self.content.settings):
            fmt = self.book.add_format(
                {"bg_color": colour, "font_color": text_colour_on(colour), "bold": True}
            )
            ws.conditional_format(
                first,
                col,
                last,
                col,
                {
                    "type": "formula",
                    "format": fmt,
                    "criteria": f'=SUBSTITUTE(TRIM({colour_of}),"#","")="{colour.lstrip("#")}"',
                },
            )
        grey = self.book.add_format({"bg_color": "#9E9E9E", "font_color": "#FFFFFF"})
        no_data = cat.tr("template.no_data", self.lang)
        ws.conditional_format(
            first,
            col,
            last,
            col,
            {"type": "cell", "criteria": "==", "value": f'"{no_data}"', "format": grey},
        )

    def validations(self) -> None:
        """Dropdowns: fixed word lists and id references fed from the tables themselves."""
        lang, p = self.lang, self.placed
        yes_no = list(tr.YES_NO[lang])
        ws_of = {name: placed.sheet for name, placed in p.items()}
        prompt = cat.tr("template.pick_prompt", lang)
        list_validation(ws_of["tblPerspectives"], p["tblPerspectives"], "active", yes_no, lang=lang)
        list_validation(
            ws_of["tblObjectives"],
            p["tblObjectives"],
            "perspective_id",
            table_ref_list(c.PERSPECTIVES, "id", lang),
            strict=False,
            lang=lang,
            prompt=prompt,
        )
        kp = p["tblKpis"]
        list_validation(
            kp.sheet,
            kp,
            "objective_id",
            table_ref_list(c.OBJECTIVES, "id", lang),
            strict=False,
            lang=lang,
            prompt=prompt,
        )
        list_validation(kp.sheet, kp, "polarity", Polarity.choices(lang), lang=lang)
        list_validation(kp.sheet, kp, "frequency", Frequency.choices(lang), lang=lang)
        list_validation(kp.sheet, kp, "aggregation", Aggregation.choices(lang), lang=lang)
        for key, words in (
            ("kpi_type", KpiType.choices(lang)),
            ("public", yes_no),
            ("rollup", RollupMethod.choices(lang)),
        ):
            list_validation(
                kp.sheet,
                kp,
                key,
                words,
                lang=lang,
                prompt=cat.tr(f"template.pick.tblKpis.{key}", lang),
            )
        mp = p["tblMeasurements"]
        list_validation(
            mp.sheet,
            mp,
            "kpi_id",
            table_ref_list(c.KPIS, "id", lang),
            strict=False,
            lang=lang,
            prompt=prompt,
        )
        due = mp.col_index("action_due")
        mp.sheet.data_validation(
            mp.first_data_row,
            due,
            mp.first_data_row + VALIDATION_ROWS,
            due,
            {
                "validate": "date",
                "criteria": "between",
                "minimum": dt.date(2000, 1, 1),
                "maximum": dt.date(2100, 12, 31),
                "error_type": "warning",
                "error_title": cat.tr("template.invalid_title", lang),
                "error_message": cat.tr("template.date_message", lang),
                "input_title": c.MEASUREMENTS.column("action_due").label(lang)[:32],
                "input_message": cat.tr("template.pick.tblMeasurements.action_due", lang),
            },
        )
        up = p["tblUnits"]
        list_validation(
            up.sheet,
            up,
            "active",
            yes_no,
            lang=lang,
            prompt=cat.tr("template.pick.tblUnits.active", lang),
        )
        ip = p["tblInitiatives"]
        list_validation(ip.sheet, ip, "status", tr.INITIATIVE_STATUS[lang], lang=lang)
        rp = p["tblRevisions"]
        list_validation(
            rp.sheet, rp, "kpi_id", table_ref_list(c.KPIS, "id", lang), strict=False, lang=lang
        )
        for table, key in PROMPTS:
            input_prompt(
                p[table].sheet, p[table], key, cat.tr(f"template.prompt.{table}.{key}", lang), lang
            )

    def xlwings_conf(self) -> None:
        ws = self.sheets["xlwings"]
        ws.set_tab_color("#9E9E9E")
        ws.hide()  # settings for IT staff; xlwings reads it hidden as well
        ws.set_column(0, 0, 24)
        ws.set_column(1, 1, 40)
        # Only settings that have a value. xlwings' GetConfig (addin/Config.bas) returns a key found
        # on this sheet even when its value is empty and stops there, so an empty Interpreter_Win,
        # Conda Path or PYTHONPATH row would hide what `xlwings addin install` recorded in
        # ~/.xlwings/xlwings.conf and RunPython would fall back to a bare `python`. The rows must
        # also stay contiguous: GetConfigFromSheet reads A1 down to the first empty cell.
        for i, (key, value) in enumerate(XLWINGS_CONF):
            ws.write_string(i, 0, key)
            ws.write_string(i, 1, value)


def build(
    lang: str = "id",
    formulas: str = "udf",
    *,
    demo: bool = False,
    standalone: bool = False,
    content: Content | None = None,
    cache: bool = True,
    bands: str | None = None,
) -> bytes:
    """The .xlsm file as bytes. `content` overrides the blank/demo tables (tests use it).

    `bands` names a preset of model.band_presets (default, permendagri86, nko) that fills tblBands
    and tblSettings.band_preset; None keeps the content's bands.
    """
    import xlsxwriter

    if lang not in c.LANGUAGES:
        raise BscError(cat.both("msg.new.lang", value=repr(lang)) + ".")
    if formulas not in ("udf", "native"):
        raise BscError(cat.both("msg.new.formulas", value=repr(formulas)) + ".")
    if content is None:
        content = demo_content(lang) if demo else blank_content(lang)
    if bands is not None:
        if bands not in BAND_PRESETS:
            raise BscError(
                cat.both("msg.new.bands", presets=", ".join(BAND_PRESETS), value=repr(bands)) + "."
            )
        content.settings = content.settings.model_copy(
            update={"bands": preset_bands(bands), "band_preset": bands}
        )
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    book.set_properties(
        {
            "title": "egov-bsc-xl",
            "subject": "Balanced Scorecard SPBE",
            "author": "egov-bsc-xl",
            "company": content.profile.agency or "",
            "created": CREATED,
        }
    )
    # The computed cells carry the engine's own values (cache=True): Excel need not recalculate on
    # opening, and with the current engine's calcId it does not ask "Save changes?" on closing.
    book.set_calc_mode("auto", calc_id=CURRENT_CALC_ID)
    book.calc_on_load = not cache
    b = _Builder(book, lang, formulas, content, cache)
    b.add_sheets()
    b.guide()
    b.output_sheet("dashboard", "sheet.dash_title", True)  # the title recalc writes, too
    b.output_sheet("validation", "sheet.val_title", False)
    b.profile()
    b.table_sheet(c.PERSPECTIVES, tr.perspective_rows(content.perspectives, lang))
    b.table_sheet(c.OBJECTIVES, tr.objective_rows(content.objectives, lang))
    b.table_sheet(c.KPIS, tr.kpi_rows(content.kpis, lang))
    b.table_sheet(c.INITIATIVES, tr.initiative_rows(content.initiatives, lang))
    b.table_sheet(c.REVISIONS, tr.revision_rows(content.revisions, lang))
    b.table_sheet(c.UNITS, tr.unit_rows(content.units, lang))
    b.settings()  # before the measurements: their formulas use its names and bands
    b.measurements()
    b.table_sheet(c.KPI_LIBRARY, library_rows(lang), banded=True, style="Table Style Light 1")
    b.xlwings_conf()
    b.validations()
    library = b.placed[c.KPI_LIBRARY.name].sheet
    library.protect("", {"autofilter": True, "sort": True})
    for name, colour in (
        ("tblProfile", "#F9A825"),
        ("tblPerspectives", "#F9A825"),
        ("tblObjectives", "#F9A825"),
        ("tblKpis", "#F9A825"),
        ("tblMeasurements", "#F9A825"),
        ("tblInitiatives", "#F9A825"),
        ("tblRevisions", "#F9A825"),
        ("tblUnits", "#F9A825"),
        ("tblSettings", "#757575"),
        ("tblKpiLibrary", "#757575"),
    ):
        b.placed[name].sheet.set_tab_color(colour)
    book.add_vba_project(
        io.BytesIO(vba_project(len(book.worksheets()), standalone=standalone)), is_stream=True
    )
    book.set_vba_name("ThisWorkbook")
    book.worksheets()[0].activate()
    book.close()
    return buf.getvalue()


def build_template(
    path: str | Path,
    lang: str = "id",
    formulas: str = "udf",
    *,
    demo: bool = False,
    standalone: bool = False,
    overwrite: bool = False,
    bands: str | None = None,
) -> Path:
    """Write the template to `path` (.xlsm). Raises BscError for a bad path or an existing file."""
    target = Path(path)
    if target.suffix.lower() != ".xlsm":
        raise BscError(cat.both("msg.new.suffix", path=target) + ".")
    if target.exists() and not overwrite:
        raise BscError(cat.both("msg.new.exists", path=target) + ".")
    if not target.parent.exists():
        raise BscError(cat.both("msg.new.no_folder", path=target.parent) + ".")
    data = build(lang, formulas, demo=demo, standalone=standalone, bands=bands)
    atomic_write(target, data)  # unique temp file, fsync, rename; a failed write leaves nothing
    return target
