"""Every validation code of SPEC 6, each from a workbook built to trip it, with sheet and cell."""

import datetime as dt

import pytest

from egov_bsc_xl.validate import validate
from egov_bsc_xl.workbook.reading.reader import read_workbook

from ..books import sample_tables, write_book


def _set(table, row, col, value):
    def change(t):
        t[table][1][row][col] = value

    return change


def _drop_table(name):
    def change(t):
        del t[name]

    return change


def _drop_column(table, key):
    def change(t):
        keys, rows = t[table]
        j = keys.index(key)
        t[table] = (keys[:j] + keys[j + 1 :], [r[:j] + r[j + 1 :] for r in rows])

    return change


def _append(table, row):
    def change(t):
        t[table][1].append(row)

    return change


def _weights(*ws):
    def change(t):
        for r, w in zip(t["tblPerspectives"][1], ws, strict=True):
            r[2] = w

    return change


CASES = [
    ("E001", _drop_table("tblInitiatives"), ("Inisiatif", "", "")),
    ("E002", _drop_column("tblKpis", "polarity"), ("IKU", "A1", "polarity")),
    ("E010", _set("tblKpis", 1, 0, "K1"), ("IKU", "A3", "id")),
    ("E011", _set("tblObjectives", 0, 1, "P9"), ("Sasaran", "B2", "perspective_id")),
    ("E020", _set("tblKpis", 0, 2, None), ("IKU", "C2", "name")),
    ("E021", _set("tblMeasurements", 0, 4, "banyak"), ("Realisasi", "E2", "actual")),
    ("E022", _set("tblKpis", 0, 4, "Naik-turun"), ("IKU", "E2", "polarity")),
    ("E023", _set("tblMeasurements", 0, 2, 0), ("Realisasi", "C2", "target")),
    ("E024", _set("tblMeasurements", 4, 2, 99.9), ("Realisasi", "C6", "target")),
    ("E025", _set("tblMeasurements", 0, 4, "#N/A"), ("Realisasi", "E2", "actual")),
    ("E026", _set("tblMeasurements", 0, 1, "Kuartal 9"), ("Realisasi", "B2", "period")),
    (
        "E027",
        _append("tblMeasurements", ["K1", "TW I 2026", 80, None, 79, "", ""]),
        ("Realisasi", "B11", "period"),
    ),
    ("E030", _set("tblKpis", 0, 5, -1), ("IKU", "F2", "weight")),
    ("E040", _set("tblInitiatives", 0, 6, dt.date(2025, 12, 1)), ("Inisiatif", "G2", "end")),
    ("W001", _weights(0.5, 0.3, 0.3), ("Perspektif", "C2", "weight")),
    (
        "W010",
        _append("tblObjectives", ["S4", "P1", "Sasaran tanpa IKU", "", ""]),
        ("Sasaran", "A5", "id"),
    ),
    ("W011", _set("tblKpis", 0, 6, 90), ("Realisasi", "C2", "target")),
    ("W012", _set("tblMeasurements", 0, 4, 0.78), ("Realisasi", "E2", "actual")),
    ("W013", _set("tblMeasurements", 1, 4, None), ("Realisasi", "E3", "actual")),
    ("W020", _set("tblInitiatives", 0, 8, 600_000_000), ("Inisiatif", "I2", "spent")),
    ("W021", _set("tblInitiatives", 1, 9, 0.1), ("Inisiatif", "J3", "progress")),
    (
        "W022",
        lambda t: (_set("tblInitiatives", 0, 2, "")(t), _set("tblInitiatives", 0, 3, "")(t)),
        ("Inisiatif", "C2", "objective_ids"),
    ),
    ("W030", _set("tblMeasurements", 0, 4, "78,5"), ("Realisasi", "E2", "actual")),
]


