"""Workbook words in both languages and every period form of SPEC 3."""

import datetime as dt

import pytest

from egov_bsc_xl.model import Aggregation, Frequency, Polarity, parse_period, parse_yes_no


@pytest.mark.parametrize(
    ("word", "member"),
    [
        ("Maksimal", Polarity.MAXIMIZE),
        ("maximize", Polarity.MAXIMIZE),
        ("Minimal", Polarity.MINIMIZE),
        ("Minimize", Polarity.MINIMIZE),
        ("Stabil", Polarity.STABILIZE),
        ("stabilize", Polarity.STABILIZE),
        ("Ya/Tidak", Polarity.BINARY),
        ("Yes/No", Polarity.BINARY),
        (" binary ", Polarity.BINARY),
    ],
)
def test_polarity_accepts_indonesian_and_english_words(word, member):
    assert Polarity.parse(word) is member


def test_frequency_and_aggregation_words():
    assert Frequency.parse("Triwulanan") is Frequency.QUARTERLY
    assert Frequency.parse("Semesteran") is Frequency.SEMESTER
    assert Frequency.parse("Annual") is Frequency.ANNUAL
    assert Aggregation.parse("Rata-rata") is Aggregation.AVERAGE
    assert Aggregation.parse("Jumlah") is Aggregation.SUM
    assert Aggregation.parse("terakhir") is Aggregation.LAST
    assert Aggregation.parse("median") is None


def test_dropdown_words_round_trip_in_both_languages():
    for enum in (Polarity, Frequency, Aggregation):
        for lang in ("id", "en"):
            assert [enum.parse(w) for w in enum.choices(lang)] == list(enum)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2026-Q1", "2026-Q1"),
        ("TW I 2026", "2026-Q1"),
        ("tw iv 2026", "2026-Q4"),
        ("Triwulan II 2026", "2026-Q2"),
        ("2026-S1", "2026-S1"),
        ("Semester II 2026", "2026-S2"),
        ("Maret 2026", "2026-03"),
        ("March 2026", "2026-03"),
        ("2026-03", "2026-03"),
        ("2026", "2026"),
        (2026, "2026"),
        (2026.0, "2026"),
        (dt.date(2026, 5, 1), "2026-05"),
    ],
)
def test_period_forms(text, code):
    assert parse_period(text).code == code


@pytest.mark.parametrize(
    "text", ["Q5 2026", "2026-13", "Smarch 2026", "TW V 2026", "", "abc", None]
)
def test_unreadable_periods_are_none(text):
    assert parse_period(text) is None


def test_period_order_and_bounds():
    q1, mar, feb = parse_period("2026-Q1"), parse_period("2026-03"), parse_period("2026-02")
    assert sorted([q1, mar, feb]) == [feb, mar, q1]
    assert q1.start == dt.date(2026, 1, 1) and q1.end == dt.date(2026, 3, 31)
    assert parse_period("2026-Q2").label("id") == "TW II 2026"
    assert parse_period("2026-Q2").label("en") == "Q2 2026"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ya", True),
        ("yes", True),
        (1, True),
        ("Tidak", False),
        ("no", False),
        (0, False),
        ("mungkin", None),
        (2, None),
    ],
)
def test_yes_no(value, expected):
    assert parse_yes_no(value) is expected
