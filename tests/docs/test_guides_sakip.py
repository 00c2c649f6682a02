"""The guides teach the second release: the SAKIP profile rows and KPI columns, history rows of an
earlier year, analysis and follow-up, the LKjIP sheet, and the many-units flow; the examples land
in the template's cells when typed as written."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from egov_bsc_xl.workbook import contract
from tests.docs.guide_book import examples
from tests.docs.test_panduan import GUIDE, PANDUAN, Guide, follow

GUIDES = [pytest.param(PANDUAN, id="PANDUAN"), pytest.param(GUIDE, id="GUIDE")]


@pytest.mark.parametrize("guide", GUIDES)
def test_the_examples_fill_every_sakip_column_and_profile_row(guide: Guide):
    lang = guide.lang
    typed = {(ex.table, h) for ex in examples(guide.text) for h in ex.headers}
    for table, key in (
        (contract.KPIS, "kpi_type"),
        (contract.KPIS, "annual_target"),
        (contract.KPIS, "plan_target"),
        (contract.MEASUREMENTS, "analysis"),
        (contract.MEASUREMENTS, "action"),
        (contract.MEASUREMENTS, "action_owner"),
        (contract.MEASUREMENTS, "action_due"),
    ):
        assert (table.name, table.column(key).label(lang)) in typed, key
    profile_keys = {
        row[0] for ex in examples(guide.text) if ex.table == "tblProfile" for row in ex.rows
    }
    assert {"plan_start", "plan_end", "head_name", "head_title", "feedback_channel"} <= profile_keys
    history = [
        row
        for ex in examples(guide.text)
        if ex.table == "tblMeasurements"
        for row in ex.rows
        if row[1] == "2025"
    ]
    assert len(history) >= 4  # an annual row of an earlier year is enough


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_names_the_lkjip_sheet_and_the_three_unit_commands(guide: Guide):
    text = " ".join(guide.text.split())  # lines are wrapped anywhere
    assert f"**{contract.LKJIP_SHEET[guide.lang]}**" in text
    assert "Perjanjian Kinerja" in text and "Renstra" in text
    for command in ("egov-bsc forms", "egov-bsc collect", "egov-bsc consolidate"):
        assert f"| `{command} " in text, command  # in the command table
    for sheet in (contract.UNITS.sheet(guide.lang), contract.COLLECTION_SHEET[guide.lang]):
        assert f"**{sheet}**" in text
    assert contract.CONSOLIDATION_SHEET[guide.lang] in text


@pytest.mark.parametrize("guide", GUIDES)
def test_typed_as_written_the_sakip_values_are_in_their_cells(guide: Guide, tmp_path):
    book = load_workbook(follow(guide, tmp_path))
    lang = guide.lang
    profile = book[contract.PROFILE.sheet(lang)]
    values = {r[0]: r[2] for r in profile.iter_rows(min_row=5, values_only=True) if r[0]}
    assert (values["plan_start"], values["plan_end"]) == (2025, 2029)
    assert values["feedback_channel"] == "SP4N-LAPOR! (lapor.go.id)"
    kpis = book[contract.KPIS.sheet(lang)]
    col = {k: contract.KPIS.keys.index(k) for k in ("id", "annual_target", "plan_target")}
    rows = {r[0]: r for r in kpis.iter_rows(min_row=5, values_only=True) if r[0]}
    assert (
        rows["IKU02"][col["annual_target"]] == 60000 and rows["IKU07"][col["plan_target"]] == 1000
    )
    assert rows["IKU03"][col["annual_target"]] == pytest.approx(3.75)
    ws = book[contract.MEASUREMENTS.sheet(lang)]
    keys = contract.MEASUREMENTS.keys
    found = {(r[0], r[1]): r for r in ws.iter_rows(min_row=5, values_only=True) if r[0] is not None}
    iku06 = found[("IKU06", "2026-Q2")]
    assert iku06[keys.index("analysis")] and iku06[keys.index("action")]
    assert iku06[keys.index("action_due")] == dt.datetime(2026, 9, 30)
    assert found[("IKU02", "2025")][keys.index("actual")] == 42000
