"""Titles and one-line hints of the table sheets (the texts live in the catalogue, i18n/template_texts.py)."""

from __future__ import annotations

from egov_bsc_xl.i18n.catalogue import sheet_titles


def sheet_texts(lang: str) -> dict[str, tuple[str, str]]:
    """Sheet title and hint per table, in the workbook language."""
    return sheet_titles(lang)
