"""Numbers typed as text are read in the workbook's language (SPEC 8), and the one percent rule."""

from __future__ import annotations

import pytest

from egov_bsc_xl.i18n.numbers import number_from_text
from egov_bsc_xl.validate.rules import validate
from egov_bsc_xl.workbook.contract import Kind
from egov_bsc_xl.workbook.reading.cells import parse_number, parse_percent
from egov_bsc_xl.workbook.reading.reader import read_workbook
from tests.books import sample_tables, write_book

# text -> (read in an Indonesian workbook, read in an English workbook); None: not a number (E021)
CASES = {
    "0,125": (0.125, 0.125),  # en: a leading 0 cannot group thousands
    "12,345": (12.345, 12345),
    "1.250": (1250, 1.25),
    "1,250": (1.25, 1250),
    "1.234,5": (1234.5, 1234.5),  # both marks: the last one is the decimal mark in any language
    "1,234.5": (1234.5, 1234.5),
    "1.250.000": (1_250_000, 1_250_000),
    "1,250,000": (1_250_000, 1_250_000),
    "85%": (0.85, 0.85),
    "85,5 %": (0.855, 0.855),
    "85.5%": (0.855, 0.855),
    "Rp 1.250.000": (1_250_000, 1_250_000),
    "Rp. 1.250.000": (1_250_000, 1_250_000),
    "Rp 1.250": (1250, 1.25),
    "-7,5": (-7.5, -7.5),
    "1.5": (1.5, 1.5),  # id: a lone dot before one digit cannot group thousands
    "12,5": (12.5, 12.5),  # en: a lone comma before one digit cannot group thousands
    "0.125": (0.125, 0.125),
    "1 250 000": (1_250_000, 1_250_000),
    "12.34.5": (None, None),
    "1.23,4": (None, None),
    "delapan": (None, None),
    "-": (None, None),
}


@pytest.mark.parametrize("text", list(CASES))
@pytest.mark.parametrize("lang", ["id", "en"])
def test_number_from_text_by_language(text, lang):
    expected = CASES[text][0 if lang == "id" else 1]
    got = number_from_text(text, lang)
    assert got == (pytest.approx(expected) if expected is not None else None)


def test_a_lone_dash_is_blank_not_an_error():
    for dash in ("-", " – ", "—"):
        parsed = parse_number(dash)
        assert parsed.value is None and parsed.ok


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (25, Kind.PERCENT, 0.25),
        (0.25, Kind.PERCENT, 0.25),
        (1, Kind.PERCENT, 1.0),
        ("60%", Kind.PERCENT, 0.6),
        ("60", Kind.PERCENT, 0.6),
        ("150 %", Kind.PERCENT, 1.5),
        (120, Kind.SCORE, 1.2),
        (1.2, Kind.SCORE, 1.2),
        (2, Kind.SCORE, 2.0),
        ("120%", Kind.SCORE, 1.2),
        (91, Kind.SCORE, 0.91),
        ("0,8", Kind.SCORE, 0.8),
    ],
)
def test_one_percent_rule(value, kind, expected):
    assert parse_percent(value, kind).value == pytest.approx(expected)


def _read(tmp_path, tables, lang):
    result = read_workbook(write_book(tmp_path / f"t-{lang}.xlsx", tables, lang))
    return result, validate(result)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_measurement_text_is_read_in_the_workbook_language_with_w030(tmp_path, lang):
    tables = sample_tables(lang)
    rows = tables["tblMeasurements"][1]
    rows[6][2], rows[6][4] = "1.250", "1,250"  # K4 Q1 target and actual
    rows[7][4] = "-"  # K4 Q2: no figure yet
    result, issues = _read(tmp_path, tables, lang)
    m = result.card.measurements
    q1 = m[(m["kpi_id"] == "K4") & (m["period"] == "2026-Q1")].iloc[0]
    assert (q1["target"], q1["actual"]) == ((1250, 1.25) if lang == "id" else (1.25, 1250))
    q2 = m[(m["kpi_id"] == "K4") & (m["period"] == "2026-Q2")].iloc[0]
    assert q2["actual"] != q2["actual"]  # NaN: blank
    w030 = {i.cell: i.message for i in issues if i.code == "W030"}
    if lang == "id":
        assert w030 == {
            "C8": "Angka dibaca dari teks '1.250' sebagai 1.250.",
            "E8": "Angka dibaca dari teks '1,250' sebagai 1,25.",
        }
    else:
        assert w030 == {
            "C8": "Number read from the text '1.250' as 1.25.",
            "E8": "Number read from the text '1,250' as 1,250.",
        }
    assert not [i for i in issues if i.code == "E021"]


def test_percent_cells_follow_one_rule_in_every_table(tmp_path):
    tables = sample_tables()
    persp = tables["tblPerspectives"][1]
    persp[0][2], persp[1][2], persp[2][2] = 40, 0.3, "30%"  # points, a fraction, text with %
    tables["tblInitiatives"][1][0][9] = 45  # progress typed as points
    tables["tblInitiatives"][1][1][9] = "40 %"
    settings = tables["tblSettings"][1]
    settings[0][2] = 120  # cap as points
    settings.append(["attention_below", "Perlu perhatian bila capaian di bawah", "80 %"])
    tables["tblBands"] = (
        ["lower_bound", "label_id", "label_en", "colour"],
        [
            [91, "Sangat Baik", "Excellent", "#1B5E20"],
            [0.76, "Baik", "Good", "#43A047"],
            [0, "Kurang", "Poor", "#E53935"],
        ],
    )
    result, issues = _read(tmp_path, tables, "id")
    card = result.card
    assert [p.weight for p in card.perspectives] == pytest.approx([0.4, 0.3, 0.3])
    assert [i.progress for i in card.initiatives] == pytest.approx([0.45, 0.4])
    assert card.settings.cap == pytest.approx(1.2)
    assert card.settings.attention_below == pytest.approx(0.8)
    assert sorted(b.lower_bound for b in card.settings.bands) == pytest.approx([0, 0.76, 0.91])
    assert not [i for i in issues if i.code in ("W001", "E022", "E040")]


def test_a_workbook_without_attention_below_gets_the_default(tmp_path):
    result, _ = _read(tmp_path, sample_tables(), "id")
    assert result.card.settings.attention_below == 1.0
