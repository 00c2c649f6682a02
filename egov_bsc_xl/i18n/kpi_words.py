"""Dropdown words of the SPEC 8 and 9 KPI columns: the IKU type (kpi_type) and the unit roll-up
(rollup), both languages; the machine keys and the words shown are all read back."""

from __future__ import annotations

from egov_bsc_xl.i18n.words import WordEnum


class KpiType(WordEnum):
    """tblKpis.kpi_type: an outcome IKU measures a result for citizens, an output IKU a product."""

    OUTCOME = "outcome"
    OUTPUT = "output"


KpiType._words = {
    "outcome": ("Outcome", "Outcome"),
    "output": ("Output", "Output"),
}
KpiType._aliases = {
    "hasil": "outcome",
    "iku outcome": "outcome",
    "indikator outcome": "outcome",
    "keluaran": "output",
    "iku output": "output",
    "indikator output": "output",
}


class Rollup(WordEnum):
    """tblKpis.rollup (SPEC 9): how a parent KPI is computed from its units' values."""

    SUM = "sum"
    AVERAGE = "average"
    WEIGHTED = "weighted"  # average weighted by tblUnits.weight
    MIN = "min"
    MAX = "max"


Rollup._words = {
    "sum": ("Jumlah", "Sum"),
    "average": ("Rata-rata", "Average"),
    "weighted": ("Rata-rata tertimbang", "Weighted average"),
    "min": ("Terendah", "Lowest"),
    "max": ("Tertinggi", "Highest"),
}
Rollup._aliases = {
    "total": "sum",
    "jumlah unit": "sum",
    "rata rata": "average",
    "mean": "average",
    "avg": "average",
    "rata rata tertimbang": "weighted",
    "tertimbang": "weighted",
    "weighted": "weighted",
    "weighted mean": "weighted",
    "minimum": "min",
    "minimal": "min",
    "lowest": "min",
    "maksimum": "max",
    "maksimal": "max",
    "maximum": "max",
    "highest": "max",
}
