"""Reading the SPEC 8 columns: words and numbers in both languages, bad cells named, old books unchanged."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from egov_bsc_xl.validate.rules import validate
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.books import sample_tables, write_book
from tests.calc.practice_book import practice_tables
from tests.cli_run import egov_bsc

DATA = Path(__file__).resolve().parents[1] / "data" / "release-0.1.0"
SPEC_8_KPI_FIELDS = (
    "kpi_type",
    "annual_target",
    "achievement_annual",
    "last_year_actual",
    "last_year_achievement",
    "change",
    "plan_target",
    "achievement_plan",
    "national_target",
    "achievement_national",
    "analysis",
    "action",
    "action_owner",
    "action_due",
)


def _profile_rows(tables, *rows):
    tables["tblProfile"][1].extend(rows)


def test_indonesian_book_reads_the_kpi_and_profile_columns(tmp_path):
    tables = practice_tables()
    kpis = tables["tblKpis"][1]
    kpis[1][9] = "4,5"  # text number, Indonesian: 4.5
    kpis[2][9] = "1.250"  # 1250
    _profile_rows(
        tables,
        ["plan_start", "Awal Renstra (tahun)", 2025],
        ["plan_end", "Akhir Renstra (tahun)", "2029"],
        ["head_name", "Nama Kepala", "Dr. Siti Rahma, M.Si."],
        ["head_title", "Jabatan Kepala", "Kepala Dinas"],
        ["feedback_channel", "Kanal pengaduan", "SP4N-LAPOR!"],
    )
    result = read_workbook(write_book(tmp_path / "id.xlsx", tables))
    card = result.card
    got = {k.id: (k.kpi_type, k.annual_target, k.plan_target, k.national_target, k.public)
           for k in card.kpis}  # fmt: skip
    assert got == {
        "A": ("outcome", 90, 95, 85, True),
        "B": ("output", 4.5, None, None, False),
        "C": ("output", 1250, None, None, True),  # a blank 'public' is Ya
        "D": ("", None, None, None, True),
    }
    p = card.profile
    assert (p.plan_start, p.plan_end) == (2025, 2029)
    assert (p.head_name, p.head_title, p.feedback_channel) == (
        "Dr. Siti Rahma, M.Si.",
        "Kepala Dinas",
        "SP4N-LAPOR!",
    )
    w030 = [(i.cell, i.value) for i in validate(result, "2026-Q2") if i.code == "W030"]
    assert w030 == [("J3", "4,5"), ("J4", "1.250")]


def test_english_book_reads_english_headers_words_and_numbers(tmp_path):
    tables = practice_tables()
    for row in tables["tblKpis"][1]:
        row[4] = {"Maksimal": "Higher is better", "Minimal": "Lower is better"}.get(row[4], row[4])
    kpis = tables["tblKpis"][1]
    kpis[0][12] = "No"
    kpis[1][8] = "OUTPUT"
    kpis[2][9] = "1,250"  # English text: 1250
    measurements = tables["tblMeasurements"][1]
    measurements[8][5:9] = ["Late survey", "Speed it up", "Head of services", "2026-07-15"]
    for table in ("tblProfile", "tblSettings"):
        for row in tables[table][1]:
            if row[0] == "language":
                row[2] = "en"
    book = write_book(tmp_path / "en.xlsx", tables, "en")
    card = read_workbook(book).card
    kpis_read = {k.id: k for k in card.kpis}
    assert kpis_read["A"].public is False and kpis_read["B"].kpi_type == "output"
    assert kpis_read["C"].annual_target == 1250
    notes = card.follow_ups.set_index("row")
    assert notes.loc[8, "analysis"] == "Late survey"
    assert notes.loc[8, "action_due"] == dt.date(2026, 7, 15)


def test_bad_cells_are_problems_with_sheet_cell_and_value(tmp_path):
    tables = practice_tables()
    kpis = tables["tblKpis"][1]
    kpis[0][9] = "banyak"  # annual_target: not a number
    kpis[1][8] = "Hasil antara"  # kpi_type: not a word
    kpis[2][12] = "mungkin"  # public: not yes/no
    tables["tblMeasurements"][1][7][8] = "besok"  # action_due: not a date
    _profile_rows(tables, ["plan_start", "Awal Renstra (tahun)", "dua ribu"])
    result = read_workbook(write_book(tmp_path / "bad.xlsx", tables))
    issues = [(i.code, i.sheet, i.cell, i.value) for i in validate(result, "2026-Q2")]
    profile_row = len(tables["tblProfile"][1]) + 1
    assert ("E021", "IKU", "J2", "banyak") in issues
    assert ("E022", "IKU", "I3", "Hasil antara") in issues
    assert ("E022", "IKU", "M4", "mungkin") in issues
    assert ("E032", "Realisasi", "I9", "besok") in issues
    assert ("E021", "Profil", f"C{profile_row}", "dua ribu") in issues
    e022 = next(i for i in validate(result, "2026-Q2") if i.cell == "I3")
    assert "Outcome, Output" in e022.message + e022.hint
    k = {k.id: k for k in result.card.kpis}
    assert (k["A"].annual_target, k["B"].kpi_type, k["C"].public) == (None, "", True)


def test_a_book_without_the_columns_reads_as_before(tmp_path):
    result = read_workbook(write_book(tmp_path / "old.xlsx", sample_tables()))
    card = result.card
    assert all(
        (k.kpi_type, k.annual_target, k.plan_target, k.national_target, k.public)
        == ("", None, None, None, True)
        for k in card.kpis
    )
    assert card.follow_ups.empty
    assert (card.profile.plan_start, card.profile.feedback_channel) == (None, "")
    assert not [i for i in validate(result) if i.code in ("W014", "W015")]


@pytest.mark.parametrize("name", ["demo-0.1.0-id", "demo-0.1.0-en-native"])
def test_release_0_1_0_demo_scores_as_before_with_the_new_fields_null(name):
    """score-*.json: `score --json` of the demo before issue 12, without the SPEC 8 fields."""
    done = egov_bsc("score", DATA / f"{name}.xlsm", "--json")
    assert done.returncode == 0, done.stderr
    now = json.loads(done.stdout)
    before = json.loads((DATA / f"score-{name}.json").read_text(encoding="utf-8"))
    for kpi in now["kpis"]:
        assert all(kpi.pop(key) is None for key in SPEC_8_KPI_FIELDS), kpi["id"]
    card = read_workbook(DATA / f"{name}.xlsm").card
    for objective in now["objectives"]:
        linked = [i for i in card.initiatives if objective["id"] in i.objective_ids]
        budget = sum(i.budget for i in linked if i.budget is not None) if linked else None
        assert objective.pop("budget") == budget
        objective.pop("spent"), objective.pop("absorption")
    assert now == before
