"""SPEC 8 checks on real workbooks: zero targets (E023), one frequency per year (E028), the words."""

from __future__ import annotations

import json

from egov_bsc_xl.calc.engine import score
from egov_bsc_xl.validate.rules import validate
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.books import sample_tables, write_book


def _issues(tmp_path, tables, lang="id"):
    result = read_workbook(write_book(tmp_path / f"book-{lang}.xlsx", tables, lang))
    return result, validate(result)


def test_zero_target_is_valid_for_minimize_and_an_error_for_maximize(tmp_path):
    tables = sample_tables()
    rows = tables["tblMeasurements"][1]
    rows[2][2], rows[2][4] = 0, 0  # K2 (Minimal) Q1: target 0, actual 0
    rows[3][2], rows[3][4] = 0, 1  # K2 Q2: target 0, actual 1
    rows[0][2] = 0  # K1 (Maksimal) Q1: target 0
    result, issues = _issues(tmp_path, tables)
    e023 = [(i.cell, i.value) for i in issues if i.code == "E023"]
    assert e023 == [("C2", 0)]  # only the maximize row
    k2 = {k.id: k for k in score(result.card, "2026-Q1").kpis}["K2"]
    assert (k2.target, k2.actual, k2.achievement) == (0, 0, 1.0)
    k2 = {k.id: k for k in score(result.card, "2026-Q2").kpis}["K2"]  # average of 0 and 1 against 0
    assert k2.achievement == 0.0


def test_negative_target_of_minimize_is_e023_with_a_hint_that_zero_is_allowed(tmp_path):
    tables = sample_tables()
    tables["tblMeasurements"][1][2][2] = -1
    _, issues = _issues(tmp_path, tables)
    e023 = next(i for i in issues if i.code == "E023")
    assert e023.cell == "C4" and "Semakin rendah semakin baik" in e023.message
    assert "target 0 boleh" in e023.hint


def test_an_annual_row_beside_quarterly_rows_is_e028_and_is_not_added_in(tmp_path):
    tables = sample_tables("en")
    rows = tables["tblMeasurements"][1]
    rows.append(["K4", "2026", 80, None, 60, "", ""])  # K4 is quarterly, aggregated by sum
    rows.append(["K4", "2025", 70, None, 65, "", ""])  # an earlier year: history, any length
    rows.append(["K1", "2025-Q4", 70, None, 65, "", ""])
    result, issues = _issues(tmp_path, tables, "en")
    e028 = [i for i in issues if i.code == "E028"]
    assert [(i.sheet, i.cell, i.value) for i in e028] == [("Measurements", "B11", "2026")]
    assert "KPI K4 is Quarterly" in e028[0].message
    assert "annual_target" in e028[0].hint and "Annual target" in e028[0].hint
    k4 = {k.id: k for k in score(result.card, "2026-Q2").kpis}["K4"]
    assert (k4.target, k4.actual) == (40, 40)  # 20 + 20 and 15 + 25: the annual row is left out


def test_validate_json_reports_e028_with_exit_1(tmp_path):
    from tests.cli.test_score_validate import run

    tables = sample_tables()
    tables["tblMeasurements"][1].append(["K1", "2026-S1", 80, None, 80, "", ""])
    book = write_book(tmp_path / "semester.xlsx", tables)
    out = run("validate", book, "--json")
    assert out.returncode == 1
    codes = [(i["code"], i["cell"], i["value"]) for i in json.loads(out.stdout)["issues"]]
    assert ("E028", "B11", "2026-S1") in codes


def test_new_and_old_words_are_read_and_bare_kumulatif_is_e022(tmp_path):
    tables = sample_tables()
    kpis = tables["tblKpis"][1]
    kpis[0][4], kpis[0][8] = "Semakin tinggi semakin baik", "Terakhir (angka sudah kumulatif)"
    kpis[1][4], kpis[1][8] = "negatif", "Jumlah per periode"
    kpis[2][4] = "Dalam rentang"
    kpis[3][8] = "kumulatif"
    result, issues = _issues(tmp_path, tables)
    got = {k.id: (k.polarity.value, k.aggregation.value) for k in result.card.kpis}
    assert got["K1"] == ("maximize", "last")
    assert got["K2"] == ("minimize", "sum")
    assert got["K3"][0] == "stabilize"
    e022 = next(i for i in issues if i.code == "E022")
    assert (e022.cell, e022.value) == ("I5", "kumulatif")
    assert "Terakhir (angka sudah kumulatif)" in e022.hint and "Jumlah per periode" in e022.hint


def test_settings_words_in_indonesian(tmp_path):
    tables = sample_tables()
    settings = tables["tblSettings"][1]
    settings[1][2] = "Kebalikan (T/R)"
    settings[2][2] = "Hitung sebagai nol"
    result, issues = _issues(tmp_path, tables)
    assert result.card.settings.minimize_method.value == "inverse"
    assert result.card.settings.missing.value == "zero"
    settings[1][2] = "entah"
    _, issues = _issues(tmp_path, tables)
    e022 = next(i for i in issues if i.code == "E022")
    assert "Praktik LKjIP (2 − R/T), Kebalikan (T/R)" in e022.hint
