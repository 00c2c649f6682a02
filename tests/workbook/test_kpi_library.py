"""The KPI library checked against its sources (issue 11 item 10): scales, names, polarity, type, frequency."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from egov_bsc_xl.model import Frequency, Polarity
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template.build import build
from egov_bsc_xl.workbook.template.kpi_library import BY_CODE, LIBRARY, METHOD_KPIS


def _texts(k) -> str:
    return " ".join(
        (
            k.name_id,
            k.name_en,
            k.definition_id,
            k.definition_en,
            k.unit_id,
            k.unit_en,
            k.source_id,
            k.source_en,
        )
    )


def test_ikm_is_the_permenpanrb_14_2017_index_with_its_grades():
    ikm = BY_CODE["PLG-01"]
    assert (
        "IKM" in ikm.name_id
        and "25-100" in ikm.unit_id
        and "PermenPANRB 14/2017" in ikm.definition_id
    )
    for grade in (
        "A (Sangat Baik) 88,31-100",
        "B (Baik) 76,61-88,30",
        "C (Kurang Baik) 65,00-76,60",
        "D (Tidak Baik) 25,00-64,99",
    ):
        assert grade in ikm.definition_id
    assert "0-100" not in _texts(ikm)


def test_spbe_index_runs_1_to_5_with_its_predikat():
    index = BY_CODE["PRS-03"]
    assert "1-5" in index.unit_id and "PermenPANRB 59/2020" in index.definition_id
    for word in (
        "Kurang (< 1,8)",
        "Cukup (1,8 - < 2,6)",
        "Baik (2,6 - < 3,5)",
        "Sangat Baik (3,5 - < 4,2)",
        "Memuaskan (>= 4,2)",
    ):
        assert word in index.definition_id
    assert "0-5" not in _texts(index)
    assert index.frequency is Frequency.ANNUAL


def test_absorption_is_called_absorption_and_efficiency_is_measured_as_cost():
    absorption = BY_CODE["KEU-02"]
    assert "serapan" in absorption.name_id.lower() and "absorption" in absorption.name_en.lower()
    for k in LIBRARY:
        if "efisiensi" in k.name_id.lower() or "efficien" in k.name_en.lower():
            assert (
                "serapan" not in k.definition_id.lower()
                and "absorption" not in k.definition_en.lower()
            ), k.code
    assert METHOD_KPIS["efficient use of the e-Government budget"] == ("KEU-03",)


def test_a_kpi_measured_against_an_sla_band_has_the_range_polarity():
    sla = [k for k in LIBRARY if "SLA" in _texts(k)]
    assert sla and all(k.polarity is Polarity.STABILIZE for k in sla)


# The regulations a library text may name, and the entries whose source they are.
CLAIMS = {"PermenPANRB 14/2017": {"PLG-01"}, "PermenPANRB 59/2020": {"PRS-03"}}


def test_no_text_claims_a_regulation_it_does_not_come_from():
    for k in LIBRARY:
        for claim in re.findall(
            r"(?:Permen\w*|Perpres|Peraturan Pemerintah|PP|UU|Inpres|SE)\s*\d+/\d{4}", _texts(k)
        ):
            assert k.code in CLAIMS.get(claim, set()), (k.code, claim)


def test_every_entry_has_a_type_and_one_off_documents_are_annual():
    assert {k.kpi_type for k in LIBRARY} == {"outcome", "output"}
    for k in LIBRARY:
        if k.polarity is Polarity.BINARY:  # adopted or not: a document or decision, once a year
            assert k.frequency is Frequency.ANNUAL, k.code


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_library_sheet_has_the_kpi_type_column(lang):
    book = openpyxl.load_workbook(io.BytesIO(build(lang)))
    ws = book[c.KPI_LIBRARY.sheet(lang)]
    rows = [[cell.value for cell in row] for row in ws[ws.tables["tblKpiLibrary"].ref]]
    column = rows[0].index(c.KPI_LIBRARY.column("kpi_type").label(lang))
    by_code = {r[0]: r[column] for r in rows[1:]}
    assert by_code == {k.code: k.kpi_type.capitalize() for k in LIBRARY}
