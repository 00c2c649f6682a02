"""recalc writes the LKjIP / Performance Report sheet into real workbooks: numbers of `score --json`,
added once and replaced after, strict Open XML, the user's work (VBA, buttons, own sheets) kept."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from egov_bsc_xl.app import recalc
from egov_bsc_xl.cli import app
from egov_bsc_xl.model import parse_period
from egov_bsc_xl.workbook.template.build import build_template
from tests.ooxml_check import assert_valid_ooxml
from tests.workbook.recalc_books import USER_SHEET, build_book
from tests.workbook.test_recalc_keeps_user_work import parts, score_json, sheet_part

MISSING = "–"


def _tables(ws) -> dict[tuple[str, str], list[dict[str, object]]]:  # noqa: ANN001
    """(objective id, table letter) -> rows as {header: value}, read back from the written sheet."""
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    out: dict[tuple[str, str], list[dict[str, object]]] = {}
    objective = ""
    for i, row in enumerate(rows):
        first = row[0] if row else None
        if isinstance(first, str) and first.startswith(
            ("Sasaran strategis ", "Strategic objective ")
        ):
            objective = first.split(":")[0].split()[-1]
        if isinstance(first, str) and first[:3] in {f"{x}. " for x in "abcdef"}:
            heads = [h for h in rows[i + 1] if h is not None]
            body = []
            for data in rows[i + 2 :]:
                if data[0] is None or str(data[0]).startswith(("Target tahunan", "No annual")):
                    break
                body.append(dict(zip(heads, data, strict=False)))
            out[(objective, first[0])] = body
    return out


def test_the_lkjip_sheet_holds_the_numbers_of_score_json(book: Path) -> None:
    expected = score_json(book)
    recalc(book)
    ws = openpyxl.load_workbook(book)["LKjIP"]
    assert ws["A1"].value == "Laporan Kinerja (LKjIP) — Bab III Akuntabilitas Kinerja"
    found = _tables(ws)
    year = int(expected["period"][:4])
    period = parse_period(expected["period"]).label("id")
    objectives = {o["id"]: o for o in expected["objectives"]}
    assert {o for o, _ in found} == set(objectives)
    seen = 0
    for k in expected["kpis"]:
        (row,) = [r for r in found[(k["objective_id"], "a")] if r["ID"] == k["id"]]
        annual = k["annual_target"] is not None
        target = k["annual_target"] if annual else k["target"]
        achievement = k["achievement_annual"] if annual else k["achievement"]
        pk = f"Target tahunan (PK) {year}"  # else the column is the report period's target
        column = pk if pk in row else f"Target s.d. {period}"
        assert column == pk or not any(
            x["annual_target"] is not None
            for x in expected["kpis"]
            if x["objective_id"] == k["objective_id"]
        )
        assert row[column] == (MISSING if target is None else target)
        assert row[f"Realisasi {year}"] == (MISSING if k["actual"] is None else k["actual"])
        assert row["Capaian (%)"] == (MISSING if achievement is None else achievement)
        (years,) = [r for r in found[(k["objective_id"], "b")] if r["ID"] == k["id"]]
        last = k["last_year_actual"]
        assert years[f"Realisasi {year - 1}"] == (MISSING if last is None else last)
        assert years[f"Capaian {year} (%)"] == (
            MISSING if k["achievement"] is None else k["achievement"]
        )
        seen += 1
    assert seen == len(expected["kpis"]) > 0
    for oid, o in objectives.items():
        (budget,) = found[(oid, "f")]
        assert budget["Capaian sasaran (%)"] == (MISSING if o["score"] is None else o["score"])
        assert budget["Anggaran (Rp)"] == (MISSING if o["budget"] is None else o["budget"])
    # figures are numbers with their formats, never text
    numbers = [c for row in ws.iter_rows() for c in row if isinstance(c.value, float)]
    assert numbers and all(c.number_format != "General" for c in numbers)
    assert not ws.merged_cells.ranges
    # printed like the dashboard: A4 landscape, one page wide
    assert (ws.page_setup.paperSize, ws.page_setup.orientation) == (9, "landscape")
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0


def test_second_recalc_replaces_the_sheet_and_adds_no_other(book: Path) -> None:
    first = recalc(book)
    assert first.added_sheets == ["LKjIP"]
    names = openpyxl.load_workbook(book).sheetnames
    part = sheet_part(book, "LKjIP")
    again = recalc(book)
    assert again.added_sheets == []
    assert openpyxl.load_workbook(book).sheetnames == names and names.count("LKjIP") == 1
    assert sheet_part(book, "LKjIP") == part
    with zipfile.ZipFile(book) as zf:
        assert sum(n.startswith("xl/worksheets/egovbsc-lkjip") for n in zf.namelist()) == 1
    assert_valid_ooxml(book)


def test_the_users_work_stays_beside_the_new_sheet(book: Path) -> None:
    before = parts(book)
    user = sheet_part(book, USER_SHEET)
    recalc(book)
    after = parts(book)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert after[user] == before[user]
    wb = openpyxl.load_workbook(book, keep_vba=True)
    assert wb.sheetnames[-1] == "LKjIP"  # added at the end: the user's sheet order is kept
    assert wb[USER_SHEET]["A1"].value == "Catatan pribadi perencana"


def test_template_with_buttons_gets_the_sheet_and_keeps_vba_and_buttons(tmp_path: Path) -> None:
    path = build_template(tmp_path / "templat.xlsm", "id", demo=True)
    before = parts(path)
    recalc(path)
    recalc(path)
    after = parts(path)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    vml = [n for n in before if n.endswith(".vml")]
    assert vml and all(after[n] == before[n] for n in vml)
    assert "LKjIP" in openpyxl.load_workbook(path, keep_vba=True).sheetnames
    assert_valid_ooxml(path)


def test_english_workbook_gets_the_performance_report(tmp_path: Path) -> None:
    path = build_book(tmp_path / "perf.xlsm", lang="en")
    recalc(path)
    wb = openpyxl.load_workbook(path)
    assert "LKjIP" not in wb.sheetnames
    ws = wb["Performance Report"]
    assert ws["A1"].value.startswith("Performance Report (LKjIP)")
    heads = [c.value for row in ws.iter_rows() for c in row if c.value == "Target to Q3 2026"]
    assert heads  # the demo has no annual (PK) target: the column is the report period's target
    assert_valid_ooxml(path)


def test_the_command_says_it_wrote_the_lkjip_sheet(book: Path) -> None:
    result = CliRunner().invoke(app, ["recalc", str(book)])
    assert result.exit_code == 0, result.output
    assert f"Dasbor, LKjIP dan Validasi ditulis ke {book}" in result.output
