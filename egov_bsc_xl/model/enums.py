"""Enumerations of the scorecard that accept the Indonesian and English words of SPEC 2."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import Any, ClassVar

from egov_bsc_xl.i18n.language import pick

_SPACES = re.compile(r"[\s_\-]+")


def _fold(word: object) -> str:
    return _SPACES.sub(" ", str(word).strip().lower())


class _WordEnum(StrEnum):
    """A StrEnum whose members also parse from the words people type (both languages)."""

    _words: ClassVar[dict[str, tuple[str, str]]]  # member value -> (Indonesian word, English word)
    _aliases: ClassVar[dict[str, str]]  # alias (folded when read) -> member value
    _ambiguous: ClassVar[dict[str, tuple[str, str]]]  # folded word with two meanings -> E022 hint

    @classmethod
    def _missing_(cls, value: object) -> Any:
        folded = _fold(value)
        for member in cls:
            if folded == member.value or folded in (_fold(w) for w in cls._words[member.value]):
                return member
        alias = next((v for k, v in cls._aliases.items() if _fold(k) == folded), None)
        return cls(alias) if alias is not None else None

    @classmethod
    def parse(cls, value: object) -> Any:
        """The member a workbook word names, or None when the word is not one of them."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return _parse_cached(cls, value)
        except TypeError:  # unhashable
            return None

    def word(self, lang: str) -> str:
        """The word shown in a workbook of language `lang` (id or en)."""
        id_word, en_word = self._words[self.value]
        return pick(lang, id_word, en_word)

    @classmethod
    def choices(cls, lang: str) -> list[str]:
        """The dropdown list for language `lang`."""
        return [m.word(lang) for m in cls]

    def accepted(self) -> list[str]:
        """Every word that reads as this member (machine key, shown words, aliases), as typed forms.

        The native Excel formulas match these words (case-insensitively), so a word the engine
        reads is a word the formula reads.
        """
        words = [self.value, *self._words[self.value]]
        words += [alias for alias, value in self._aliases.items() if value == self.value]
        seen: dict[str, str] = {}
        for word in words:
            seen.setdefault(word.lower(), word)
        return list(seen.values())

    @classmethod
    def ambiguity(cls, value: object) -> tuple[str, str] | None:
        """(Indonesian, English) explanation when `value` is a word with two meanings (E022 hint)."""
        return getattr(cls, "_ambiguous", {}).get(_fold(value)) if value is not None else None


@lru_cache(maxsize=1024)
def _parse_cached(cls: type[_WordEnum], value: object) -> Any:
    try:
        return cls(value)  # type: ignore[arg-type]  # _missing_ reads any word
    except ValueError:
        return None


class Polarity(_WordEnum):
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
    "maksimal": "maximize", "maximize": "maximize", "positif": "maximize", "positive": "maximize",
    "maksimum": "maximize", "maximise": "maximize", "max": "maximize", "naik": "maximize",
    "minimal": "minimize", "minimize": "minimize", "negatif": "minimize", "negative": "minimize",
    "minimum": "minimize", "minimise": "minimize", "min": "minimize", "turun": "minimize",
    "stabil": "stabilize", "stabilize": "stabilize",
    "stabilise": "stabilize", "range": "stabilize", "rentang": "stabilize",
    "ya/tidak": "binary", "yes/no": "binary", "ya tidak": "binary", "yes no": "binary",
    "biner": "binary", "boolean": "binary",
}


class Frequency(_WordEnum):
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
    "bulan": "monthly", "month": "monthly", "triwulan": "quarterly", "quarter": "quarterly",
    "tw": "quarterly", "semiannual": "semester", "semi annual": "semester", "half yearly": "semester",
    "tahun": "annual", "yearly": "annual", "year": "annual",
}


class Aggregation(_WordEnum):
    SUM = "sum"
    AVERAGE = "average"
    LAST = "last"


Aggregation._words = {
    "sum": ("Jumlah per periode", "Sum of periods"),
    "average": ("Rata-rata", "Average"),
    "last": ("Terakhir (angka sudah kumulatif)", "Last (figure already cumulative)"),
}
Aggregation._aliases = {
    "jumlah": "sum", "total": "sum", "sum": "sum",
    "rata rata": "average", "mean": "average", "avg": "average",
    "terakhir": "last", "last": "last", "latest": "last",
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
Aggregation._ambiguous = {"kumulatif": _CUMULATIVE, "cumulative": _CUMULATIVE, "akumulasi": _CUMULATIVE}


class MinimizeMethod(_WordEnum):
    PERMENPAN = "permenpan"  # 2 - A/T
    INVERSE = "inverse"  # T/A


MinimizeMethod._words = {
    "permenpan": ("Praktik LKjIP (2 − R/T)", "LKjIP practice (2 − A/T)"),
    "inverse": ("Kebalikan (T/R)", "Inverse (T/A)"),
}
MinimizeMethod._aliases = {
    "permenpan": "permenpan", "2-A/T": "permenpan", "2-R/T": "permenpan", "permenpanrb": "permenpan",
    "standard": "permenpan", "standar": "permenpan", "lkjip": "permenpan",
    "inverse": "inverse", "t/a": "inverse", "t/r": "inverse", "invers": "inverse", "kebalikan": "inverse",
}


class MissingPolicy(_WordEnum):
    EXCLUDE = "exclude"
    ZERO = "zero"


MissingPolicy._words = {
    "exclude": ("Abaikan (bobot dibagi ulang)", "Leave out (reweight the others)"),
    "zero": ("Hitung sebagai nol", "Count as zero"),
}
MissingPolicy._aliases = {
    "exclude": "exclude", "abaikan": "exclude", "dikecualikan": "exclude", "leave out": "exclude",
    "zero": "zero", "nol": "zero", "0": "zero",
}


class Language(_WordEnum):
    ID = "id"
    EN = "en"


Language._words = {"id": ("Indonesia", "Indonesian"), "en": ("Inggris", "English")}
Language._aliases = {"bahasa indonesia": "id", "ind": "id", "eng": "en", "english": "en"}


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
    folded = _fold(value)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    return None
