"""docs/CONTRACT.md is the workbook contract the code knows: every table, column, key, code and JSON key."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from egov_bsc_xl.cli import main
from egov_bsc_xl.i18n.messages import MESSAGES
from egov_bsc_xl.workbook import contract
from tests.books import sample_book, sample_tables
from tools import contract_doc

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "CONTRACT.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_the_committed_contract_is_what_the_code_writes(doc: str) -> None:
    assert doc == contract_doc.render(), (
        f"docs/CONTRACT.md is out of date: run `{contract_doc.COMMAND}`"
    )


def test_every_table_and_column_is_listed_with_both_headers(doc: str) -> None:
    for spec in contract.TABLES.values():
        section = doc.split(f"### `{spec.name}`", 1)[1].split("\n### ", 1)[0]
        assert f"*{spec.sheet_id}* / {spec.sheet_en}" in section
        for col in spec.columns:
            label_id, label_en = (
                label.replace("|", "\\|") for label in (col.label_id, col.label_en)
            )
            row = f"| `{col.key}` | {label_id} | {label_en} |"
            assert row in section, (spec.name, col.key)


def test_every_profile_and_setting_key_and_every_code_is_listed(doc: str) -> None:
    for key in [*contract.PROFILE_KEYS, *contract.SETTING_KEYS]:
        assert f"| `{key}` |" in doc, key
    listed = set(re.findall(r"^\| ([EW]\d{3}) \|", doc, flags=re.M))
    assert listed == set(MESSAGES)


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def _json_of(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> object:
    monkeypatch.setattr(sys, "argv", ["egov-bsc", *args])
    with pytest.raises(SystemExit):
        main()
    return json.loads(capsys.readouterr().out)


def test_every_key_of_the_json_outputs_is_in_the_doc(
    doc: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = sample_tables()["tblMeasurements"]
    bad = (
        rows[0],
        [*rows[1], ["K9", "2026-Q2", 5, None, 4, "", ""]],
    )  # an issue, so `issues` has a row
    score = _json_of(capsys, monkeypatch, "score", str(sample_book(tmp_path)), "--json")
    (tmp_path / "bad").mkdir()
    issues = _json_of(
        capsys,
        monkeypatch,
        "validate",
        str(sample_book(tmp_path / "bad", tblMeasurements=bad)),
        "--json",
    )
    assert isinstance(issues, dict) and issues["issues"]
    json_part = doc.split("## JSON outputs", 1)[1].split("\n## ", 1)[0]
    for key in sorted(_keys(score) | _keys(issues)):
        assert f'"{key}"' in json_part, key
