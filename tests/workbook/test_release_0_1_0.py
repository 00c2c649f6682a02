"""Workbooks made by release 0.1.0 keep working: validate, score, recalc --output and deck.

tests/data/release-0.1.0/ holds the two committed templates of 0.1.0 and two demo workbooks
made by the 0.1.0 code (`egov-bsc new --demo`, Indonesian with UDF formulas and English with
native formulas). Columns and tables added since are optional on reading.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation

from tests.cli_run import Ran, egov_bsc
from tests.ooxml_check import assert_valid_ooxml

DATA = Path(__file__).resolve().parents[1] / "data" / "release-0.1.0"
TEMPLATES = ["egov-bsc-template-id.xlsm", "egov-bsc-template-en.xlsm"]
DEMOS = {
    "demo-0.1.0-id.xlsm": ("Dasbor", "leadership"),
    "demo-0.1.0-en-native.xlsm": ("Dashboard", "public"),
}


def _cli(*args: str, cwd: Path | None = None) -> Ran:
    return egov_bsc(*args, cwd=cwd)


def _copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copy(DATA / name, target)
    return target


@pytest.mark.parametrize("name", TEMPLATES)
def test_blank_templates_of_0_1_0_validate_and_recalculate(name: str, tmp_path: Path) -> None:
    book = _copy(name, tmp_path)
    done = _cli("validate", str(book))
    assert done.returncode == 0, done.stdout + done.stderr
    out = tmp_path / "hasil.xlsm"
    done = _cli("recalc", str(book), "--output", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert book.read_bytes() == (DATA / name).read_bytes()  # --output leaves the original alone
    sheets = openpyxl.load_workbook(out).sheetnames
    before = openpyxl.load_workbook(book).sheetnames
    assert sheets[1] in ("Dasbor", "Dashboard") and sheets[: len(before)] == before
    assert sheets[len(before) :] in (["LKjIP"], ["Performance Report"])  # SPEC 8: added at the end
    assert_valid_ooxml(out)


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_demo_workbooks_of_0_1_0_score_recalculate_and_make_a_deck(
    name: str, tmp_path: Path
) -> None:
    dashboard, audience = DEMOS[name]
    book = _copy(name, tmp_path)
    done = _cli("validate", str(book), "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [i for i in json.loads(done.stdout)["issues"] if i["severity"] == "error"]

    done = _cli("score", str(book), "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["period"] == "2026-Q3"
    assert 0.5 < scores["overall"]["score"] < 1.2 and len(scores["perspectives"]) == 4

    out = tmp_path / "hasil.xlsm"
    done = _cli("recalc", str(book), "--output", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    values = openpyxl.load_workbook(out, data_only=True)[dashboard]
    shown = [
        cell.value for row in values.iter_rows() for cell in row if isinstance(cell.value, float)
    ]
    assert any(
        abs(v - scores["overall"]["score"]) < 1e-9 for v in shown
    )  # the dashboard's overall score
    assert_valid_ooxml(out)

    deck = tmp_path / "paparan.pptx"
    done = _cli("deck", str(book), "--audience", audience, "--output", str(deck))
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(Presentation(str(deck)).slides) >= 4
