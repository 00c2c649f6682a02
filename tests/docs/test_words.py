"""Indonesian output speaks Indonesian, with one name per thing (issue 11 item 9), and the docs
agree with the product (item 12): sheet order, the guide sheet of a native workbook."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.i18n import sheet_texts
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.template.build import build

from .indonesian_texts import indonesian_texts

ROOT = Path(__file__).resolve().parents[2]

# English words that slipped into Indonesian texts before ("Workbook memuat …") or could.
# Loanwords planners use are not here: slide, baseline, log, dataset, e-office, target, status.
ENGLISH = (
    "workbook",
    "worksheet",
    "sheet",
    "dashboard",
    "button",
    "error",
    "errors",
    "warning",
    "warnings",
    "file",
    "deck",
    "score",
    "report",
    "update",
    "review",
    "feedback",
    "overall",
    "upload",
    "download",
    "setting",
    "settings",
    "summary",
    "click",
    "save",
    "the",
    "and",
    "of",
    "with",
    "for",
    "owner",
    "actual",
    "achievement",
    "budget",
    "progress",
    "uptime",
    "monitoring",
    "service desk",
    "helpdesk",
    "defacing",
    "phishing",
    "vendor",
)

# One name per thing: concept -> the second names that must not appear in Indonesian texts.
SECOND_NAMES = {
    "validation error = kesalahan": ("galat",),
    "budget absorption = serapan anggaran": ("penyerapan anggaran",),
    "behind schedule = terlambat": ("tertinggal",),
    "overall score = skor keseluruhan": ("nilai kinerja keseluruhan",),
    "the dashboard = Dasbor Balanced Scorecard SPBE": ("dasbor kinerja spbe",),
}

TEXTS = indonesian_texts()


def _words(text: str) -> str:
    return re.sub(r"\{[^}]*\}", " ", text)  # {errors} and other fields are not words shown


def test_the_catalogue_of_indonesian_texts_is_complete_enough_to_mean_something():
    wheres = {where.split(".")[0].split(" ")[0] for where, _ in TEXTS}
    assert {
        "sheet_texts",
        "deck_texts",
        "messages",
        "cli_view",
        "template_texts",
        "guide",
        "library",
        "demo",
    } <= wheres
    assert len(TEXTS) > 500


@pytest.mark.parametrize("word", ENGLISH)
def test_no_english_word_in_indonesian_texts(word):
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
    slips = [(where, text) for where, text in TEXTS if pattern.search(_words(text))]
    assert slips == []


@pytest.mark.parametrize("concept", SECOND_NAMES)
def test_one_name_per_thing(concept):
    slips = [
        (where, text)
        for where, text in TEXTS
        for name in SECOND_NAMES[concept]
        if name in text.lower()
    ]
    assert slips == []


def test_the_template_titles_its_output_sheets_as_recalc_does():
    book = openpyxl.load_workbook(io.BytesIO(build("id")))
    assert book[c.DASHBOARD_SHEET["id"]]["A1"].value == sheet_texts.text("dash_title", "id")
    assert book[c.VALIDATION_SHEET["id"]]["A1"].value == sheet_texts.text("val_title", "id")
    english = openpyxl.load_workbook(io.BytesIO(build("en")))
    assert english[c.DASHBOARD_SHEET["en"]]["A1"].value == sheet_texts.text("dash_title", "en")


def readme_sheet_order() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- sheet-order -->")[1].split("<!-- /sheet-order -->")[0]
    return re.findall(r"(?:^|·)\s*\*([^*]+)\*", block, flags=re.MULTILINE)


def test_the_readme_lists_the_sheets_in_the_templates_order():
    book = openpyxl.load_workbook(io.BytesIO(build("id")))
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
    assert readme_sheet_order() == visible
    assert [ws.title for ws in book.worksheets if ws.sheet_state != "visible"] == [
        c.XLWINGS_CONF_SHEET
    ]


def _guide_text(lang: str, formulas: str) -> str:
    book = openpyxl.load_workbook(io.BytesIO(build(lang, formulas)))
    ws = book[c.GUIDE_SHEET[lang]]
    return "\n".join(
        str(cell.value) for row in ws.iter_rows() for cell in row if cell.value is not None
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_native_workbooks_guide_does_not_ask_to_import_functions(lang):
    native, udf = _guide_text(lang, "native"), _guide_text(lang, "udf")
    assert "Import Functions" not in native and "UDF Modules" not in native
    assert "--formulas native" in native
    assert "Import Functions" in udf


@pytest.mark.parametrize(("guide", "lang"), [("PANDUAN.md", "id"), ("GUIDE.md", "en")])
def test_the_guides_say_what_the_deck_button_does(guide, lang):
    text = (ROOT / "docs" / guide).read_text(encoding="utf-8")
    assert "menolak membuat presentasi" not in text and "refuses to make a deck" not in text
    button = "Buat Presentasi" if lang == "id" else "Make deck"
    row = next(line for line in text.splitlines() if line.startswith(f"| **{button}** |"))
    assert ("dua" if lang == "id" else "two") in row
    assert "PermenPANRB)" not in text.replace("PermenPANRB 14/2017", "").replace(
        "PermenPANRB 59/2020", ""
    )


def test_score_prints_whole_targets_without_decimals(tmp_path):
    from rich.console import Console

    from egov_bsc_xl.app import analyse
    from egov_bsc_xl.cli_view import show_scores
    from egov_bsc_xl.workbook.template.build import build_template

    path = build_template(tmp_path / "demo.xlsm", "id", "native", demo=True)
    console = Console(record=True, width=200)
    show_scores(analyse(path, None), console)
    out = console.export_text()
    assert "55.000" in out and "49.500" in out and "3 – 4" in out and "83,4" in out
    assert not re.search(r"\d,00\b", out)  # no 55.000,00 or 6,00
