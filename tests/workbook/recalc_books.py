"""Test workbooks for recalc: the demo agency written with XlsxWriter, plus what a user adds.

Besides the SPEC 3 tables the file carries what recalc must never lose: a VBA project, a form
button on the reserved dashboard, a user's own sheet with a picture, a defined name, a
dropdown (data validation), conditional formatting and a user chart.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import xlsxwriter
from PIL import Image

from egov_bsc_xl.model.enums import Polarity
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template import demo_data as demo

USER_SHEET = "Catatan Saya"
DEFINED_NAME = "TargetTahunan"


def picture_png() -> bytes:
    img = Image.new("RGB", (60, 40), (200, 30, 30))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def _write_table(
    wb: Any,
    ws: Any,
    spec: c.TableSpec,
    rows: list[list[Any]],
    lang: str,
    top: int = 2,
    formulas: dict[str, tuple[str, Any]] | None = None,
) -> None:
    headers = [col.label(lang) for col in spec.columns]
    columns = []
    for col in spec.columns:
        entry: dict[str, Any] = {"header": col.label(lang)}
        columns.append(entry)
    data = rows if rows else [[None] * len(headers)]
    ws.add_table(
        top,
        0,
        top + len(data),
        len(headers) - 1,
        {"name": spec.name, "columns": columns, "data": data, "style": "Table Style Light 9"},
    )
    for j in range(len(headers)):
        ws.set_column(j, j, 16)


def build_book(
    path: Path, lang: str = "id", *, vba: bool = True, extra_rows: int = 0, stale: bool = True
) -> Path:
    """The demo workbook at `path` (.xlsm when `vba`); computed cells hold stale cached values."""
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": __import__("datetime").datetime(2026, 1, 1)})
    dash = wb.add_worksheet(c.DASHBOARD_SHEET[lang])
    dash.write(0, 0, "Dasbor (diisi otomatis oleh Hitung Ulang)")
    dash.write(
        5, 0, "=1+1", None, 2
    )  # a formula in the reserved sheet: in calcChain once Excel saves
    val = wb.add_worksheet(c.VALIDATION_SHEET[lang])
    val.write(0, 0, "Validasi")
    pct = wb.add_format({"num_format": "0%"})

    profile = demo.demo_profile(lang)
    ws = wb.add_worksheet(c.PROFILE.sheet(lang))
    prow = [
        ["agency", c.PROFILE_KEYS["agency"][0], profile.agency],
        ["unit", c.PROFILE_KEYS["unit"][0], profile.unit],
        ["year", c.PROFILE_KEYS["year"][0], profile.year],
        ["report_period", c.PROFILE_KEYS["report_period"][0], profile.report_period.code],
        [
            "report_date",
            c.PROFILE_KEYS["report_date"][0],
            profile.report_date.isoformat() if profile.report_date else None,
        ],
        ["vision", c.PROFILE_KEYS["vision"][0], profile.vision],
        ["language", c.PROFILE_KEYS["language"][0], lang],
    ] + [["mission", c.PROFILE_KEYS["mission"][0], m] for m in profile.missions]
    _write_table(wb, ws, c.PROFILE, prow, lang)

    ws = wb.add_worksheet(c.PERSPECTIVES.sheet(lang))
    yes = "Ya" if lang == "id" else "Yes"
    _write_table(
        wb,
        ws,
        c.PERSPECTIVES,
        [[p.id, p.name, p.weight, p.order, yes] for p in demo.demo_perspectives(lang)],
        lang,
    )
    ws.set_column(2, 2, 12, pct)

    ws = wb.add_worksheet(c.OBJECTIVES.sheet(lang))
    _write_table(
        wb,
        ws,
        c.OBJECTIVES,
        [
            [o.id, o.perspective_id, o.name, ",".join(o.supports), o.description]
            for o in demo.demo_objectives(lang)
        ],
        lang,
    )

    kpis = demo.demo_kpis(lang)
    ws = wb.add_worksheet(c.KPIS.sheet(lang))
    _write_table(
        wb,
        ws,
        c.KPIS,
        [
            [
                k.id,
                k.objective_id,
                k.name,
                k.definition,
                k.unit,
                k.polarity.word(lang),
                k.weight,
                k.baseline,
                k.frequency.word(lang),
                k.aggregation.word(lang),
                k.data_source,
                k.method,
                k.owner,
            ]
            for k in kpis
        ],
        lang,
    )
    ws.data_validation(3, 5, 200, 5, {"validate": "list", "source": Polarity.choices(lang)})

    binary = {k.id for k in kpis if k.polarity is Polarity.BINARY}
    rows = []
    for m in demo.demo_measurements(lang):
        rows.append(
            [
                m.kpi_id,
                m.period.code,
                m.target,
                m.target_upper,
                m.actual,
                m.note,
                m.evidence,
                None,
                None,
                m.analysis,
                m.action,
                m.action_owner,
                m.action_due,
            ]
        )
    for n in range(extra_rows):
        base = rows[n % len(rows)]
        rows.append(
            [base[0], f"2025-{(n % 12) + 1:02d}", base[2], base[3], base[4], "", "", None, None]
            + [None] * 4
        )
    ws = wb.add_worksheet(c.MEASUREMENTS.sheet(lang))
    _write_table(wb, ws, c.MEASUREMENTS, rows, lang)
    top = 2
    for i, row in enumerate(rows):
        r = top + 1 + i
        ws.write_formula(
            r, 7, f'=IF(E{r + 1}="","",E{r + 1}/C{r + 1})', None, 0.123 if stale else ""
        )
        ws.write_formula(r, 8, f'=IF(H{r + 1}="","","?")', None, "STALE" if stale else "")
        if row[0] in binary:
            ws.write(r, 2, yes if row[2] else ("Tidak" if lang == "id" else "No"))
            ws.write(
                r,
                4,
                None
                if row[4] is None
                else (yes if row[4] else ("Tidak" if lang == "id" else "No")),
            )
    ws.conditional_format(
        top + 1,
        7,
        top + len(rows),
        7,
        {
            "type": "cell",
            "criteria": "<",
            "value": 0.76,
            "format": wb.add_format({"bg_color": "#FFC7CE"}),
        },
    )
    ws.data_validation(
        top + 1, 0, top + len(rows), 0, {"validate": "list", "source": "=" + DEFINED_NAME}
    )

    ws = wb.add_worksheet(c.INITIATIVES.sheet(lang))
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    inits = demo.demo_initiatives(lang)
    _write_table(
        wb,
        ws,
        c.INITIATIVES,
        [
            [
                i.id,
                i.name,
                ",".join(i.objective_ids),
                ",".join(i.kpi_ids),
                i.owner,
                None,
                None,
                i.budget,
                i.spent,
                i.progress,
                i.status,
                i.note,
            ]
            for i in inits
        ],
        lang,
    )
    for n, i in enumerate(inits):
        __import__("datetime")
        ws.write_datetime(
            3 + n,
            5,
            __import__("datetime").datetime.combine(i.start, __import__("datetime").time()),
            date_fmt,
        )
        ws.write_datetime(
            3 + n,
            6,
            __import__("datetime").datetime.combine(i.end, __import__("datetime").time()),
            date_fmt,
        )

    ws = wb.add_worksheet(c.SETTINGS.sheet(lang))
    _write_table(
        wb,
        ws,
        c.SETTINGS,
        [
            ["cap", c.SETTING_KEYS["cap"][0], 1.2],
            ["minimize_method", c.SETTING_KEYS["minimize_method"][0], "permenpan"],
            ["missing", c.SETTING_KEYS["missing"][0], "exclude"],
            ["language", c.SETTING_KEYS["language"][0], lang],
        ],
        lang,
    )
    bands = [
        [max(b.lower_bound, 0.0), b.label_id, b.label_en, b.colour] for b in demo.Settings().bands
    ]
    ws.add_table(
        10,
        0,
        10 + len(bands),
        3,
        {
            "name": "tblBands",
            "data": bands,
            "columns": [{"header": col.label(lang)} for col in c.BANDS.columns],
        },
    )

    user = wb.add_worksheet(USER_SHEET)
    user.write(0, 0, "Catatan pribadi perencana")
    user.write(1, 0, "IKU01")
    user.write(2, 0, "IKU02")
    user.insert_image(4, 1, "logo.png", {"image_data": io.BytesIO(picture_png())})
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"values": f"='{USER_SHEET}'!$B$2:$B$3", "name": "Chart pengguna"})
    user.write_column(1, 1, [3, 4])
    user.insert_chart(10, 1, chart)
    wb.define_name(DEFINED_NAME, f"='{USER_SHEET}'!$A$2:$A$3")

    if vba:
        from egov_bsc_xl.workbook.writing.vba import vba_project

        wb.add_vba_project(io.BytesIO(vba_project(len(wb.worksheets()))), is_stream=True)
        dash.insert_button(
            0, 7, {"macro": "HitungUlang", "caption": "Hitung Ulang", "width": 120, "height": 30}
        )
    wb.close()
    return path
