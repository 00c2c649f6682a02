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
- ``msg.*``       messages before a workbook's language is known: bad input, a broken package, the
                  UDFs' #BSC! errors, the command line's own lines (message_texts)

`tr(key, lang, **values)` gives the text in a workbook's language; `both(key, **values)` gives
Indonesian then English, for messages written before the workbook's language is known (`slash` the
same as "Indonesian / English"). A value that is a `Phrase` is itself a catalogue text, filled in
the language of the text around it. The
language is a `Language` (model/enums.py); `pick` (i18n/language.py) is the only place that looks
at it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from egov_bsc_xl.i18n import (
    cli_texts,
    deck_texts,
    form_texts,
    message_texts,
    messages,
    sheet_texts,
    template_texts,
)
from egov_bsc_xl.i18n.language import fill, pick

if TYPE_CHECKING:
    from egov_bsc_xl.i18n.words import Language

__all__ = ["CATALOGUE", "Phrase", "Words", "both", "phrase", "pick", "sheet_titles", "slash", "tr"]

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
    add("msg", message_texts.TEXTS)
    return out


CATALOGUE: dict[str, tuple[str, str]] = _build()


class Phrase(NamedTuple):
    """A catalogue text given as a value of another: filled in the language of the text around it."""

    key: str
    values: dict[str, object] = {}


class Words(NamedTuple):
    """A value written differently in each language (a number with its thousands separator)."""

    id: str
    en: str


def phrase(key: str, **values: object) -> Phrase:
    return Phrase(key, values)


def _in(lang: Language | str | None, values: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for k, v in values.items():
        if isinstance(v, Phrase):
            v = tr(v.key, lang, **v.values)
        elif isinstance(v, Words):
            v = pick(lang, v.id, v.en)
        out[k] = v
    return out


def tr(key: str, lang: Language | str | None, **values: object) -> str:
    """The text `key` in language `lang` (Indonesian unless English), its `{name}` fields filled in."""
    return fill(CATALOGUE[key], lang, _in(lang, values) if values else values)


def both(key: str, **values: object) -> str:
    """The text `key` before the workbook's language is known: 'Indonesian (English)'."""
    return f"{tr(key, 'id', **values)} ({tr(key, 'en', **values)})"


def slash(key: str, **values: object) -> str:
    """The text `key` in both languages at once, where brackets would read badly: 'Indonesian / English'."""
    return f"{tr(key, 'id', **values)} / {tr(key, 'en', **values)}"


def sheet_titles(lang: Language | str | None) -> dict[str, tuple[str, str]]:
    """Table -> (sheet title, one-line hint) of the template, in the workbook language."""
    return {
        table: (tr(f"template.{table}.title", lang), tr(f"template.{table}.hint", lang))
        for table in template_texts.SHEETS
    }
