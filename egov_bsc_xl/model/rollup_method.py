"""How a parent KPI is rolled up from its units (SPEC 9 tblKpis.rollup): the keys and the planner's words."""

from __future__ import annotations

from egov_bsc_xl.i18n.words import WordEnum

__all__ = ["RollupMethod"]


class RollupMethod(WordEnum):
    SUM = "sum"
    AVERAGE = "average"
    WEIGHTED = "weighted"  # average weighted by tblUnits.weight
    MIN = "min"
    MAX = "max"


# The dropdown words (Indonesian, English); the keys of SPEC 9 are accepted as typed too.
RollupMethod._words = {
    "sum": ("Jumlah", "Sum"),
    "average": ("Rata-rata", "Average"),
    "weighted": ("Rata-rata tertimbang", "Weighted average"),
    "min": ("Terendah", "Lowest"),
    "max": ("Tertinggi", "Highest"),
}
RollupMethod._aliases = {
    "total": "sum",
    "jumlahkan": "sum",
    "rerata": "average",
    "mean": "average",
    "avg": "average",
    "rata rata": "average",
    "tertimbang": "weighted",
    "rerata tertimbang": "weighted",
    "weighted mean": "weighted",
    "minimum": "min",
    "minimal": "min",
    "terkecil": "min",
    "lowest": "min",
    "maximum": "max",
    "maksimum": "max",
    "maksimal": "max",
    "terbesar": "max",
    "highest": "max",
}
