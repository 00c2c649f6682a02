"""The one place that resolves the language: everything else asks `pick` or the catalogue.

A language is a `Language` (model/enums.py, a StrEnum, so 'id' and 'en' typed as text work too).
Anything that is not English is Indonesian, the product's first language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # i18n sits below model at run time; the type is only for the checker
    from egov_bsc_xl.i18n.words import Language

T = TypeVar("T")

LANGUAGE_CODES = ("id", "en")  # the values of Language, as typed after --lang


def is_english(lang: Language | str | None) -> bool:
    """True for English, False for Indonesian (and for anything that is not a language)."""
    return lang == "en"


def pick(lang: Language | str | None, id_value: T, en_value: T) -> T:
    """`id_value` in an Indonesian workbook, `en_value` in an English one.

    For data that carries both languages beside each other (a band's label_id and label_en, a
    KPI's two names); texts of the product itself are looked up in the catalogue with `tr`.
    """
    return en_value if is_english(lang) else id_value


def fill(pair: tuple[str, str], lang: Language | str | None, values: dict[str, object]) -> str:
    """The text of `pair` (Indonesian, English) in `lang`, its `{name}` fields filled when given."""
    chosen = pick(lang, pair[0], pair[1])
    return chosen.format(**values) if values else chosen
