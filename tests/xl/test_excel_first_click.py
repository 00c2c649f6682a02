"""What makes the workbook work on the first click in Excel, proven from the files and from
xlwings' own VBA (the installed package's addin/*.bas), since there is no Excel here."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import openpyxl

from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template import XLWINGS_CONF, build_template

XLWINGS_DIR = Path(importlib.util.find_spec("xlwings").origin).parent  # type: ignore[union-attr,arg-type]


def _xlwings_vba(name: str) -> str:
    return (XLWINGS_DIR / "addin" / name).read_text(encoding="utf-8", errors="replace")


def _function(source: str, name: str) -> str:
    found = re.search(rf"^(?:Public |Private )?Function {name}\b.*?^End Function", source, re.M | re.S)
    assert found, name
    return found.group(0)


def test_xlwings_takes_a_key_on_the_conf_sheet_even_when_its_value_is_empty():
    # The premise of writing only settings that have a value: GetConfig returns the sheet's value
    # as soon as the key exists and never looks at ~/.xlwings/xlwings.conf for it.
    get_config = _function(_xlwings_vba("Config.bas"), "GetConfig")
    sheet_part = get_config.split("' Directory Config")[0]
    assert re.search(r"GetConfigFromSheet\(ActiveWorkbook\)\.Exists\(configKey\) = True Then\s+"
                     r"GetConfig = GetConfigFromSheet\(ActiveWorkbook\)\.Item\(configKey\)", sheet_part)
    assert "Exit Function" in sheet_part and "<> \"\"" not in sheet_part
    # and the sheet is read from A1 down to the first empty cell of column A
    assert 'sht.Range("A1").End(xlDown)' in _function(_xlwings_vba("Config.bas"), "GetConfigFromSheet")


def test_the_conf_sheet_has_only_contiguous_keys_with_values(tmp_path):
    path = build_template(tmp_path / "b.xlsm", "id")
    ws = openpyxl.load_workbook(path)[c.XLWINGS_CONF_SHEET]
    rows = [(a, b) for a, b in ws.iter_rows(min_col=1, max_col=2, values_only=True)]
    assert rows == [(k, v) for k, v in XLWINGS_CONF]
    assert all(v for _, v in rows)
    keys = {k.upper() for k, _ in rows}
    assert not keys & {"INTERPRETER_WIN", "INTERPRETER_MAC", "INTERPRETER", "PYTHONPATH", "CONDA PATH",
                       "CONDA ENV"}
    assert "UDF MODULES" in keys
