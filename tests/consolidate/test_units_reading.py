"""tblUnits and the roll-up columns of tblKpis: read into the model, bad values as validation codes."""

from egov_bsc_xl.app import analyse

from ..books import sample_tables, write_book

UNIT_KEYS = ["id", "name", "file", "weight", "owner", "active"]


def parent_tables(units, rollups=None, lang="id"):
    tables = sample_tables(lang)
    keys, rows = tables["tblKpis"]
    extra = rollups or {}
    tables["tblKpis"] = (
        [*keys, "rollup", "source_kpi"],
        [[*row, *extra.get(row[0], ("", ""))] for row in rows],
    )
    tables["tblUnits"] = (UNIT_KEYS, units)
    return tables


def codes(analysis):
    return [(i.code, i.sheet, i.cell, i.value) for i in analysis.issues]


def test_units_and_rollups_are_read_with_defaults(tmp_path):
    tables = parent_tables(
        [
            ["U1", "Dinas Kesehatan", "unit/dinkes.xlsx", 2, "Kabid", "Ya"],
            ["U2", "Dinas Pendidikan", "unit/disdik.xlsm", None, None, None],
            ["U3", "Bappeda", "bappeda.xlsx", "1,5", "", "Tidak"],
        ],
        {"K1": ("Rata-rata tertimbang", ""), "K2": ("min", "PRS-01"), "K4": ("Sum", "")},
    )
    book = write_book(tmp_path / "induk.xlsx", tables)
    a = analyse(book)
    units = {u.id: u for u in a.card.units}
    assert [u.id for u in a.card.units] == ["U1", "U2", "U3"]
    assert (units["U1"].file, units["U1"].weight, units["U1"].owner, units["U1"].active) == (
        "unit/dinkes.xlsx",
        2.0,
        "Kabid",
        True,
    )
    assert (units["U2"].weight, units["U2"].active) == (1.0, True)  # blank: weight 1, active
    assert (units["U3"].weight, units["U3"].active) == (1.5, False)
    kpis = {k.id: k for k in a.card.kpis}
    assert (kpis["K1"].rollup, kpis["K1"].source_kpi) == ("weighted", "")
    assert (kpis["K2"].rollup, kpis["K2"].source_kpi) == ("min", "PRS-01")
    assert kpis["K4"].rollup == "sum" and kpis["K3"].rollup == ""
    # '1,5' typed as text is read the Indonesian way, with W030 as for any table
    assert ("W030", "Unit", "D4", "1,5") in codes(a)
    assert a.errors == 0


def test_english_words_in_an_english_workbook(tmp_path):
    tables = parent_tables(
        [["U1", "Health Office", "health.xlsx", 1, "", "Yes"]],
        {"K1": ("Weighted average", ""), "K4": ("Highest", "")},
        lang="en",
    )
    a = analyse(write_book(tmp_path / "parent.xlsx", tables, "en"))
    kpis = {k.id: k for k in a.card.kpis}
    assert kpis["K1"].rollup == "weighted" and kpis["K4"].rollup == "max"
    assert a.card.units[0].active is True


def test_bad_unit_rows_and_an_unknown_rollup_word_are_named_by_cell(tmp_path):
    tables = parent_tables(
        [
            ["U1", "Dinas Kesehatan", "dinkes.xlsx", 1, "", "Ya"],
            ["U2", "Dinas Pendidikan", None, 1, "", "Ya"],  # no file
            ["u1", "Dinas Kesehatan lagi", "dinkes2.xlsx", 1, "", "Ya"],  # id used twice
            ["U4", "Dinas Sosial", "dinsos.xlsx", "banyak", "", "kadang"],
        ],
        {"K1": ("Median", "")},
    )
    a = analyse(write_book(tmp_path / "induk.xlsx", tables))
    found = codes(a)
    assert ("E020", "Unit", "C3", None) in found  # the File cell of U2
    assert ("E010", "Unit", "A4", "u1") in found
    assert ("E021", "Unit", "D5", "banyak") in found
    assert ("E022", "Unit", "F5", "kadang") in found
    e022 = next(i for i in a.issues if i.code == "E022" and i.field == "rollup")
    assert e022.sheet == "IKU" and e022.value == "Median"
    assert "Rata-rata tertimbang" in e022.message + e022.hint


def test_a_workbook_without_units_reads_as_before(tmp_path):
    a = analyse(write_book(tmp_path / "biasa.xlsx", sample_tables()))
    assert a.card.units == [] and all(k.rollup == "" for k in a.card.kpis)
    assert a.errors == 0
