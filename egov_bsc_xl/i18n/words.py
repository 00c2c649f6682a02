"""Words people type for a choice, in both languages: the base of every enumeration the
workbook reads, and the workbook's Language itself (i18n is the lowest layer: it imports nothing
of the package but itself)."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import Any, ClassVar

from egov_bsc_xl.i18n.language import pick

_SPACES = re.compile(r"[\s_\-]+")


def fold_word(word: object) -> str:
    return _SPACES.sub(" ", str(word).strip().lower())


class WordEnum(StrEnum):
    """A StrEnum whose members also parse from the words people type (both languages)."""

    _words: ClassVar[dict[str, tuple[str, str]]]  # member value -> (Indonesian word, English word)
    _aliases: ClassVar[dict[str, str]]  # alias (folded when read) -> member value
    _ambiguous: ClassVar[dict[str, tuple[str, str]]]  # folded word with two meanings -> E022 hint

    @classmethod
    def _missing_(cls, value: object) -> Any:
        folded = fold_word(value)
        for member in cls:
            if folded == member.value or folded in (fold_word(w) for w in cls._words[member.value]):
                return member
        alias = next((v for k, v in cls._aliases.items() if fold_word(k) == folded), None)
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
        return getattr(cls, "_ambiguous", {}).get(fold_word(value)) if value is not None else None


@lru_cache(maxsize=1024)
def _parse_cached(cls: type[WordEnum], value: object) -> Any:
    try:
        return cls(value)  # type: ignore[arg-type]  # _missing_ reads any word
    except ValueError:
        return None


class Language(WordEnum):
    ID = "id"
    EN = "en"


Language._words = {"id": ("Indonesia", "Indonesian"), "en": ("Inggris", "English")}
Language._aliases = {"bahasa indonesia": "id", "ind": "id", "eng": "en", "english": "en"}
