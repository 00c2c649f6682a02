"""Reading workbooks by table name and column key: both languages, any column order, text numbers."""

import random

import pytest

from egov_bsc_xl.app import analyse
from egov_bsc_xl.errors import UnusableInput
from egov_bsc_xl.validate import parse_issues
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.reading.reader import read_workbook

from ..books import sample_book, sample_tables, write_book


def test_reads_every_table_of_the_indonesian_sample(tmp_path):
    result = read_workbook(sample_book(tmp_path))
    card = result.card
    assert result.language == "id"
    assert card.profile.agency.startswith("Dinas Komunikasi")
    assert card.profile.missions == ["Meningkatkan layanan publik digital", "Membangun SDM digital"]
    assert [p.id for p in card.perspectives] == ["P1", "P2", "P3"]
    assert card.objectives[1].supports == ["S1"]
    assert [k.polarity.value for k in card.kpis] == [
        "maximize",
        "minimize",
        "stabilize",
        "maximize",
        "binary",
    ]
    assert len(card.measurements) == 9
    assert card.initiatives[0].budget == 500_000_000
    assert card.revisions[0].kpi_id == "K1"
    assert parse_issues(result) == []


def test_english_headers_and_language(tmp_path):
    tables = sample_tables("en")
    result = read_workbook(write_book(tmp_path / "en.xlsx", tables, "en"))
    assert result.language == "en"
    assert len(result.card.kpis) == 5 and parse_issues(result) == []


def test_same_scores_whatever_the_language_column_order_and_position(tmp_path):
    base = analyse(sample_book(tmp_path)).report
    tables = sample_tables("en")
    rng = random.Random(7)
    shuffled = {}
    for name, (keys, rows) in tables.items():
        order = list(range(len(keys)))
        rng.shuffle(order)
        extra_keys = [keys[i] for i in order] + ["Komentar pribadi"]
        shuffled[name] = (extra_keys, [[row[i] for i in order] + ["catatan"] for row in rows])
    path = write_book(tmp_path / "shuffled.xlsx", shuffled, "en", offset=(4, 3))
    other = analyse(path).report
    assert other.overall.score == pytest.approx(base.overall.score)
    assert [k.achievement for k in other.kpis] == [k.achievement for k in base.kpis]


def test_headers_match_by_key_or_by_label(tmp_path):
    tables = sample_tables()
    keys, rows = tables["tblKpis"]
    heads = {
        "tblKpis": [
            k.upper().replace("_", " ") if i % 2 else c.KPIS.column(k).label_en
            for i, k in enumerate(keys)
        ]
    }
    result = read_workbook(write_book(tmp_path / "keys.xlsx", tables, headers=heads))
    assert [k.owner for k in result.card.kpis][0] == "Kabid Layanan"
    assert not [i for i in parse_issues(result) if i.code == "E002"]


def test_numbers_written_as_text_are_read_with_w030(tmp_path):
    tables = sample_tables()
    rows = tables["tblMeasurements"][1]
    rows[0][4] = "78,5"
    rows[1][4] = "85%"
    tables["tblInitiatives"][1][0][7] = "1.234,5"
    result = read_workbook(write_book(tmp_path / "text.xlsx", tables))
    m = result.card.measurements
    assert m.loc[0, "actual"] == 78.5 and m.loc[1, "actual"] == 0.85
    assert result.card.initiatives[0].budget == 1234.5
    w030 = [i for i in parse_issues(result) if i.code == "W030"]
    assert sorted((i.sheet, i.cell, i.value) for i in w030) == [
        ("Inisiatif", "H2", "1.234,5"),
        ("Realisasi", "E2", "78,5"),
        ("Realisasi", "E3", "85%"),
    ]


def test_excel_error_cells_become_e025(tmp_path):
    tables = sample_tables()
    tables["tblMeasurements"][1][2][4] = "#DIV/0!"
    tables["tblKpis"][1][1][5] = "#N/A"
    result = read_workbook(write_book(tmp_path / "err.xlsx", tables))
    e025 = sorted((i.sheet, i.cell, i.value) for i in parse_issues(result) if i.code == "E025")
    assert e025 == [("IKU", "F3", "#N/A"), ("Realisasi", "E4", "#DIV/0!")]
    assert (
        result.card.measurements.loc[2, "actual"] != result.card.measurements.loc[2, "actual"]
    )  # NaN


