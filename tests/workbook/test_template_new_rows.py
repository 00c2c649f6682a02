"""Rows a planner adds to tblMeasurements in Excel get the Capaian and Status formulas too."""

import pytest
from openpyxl import load_workbook

from egov_bsc_xl.workbook.template.build import build_template


@pytest.mark.parametrize("formulas", ["udf", "native"])
def test_computed_columns_are_calculated_columns_of_the_table(tmp_path, formulas):
    path = build_template(tmp_path / "t.xlsm", "id", formulas)
    wb = load_workbook(path, keep_vba=True)
    table = next(
        t for ws in wb.worksheets for t in ws.tables.values() if t.name == "tblMeasurements"
    )
    calculated = {col.name: col.calculatedColumnFormula for col in table.tableColumns}
    for header in ("Capaian", "Status"):
        assert calculated[header] is not None, header
    assert ("BSC_ACHIEVEMENT" in calculated["Capaian"].attr_text) == (formulas == "udf")
    assert calculated["Realisasi"] is None
