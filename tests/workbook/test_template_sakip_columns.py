"""The SPEC 8 and 9 columns in the template: dropdowns a planner reads, number and date formats,
the input colour, a note on every new column and profile row, and the Unit sheet of a parent."""

from __future__ import annotations

import io

import openpyxl
import pytest

from egov_bsc_xl.i18n.catalogue import tr
from egov_bsc_xl.model import Profile, Settings, Unit
from egov_bsc_xl.model.enums import KpiType, Language, RollupMethod, parse_yes_no
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template import rows as tr_rows
from egov_bsc_xl.workbook.template.build import Content, build, build_template
from egov_bsc_xl.workbook.template.sheets import INPUT_FILL
from tests.ooxml_check import assert_valid_ooxml

NEW_KPI_COLUMNS = (
    "kpi_type",
    "annual_target",
    "plan_target",
    "national_target",
    "public",
    "rollup",
    "source_kpi",
)
NEW_MEASUREMENT_COLUMNS = ("analysis", "action", "action_owner", "action_due")
NEW_PROFILE_KEYS = ("plan_start", "plan_end", "head_name", "head_title", "feedback_channel")


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _letter(spec: c.TableSpec, key: str) -> str:
    return openpyxl.utils.get_column_letter(spec.keys.index(key) + 1)


def _validation_at(ws, cell: str):
    """The data validation that covers `cell` (one at most: Excel ignores overlapping ones)."""
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) <= 1, [str(dv.sqref) for dv in found]
    return found[0] if found else None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_kpi_type_public_and_rollup_are_dropdowns_of_words_the_reader_takes_back(lang):
    ws = _book(build(lang))[c.KPIS.sheet(lang)]
    for key, enum_words in (
        ("kpi_type", KpiType.choices(lang)),
        ("public", ["Ya", "Tidak"] if lang == "id" else ["Yes", "No"]),
        ("rollup", RollupMethod.choices(lang)),
    ):
        dv = _validation_at(ws, f"{_letter(c.KPIS, key)}5")
        assert dv is not None and dv.type == "list", key
        words = dv.formula1.strip('"').split(",")
        assert words == enum_words
        assert dv.prompt, key  # the planner sees what the column is for
    dv = _validation_at(ws, f"{_letter(c.KPIS, 'rollup')}5")
    shown = dv.formula1.strip('"').split(",")
    if lang == "id":
        assert shown == ["Jumlah", "Rata-rata", "Rata-rata tertimbang", "Terendah", "Tertinggi"]
    # every word shown, and every machine key, reads back as its key
    assert [RollupMethod.parse(w).value for w in shown] == [
        "sum",
        "average",
        "weighted",
        "min",
        "max",
    ]
    assert [RollupMethod.parse(k).value for k in ("sum", "average", "weighted", "min", "max")] == [
        "sum",
        "average",
        "weighted",
        "min",
        "max",
    ]
    assert [KpiType.parse(w).value for w in KpiType.choices(lang)] == ["outcome", "output"]
    assert parse_yes_no(shown[0]) is None  # a roll-up word is not a yes/no word


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_new_column_has_a_note_when_its_cell_is_selected(lang):
    book = _book(build(lang))
    for spec, keys in ((c.KPIS, NEW_KPI_COLUMNS), (c.MEASUREMENTS, NEW_MEASUREMENT_COLUMNS)):
        ws = book[spec.sheet(lang)]
        for key in keys:
            dv = _validation_at(ws, f"{_letter(spec, key)}5")
            assert dv is not None and dv.prompt and dv.showInputMessage, (spec.name, key)
            assert dv.promptTitle == spec.column(key).label(lang)[:32]
            # the note reaches the rows a planner adds below the table
            assert f"{_letter(spec, key)}400" in dv.sqref


