"""`egov-bsc collect`: returned forms into tblMeasurements, only the cells it fills, the same run twice."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from egov_bsc_xl.app import recalc
from egov_bsc_xl.forms.collect import collect
from egov_bsc_xl.forms.make import make_forms
from egov_bsc_xl.workbook.opc.package import sheet_part_names
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.books import sample_book
from tests.cli_run import egov_bsc
from tests.ooxml_check import assert_valid_ooxml
from tests.workbook.recalc_books import USER_SHEET, build_book

from .fill import fill, form_rows, set_stamp

DUE = dt.datetime(2027, 1, 15)


def _table(path: Path) -> dict[tuple[str, str], dict[str, object]]:
    """tblMeasurements as read back: (KPI id, period) -> column key -> value."""
    read = read_workbook(path)
    raw = read.tables["tblMeasurements"]
    cols = read.columns["tblMeasurements"]
    return {
        (str(row[cols["kpi_id"]]), str(row[cols["period"]])): {k: row[j] for k, j in cols.items()}
        for row in raw.rows
    }


def _filled_q4(book: Path) -> tuple[list[Path], dict[tuple[str, str], dict[str, object]]]:
    """The TW IV forms of the demo, filled in by every owner as a unit would."""
    made = make_forms(book, "2026-Q4")
    typed: dict[tuple[str, str], dict[str, object]] = {}
    for n, form in enumerate(made.files):
        values = {}
        for i, (_, kpi, period) in enumerate(form_rows(form.path)):
            entry: dict[str, object] = {
                "actual": 100.0 + 10 * n + i,
                "evidence": f"https://bukti/{kpi}",
            }
            if i == 0:
                entry |= {
                    "analysis": f"Analisis {kpi}",
                    "action": "Sosialisasi ke kecamatan",
                    "action_owner": form.owner,
                    "action_due": DUE,
                }
            values[(kpi, period)] = entry
        fill(form.path, values)
        typed |= values
    return [f.path for f in made.files], typed


def test_round_trip_forms_filled_by_units_end_in_the_table(demo_book: Path) -> None:
    before = _table(demo_book)
    forms, typed = _filled_q4(demo_book)
    result = collect(demo_book, forms)
    assert result.exit_code == 0, result.public()
    assert result.period is not None and result.period.code == "2026-Q4"
    assert [f.status for f in result.forms] == ["collected"] * len(forms)
    assert result.missing == 0 and result.conflicts_left == 0
    new_keys = [k for k in typed if k not in before]
    assert result.rows_added == len(new_keys) == 12  # every quarterly and semester KPI; 2026 exists
    after = _table(demo_book)
    for key, values in typed.items():
        row = after[key]
        for field, value in values.items():
            expected = value.date() if isinstance(value, dt.datetime) else value
            assert row[field] == expected, (key, field)
    for key, row in before.items():  # every other row as it was
        if key not in typed:
            assert after[key] == row, key
    # the annual row of IKU08 existed with a note: the note stays, the actual is added
    assert after[("IKU08", "2026")]["note"] == before[("IKU08", "2026")]["note"]
    # the new rows carry the table's formulas in Capaian and Status (values left for recalc)
    wb = openpyxl.load_workbook(demo_book, keep_vba=True)
    ws = wb["Realisasi"]
    last = ws.max_row
    for col in (8, 9):  # the same formula as the template's rows above
        assert str(ws.cell(last, col).value).startswith("=")
        assert ws.cell(last, col).value == ws.cell(5, col).value
    assert ws.tables["tblMeasurements"].ref == f"A4:M{last}"
    assert ws.tables["tblMeasurements"].autoFilter.ref == f"A4:M{last}"
    assert_valid_ooxml(demo_book)
    # the Pengumpulan sheet: per owner expected = received, nothing missing
    sheet = CalamineWorkbook.from_path(str(demo_book)).get_sheet_by_name("Pengumpulan").to_python()
    assert sheet[0][0] == "Pengumpulan Data Realisasi"
    assert sheet[1][0].startswith(
        f"{len(typed)} dari {len(typed)} IKU diterima; 0 belum, 0 konflik"
    )
    lines = {r[0]: r[1:6] for r in sheet[5 : 5 + len(forms)]}
    assert lines["Kepala Dinas"] == [1.0, 1.0, 0.0, 0.0, "Lengkap"]
    # recalc then refreshes the new rows' computed cells (no TW IV targets in the demo: no data)
    done = recalc(demo_book, "2026-Q4")
    assert done.analysis.period.code == "2026-Q4"
    status = openpyxl.load_workbook(demo_book, data_only=True)["Realisasi"].cell(last, 9).value
    assert status == "Belum ada data"
    assert_valid_ooxml(demo_book)


def test_collecting_the_same_forms_twice_changes_nothing(demo_book: Path) -> None:
    forms, _ = _filled_q4(demo_book)
    first = collect(demo_book, forms)
    assert first.changed and first.backup is not None
    once = demo_book.read_bytes()
    second = collect(demo_book, forms)
    assert not second.changed and second.cells_written == 0 and second.rows_added == 0
    assert second.backup is None
    assert demo_book.read_bytes() == once
    assert second.exit_code == first.exit_code == 0


def test_a_different_value_is_a_conflict_left_alone_unless_overwrite(demo_book: Path) -> None:
    made = make_forms(demo_book, "2026-Q3")  # the forms show this period's actuals already typed
    form = next(f.path for f in made.files if f.owner == "Bidang Layanan e-Government")
    fill(
        form,
        {
            ("IKU02", "2026-Q3"): {"actual": 51000},
            ("IKU12", "2026-Q3"): {"analysis": "Rilis aplikasi tertunda"},
        },
    )
    untouched = demo_book.read_bytes()
    kept = collect(demo_book, [form])
    assert kept.exit_code == 1
    outcome = kept.forms[0]
    assert outcome.status == "conflict" and outcome.conflicts == 1
    (w052,) = [p for p in outcome.problems if p.code == "W052"]
    assert (w052.sheet, w052.cell, w052.field) == ("Realisasi", "E8", "actual")
    assert "49500" in w052.message and "51000" in w052.message and form.name in w052.message
    table = _table(demo_book)
    assert table[("IKU02", "2026-Q3")]["actual"] == 49500  # left alone
    assert (
        table[("IKU12", "2026-Q3")]["analysis"] == "Rilis aplikasi tertunda"
    )  # a blank cell: filled
    assert demo_book.read_bytes() != untouched
    sheet = CalamineWorkbook.from_path(str(demo_book)).get_sheet_by_name("Pengumpulan").to_python()
    assert any(r[0] == "IKU02" and r[4] == "49500" and r[5] == "51000" for r in sheet)
    again = collect(demo_book, [form])  # still in conflict: nothing changes
    assert again.exit_code == 1 and not again.changed
    replaced = collect(demo_book, [form], overwrite=True)
    assert replaced.forms[0].status == "collected" and replaced.forms[0].conflicts == 1
    assert replaced.conflicts_left == 0 and not replaced.forms[0].problems  # replaced: no W052
    assert _table(demo_book)[("IKU02", "2026-Q3")]["actual"] == 51000
    settled = demo_book.read_bytes()
    quiet = collect(demo_book, [form], overwrite=True)
    assert quiet.forms[0].conflicts == 0 and not quiet.changed
    assert demo_book.read_bytes() == settled


def test_a_form_of_another_workbook_or_period_is_refused_with_e051(
    demo_book: Path, tmp_path: Path
) -> None:
    other = build_book(tmp_path / "lain.xlsm", "en", vba=False)
    foreign = make_forms(other, "2026-Q3", output=tmp_path / "foreign").files[0].path
    q3 = make_forms(demo_book, "2026-Q3", output=tmp_path / "q3").files[0].path
    before = demo_book.read_bytes()
    result = collect(demo_book, [foreign, q3], period="2026-Q4")
    assert [f.status for f in result.forms] == ["refused", "refused"]
    assert [p.code for f in result.forms for p in f.problems] == ["E051", "E051"]
    assert "lain.xlsm" in result.forms[0].problems[0].message
    assert "2026-Q3" in result.forms[1].problems[0].message
    assert result.exit_code == 2  # no usable form: the workbook is not touched
    assert demo_book.read_bytes() == before
    ran = egov_bsc("collect", demo_book, foreign, q3, "--period", "2026-Q4", "--json")
    assert ran.returncode == 2
    payload = json.loads(ran.stdout)
    assert [f["status"] for f in payload["forms"]] == ["refused", "refused"]
    assert payload["forms"][0]["problems"][0]["file"] == foreign.name


@pytest.mark.parametrize(
    ("key", "value"),
    [("owner", "Bidang Lain"), ("period", "2026-Q1"), ("rows", "IKU02@2026-Q3"), ("checksum", "0")],
)
def test_an_edited_stamp_is_detected(demo_book: Path, tmp_path: Path, key: str, value: str) -> None:
    form = make_forms(demo_book, "2026-Q3", output=tmp_path / "f").files[0].path
    set_stamp(form, key, value)
    before = demo_book.read_bytes()
    result = collect(demo_book, [form])
    (outcome,) = result.forms
    assert outcome.status == "refused"
    (problem,) = outcome.problems
    assert problem.code == "E051" and form.name in problem.message and "checksum" in problem.message
    assert result.exit_code == 2 and demo_book.read_bytes() == before


def test_a_kpi_row_moved_under_the_stamp_is_detected(demo_book: Path, tmp_path: Path) -> None:
    form = make_forms(demo_book, "2026-Q3", output=tmp_path / "f").files[0].path
    wb = openpyxl.load_workbook(form)
    row = form_rows(form)[0][0]
    wb.worksheets[0].cell(row, 1).value = "IKU99"  # protection has no password: it can be lifted
    wb.save(form)
    (outcome,) = collect(demo_book, [form]).forms
    assert outcome.status == "refused" and "IKU99" in outcome.problems[0].message


def test_bad_values_name_the_form_file_and_cell_and_the_rest_is_written(demo_book: Path) -> None:
    made = make_forms(demo_book, "2026-Q4")
    form = next(f.path for f in made.files if f.owner == "Sekretariat Dinas")
    rows = form_rows(form)
    (r1, k1, p1), (r2, k2, p2) = rows[0], rows[1]
    fill(
        form,
        {
            (k1, p1): {"actual": "banyak", "note": "angka menyusul"},
            (k2, p2): {"actual": "85,5", "action_due": "besok"},
        },
    )
    result = collect(demo_book, [form])
    (outcome,) = result.forms
    assert outcome.status == "invalid" and result.exit_code == 1
    found = {(p.code, p.cell, p.value) for p in outcome.problems}
    assert found == {
        ("E021", f"F{r1}", "banyak"),
        ("W030", f"F{r2}", "85,5"),  # read the Indonesian way, and said so
        ("E032", f"L{r2}", "besok"),
    }
    assert all(form.name in p.message for p in outcome.problems)
    table = _table(demo_book)
    assert table[(k1, p1)]["note"] == "angka menyusul" and table[(k1, p1)]["actual"] == ""
    assert table[(k2, p2)]["actual"] == 85.5  # '85,5' read the Indonesian way
    (line,) = [o for o in result.owners if o.owner == "Sekretariat Dinas"]
    assert line.missing == len(rows) - 1  # the unreadable actual and the row left blank


def test_yes_no_kpi_and_columns_an_old_workbook_lacks(tmp_path: Path) -> None:
    book = sample_book(tmp_path)  # a 0.1.0 table: no Analisis / Tindak Lanjut columns
    made = make_forms(book, "2026-Q4", output=tmp_path / "f")
    form = next(f.path for f in made.files if f.owner == "Sekretaris")
    fill(
        form,
        {
            ("K5", "2026"): {"actual": "Ya", "analysis": "Perbup ditetapkan"},
            ("K4", "2026-Q4"): {"actual": 30},
        },
    )
    result = collect(book, [form])
    table = _table(book)
    assert table[("K5", "2026")]["actual"] == "Ya"
    assert table[("K4", "2026-Q4")]["actual"] == 30
    assert any("Analisis" in p for p in result.problems)  # said, not written
    assert result.exit_code == 1


def test_collect_keeps_every_part_it_does_not_own(tmp_path: Path) -> None:
    book = build_book(tmp_path / "kinerja.xlsm")  # VBA, a button, a user sheet with a picture
    forms = make_forms(book, "2026-Q4", output=tmp_path / "f").files
    for f in forms:
        fill(f.path, {(k, p): {"actual": 1.0} for _, k, p in form_rows(f.path)})
    with zipfile.ZipFile(book) as zf:
        before = {n: zf.read(n) for n in zf.namelist()}
    result = collect(book, [f.path for f in forms])
    assert result.exit_code == 0, json.dumps(result.public(), indent=1)
    with zipfile.ZipFile(book) as zf:
        after = {n: zf.read(n) for n in zf.namelist()}
    with zipfile.ZipFile(book) as zf:
        realisasi = sheet_part_names(zf)["Realisasi"]
    table = next(
        n for n, data in before.items() if b'name="tblMeasurements"' in data and "tables/" in n
    )
    owned = {
        realisasi,  # the cells collect fills
        table,  # tblMeasurements: its ref extended
        "xl/workbook.xml",  # the new sheet and calcPr fullCalcOnLoad
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        "xl/styles.xml",  # the Pengumpulan sheet's cell styles
        "docProps/app.xml",
    }
    changed = {n for n in before if before[n] != after.get(n)}
    assert changed <= owned, changed - owned
    assert (
        "xl/vbaProject.bin" in before and after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    )
    added = set(after) - set(before)
    assert added == {"xl/worksheets/egovbsc-pengumpulan.xml"}
    assert USER_SHEET in CalamineWorkbook.from_path(str(book)).sheet_names
    assert_valid_ooxml(book)


def test_random_files_and_missing_files_get_one_sentence_each(
    demo_book: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "laporan.xlsx"
    junk.write_bytes(bytes(range(256)) * 40)
    other = tmp_path / "catatan.xlsx"
    shutil.copy(sample_book(tmp_path), other)  # a real workbook, but no form
    zipped = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("hello.txt", "bukan excel")
    ran = egov_bsc("collect", demo_book, junk, other, zipped, tmp_path / "hilang.xlsx")
    assert ran.returncode == 2
    assert "Traceback" not in ran.stdout + ran.stderr
    for name in ("laporan.xlsx", "catatan.xlsx", "arsip.xlsx", "hilang.xlsx"):
        assert sum(name in line for line in ran.stdout.splitlines() if "E051" in line) == 1, name
    broken = egov_bsc("collect", junk, other)  # the workbook itself is unusable
    assert broken.returncode == 2 and "Traceback" not in broken.stderr and broken.stderr.strip()


def test_collect_refuses_a_workbook_open_in_excel(demo_book: Path) -> None:
    forms, _ = _filled_q4(demo_book)
    owner_file = demo_book.parent / f"~${demo_book.name}"
    owner_file.write_bytes(b"\x00" * 165)  # what Excel leaves beside a workbook it has open
    before = demo_book.read_bytes()
    ran = egov_bsc("collect", demo_book, *forms)
    assert ran.returncode == 2 and "Traceback" not in ran.stderr
    assert demo_book.name in ran.stderr and "Excel" in ran.stderr
    assert demo_book.read_bytes() == before


def test_english_workbook_gets_the_collection_sheet_in_english(tmp_path: Path) -> None:
    book = sample_book(tmp_path, "en")
    made = make_forms(book, "2026-Q3", output=tmp_path / "f")
    for f in made.files:
        fill(f.path, {(k, p): {"actual": 50} for _, k, p in form_rows(f.path)})
    ran = egov_bsc("collect", book, *[f.path for f in made.files], "--json")
    assert ran.returncode == 0, ran.stdout
    payload = json.loads(ran.stdout)
    assert payload["period"] == "2026-Q3" and payload["missing"] == 0
    assert {o["status"] for o in payload["owners"]} == {"complete"}
    sheet = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Collection").to_python()
    assert sheet[0][0] == "Data collection"
