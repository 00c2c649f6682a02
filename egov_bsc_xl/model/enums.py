"""Enumerations of the scorecard that accept the Indonesian and English words of SPEC 2."""

from __future__ import annotations

from egov_bsc_xl.i18n.words import Language, WordEnum, fold_word

__all__ = [
    "NO_WORDS",
    "YES_WORDS",
    "Aggregation",
    "Frequency",
    "KpiType",
    "Language",
    "MinimizeMethod",
    "MissingPolicy",
    "Polarity",
    "parse_yes_no",
]


class Polarity(WordEnum):
    MAXIMIZE = "maximize"
    MINIMIZE = "minimize"
    STABILIZE = "stabilize"
    BINARY = "binary"


# The words the dropdowns show (SPEC 8); the words of the first release stay accepted.
Polarity._words = {
    "maximize": ("Semakin tinggi semakin baik", "Higher is better"),
    "minimize": ("Semakin rendah semakin baik", "Lower is better"),
    "stabilize": ("Dalam rentang", "Within range"),
    "binary": ("Ya/Tidak", "Yes/No"),
}
Polarity._aliases = {
    "maksimal": "maximize",
    "maximize": "maximize",
    "positif": "maximize",
    "positive": "maximize",
    "maksimum": "maximize",
    "maximise": "maximize",
    "max": "maximize",
    "naik": "maximize",
    "minimal": "minimize",
    "minimize": "minimize",
    "negatif": "minimize",
    "negative": "minimize",
    "minimum": "minimize",
    "minimise": "minimize",
    "min": "minimize",
    "turun": "minimize",
    "stabil": "stabilize",
    "stabilize": "stabilize",
    "stabilise": "stabilize",
    "range": "stabilize",
    "rentang": "stabilize",
    "ya/tidak": "binary",
    "yes/no": "binary",
    "ya tidak": "binary",
    "yes no": "binary",
    "biner": "binary",
    "boolean": "binary",
}


class Frequency(WordEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMESTER = "semester"
    ANNUAL = "annual"


Frequency._words = {
    "monthly": ("Bulanan", "Monthly"),
    "quarterly": ("Triwulanan", "Quarterly"),
    "semester": ("Semesteran", "Semester"),
    "annual": ("Tahunan", "Annual"),
}
Frequency._aliases = {
    "bulan": "monthly",
    "month": "monthly",
    "triwulan": "quarterly",
    "quarter": "quarterly",
    "tw": "quarterly",
    "semiannual": "semester",
    "semi annual": "semester",
    "half yearly": "semester",
    "tahun": "annual",
    "yearly": "annual",
    "year": "annual",
}


class Aggregation(WordEnum):
    SUM = "sum"
    AVERAGE = "average"
    LAST = "last"


Aggregation._words = {
    "sum": ("Jumlah per periode", "Sum of periods"),
    "average": ("Rata-rata", "Average"),
    "last": ("Terakhir (angka sudah kumulatif)", "Last (figure already cumulative)"),
}
Aggregation._aliases = {
    "jumlah": "sum",
    "total": "sum",
    "sum": "sum",
    "rata rata": "average",
    "mean": "average",
    "avg": "average",
    "terakhir": "last",
    "last": "last",
    "latest": "last",
}
# "kumulatif" alone names both "already cumulative" (last) and "to be added up" (sum): E022.
_CUMULATIVE = (
    "'kumulatif' bisa berarti dua hal; pilih 'Terakhir (angka sudah kumulatif)' bila angka tiap "
    "periode sudah merupakan akumulasi sejak awal tahun, atau 'Jumlah per periode' bila angka tiap "
    "periode dijumlahkan",
    "'cumulative' has two meanings; choose 'Last (figure already cumulative)' when each period's "
    "figure already adds up from the start of the year, or 'Sum of periods' when the periods' "
    "figures are to be added up",
)
Aggregation._ambiguous = {
    "kumulatif": _CUMULATIVE,
    "cumulative": _CUMULATIVE,
    "akumulasi": _CUMULATIVE,
}


class MinimizeMethod(WordEnum):
    PERMENPAN = "permenpan"  # 2 - A/T
    INVERSE = "inverse"  # T/A


MinimizeMethod._words = {
    "permenpan": ("Praktik LKjIP (2 − R/T)", "LKjIP practice (2 − A/T)"),
    "inverse": ("Kebalikan (T/R)", "Inverse (T/A)"),
}
MinimizeMethod._aliases = {
    "permenpan": "permenpan",
    "2-A/T": "permenpan",
    "2-R/T": "permenpan",
    "permenpanrb": "permenpan",
    "standard": "permenpan",
    "standar": "permenpan",
    "lkjip": "permenpan",
    "inverse": "inverse",
    "t/a": "inverse",
    "t/r": "inverse",
    "invers": "inverse",
    "kebalikan": "inverse",
}


class MissingPolicy(WordEnum):
    EXCLUDE = "exclude"
    ZERO = "zero"


MissingPolicy._words = {
    "exclude": ("Abaikan (bobot dibagi ulang)", "Leave out (reweight the others)"),
    "zero": ("Hitung sebagai nol", "Count as zero"),
}
MissingPolicy._aliases = {
    "exclude": "exclude",
    "abaikan": "exclude",
    "dikecualikan": "exclude",
    "leave out": "exclude",
    "zero": "zero",
    "nol": "zero",
    "0": "zero",
}


# The yes/no vocabulary: the reader, the Excel functions and the native formulas all use these.
YES_WORDS = ("ya", "yes", "y", "true", "benar", "1", "1.0", "aktif", "active", "sudah", "done")
NO_WORDS = ("tidak", "no", "n", "t", "false", "salah", "0", "0.0", "nonaktif", "inactive", "belum")
_YES = frozenset(YES_WORDS)
_NO = frozenset(NO_WORDS)


def parse_yes_no(value: object) -> bool | None:
    """True for yes/ya/1/true, False for no/tidak/0/false, None for anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value == 1:
            return True
        if value == 0:
            return False
        return None
    folded = fold_word(value)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None


class KpiType(WordEnum):
    """SPEC 8 kpi_type: an outcome (result for the public) or an output (what the unit delivers)."""

    OUTCOME = "outcome"
    OUTPUT = "output"


# SAKIP uses the same two words in Indonesian and English.
KpiType._words = {"outcome": ("Outcome", "Outcome"), "output": ("Output", "Output")}
KpiType._aliases = {
    "hasil": "outcome",
    "iku outcome": "outcome",
    "indikator outcome": "outcome",
    "keluaran": "output",
    "iku output": "output",
    "indikator output": "output",
}


class RollupMethod(WordEnum):
    """SPEC 9 tblKpis.rollup: how a parent KPI is computed from its units' values."""

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
    "jumlah unit": "sum",
    "rerata": "average",
    "mean": "average",
    "avg": "average",
    "rata rata": "average",
    "tertimbang": "weighted",
    "rata rata tertimbang": "weighted",
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