def test_all_period_forms_are_read(tmp_path):
    tables = sample_tables()
    rows = tables["tblMeasurements"][1]
    for row, text in zip(
        rows,
        [
            "TW I 2026",
            "Triwulan II 2026",
            "2026-Q1",
            "2026-Q2",
            "Maret 2026",
            "Juni 2026",
            "Semester I 2026",
            "2026-S2",
            "2026",
        ],
        strict=True,
    ):
        row[1] = text
    m = read_workbook(write_book(tmp_path / "p.xlsx", tables)).card.measurements
    assert m["period"].tolist() == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q1",
        "2026-Q2",
        "2026-03",
        "2026-06",
        "2026-S1",
        "2026-S2",
        "2026",
    ]


def test_perspective_weights_typed_as_percent_points(tmp_path):
    tables = sample_tables()
    for row, w in zip(tables["tblPerspectives"][1], (40, 30, 30), strict=True):
        row[2] = w
    card = read_workbook(write_book(tmp_path / "w.xlsx", tables)).card
    assert [p.weight for p in card.perspectives] == pytest.approx([0.4, 0.3, 0.3])


def test_a_workbook_without_the_core_tables_is_unusable(tmp_path):
    tables = {"tblProfile": sample_tables()["tblProfile"]}
    with pytest.raises(UnusableInput, match="tblPerspectives"):
        read_workbook(write_book(tmp_path / "x.xlsx", tables))


def test_settings_table_drives_the_scoring(tmp_path):
    tables = sample_tables()
    tables["tblSettings"] = (
        ["key", "label", "value"],
        [
            ["cap", "Batas atas capaian", 110],  # percent points: 110 %
            ["minimize_method", "Rumus polaritas minimal", "inverse"],
            ["missing", "Data kosong", "zero"],
            ["language", "Bahasa", "en"],
        ],
    )
    result = read_workbook(write_book(tmp_path / "s.xlsx", tables))
    s = result.card.settings
    assert (s.cap, s.minimize_method.value, s.missing.value, result.language) == (
        1.1,
        "inverse",
        "zero",
        "en",
    )
    report = analyse(write_book(tmp_path / "s2.xlsx", tables)).report
    k2 = next(k for k in report.kpis if k.id == "K2")  # minimize, average: target 5, actual 5
    assert k2.achievement == pytest.approx(1.0)
    k1 = next(k for k in report.kpis if k.id == "K1")  # 85 / 82 = 1.037, under the 110 % cap
    assert k1.achievement == pytest.approx(85 / 82)


def test_unknown_setting_words_are_e022(tmp_path):
    tables = sample_tables()
    tables["tblSettings"][1][1][2] = "kuadrat"
    issues = analyse(write_book(tmp_path / "bad.xlsx", tables)).issues
    e022 = [i for i in issues if i.code == "E022"]
    assert [(i.sheet, i.cell, i.value) for i in e022] == [("Pengaturan", "C3", "kuadrat")]
    assert "Praktik LKjIP (2 − R/T), Kebalikan (T/R)" in e022[0].hint


def test_one_language_rule_for_the_reader_and_the_buttons(tmp_path):
    from egov_bsc_xl.workbook.reading.reader import workbook_language
    from egov_bsc_xl.workbook.reading.source import FileSource

    for lang in ("id", "en"):
        path = write_book(tmp_path / f"{lang}.xlsx", sample_tables(lang), lang)
        assert workbook_language(FileSource(path)) == read_workbook(path).language == lang
    tables = sample_tables("id")
    tables["tblSettings"][1][3][2] = "en"  # the setting wins over the profile and the headers
    path = write_book(tmp_path / "setting.xlsx", tables, "id")
    # a button reads it the same way, whatever the product's sheets are called
    assert (
        workbook_language(FileSource(path), {"Dasbor", "Validasi"})
        == read_workbook(path).language
        == "en"
    )


def test_without_tables_the_product_sheets_tell_the_language():
    from egov_bsc_xl.workbook.reading.reader import workbook_language

    class Broken:
        def table_names(self):
            raise OSError("Excel is busy")

        def table(self, name):
            raise AssertionError(name)

    assert workbook_language(Broken(), {"Dashboard", "IKU"}) == "en"
    assert workbook_language(Broken(), {"Dasbor"}) == "id"
