"""Enumerations of the scorecard that accept the Indonesian and English words of SPEC 2."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import Any, ClassVar

_SPACES = re.compile(r"[\s_\-]+")


def _fold(word: object) -> str:
    return _SPACES.sub(" ", str(word).strip().lower())


class _WordEnum(StrEnum):
    """A StrEnum whose members also parse from the words people type (both languages)."""

    _words: ClassVar[dict[str, tuple[str, str]]]  # member value -> (Indonesian word, English word)
    _aliases: ClassVar[dict[str, str]]  # folded alias -> member value

    @classmethod
    def _missing_(cls, value: object) -> Any:
        folded = _fold(value)
        for member in cls:
            if folded == member.value or folded in (_fold(w) for w in cls._words[member.value]):
                return member
        alias = cls._aliases.get(folded)
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
        return id_word if lang == "id" else en_word

    @classmethod
    def choices(cls, lang: str) -> list[str]:
        """The dropdown list for language `lang`."""
        return [m.word(lang) for m in cls]


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


Polarity._words = {
    "maximize": ("Maksimal", "Maximize"),
    "minimize": ("Minimal", "Minimize"),
    "stabilize": ("Stabil", "Stabilize"),
    "binary": ("Ya/Tidak", "Yes/No"),
}
Polarity._aliases = {
    "maksimum": "maximize", "maximise": "maximize", "max": "maximize", "naik": "maximize",
    "higher is better": "maximize", "semakin tinggi semakin baik": "maximize",
    "minimum": "minimize", "minimise": "minimize", "min": "minimize", "turun": "minimize",
    "lower is better": "minimize", "semakin rendah semakin baik": "minimize",
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
    "sum": ("Jumlah", "Sum"),
    "average": ("Rata-rata", "Average"),
    "last": ("Terakhir", "Last"),
}
Aggregation._aliases = {
    "total": "sum", "kumulatif": "sum", "cumulative": "sum",
    "rata rata": "average", "mean": "average", "avg": "average", "latest": "last",
}


class MinimizeMethod(_WordEnum):
    PERMENPAN = "permenpan"  # 2 - A/T
    INVERSE = "inverse"  # T/A


MinimizeMethod._words = {"permenpan": ("permenpan", "permenpan"), "inverse": ("inverse", "inverse")}
MinimizeMethod._aliases = {
    "2 a/t": "permenpan", "permenpanrb": "permenpan", "standard": "permenpan", "standar": "permenpan",
    "t/a": "inverse", "invers": "inverse", "kebalikan": "inverse",
}


class MissingPolicy(_WordEnum):
    EXCLUDE = "exclude"
    ZERO = "zero"


MissingPolicy._words = {"exclude": ("exclude", "exclude"), "zero": ("zero", "zero")}
MissingPolicy._aliases = {"abaikan": "exclude", "dikecualikan": "exclude", "nol": "zero", "0": "zero"}


class Language(_WordEnum):
    ID = "id"
    EN = "en"


Language._words = {"id": ("Indonesia", "Indonesian"), "en": ("Inggris", "English")}
Language._aliases = {"bahasa indonesia": "id", "ind": "id", "eng": "en", "english": "en"}


_YES = {"ya", "yes", "y", "true", "benar", "1", "1.0", "aktif", "active", "sudah", "done"}
_NO = {"tidak", "no", "n", "t", "false", "salah", "0", "0.0", "nonaktif", "inactive", "belum"}


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
