"""The one text catalogue: every text the product shows, under a namespaced key, both languages beside each other.

Namespaces (the data lives in one module each, Indonesian first, then English):

- ``sheet.*``     the sheets the product writes (Dasbor, Validasi) and the buttons' messages (sheet_texts)
- ``deck.*``      the briefing decks (deck_texts)
- ``issue.*``     validation findings of SPEC 6: ``issue.E020.message``, ``issue.E020.hint`` (messages)
- ``template.*``  the template: ``template.tblKpis.title``, ``template.tblKpis.hint``, notes, prompts and
                  the guide sheet ``template.guide.*`` (template_texts)
- ``cli.*``       the terminal views of ``egov-bsc`` (cli_texts)
- ``period.*``    periods written for people
- ``form.*``      the data-entry forms, `collect` and its Pengumpulan sheet (form_texts)

`tr(key, lang, **values)` gives the text in a workbook's language; `both(key, **values)` gives
Indonesian then English, for messages written before the workbook's language is known. The
language is a `Language` (model/enums.py); `pick` (i18n/language.py) is the only place that looks
at it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from egov_bsc_xl.i18n import (
    cli_texts,
    deck_texts,
    form_texts,
    messages,
    sheet_texts,
    template_texts,
)
from egov_bsc_xl.i18n.language import fill, pick

if TYPE_CHECKING:
    from egov_bsc_xl.i18n.words import Language

__all__ = ["CATALOGUE", "both", "pick", "sheet_titles", "tr"]

PERIOD_TEXTS: dict[str, tuple[str, str]] = {
    "year": ("Tahun {year}", "Year {year}"),
}


def _build() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}

    def add(namespace: str, texts: dict[str, tuple[str, str]]) -> None:
        for key, pair in texts.items():
            full = f"{namespace}.{key}"
            if full in out:
                raise ValueError(f"duplicate text key {full}")
            out[full] = pair

    add("sheet", sheet_texts.TEXTS)
    add("deck", deck_texts.TEXTS)
    add(
        "issue",
        {
            f"{code}.{part}": pair
            for code, (_, message, hint) in messages.MESSAGES.items()
            for part, pair in (("message", message), ("hint", hint))
        },
    )
    add(
        "template",
        {
            f"{table}.{part}": (id_pair[n], en_pair[n])
            for table, (id_pair, en_pair) in template_texts.SHEETS.items()
            for n, part in enumerate(("title", "hint"))
        },
    )
    add("template", template_texts.TEXTS)
    add("template", {f"guide.{key}": pair for key, pair in template_texts.GUIDE.items()})
    add("cli", cli_texts.TEXTS)
    add("period", PERIOD_TEXTS)
    from egov_bsc_xl.i18n import lkjip_texts  # the LKjIP sheet (SPEC 8)

    add("sheet", lkjip_texts.TEXTS)
    add("form", form_texts.TEXTS)
    return out


CATALOGUE: dict[str, tuple[str, str]] = _build()


def tr(key: str, lang: Language | str | None, **values: object) -> str:
    """The text `key` in language `lang` (Indonesian unless English), its `{name}` fields filled in."""
    return fill(CATALOGUE[key], lang, values)


def both(key: str, **values: object) -> str:
    """The text `key` before the workbook's language is known: 'Indonesian (English)'."""
    return f"{fill(CATALOGUE[key], 'id', values)} ({fill(CATALOGUE[key], 'en', values)})"


def sheet_titles(lang: Language | str | None) -> dict[str, tuple[str, str]]:
    """Table -> (sheet title, one-line hint) of the template, in the workbook language."""
    return {
        table: (tr(f"template.{table}.title", lang), tr(f"template.{table}.hint", lang))
        for table in template_texts.SHEETS
    }
