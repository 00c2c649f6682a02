"""`egov-bsc new`: writes the workbook, refuses bad names and existing files (exit 2), --force."""

from __future__ import annotations

import openpyxl

from tests.cli_run import Ran, egov_bsc


def _new(*args: str) -> Ran:
    return egov_bsc("new", *args)


def test_new_writes_a_demo_workbook_in_english(tmp_path):
    target = tmp_path / "demo.xlsm"
    done = _new(str(target), "--lang", "en", "--demo", "--formulas", "native")
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[:2] == ["Guide", "Dashboard"]
    assert book["KPIs"].max_row == 4 + 13  # title, hint, blank, header and the 13 demo KPIs


def test_new_refuses_a_name_without_xlsm_and_an_existing_file_unless_forced(tmp_path):
    bad = _new(str(tmp_path / "book.xlsx"))
    assert bad.returncode == 2 and ".xlsm" in bad.stderr and "Traceback" not in bad.stderr
    target = tmp_path / "book.xlsm"
    assert _new(str(target)).returncode == 0
    again = _new(str(target))
    assert again.returncode == 2 and "--force" in again.stderr
    assert _new(str(target), "--force", "--lang", "en").returncode == 0
    assert openpyxl.load_workbook(target).sheetnames[0] == "Guide"


def test_new_rejects_unknown_language_and_formula_mode(tmp_path):
    for args in (("--lang", "fr"), ("--formulas", "lambda")):
        done = _new(str(tmp_path / "x.xlsm"), *args)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert not (tmp_path / "x.xlsm").exists()
