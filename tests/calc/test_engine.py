"""Year-to-date aggregation, weighted scores, coverage, missing data and trend (SPEC 2)."""

import pytest

from egov_bsc_xl.calc.engine import choose_period, score, trend
from egov_bsc_xl.model import MissingPolicy

from .cards import card


def kpi(report, kpi_id):
    return next(k for k in report.kpis if k.id == kpi_id)


def test_sum_aggregates_first_then_divides():
    sc = card(
        [("K1", "S1", {"aggregation": "sum"})],
        [("K1", "2026-Q1", 10, None, 5), ("K1", "2026-Q2", 30, None, 33)],
    )
    k = kpi(score(sc, "2026-Q2"), "K1")
    assert (k.actual, k.target) == (38, 40)
    assert k.achievement == pytest.approx(38 / 40)  # not the mean of 0.5 and 1.1


def test_average_and_last_aggregations():
    rows = [("K1", "2026-Q1", 80, None, 60), ("K1", "2026-Q2", 100, None, 100)]
    avg = kpi(score(card([("K1", "S1", {"aggregation": "average"})], rows), "2026-Q2"), "K1")
    assert avg.achievement == pytest.approx(80 / 90)
    last = kpi(score(card([("K1", "S1", {"aggregation": "last"})], rows), "2026-Q2"), "K1")
    assert last.achievement == pytest.approx(1.0) and last.target == 100


def test_report_period_limits_the_year_to_date():
    rows = [("K1", "2026-Q1", 10, None, 5), ("K1", "2026-Q2", 30, None, 33)]
    k = kpi(score(card([("K1", "S1", {"aggregation": "sum"})], rows), "TW I 2026"), "K1")
    assert k.achievement == pytest.approx(0.5)


def test_weighted_scores_and_normalised_perspective_weights():
    sc = card(
        [("K1", "S1", {"weight": 3}), ("K2", "S1", {"weight": 1}), ("K3", "S2", {})],
        [
            ("K1", "2026-Q1", 100, None, 100),
            ("K2", "2026-Q1", 100, None, 60),
            ("K3", "2026-Q1", 100, None, 80),
        ],
        weights=(60, 20),  # percent points that do not sum to 100
    )
    r = score(sc)
    p1, p2 = r.perspectives
    assert p1.score == pytest.approx((3 * 1.0 + 0.6) / 4)
    assert (p1.weight, p2.weight) == (pytest.approx(0.75), pytest.approx(0.25))
    assert r.overall.score == pytest.approx(0.75 * 0.9 + 0.25 * 0.8)
    assert r.overall.band == "Baik"


def test_missing_actual_is_excluded_with_coverage_by_default():
    rows = [
        ("K1", "2026-Q1", 100, None, 90),
        ("K2", "2026-Q1", 100, None, None),
        ("K3", "2026-Q1", 100, None, 70),
    ]
    sc = card([("K1", "S1", {}), ("K2", "S1", {}), ("K3", "S2", {})], rows)
    r = score(sc, "2026-Q1")
    p1 = r.perspectives[0]
    assert p1.score == pytest.approx(0.9) and p1.coverage == pytest.approx(0.5)
    assert kpi(r, "K2").achievement is None and kpi(r, "K2").band == "Belum ada data"
    assert r.overall.coverage == pytest.approx(0.5 * 0.5 + 0.5 * 1.0)


def test_missing_zero_counts_no_data_as_zero():
    rows = [("K1", "2026-Q1", 100, None, 90), ("K2", "2026-Q1", 100, None, None)]
    sc = card(
        [("K1", "S1", {}), ("K2", "S1", {})], rows, weights=(1.0,), missing=MissingPolicy.ZERO
    )
    r = score(sc, "2026-Q1")
    assert r.perspectives[0].score == pytest.approx(0.45)
    assert r.perspectives[0].coverage == pytest.approx(0.5)


def test_due_kpi_without_actual_this_period_has_no_data():
    rows = [("K1", "2026-Q1", 100, None, 90), ("K1", "2026-Q2", 100, None, None)]
    r = score(card([("K1", "S1", {})], rows, weights=(1.0,)), "2026-Q2")
    assert kpi(r, "K1").achievement is None and r.overall.score is None and r.overall.coverage == 0


def test_annual_kpi_is_not_due_in_a_quarter():
    rows = [("K1", "2026-Q1", 100, None, 90), ("K2", "2026", 1, None, 1)]
    sc = card([("K1", "S1", {}), ("K2", "S2", {"frequency": "annual", "polarity": "binary"})], rows)
    r = score(sc, "2026-Q1")
    assert kpi(r, "K2").achievement is None
    assert kpi(score(sc, "2026"), "K2").achievement == 1.0


def test_default_period_is_latest_with_an_actual_then_profile():
    rows = [
        ("K1", "2026-Q1", 100, None, 90),
        ("K1", "2026-Q2", 100, None, 95),
        ("K1", "2026-Q3", 100, None, None),
    ]
    sc = card([("K1", "S1", {})], rows)
    assert choose_period(sc).code == "2026-Q2"
    sc.profile.report_period = choose_period(sc, "2026-Q1")
    assert choose_period(sc).code == "2026-Q1"
    assert choose_period(sc, "TW III 2026").code == "2026-Q3"


def test_inactive_perspective_is_left_out():
    rows = [("K1", "2026-Q1", 100, None, 90), ("K2", "2026-Q1", 100, None, 10)]
    sc = card([("K1", "S1", {}), ("K2", "S2", {})], rows)
    sc.perspectives[1].active = False
    r = score(sc)
    assert [p.id for p in r.perspectives] == ["P1"] and r.overall.score == pytest.approx(0.9)
    assert [k.id for k in r.kpis] == ["K1"]


def test_trend_covers_every_period_up_to_the_report_period():
    rows = [("K1", p, 100, None, a) for p, a in (("2026-Q1", 70), ("2026-Q2", 80), ("2026-Q3", 90))]
    points = trend(card([("K1", "S1", {})], rows, weights=(1.0,)), "2026-Q2")
    assert [(t.period, t.overall) for t in points] == [
        ("2026-Q1", pytest.approx(0.7)),
        ("2026-Q2", pytest.approx(0.8)),
    ]


def test_bands_come_from_the_settings():
    from egov_bsc_xl.model import Band

    rows = [("K1", "2026-Q1", 100, None, 80)]
    sc = card([("K1", "S1", {})], rows, weights=(1.0,))
    sc.settings.bands = [
        Band(lower_bound=0.9, label_id="Hijau", label_en="Green", colour="#00FF00"),
        Band(lower_bound=0.0, label_id="Merah", label_en="Red", colour="#FF0000"),
    ]
    assert score(sc).overall.band == "Merah"
