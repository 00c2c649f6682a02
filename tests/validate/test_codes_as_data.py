"""Codes as data: every code of SPEC 6 is one member of validate.Code, with its severity and message,
declared by the check that raises it; the reader reports problems, never codes."""

import pytest

from egov_bsc_xl.i18n.messages import MESSAGES
from egov_bsc_xl.model.issues import Problem, Severity
from egov_bsc_xl.validate import CHECKS, PARSE_CODES, Code, parse_issues, validate
from egov_bsc_xl.validate.codes import COMMAND_CODES
from egov_bsc_xl.validate.collector import Collector
from egov_bsc_xl.validate.units import consolidation_issues
from egov_bsc_xl.workbook.reading.reader import read_workbook

from ..books import sample_tables, write_book


def test_every_code_has_its_message_and_the_same_severity_in_both_places():
    assert set(MESSAGES) == {code.message_key for code in Code}
    for code in Code:
        assert MESSAGES[code.message_key][0] == code.severity.value, code
        assert code.is_error == (code.severity is Severity.ERROR) == code.value.startswith("E")


def test_every_code_is_declared_by_a_check_or_given_to_a_reading_problem():
    declared = set(PARSE_CODES.values()) | set(COMMAND_CODES)
    for check in CHECKS:
        declared |= check.__raises__
    declared |= consolidation_issues.__raises__  # raised by consolidate on the parent (SPEC 9)
    assert declared == set(Code)
    assert set(PARSE_CODES) == set(Problem)  # every problem the reader can report has its code


def test_a_check_cannot_raise_a_code_it_does_not_declare():
    col = Collector(lambda table, row, key: ("IKU", "A1"))
    col.allowed = frozenset({Code.E010})
    col.add(Code.E010, "tblKpis", 0, "id", "K1")
    with pytest.raises(ValueError, match="E011"):
        col.add(Code.E011, "tblKpis", 0, "objective_id", "S9")


def test_the_reader_reports_what_it_found_as_data_and_validation_gives_the_codes(tmp_path):
    tables = sample_tables()
    kpis = tables["tblKpis"][1]
    keys = tables["tblKpis"][0]
    kpis[1][keys.index("weight")] = "banyak"  # no number
    kpis[2][keys.index("polarity")] = "ke atas"  # no polarity word
    result = read_workbook(write_book(tmp_path / "p.xlsx", tables))
    found = [(p.what, p.table, p.row, p.column, p.raw) for p in result.problems]
    assert found == [
        (Problem.NOT_NUMBER, "tblKpis", 1, "weight", "banyak"),
        (Problem.NOT_CHOICE, "tblKpis", 2, "polarity", "ke atas"),
    ]
    issues = parse_issues(result)
    assert [(i.code, i.sheet, i.cell, i.value) for i in issues] == [
        ("E021", "IKU", f"{_letter(keys.index('weight'))}3", "banyak"),
        ("E022", "IKU", f"{_letter(keys.index('polarity'))}4", "ke atas"),
    ]
    everything = validate(result)
    assert [i.code for i in everything[:2]] == ["E021", "E022"]  # reading's issues first, as found


def test_items_carry_their_source_row_so_a_rule_names_the_right_cell(tmp_path):
    tables = sample_tables()
    keys, rows = tables["tblObjectives"]
    blank = [""] * len(keys)
    duplicate = list(rows[0])
    tables["tblObjectives"] = (keys, [rows[0], blank, rows[1], blank, blank, duplicate] + rows[2:])
    result = read_workbook(write_book(tmp_path / "rows.xlsx", tables))
    assert [o.row for o in result.card.objectives][:3] == [0, 2, 5]
    e010 = [i for i in validate(result) if i.code == "E010"]
    assert [(i.sheet, i.cell, i.value, i.row) for i in e010] == [("Sasaran", "A7", rows[0][0], 5)]


def _letter(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]
