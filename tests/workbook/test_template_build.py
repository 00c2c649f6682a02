"""The template builder: every SPEC 3 table, labels per language, dropdowns, formulas, determinism."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from egov_bsc_xl.errors import BscError
from egov_bsc_xl.model import Polarity
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template.build import build, build_template
from egov_bsc_xl.workbook.template.kpi_library import BY_CODE, METHOD_KPIS


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _tables(book: openpyxl.Workbook) -> dict[str, tuple[str, list[list]]]:
    """Table name -> (sheet, rows of cell values including the header row)."""
    found = {}
    for ws in book.worksheets:
        for name, ref in ws.tables.items():
            rows = [[cell.value for cell in row] for row in ws[ref]]
            found[name] = (ws.title, rows)
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_spec_table_is_a_named_table_with_the_language_labels(lang):
    book = _book(build(lang))
    tables = _tables(book)
    expected = set(c.TABLES)
    assert set(tables) == expected
    for spec in (c.TABLES[name] for name in expected):
        sheet, rows = tables[spec.name]
        assert sheet == spec.sheet(lang)
        assert rows[0] == [col.label(lang) for col in spec.columns]
    for sheet in (
        c.GUIDE_SHEET[lang],
        c.DASHBOARD_SHEET[lang],
        c.VALIDATION_SHEET[lang],
        c.XLWINGS_CONF_SHEET,
    ):
        assert sheet in book.sheetnames


def test_blank_template_has_defaults_for_settings_bands_and_perspectives():
    tables = _tables(_book(build("id")))
    settings = {r[0]: r[2] for r in tables["tblSettings"][1][1:]}
    assert settings == {
        "cap": 1.2,
        "minimize_method": "Praktik LKjIP (2 − R/T)",
        "missing": "Abaikan (bobot dibagi ulang)",
        "language": "id",
        "attention_below": 1,
        "band_preset": "default",
    }
    bands = tables["tblBands"][1][1:]
    assert [b[0] for b in bands] == [0.91, 0.76, 0.66, 0.51, 0]
    assert [b[1] for b in bands] == ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    perspectives = tables["tblPerspectives"][1][1:]
    assert [p[0] for p in perspectives] == ["P1", "P2", "P3", "P4"]
    assert sum(p[2] for p in perspectives) == pytest.approx(1.0)
    profile_keys = [r[0] for r in tables["tblProfile"][1][1:]]
    assert set(profile_keys) == set(c.PROFILE_KEYS)


def test_kpi_library_is_bilingual_and_has_the_eight_kpis_of_the_method():
    rows = _tables(_book(build("en")))["tblKpiLibrary"][1][1:]
    assert len(rows) >= 20
    assert all(
        r[2] and r[3] and r[4] and r[5] for r in rows
    )  # names and definitions, both languages
    words = {Polarity.parse(r[7]) for r in rows}
    assert words == set(Polarity)
    assert len(METHOD_KPIS) == 8
    codes = {r[0] for r in rows}
    for item, method_codes in METHOD_KPIS.items():
        assert set(method_codes) <= codes, item
        assert all(BY_CODE[code].core for code in method_codes)


def _validations(ws) -> dict[str, str]:
    """First cell of each validated range -> its list source."""
    return {
        str(dv.sqref).split(":")[0]: (dv.formula1 or "")
        for dv in ws.data_validations.dataValidation
    }


@pytest.mark.parametrize("lang", ["id", "en"])
def test_dropdowns_for_words_and_for_ids_fed_from_the_tables(lang):
    book = _book(build(lang))
    kpis = _validations(book[c.KPIS.sheet(lang)])
    sources = " ".join(kpis.values())
    for word in Polarity.choices(lang):
        assert word in sources
    assert f'INDIRECT("tblObjectives[{c.OBJECTIVES.column("id").label(lang)}]")' in sources
    measurements = " ".join(_validations(book[c.MEASUREMENTS.sheet(lang)]).values())
    assert "INDIRECT(\"tblKpis[" in measurements
    objectives = " ".join(_validations(book[c.OBJECTIVES.sheet(lang)]).values())
    assert "INDIRECT(\"tblPerspectives[" in objectives
    initiatives = " ".join(_validations(book[c.INITIATIVES.sheet(lang)]).values())
    assert ("Berjalan" if lang == "id" else "In progress") in initiatives
    perspectives = " ".join(_validations(book[c.PERSPECTIVES.sheet(lang)]).values())
    assert ("Ya" if lang == "id" else "Yes") in perspectives


def _measurement_formulas(data: bytes, lang: str) -> list[str]:
    book = _book(data)
    ws = book[c.MEASUREMENTS.sheet(lang)]
    table = ws.tables["tblMeasurements"]
    rows = list(ws[table.ref])
    computed = [c.MEASUREMENTS.keys.index(k) for k in ("achievement", "status")]
    return [str(row[j].value) for row in rows[1:] for j in computed]


def test_udf_mode_calls_the_udfs_and_native_mode_does_not():
    udf = _measurement_formulas(build("id", "udf", demo=True), "id")
    native = _measurement_formulas(build("id", "native", demo=True), "id")
    assert all(f.startswith("=") for f in udf + native)
    assert any("BSC_ACHIEVEMENT(" in f for f in udf) and any("BSC_STATUS(" in f for f in udf)
    assert not any("BSC_ACHIEVEMENT(" in f or "BSC_STATUS(" in f for f in native)


def test_computed_cells_carry_the_engines_values_for_a_file_never_recalculated():
    from egov_bsc_xl.calc.achievement import achievement
    from egov_bsc_xl.workbook.template.demo_data import demo_kpis, demo_measurements

    book = openpyxl.load_workbook(io.BytesIO(build("id", "native", demo=True)), data_only=True)
    ws = book["Realisasi"]
    rows = list(ws[ws.tables["tblMeasurements"].ref])[1:]
    pol = {k.id: k.polarity for k in demo_kpis()}
    ms = demo_measurements()
    _, scored = achievement(
        [m.actual if m.actual is not None else float("nan") for m in ms],
        [m.target for m in ms],
        [m.target_upper if m.target_upper is not None else float("nan") for m in ms],
        [pol[m.kpi_id].value for m in ms],
    )
    assert len(rows) == len(ms)
    for row, value in zip(rows, scored.tolist(), strict=True):
        cached = row[7].value
        if value != value:
            assert cached in (None, "")
            assert row[8].value == "Belum ada data"
        else:
            assert cached == pytest.approx(value, abs=1e-12)
            assert row[8].value


def test_settings_names_feed_the_formulas_and_xlwings_conf_names_the_udf_module():
    data = build("en")
    book = _book(data)
    names = {name: book.defined_names[name].attr_text for name in book.defined_names}
    assert names["BSC_CAP"].startswith("'Settings'!$C$")
    assert names["BSC_MINIMIZE_METHOD"].startswith("'Settings'!$C$")
    conf = book[c.XLWINGS_CONF_SHEET]
    pairs = {row[0]: row[1] for row in conf.iter_rows(values_only=True)}
    assert pairs["UDF Modules"] == "egov_bsc_xl.udfs"
    # An empty key on the sheet would win over ~/.xlwings/xlwings.conf (xlwings' GetConfig), so
    # every row has a value and the interpreter keys are left to the user's config file.
    assert all(isinstance(v, str) and v for v in pairs.values()), pairs
    assert not {
        "Interpreter_Win",
        "Interpreter_Mac",
        "PYTHONPATH",
        "Conda Path",
        "Conda Env",
    } & set(pairs)


def test_input_and_computed_cells_look_different_and_headers_are_frozen():
    book = _book(build("id", demo=True))
    ws = book["Realisasi"]
    header_row = int(ws.tables["tblMeasurements"].ref.split(":")[0][1:])
    assert ws.freeze_panes is not None and int(ws.freeze_panes[1:]) == header_row + 1
    actual = ws.cell(header_row + 1, 5)
    achievement = ws.cell(header_row + 1, 8)
    assert actual.fill.fgColor.rgb != achievement.fill.fgColor.rgb
    assert "%" in achievement.number_format
    budget = book["Inisiatif"].cell(header_row + 1, 8)
    assert "#,##0" in budget.number_format


def test_same_inputs_give_the_same_bytes():
    assert build("id", "native", demo=True) == build("id", "native", demo=True)
    assert build("en") == build("en")


def test_the_file_is_a_macro_enabled_package_with_a_vba_project():
    with zipfile.ZipFile(io.BytesIO(build("id"))) as zf:
        names = set(zf.namelist())
        types = zf.read("[Content_Types].xml").decode()
    assert "xl/vbaProject.bin" in names
    assert "macroEnabled.main+xml" in types


def test_build_template_refuses_bad_paths_and_existing_files(tmp_path):
    with pytest.raises(BscError, match=r"\.xlsm"):
        build_template(tmp_path / "book.xlsx")
    with pytest.raises(BscError):
        build_template(tmp_path / "missing" / "book.xlsm")
    target = build_template(tmp_path / "book.xlsm")
    with pytest.raises(BscError, match="--force"):
        build_template(target)
    build_template(target, "en", overwrite=True)
    assert openpyxl.load_workbook(target).sheetnames[0] == c.GUIDE_SHEET["en"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("demo", [False, True])
def test_the_reader_reads_the_template_without_errors(tmp_path, lang, demo):
    from egov_bsc_xl.validate import validate
    from egov_bsc_xl.workbook.reading.reader import read_workbook

    path = build_template(tmp_path / "book.xlsm", lang, demo=demo)
    result = read_workbook(path)
    issues = validate(result)
    assert [i for i in issues if i.is_error] == []
    assert result.language == lang
    if demo:
        assert 10 <= len(result.card.kpis) <= 14
        assert {i.code for i in issues} == {"W013", "W021"}
    else:
        assert {i.code for i in issues} <= {"W010"}


def test_status_cells_take_their_colour_from_the_bands_table():
    book = _book(build("en", demo=True))
    ws = book["Measurements"]
    rules = [(str(rng.sqref), rule) for rng in ws.conditional_formatting for rule in rng.rules]
    band_rules = [
        rule.formula[0]
        for _, rule in rules
        if rule.type == "expression" and "BSC_BAND_LABELS" in rule.formula[0]
    ]
    settings = book["Settings"]
    table = settings.tables["tblBands"]
    rows = list(settings[table.ref])[1:]
    colours = {str(row[3].value).lstrip("#") for row in rows}
    assert {str(row[2].value) for row in rows} == {"Excellent", "Good", "Fair", "Poor", "Very poor"}
    for colour in colours:  # every band's colour, looked up from tblBands by the status label
        assert any(f.endswith(f'="{colour}"') for f in band_rules), colour
    assert any(rule.type == "cellIs" and rule.formula == ['"No data"'] for _, rule in rules)


def test_table_sheets_print_on_a4_landscape_one_page_wide_with_the_header_repeated():
    book = _book(build("id"))
    for spec in (c.KPIS, c.MEASUREMENTS, c.INITIATIVES):
        ws = book[spec.sheet("id")]
        assert ws.page_setup.paperSize == 9
        assert ws.page_setup.orientation == "landscape"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows.replace("$", "") == "4:4"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_dropdowns_show_the_words_of_spec_8(lang):
    book = _book(build(lang))
    kpis = _validations(book[c.KPIS.sheet(lang)])
    polarity, aggregation = (kpis[f"{letter}5"] for letter in ("F", "J"))
    if lang == "id":
        assert (
            polarity
            == '"Semakin tinggi semakin baik,Semakin rendah semakin baik,Dalam rentang,Ya/Tidak"'
        )
        assert aggregation == '"Jumlah per periode,Rata-rata,Terakhir (angka sudah kumulatif)"'
    else:
        assert polarity == '"Higher is better,Lower is better,Within range,Yes/No"'
        assert aggregation == '"Sum of periods,Average,Last (figure already cumulative)"'
    settings = " ".join(_validations(book[c.SETTINGS.sheet(lang)]).values())
    assert ("Kebalikan (T/R)" if lang == "id" else "Inverse (T/A)") in settings
    assert ("Hitung sebagai nol" if lang == "id" else "Count as zero") in settings
    rows = {r[0]: r for r in _tables(book)["tblSettings"][1][1:]}
    label = "Perlu perhatian bila capaian di bawah" if lang == "id" else "Needs attention below"
    assert rows["attention_below"][1:] == [label, 1]


def test_native_formula_word_lists_come_from_the_engines_vocabulary():
    from egov_bsc_xl.model.enums import NO_WORDS, YES_WORDS, MinimizeMethod

    book = _book(build("id", "native"))
    names = {name: book.defined_names[name].attr_text for name in book.defined_names}
    words = names["BSC_POLARITY_WORDS"].strip("{}").split(",")
    kinds = names["BSC_POLARITY_KINDS"].strip("{}").split(",")
    read = {w.strip('"').lower(): int(k) for w, k in zip(words, kinds, strict=True)}
    order = {Polarity.MAXIMIZE: 1, Polarity.MINIMIZE: 2, Polarity.STABILIZE: 3, Polarity.BINARY: 4}
    for member, kind in order.items():
        for word in (member.word("id"), member.word("en"), *member.accepted()):
            assert read[word.lower()] == kind
            assert Polarity.parse(word) is member
    assert [w.strip('"') for w in names["BSC_YES_WORDS"].strip("{}").split(",")] == list(YES_WORDS)
    assert [w.strip('"') for w in names["BSC_NO_WORDS"].strip("{}").split(",")] == list(NO_WORDS)
    assert "Kebalikan (T/R)" in names["BSC_INVERSE_WORDS"]
    assert all(
        MinimizeMethod.parse(w.strip('"')) is MinimizeMethod.INVERSE
        for w in names["BSC_INVERSE_WORDS"].strip("{}").split(",")
    )
    formula = " ".join(_measurement_formulas(build("id", "native", demo=True), "id"))
    assert (
        "BSC_POLARITY_WORDS" in formula
        and "BSC_YES_WORDS" in formula
        and "_xlfn.NUMBERVALUE" in formula
    )
    assert '"Sudah"' not in formula  # the words live in the names, written once
