"""Hostile names in the decks: formulas stay text in the charts' workbooks, control characters never stop a deck."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation

from egov_bsc_xl.app import analysis_of as deck_data
from egov_bsc_xl.deck.build import build_deck
from egov_bsc_xl.i18n.formats import display_text
from egov_bsc_xl.model import Revision
from egov_bsc_xl.model.issues import Issue, Severity

from ..ooxml_check import assert_valid_ooxml
from .helpers import all_texts
from .sample_card import sample_card

FORMULAS = [
    '=HYPERLINK("http://evil.example/x","Klik")',
    "=cmd|' /C calc'!A0",
    '=WEBSERVICE("http://evil.example")',
    "+SUM(1,2)",
    "@SUM(1)",
    "-2+3",
    "http://evil.example/link",
]


def hostile_card():
    card = sample_card(16)
    for perspective, name in zip(card.perspectives, FORMULAS, strict=False):
        perspective.name = name
    for initiative, name in zip(card.initiatives, FORMULAS[2:] + FORMULAS[:2], strict=False):
        initiative.name = name
    card.kpis[0].id = "=1+1"  # a KPI id is a category of the KPI chart
    card.measurements.loc[card.measurements["kpi_id"] == "IKU-01", "kpi_id"] = "=1+1"
    return card


def embedded_workbooks(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as package:
        return [(name, package.read(name)) for name in package.namelist() if name.endswith(".xlsx")]


@pytest.fixture(scope="module")
def hostile_decks(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    data = deck_data(hostile_card())
    return {
        audience: build_deck(data, audience, folder / f"{audience}.pptx")
        for audience in ("leadership", "public")
    }


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_names_that_look_like_formulas_stay_text_in_every_chart_workbook(hostile_decks, audience):
    books = embedded_workbooks(hostile_decks[audience])
    assert books
    seen: set[str] = set()
    for name, blob in books:
        with zipfile.ZipFile(io.BytesIO(blob)) as xlsx:
            sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
            assert "<f>" not in sheet and "<f " not in sheet, name
            assert "hyperlink" not in sheet.lower(), name
            assert not any(n.startswith("xl/externalLinks") for n in xlsx.namelist()), name
        book = openpyxl.load_workbook(io.BytesIO(blob))
        for row in book.active.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (name, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    seen.add(cell.value)
    perspective_names = set(FORMULAS[:4])
    if audience == "leadership":
        assert perspective_names | {"=1+1"} <= seen
        assert {
            FORMULAS[2],
            FORMULAS[3],
        } <= seen  # initiative progress chart: ids; trend: perspective names
    else:
        assert perspective_names <= seen


def test_formula_names_are_shown_as_written(hostile_decks):
    text = all_texts(Presentation(str(hostile_decks["leadership"])))
    assert "=cmd|' /C calc'!A0" in text and '=WEBSERVICE("http://evil.example")' in text


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_hostile_decks_are_valid_open_xml(hostile_decks, audience):
    assert_valid_ooxml(hostile_decks[audience])


CONTROLS = "\x00\x01\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9f"


def control_card():
    card = sample_card(16)
    card.profile.agency = "Dinas\x0bKominfo"
    card.profile.unit = "Bidang\x00Tata\x1bKelola"
    for index, perspective in enumerate(card.perspectives):
        perspective.name = f"Perspektif\x0b{index}\x0c baris{CONTROLS}"
    for objective in card.objectives:
        objective.name = objective.name + "\x0bbaris baru\ud800"
    for kpi in card.kpis:
        kpi.name = kpi.name + "\x0b(dari Word)\ufffe"
        kpi.owner = "Kabid\x0bLayanan"
    for initiative in card.initiatives:
        initiative.name = "\x0b" + initiative.name + "\x1f"
    return card


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_control_characters_in_every_name_do_not_stop_the_deck(tmp_path, audience):
    card = control_card()
    card.revisions = [
        Revision(
            date=dt.date(2026, 7, 1),
            kpi_id=card.kpis[0].id,
            field="target\x0b",
            old_value="1\x0b",
            new_value="2\x1b",
            reason="alasan\x0bbaris",
        )
    ]
    issues = [
        Issue(
            code="E021",
            severity=Severity.ERROR,
            sheet="IKU\x0b",
            cell="F3",
            value="a\x0bb",
            message="'a\x0bb' bukan angka.",
            hint="Isi\x0c angka.",
        )
    ]
    data = deck_data(card, issues=issues)
    path = build_deck(data, audience, tmp_path / f"{audience}.pptx")
    text = all_texts(Presentation(str(path)))
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]", text)
    assert "Perspektif 0 baris" in text
    if audience == "leadership":
        assert "(dari Word)" in text and "Kabid Layanan" in text
        assert "alasan baris" in text and "'a b' bukan angka." in text
    assert_valid_ooxml(path)


def test_display_text():
    assert display_text("Kepuasan\x0bmasyarakat") == "Kepuasan masyarakat"
    assert display_text("a\r\n\tb  c ") == "a b c"
    assert display_text("x\x00\x1b\x7f\x85y") == "x y"
    assert display_text("lone \ud800 and \uffff") == "lone \ufffd and \ufffd"
    assert display_text("85,5\u00a0% · Ya") == "85,5\u00a0% · Ya"  # no-break space and dots stay
    assert display_text(None) == "" and display_text(12) == "12"


def test_deck_command_reads_a_workbook_with_a_vertical_tab_in_a_name(tmp_path):
    """Excel stores Word's vertical tab as _x000B_; the reader gives it back, the deck shows a space."""
    from typer.testing import CliRunner

    from egov_bsc_xl.cli import app

    from ..books import sample_book

    book = sample_book(tmp_path)
    hostile = tmp_path / "kendali.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and b">Pelanggan<" in data:
                data = data.replace(b">Pelanggan<", b">Pela_x000B_nggan_x001B_ Warga<", 1)
            dst.writestr(info, data)
    result = CliRunner().invoke(app, ["deck", str(hostile), "--output", str(tmp_path / "d.pptx")])
    assert result.exit_code == 0, result.output
    text = all_texts(Presentation(str(tmp_path / "d.pptx")))
    assert "Pela nggan Warga" in text
    assert_valid_ooxml(tmp_path / "d.pptx")