@pytest.mark.parametrize(("code", "change", "where"), CASES, ids=[c[0] for c in CASES])
def test_each_code_names_its_sheet_cell_and_field(tmp_path, code, change, where):
    tables = sample_tables()
    change(tables)
    result = read_workbook(write_book(tmp_path / f"{code}.xlsx", tables))
    issues = validate(result)
    found = [i for i in issues if i.code == code]
    assert found, f"{code} not reported; got {[i.code for i in issues]}"
    issue = found[0]
    assert (issue.sheet, issue.cell, issue.field) == where
    assert issue.severity.value == ("error" if code.startswith("E") else "warning")
    assert issue.message and issue.hint
    others = {i.code for i in issues} - {code}
    assert not {o for o in others if o.startswith("E")} or code in ("E001", "E002", "E010", "E024")


def test_initiative_progress_outside_range_is_e040(tmp_path):
    tables = sample_tables()
    tables["tblInitiatives"][1][0][9] = 150  # 150 %
    issues = validate(read_workbook(write_book(tmp_path / "p.xlsx", tables)))
    assert [(i.code, i.cell) for i in issues if i.code == "E040"] == [("E040", "J2")]


def test_all_issues_are_collected_in_one_pass(tmp_path):
    tables = sample_tables()
    wanted = {
        "E010",
        "E011",
        "E020",
        "E022",
        "E026",
        "E030",
        "E040",
        "W001",
        "W010",
        "W020",
        "W022",
    }
    for code, change, _ in CASES:
        if code in wanted:
            change(tables)
    _set("tblMeasurements", 5, 4, "banyak")(tables)  # E021
    _set("tblMeasurements", 6, 2, -5)(tables)  # E023
    issues = validate(read_workbook(write_book(tmp_path / "all.xlsx", tables)))
    codes = {i.code for i in issues}
    assert wanted | {"E021", "E023"} <= codes
    severities = [i.severity.value for i in issues]
    assert severities == sorted(severities)  # errors first


def test_messages_follow_the_workbook_language(tmp_path):
    tables = sample_tables("en")
    tables["tblKpis"][1][0][4] = "Upwards"
    issues = validate(read_workbook(write_book(tmp_path / "en.xlsx", tables, "en")))
    e022 = next(i for i in issues if i.code == "E022")
    assert (
        e022.sheet == "KPIs"
        and "not an allowed value" in e022.message
        and "Upwards" in e022.message
    )
    tables = sample_tables("id")
    tables["tblKpis"][1][0][4] = "Naik-turun"
    issues = validate(read_workbook(write_book(tmp_path / "id.xlsx", tables)))
    assert "tidak termasuk pilihan" in next(i for i in issues if i.code == "E022").message


def test_messages_use_the_workbook_words(tmp_path):
    tables = sample_tables("en")
    tables["tblMeasurements"][1][0][2] = 0  # E023 on a Maximize KPI
    tables["tblMeasurements"][1][4][3] = None  # Stabilize KPI without upper target
    tables["tblKpis"][1][1][4] = "Sideways"
    issues = validate(read_workbook(write_book(tmp_path / "en.xlsx", tables, "en")))
    by_code = {i.code: i for i in issues}
    assert (
        "Higher is better" in by_code["E023"].message and "maximize" not in by_code["E023"].message
    )
    stable = next(i for i in issues if i.code == "E020" and i.field == "target_upper")
    assert (
        stable.hint
        == "Fill in this cell (a 'Within range' KPI needs a range: fill in the upper target)."
    )
    assert "Higher is better, Lower is better, Within range, Yes/No" in by_code["E022"].hint


def test_error_values_in_computed_columns_are_not_input_errors(tmp_path):
    tables = sample_tables()
    keys, rows = tables["tblMeasurements"]
    tables["tblMeasurements"] = (
        keys + ["achievement", "status"],
        [r + ["#NAME?", "#NAME?"] for r in rows],
    )
    issues = validate(read_workbook(write_book(tmp_path / "name.xlsx", tables)))
    assert [i for i in issues if i.code == "E025"] == []
