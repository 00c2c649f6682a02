"""Values that used to crash a command or pass silently: non-finite and absurd numbers (E029),
control characters in names, and the new checks with their cell (E010, E012, E031, E032, W016)."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile

import pytest

from egov_bsc_xl.i18n.formats import display_text
from egov_bsc_xl.workbook.reading.cells import ABSURD, parse_date
from tests.hostile.conftest import (
    digest,
    edit_part,
    run_cli,
    run_main,
    sample_tables,
    sheet_part,
    write_book,
)


def _strict_json(text: str):
    def refuse(token: str):
        raise AssertionError(f"not JSON: {token}")

    return json.loads(text, parse_constant=refuse)


def _issues(book, lang_code: str | None = None):
    run = run_main("validate", book, "--json")
    assert run.code in (0, 1), run.stderr
    issues = _strict_json(run.stdout)["issues"]
    return [i for i in issues if lang_code is None or i["code"] == lang_code]


@pytest.mark.parametrize(
    "raw, shown",
    [("INF", "inf"), ("1e309", "inf"), ("-1e309", "-inf"), ("1e25", "1e+25"), ("NaN", "nan")],
)
def test_a_non_finite_or_absurd_actual_is_e029_with_its_cell(book, raw, shown):
    edit_part(
        book,
        sheet_part(book, "Realisasi"),
        r'<c r="E3"( [^>]*)?><v>[^<]*</v>',
        f'<c r="E3"><v>{raw}</v>',
    )
    before = digest(book)
    [issue] = _issues(book, "E029")
    assert (issue["sheet"], issue["cell"], issue["field"], issue["value"]) == (
        "Realisasi",
        "E3",
        "actual",
        shown,
    )
    assert shown in issue["message"] and "tidak wajar" in issue["message"]
    score = run_main("score", book, "--json")
    assert score.code == 1
    k1 = next(k for k in _strict_json(score.stdout)["kpis"] if k["id"] == "K1")
    assert k1["actual"] is None  # read as no data, never Infinity
    assert digest(book) == before


def test_absurd_numbers_elsewhere_are_e029_and_nothing_crashes(tmp_path):
    tables = sample_tables()
    tables["tblPerspectives"][1][0][2] = 1e25
    tables["tblInitiatives"][1][0][7] = ABSURD * 10
    tables["tblMeasurements"][1][1][2] = -ABSURD
    book = write_book(tmp_path / "besar.xlsx", tables)
    cells = {(i["sheet"], i["cell"]) for i in _issues(book, "E029")}
    assert cells == {("Perspektif", "C2"), ("Inisiatif", "H2"), ("Realisasi", "C3")}
    for command in ("score", "deck"):
        run = run_main(
            command, book, *(["--output", tmp_path / "d.pptx"] if command == "deck" else [])
        )
        assert run.code in (0, 1) and "Kesalahan tak terduga" not in run.stderr, run.stderr


def test_a_vertical_tab_in_a_name_is_kept_in_data_and_cleaned_on_slides(book, tmp_path):
    edit_part(
        book, sheet_part(book, "Perspektif"), "<t>Pelanggan</t>", "<t>Pelang_x000B_gan_x0001_</t>"
    )
    assert run_main("validate", book).code == 0
    scores = _strict_json(run_main("score", book, "--json").stdout)
    assert scores["perspectives"][0]["name"] == "Pelang\x0bgan\x01"  # the workbook's text, as typed
    out = tmp_path / "dek.pptx"
    run = run_cli("deck", book, "--output", out)
    assert run.code == 0, run.stderr
    with zipfile.ZipFile(out) as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".xml"))
    assert b"Pelang gan" in xml and b"\x0b" not in xml and b"_x000B_" not in xml


def test_display_text():
    assert display_text("Pelang\x0bgan\x01") == "Pelang gan"
    assert display_text("baris\r\nkedua\tdan\x0ctiga") == "baris kedua dan tiga"
    assert display_text("Kepuasan pengguna (%)") == "Kepuasan pengguna (%)"
    assert display_text(None) == ""


def test_two_report_period_rows_are_e010_on_the_second(tmp_path):
    tables = sample_tables()
    rows = tables["tblProfile"][1]
    rows[3][2] = "2026-Q1"
    rows.append(["report_period", "Periode Laporan", "2026-Q2"])
    book = write_book(tmp_path / "dua.xlsx", tables)
    [issue] = _issues(book, "E010")
    assert (issue["sheet"], issue["cell"], issue["value"]) == (
        "Profil",
        f"A{len(rows) + 1}",
        "report_period",
    )


def test_no_active_perspective_is_e031_and_validate_agrees_with_deck(tmp_path):
    tables = sample_tables()
    for row in tables["tblPerspectives"][1]:
        row[4] = "Tidak"
    book = write_book(tmp_path / "nonaktif.xlsx", tables)
    run = run_main("validate", book, "--json")
    assert run.code == 1
    [issue] = [i for i in _strict_json(run.stdout)["issues"] if i["code"] == "E031"]
    assert (issue["sheet"], issue["cell"], issue["value"]) == ("Perspektif", "E2", "Tidak")
    assert run_main("deck", book, "--output", tmp_path / "d.pptx").code == 1


def test_a_formula_input_without_a_cached_value_is_w016(tmp_path):
    tables = sample_tables()
    tables["tblMeasurements"][1][1][4] = "=80+5"  # openpyxl saves the formula without its value
    book = write_book(tmp_path / "rumus.xlsx", tables)
    [issue] = _issues(book, "W016")
    assert (issue["sheet"], issue["cell"], issue["field"]) == ("Realisasi", "E3", "actual")
    assert "rumus" in issue["message"]


def test_text_dates_with_month_names_are_read_and_other_text_is_not_a_date(tmp_path):
    assert parse_date("1 Februari 2026") == (dt.date(2026, 2, 1), True)
    assert parse_date("February 1, 2026") == (dt.date(2026, 2, 1), True)
    assert parse_date("31 Februari 2026") == (None, False)
    tables = sample_tables()
    tables["tblInitiatives"][1][0][5] = "1 Februari 2026"
    tables["tblInitiatives"][1][1][5] = "besok pagi"
    book = write_book(tmp_path / "tanggal.xlsx", tables)
    issues = _issues(book)
    [bad] = [i for i in issues if i["cell"] == "F3"]
    assert bad["code"] == "E032" and "bukan tanggal" in bad["message"]
    assert not [i for i in issues if i["cell"] == "F2"]


def test_supports_cycles_and_self_links_are_e012(tmp_path):
    tables = sample_tables()
    objectives = tables["tblObjectives"][1]
    objectives[0][3] = "S3"  # S1 -> S3 -> S2 -> S1
    objectives.append(["S4", "P1", "Sasaran yang mendukung dirinya", "S4", ""])
    tables["tblKpis"][1].append(
        ["K6", "S4", "IKU tambahan", "%", "Maksimal", 1, None, "Triwulanan", "Terakhir", ""]
    )
    book = write_book(tmp_path / "lingkar.xlsx", tables)
    found = {(i["cell"], i["value"]) for i in _issues(book, "E012")}
    assert found == {("D2", "S1 → S3 → S2 → S1"), ("D5", "S4 → S4")}
    run = run_main("deck", book, "--output", tmp_path / "d.pptx")
    assert run.code == 0, run.stderr  # the deck lists them on its data-quality slide


def test_parse_number_names_absurd_numbers_it_cannot_use():
    from egov_bsc_xl.workbook.reading.cells import parse_number

    assert parse_number(10**400).absurd == float("inf")  # too large for a float: no OverflowError
    assert parse_number(-ABSURD).absurd == -ABSURD and not parse_number(-ABSURD).ok
    assert parse_number(ABSURD / 10).value == ABSURD / 10
    assert parse_number("85,5").value == 85.5 and parse_number("85,5").absurd is None


def test_a_formula_without_a_cached_value_is_w016_in_a_sheet_with_a_namespace_prefix(tmp_path):
    # some writers (and hand-made files) give every element a prefix: <x:c><x:f>...</x:f></x:c>
    tables = sample_tables()
    tables["tblMeasurements"][1][1][4] = "=80+5"
    plain = write_book(tmp_path / "rumus.xlsx", tables)
    book = tmp_path / "awalan.xlsx"
    main = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if main in data and b"<f>80+5</f>" in data:  # the Realisasi sheet
                data = re.sub(rb"<(/?)([A-Za-z]+)(?=[\s>/])", rb"<\1x:\2", data)
                data = data.replace(main, main.replace(b"xmlns=", b"xmlns:x="))
                assert b"<x:c " in data and b"<x:f>80+5</x:f>" in data
            dst.writestr(info, data)
    [issue] = _issues(book, "W016")
    assert (issue["sheet"], issue["cell"], issue["field"]) == ("Realisasi", "E3", "actual")
