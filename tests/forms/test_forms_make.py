"""`egov-bsc forms`: which KPIs each form asks for, and what a unit sees and may change in it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.forms.make import make_forms
from egov_bsc_xl.forms.plan import due_periods, file_names, group_name, plan, safe_name
from egov_bsc_xl.forms.stamp import STAMP_SHEET
from egov_bsc_xl.model.enums import Frequency
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.model.scorecard import Kpi, Scorecard
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.books import sample_book
from tests.cli_run import egov_bsc
from tests.ooxml_check import assert_valid_ooxml

from .fill import form_rows


def _kpi(frequency: Frequency, owner: str = "Bidang A", kpi_id: str = "K1") -> Kpi:
    return Kpi(id=kpi_id, objective_id="S1", name="n", frequency=frequency, owner=owner)


@pytest.mark.parametrize(
    ("frequency", "period", "due"),
    [
        (Frequency.QUARTERLY, "2026-Q3", ["2026-Q3"]),
        (Frequency.MONTHLY, "2026-Q3", ["2026-07", "2026-08", "2026-09"]),
        (
            Frequency.MONTHLY,
            "2026-S1",
            ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"],
        ),
        (Frequency.ANNUAL, "2026-Q3", []),
        (Frequency.ANNUAL, "2026-Q4", ["2026"]),
        (Frequency.ANNUAL, "2026-12", ["2026"]),
        (Frequency.SEMESTER, "2026-Q2", ["2026-S1"]),
        (Frequency.SEMESTER, "2026-Q3", []),
        (Frequency.QUARTERLY, "2026", ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]),
        (Frequency.QUARTERLY, "2026-08", []),
    ],
)
def test_a_kpi_is_due_by_its_frequency(frequency: Frequency, period: str, due: list[str]) -> None:
    chosen = parse_period(period)
    assert chosen is not None
    assert [p.code for p in due_periods(_kpi(frequency), chosen)] == due


def test_groups_by_owner_or_by_the_unit_before_the_dash() -> None:
    card = Scorecard(
        kpis=[
            _kpi(Frequency.QUARTERLY, "Diskominfo - Bidang Aplikasi", "K1"),
            _kpi(Frequency.QUARTERLY, "Diskominfo – Bidang Statistik", "K2"),
            _kpi(Frequency.QUARTERLY, "diskominfo - bidang aplikasi", "K3"),
            _kpi(Frequency.QUARTERLY, "Sekretariat", "K4"),
            _kpi(Frequency.ANNUAL, "Kepala", "K5"),  # not due in Q3
        ]
    )
    period = parse_period("2026-Q3")
    assert period is not None
    by_owner = plan(card, period, "owner")
    assert [(g.name, [k.id for k in g.kpis]) for g in by_owner] == [
        ("Diskominfo - Bidang Aplikasi", ["K1", "K3"]),  # the same owner in other letters
        ("Diskominfo – Bidang Statistik", ["K2"]),
        ("Sekretariat", ["K4"]),
    ]
    by_unit = plan(card, period, "unit")
    assert [(g.name, [k.id for k in g.kpis]) for g in by_unit] == [
        ("Diskominfo", ["K1", "K2", "K3"]),
        ("Sekretariat", ["K4"]),
    ]
    assert group_name(card.kpis[3], "unit") == "Sekretariat"


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        ("Bidang Layanan e-Government", "Bidang-Layanan-e-Government"),
        ('Kasi A/B: "Data" <Statistik>?*|', "Kasi-A-B-Data-Statistik"),
        ("Sekretariat Dinas ...  ", "Sekretariat-Dinas"),
        ("CON", "CON-form"),
        ("lpt1", "lpt1-form"),
        ("Pengelolaan Keuangan Daerah – Subbagian Perencanaan dan Pelaporan Kinerja Tahunan", None),
        ("Bagian Hukum & HAM (Biro Pemerintahan)", "Bagian-Hukum-HAM-Biro-Pemerintahan"),
        ("Seksi Ékonomi Kreatif", "Seksi-Ekonomi-Kreatif"),
        ("", "tanpa-penanggung-jawab"),
        ("/// ...", "tanpa-penanggung-jawab"),
    ],
)
def test_owner_names_become_file_names_safe_on_windows(owner: str, name: str | None) -> None:
    got = safe_name(owner, "tanpa penanggung jawab")
    if name is not None:
        assert got == name
    assert got and len(got) <= 60
    assert not set(got) & set('<>:"/\\|?* .')
    assert got.upper() not in {"CON", "PRN", "AUX", "NUL", "LPT1", "COM1"}


def test_two_owners_with_one_file_name_get_two_files() -> None:
    card = Scorecard(
        kpis=[
            _kpi(Frequency.QUARTERLY, "Bidang A/B", "K1"),
            _kpi(Frequency.QUARTERLY, "Bidang A:B", "K2"),
        ]
    )
    period = parse_period("2026-Q3")
    assert period is not None
    names = file_names(plan(card, period), period, "x")
    assert names == ["form-2026-Q3-Bidang-A-B.xlsx", "form-2026-Q3-Bidang-A-B-2.xlsx"]


def test_forms_of_the_demo_one_per_owner_with_the_kpis_due(demo_book: Path) -> None:
    result = make_forms(demo_book, "2026-Q4")
    assert result.folder == demo_book.parent / "forms-2026-Q4"
    card = read_workbook(demo_book).card
    owners = {k.owner for k in card.kpis}
    assert {f.owner for f in result.files} == owners  # every KPI is due in TW IV
    assert sum(f.kpis for f in result.files) == len(card.kpis)
    for f in result.files:
        assert f.path.parent == result.folder and f.path.name.startswith("form-2026-Q4-")
        rows = form_rows(f.path)
        assert len(rows) == f.kpis
        assert {k for _, k, _ in rows} == {k.id for k in card.kpis if k.owner == f.owner}
    q3 = make_forms(demo_book, "2026-Q3")  # the annual and semester KPIs are not due in TW III
    assert sum(f.kpis for f in q3.files) == len(card.kpis) - 3


def test_a_form_locks_everything_but_the_input_cells_and_checks_them(demo_book: Path) -> None:
    result = make_forms(demo_book, "2026-Q3")
    path = next(f.path for f in result.files if f.owner == "Bidang Layanan e-Government")
    assert_valid_ooxml(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == "Formulir"
    assert wb[STAMP_SHEET].sheet_state == "veryHidden"
    assert ws.protection.sheet and not ws.protection.password
    rows = form_rows(path)
    assert [k for _, k, _ in rows] == ["IKU02", "IKU04", "IKU12"]
    first = rows[0][0]
    # labels in the workbook's language, the English hint line below them
    assert ws.cell(first - 2, 1).value == "ID IKU" and ws.cell(first - 1, 1).value == "KPI ID"
    assert ws.cell(first - 2, 6).value == "Realisasi" and ws.cell(first - 1, 6).value == "Actual"
    assert "Formulir Realisasi IKU" in ws.cell(1, 1).value
    assert "KPI data-entry form" in ws.cell(2, 1).value
    for col in range(1, 6):  # id, name, unit, period, target: locked
        assert ws.cell(first, col).protection.locked
    for col in range(6, 13):  # the seven input cells: unlocked and yellow
        assert not ws.cell(first, col).protection.locked
        assert ws.cell(first, col).fill.fgColor.rgb.endswith("FFF2CC")
    # what the workbook already holds is filled in: the target, and this period's actual and note
    assert ws.cell(first, 5).value == 55000
    assert ws.cell(first, 6).value == 49500
    assert ws.cell(first, 7).value.startswith("Aplikasi layanan kependudukan")
    assert ws.cell(rows[1][0], 5).value == "3 – 4"  # a range target (IKU04)
    kinds = {(dv.type, str(dv.sqref)) for dv in ws.data_validations.dataValidation}
    assert ("decimal", f"F{first}") in kinds
    assert ("date", f"L{first}:L{first + 2}") in kinds


def test_a_yes_no_kpi_gets_a_yes_no_list(tmp_path: Path) -> None:
    book = sample_book(tmp_path)
    result = make_forms(book, "2026-Q4", output=tmp_path / "out")
    path = next(f.path for f in result.files if f.owner == "Sekretaris")
    assert_valid_ooxml(path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = {k: r for r, k, _ in form_rows(path)}
    assert set(rows) == {"K4", "K5"}
    lists = {
        str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"
    }
    assert lists == {f"F{rows['K5']}": '"Ya,Tidak"'}
    assert ws.cell(rows["K5"], 5).value == "Ya"  # the yes/no target, in words


def test_english_workbook_english_form_with_an_indonesian_hint_line(tmp_path: Path) -> None:
    book = sample_book(tmp_path, "en")
    result = make_forms(book, "2026-Q2", output=tmp_path / "out")
    ws = openpyxl.load_workbook(result.files[0].path).worksheets[0]
    assert ws.title == "Form"
    assert ws.cell(1, 1).value.startswith("KPI data-entry form")
    assert ws.cell(2, 1).value.startswith("Formulir Realisasi IKU")


def test_forms_command_writes_beside_the_workbook_and_by_unit(demo_book: Path) -> None:
    ran = egov_bsc("forms", demo_book, "--period", "2026-Q4", "--by", "unit")
    assert ran.returncode == 0, ran.stderr
    folder = demo_book.parent / "forms-2026-Q4"
    assert "form-2026-Q4-Kepala-Dinas.xlsx" in ran.stdout
    assert sorted(p.name for p in folder.iterdir())[0].startswith("form-2026-Q4-")
    bad = egov_bsc("forms", demo_book, "--by", "bidang")
    assert bad.returncode == 2 and "--by 'bidang'" in bad.stderr and "Traceback" not in bad.stderr
    none = egov_bsc("forms", demo_book, "--period", "2026-08")  # quarterly KPIs: none due in August
    assert none.returncode == 0 and "2026-08" in none.stdout and "No KPI is due" in none.stdout
    period = egov_bsc("forms", demo_book, "--period", "TW V 2026")
    assert period.returncode == 2 and "TW V 2026" in period.stderr


def test_the_same_workbook_gives_the_same_form_bytes(demo_book: Path, tmp_path: Path) -> None:
    one = make_forms(demo_book, "2026-Q3", output=tmp_path / "a")
    two = make_forms(demo_book, "2026-Q3", output=tmp_path / "b")
    for a, b in zip(one.files, two.files, strict=True):
        assert a.path.read_bytes() == b.path.read_bytes()
