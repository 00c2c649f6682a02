"""recalc writes Dasbor, LKjIP and Validasi into the file and keeps every byte of the user's own work."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from egov_bsc_xl.app import recalc
from egov_bsc_xl.cli import app
from egov_bsc_xl.workbook.reading.source import FileSource
from tests.workbook.recalc_books import DEFINED_NAME, USER_SHEET, build_book, picture_png

OWNED_SHEETS = ("Dasbor", "Validasi", "LKjIP")  # LKjIP is added by the first recalc


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


BOOK_RELS = "xl/_rels/workbook.xml.rels"


def relationships(parts: dict[str, bytes]) -> set[tuple[str, str]]:
    """(type, target) of each relationship of the workbook part."""
    root = etree.fromstring(parts[BOOK_RELS])
    return {(r.get("Type", "").rsplit("/", 1)[-1], r.get("Target", "")) for r in root}


def sheet_part(path: Path, name: str) -> str:
    from egov_bsc_xl.workbook.opc.package import sheet_part_names

    with zipfile.ZipFile(path) as zf:
        return sheet_part_names(zf)[name]


def input_tables(path: Path) -> dict[str, tuple[list[str], list[list]]]:
    """Every table's headers and rows, without the product's computed columns."""
    src = FileSource(path)
    out = {}
    for name in src.table_names():
        t = src.table(name)
        keep = [
            j
            for j, h in enumerate(t.headers)
            if h not in ("Capaian", "Status") or name != "tblMeasurements"
        ]
        out[name] = ([t.headers[j] for j in keep], [[r[j] for j in keep] for r in t.rows])
    return out


def score_json(path: Path) -> dict:
    result = CliRunner().invoke(app, ["score", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_recalc_in_place_keeps_everything_it_does_not_own(book: Path, original: Path) -> None:
    before = parts(book)
    tables_before = input_tables(book)
    user_part = sheet_part(book, USER_SHEET)
    measurement_part = sheet_part(book, "Realisasi")

    result = recalc(book)

    after = parts(book)
    assert result.backup == book.with_name("kinerja.bak.xlsm")
    assert result.backup.read_bytes() == original.read_bytes()
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    owned = {sheet_part(book, s) for s in OWNED_SHEETS} | {measurement_part}
    owned |= {"xl/styles.xml", "[Content_Types].xml", "xl/workbook.xml", BOOK_RELS}
    owned |= {p.replace("worksheets/", "worksheets/_rels/") + ".rels" for p in owned}
    for name, data in before.items():
        if name not in owned:
            assert after.get(name) == data, f"{name} changed"
    # the workbook's relationships are all kept; one is added, for the new LKjIP sheet
    added = relationships(after) - relationships(before)
    assert relationships(before) <= relationships(after)
    assert [target for _, target in added] == [sheet_part(book, "LKjIP").removeprefix("xl/")]
    assert after[user_part] == before[user_part]
    assert any(n.startswith("xl/media/") and d == picture_png() for n, d in after.items())
    # the dashboard's button (legacy VML drawing) is still wired to the sheet
    dash = after[sheet_part(book, "Dasbor")].decode()
    assert "<legacyDrawing" in dash and 'codeName="Sheet1"' in dash
    assert input_tables(book) == tables_before

    wb = openpyxl.load_workbook(book, keep_vba=True)
    assert DEFINED_NAME in wb.defined_names
    assert wb[USER_SHEET]["A1"].value == "Catatan pribadi perencana"
    assert len(wb[USER_SHEET]._images) == 1 and len(wb[USER_SHEET]._charts) == 1
    validations = wb["Realisasi"].data_validations.dataValidation
    assert any(v.formula1 == DEFINED_NAME for v in validations)
    assert wb["Realisasi"].conditional_formatting
    assert wb["IKU"].data_validations.dataValidation
    CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Dasbor").to_python()


def test_dashboard_numbers_equal_score_json(book: Path) -> None:
    expected = score_json(book)
    recalc(book)
    ws = openpyxl.load_workbook(book)["Dasbor"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[6][1] == expected["overall"]["score"] and rows[6][2] == expected["overall"]["band"]
    assert rows[6][4] == expected["overall"]["coverage"]
    by_id = {r[0]: r for r in rows if r and isinstance(r[0], str)}
    for p in expected["perspectives"]:
        assert by_id[p["id"]][2:6] == [p["weight"], p["score"], p["band"], p["coverage"]]
    head = next(i for i, r in enumerate(rows) if r[6] == "Capaian (mentah)")
    kpi_rows = {}
    for r in rows[head + 1 :]:
        if r[0] is None:
            break
        kpi_rows[r[0]] = r
    assert len(kpi_rows) == len(expected["kpis"])
    for k in expected["kpis"]:
        row = kpi_rows[k["id"]]
        assert row[3:9] == [
            k["target"],
            k["target_upper"],
            k["actual"],
            k["achievement_raw"],
            k["achievement"],
            k["band"],
        ]
    # numbers are numbers with a percent format, not text
    assert ws.cell(7, 2).number_format == "0.0%"


def test_computed_columns_get_fresh_cached_values_and_keep_formulas(book: Path) -> None:
    recalc(book)
    formulas = openpyxl.load_workbook(book)["Realisasi"]
    values = openpyxl.load_workbook(book, data_only=True)["Realisasi"]
    first = next(r for r in range(1, 10) if formulas.cell(r, 1).value == "ID IKU") + 1
    assert str(formulas.cell(first, 8).value).startswith("=IF(")
    assert values.cell(first, 8).value == pytest.approx(83.4 / 82)  # IKU01 2026-S1
    assert values.cell(first, 9).value == "Sangat Baik"
    statuses = {values.cell(r, 9).value for r in range(first, values.max_row + 1)}
    assert "STALE" not in statuses and "Belum ada data" in statuses
    with zipfile.ZipFile(book) as zf:
        assert b'fullCalcOnLoad="1"' in zf.read("xl/workbook.xml")


def test_recalc_twice_gives_the_same_file(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from egov_bsc_xl.workbook.writing import recalc as module

    seen: list[str] = []
    real = module._refresh_regular

    def spy(*args: object) -> Iterator[bytes | memoryview]:
        tally = args[-1]
        assert isinstance(tally, module._Tally)
        pieces = list(real(*args))  # type: ignore[arg-type]
        if not tally.regular:
            seen.append("irregular")
        else:
            seen.append("rewritten" if pieces else "current")
        yield from pieces

    monkeypatch.setattr(module, "_refresh_regular", spy)
    recalc(book)
    first = book.read_bytes()
    recalc(book)
    assert book.read_bytes() == first
    # stale values rewritten in C-level passes; the re-run sees them current and writes nothing
    assert seen == ["rewritten", "current"]


def test_output_leaves_the_input_untouched(book: Path, tmp_path: Path) -> None:
    before = book.read_bytes()
    out = tmp_path / "salinan.xlsm"
    result = recalc(book, output=out)
    assert book.read_bytes() == before
    assert result.path == out and result.backup is None
    assert not book.with_name("kinerja.bak.xlsm").exists()
    assert openpyxl.load_workbook(out)["Dasbor"]["A1"].value == "Dasbor Balanced Scorecard SPBE"
    owned = {sheet_part(out, s) for s in (*OWNED_SHEETS, "Realisasi")}
    owned |= {"xl/styles.xml", "[Content_Types].xml", "xl/workbook.xml", BOOK_RELS}
    owned |= {p.replace("worksheets/", "worksheets/_rels/") + ".rels" for p in owned}
    written = parts(out)
    for name, data in parts(book).items():
        if name not in owned:
            assert written.get(name) == data, f"{name} changed in the output"
    assert input_tables(out) == input_tables(book)
    assert score_json(out) == score_json(book)


def test_period_option_picks_the_report_period(book: Path) -> None:
    result = recalc(book, period="2026-Q2")
    assert result.analysis.report.period == "2026-Q2"
    assert openpyxl.load_workbook(book)["Dasbor"]["B3"].value == "TW II 2026"


def test_english_workbook_gets_english_sheets(tmp_path: Path) -> None:
    path = build_book(tmp_path / "perf.xlsm", lang="en")
    recalc(path)
    wb = openpyxl.load_workbook(path)
    assert wb["Dashboard"]["A1"].value == "e-Government Balanced Scorecard Dashboard"
    assert wb["Validation"]["A2"].value == "0 errors, 2 warnings"
    assert "Dasbor" not in wb.sheetnames


def test_template_buttons_and_vba_survive_recalc(tmp_path: Path) -> None:
    from egov_bsc_xl.workbook.template.build import build_template

    path = build_template(tmp_path / "templat.xlsm", "id", demo=True)
    before = parts(path)
    recalc(path)
    after = parts(path)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    vml = [n for n in before if n.endswith(".vml")]
    assert vml and all(after[n] == before[n] for n in vml)
    dash = sheet_part(path, "Dasbor")
    rels = after[dash.replace("worksheets/", "worksheets/_rels/") + ".rels"].decode()
    assert "vmlDrawing" in rels and "<legacyDrawing" in after[dash].decode()
    assert after[dash] != before[dash]  # and the sheet itself was rewritten