@pytest.mark.parametrize("lang", ["id", "en"])
def test_targets_are_numbers_in_the_input_colour_and_the_due_date_is_a_date(lang):
    ws = _book(build(lang))[c.KPIS.sheet(lang)]
    for key in ("annual_target", "plan_target", "national_target"):
        cell = ws[f"{_letter(c.KPIS, key)}5"]
        assert cell.number_format == "[>=1000]#,##0;General", key
        assert cell.fill.fgColor.rgb.endswith(INPUT_FILL.lstrip("#")), key
    ws = _book(build(lang))[c.MEASUREMENTS.sheet(lang)]
    due = ws[f"{_letter(c.MEASUREMENTS, 'action_due')}5"]
    assert due.number_format == ("dd/mm/yyyy" if lang == "id" else "d mmm yyyy")
    assert due.fill.fgColor.rgb.endswith(INPUT_FILL.lstrip("#"))
    dv = _validation_at(ws, f"{_letter(c.MEASUREMENTS, 'action_due')}5")
    assert dv.type == "date" and dv.errorStyle == "warning"
    for key in ("analysis", "action"):
        cell = ws[f"{_letter(c.MEASUREMENTS, key)}5"]
        assert cell.alignment.wrap_text, key
        assert ws.column_dimensions[_letter(c.MEASUREMENTS, key)].width >= 40


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_profile_has_the_renstra_head_and_feedback_rows_with_notes(lang):
    ws = _book(build(lang))[c.PROFILE.sheet(lang)]
    rows = {ws.cell(r, 1).value: r for r in range(5, ws.max_row + 1)}
    for key in NEW_PROFILE_KEYS:
        r = rows[key]
        assert ws.cell(r, 2).value == c.PROFILE_KEYS[key][0 if lang == "id" else 1]
        dv = _validation_at(ws, f"C{r}")
        assert dv is not None and dv.prompt == tr(f"template.profile_prompt.{key}", lang)
    for key in ("plan_start", "plan_end"):
        dv = _validation_at(ws, f"C{rows[key]}")
        assert dv.type == "whole" and (dv.formula1, dv.formula2) == ("2000", "2100")


def test_profile_values_of_the_new_keys_are_written():
    profile = Profile(
        plan_start=2025,
        plan_end=2029,
        head_name="Drs. Ahmad",
        head_title="Kepala Dinas",
        feedback_channel="SP4N-LAPOR! (lapor.go.id)",
        language=Language.ID,
    )
    rows = {r["key"]: r["value"] for r in tr_rows.profile_rows(profile, "id")}
    assert [rows[k] for k in NEW_PROFILE_KEYS] == [
        2025,
        2029,
        "Drs. Ahmad",
        "Kepala Dinas",
        "SP4N-LAPOR! (lapor.go.id)",
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_unit_sheet_is_an_empty_units_table_for_a_parent_workbook(lang, tmp_path):
    path = build_template(tmp_path / "blank.xlsm", lang)
    assert_valid_ooxml(path)
    book = openpyxl.load_workbook(path)
    names = book.sheetnames
    sheet = c.UNITS.sheet(lang)
    # the last input sheet, after Revisions and before the product's Validation sheet
    assert names.index(sheet) == names.index(c.REVISIONS.sheet(lang)) + 1
    assert names.index(c.VALIDATION_SHEET[lang]) == names.index(sheet) + 1
    ws = book[sheet]
    assert ws.tables["tblUnits"].ref == "A4:F5"
    assert [cell.value for cell in ws[4]] == [col.label(lang) for col in c.UNITS.columns]
    assert all(cell.value is None for cell in ws[5])  # empty: a unit workbook leaves it so
    hint = ws["A2"].value
    assert "Pemda/Dinas" in hint and "egov-bsc consolidate" in hint
    dv = _validation_at(ws, "F5")
    assert dv.type == "list" and dv.formula1 == ('"Ya,Tidak"' if lang == "id" else '"Yes,No"')


def test_units_typed_in_code_land_in_the_units_table():
    content = Content(
        profile=Profile(language=Language.ID),
        settings=Settings(language=Language.ID),
        perspectives=tr_rows.default_perspectives("id"),
        units=[
            Unit(id="U01", name="Dinas Kesehatan", file="unit/dinkes.xlsm", weight=2.0),
            Unit(id="U02", name="Dinas Pendidikan", file="unit/disdik.xlsm", active=False),
        ],
    )
    ws = _book(build("id", content=content))["Unit"]
    assert ws.tables["tblUnits"].ref == "A4:F6"
    assert [cell.value for cell in ws[5]] == [
        "U01",
        "Dinas Kesehatan",
        "unit/dinkes.xlsm",
        2,
        None,
        "Ya",
    ]
    assert ws["F6"].value == "Tidak"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_guide_sheet_explains_the_sakip_columns_the_lkjip_sheet_and_the_units_flow(lang):
    ws = _book(build(lang))[c.GUIDE_SHEET[lang]]
    text = "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
    for key in ("kpi_type", "annual_target", "plan_target", "national_target", "public"):
        assert c.KPIS.column(key).label(lang) in text, key
    for key in ("analysis", "action"):
        assert c.MEASUREMENTS.column(key).label(lang) in text, key
    assert c.LKJIP_SHEET[lang] in text and "2025" in text  # the sheet recalc writes; history rows
    assert "Perjanjian Kinerja" in text or "performance agreement" in text
    commands = [line for line in text.splitlines() if "egov-bsc " in line]
    for command in ("egov-bsc forms", "egov-bsc collect", "egov-bsc consolidate"):
        assert any(command in line for line in commands), command
    assert c.UNITS.sheet(lang) in text
