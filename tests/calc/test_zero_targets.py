"""Zero targets of lower-is-better KPIs (SPEC 8): '0 insiden' is a valid target, values by hand."""

from __future__ import annotations

import math

import pytest

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.calc.engine import score
from egov_bsc_xl.model import Aggregation, Frequency, MinimizeMethod, Polarity

from .cards import card

NAN = float("nan")


@pytest.mark.parametrize("method", ["permenpan", "inverse"])
@pytest.mark.parametrize(("actual", "raw"), [(0, 1.0), (1, 0.0), (3, 0.0), (0.5, 0.0), (-1, 1.0)])
def test_minimize_with_a_zero_target_scores_100_for_zero_and_0_above(method, actual, raw):
    got_raw, scored = achievement(actual, 0, None, "minimize", minimize_method=method)
    assert got_raw[0] == raw
    assert scored[0] == raw


@pytest.mark.parametrize(
    ("actual", "permenpan", "inverse"),
    [
        (0, 1.0, 1.0),  # 0 incidents against 0–5: in range
        (3, 1.0, 1.0),  # in range
        (5, 1.0, 1.0),  # the upper bound itself
        (6, 2 - 6 / 5, 5 / 6),  # above: 0.8 / 0.8333
        (15, 0.0, 5 / 15),  # far above: 2 - 3 = -1 -> 0
    ],
)
def test_minimize_range_from_zero(actual, permenpan, inverse):
    assert achievement(actual, 0, 5, "minimize")[1][0] == pytest.approx(permenpan)
    assert achievement(actual, 0, 5, "minimize", minimize_method="inverse")[1][0] == pytest.approx(
        inverse
    )


@pytest.mark.parametrize(("actual", "expected"), [(0, 1.0), (2, 1.0), (-1, 0.0), (5, 2 - 5 / 4)])
def test_within_range_from_zero(actual, expected):
    assert achievement(actual, 0, 4, "stabilize")[1][0] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("polarity", "target", "upper"),
    [
        ("maximize", 0, None),
        ("maximize", -2, None),
        ("maximize", 0, 5),
        ("minimize", -1, None),
        ("minimize", -1, 5),
        ("stabilize", -1, 5),
        ("minimize", 3, 2),
    ],
)
def test_targets_that_stay_unusable_give_no_achievement(polarity, target, upper):
    raw, scored = achievement(1, target, upper, polarity)
    assert math.isnan(raw[0]) and math.isnan(scored[0])


def test_positive_targets_are_scored_as_before():
    # the worked checks of SPEC 2
    assert achievement(6.5, 7, 8, "minimize")[0][0] == pytest.approx(2 - 6.5 / 7)
    assert achievement(9, 7, 8, "minimize")[0][0] == pytest.approx(0.875)
    assert achievement(70, 80, 90, "maximize")[0][0] == pytest.approx(0.875)
    assert achievement(0, 5, None, "minimize", minimize_method="inverse")[1][0] == pytest.approx(
        1.2
    )


def _incidents(aggregation: Aggregation, rows, method=MinimizeMethod.PERMENPAN):
    kpis = [
        (
            "K1",
            "S1",
            {
                "polarity": Polarity.MINIMIZE,
                "frequency": Frequency.QUARTERLY,
                "aggregation": aggregation,
            },
        )
    ]
    return card(kpis, rows, weights=(1.0,), minimize_method=method)


@pytest.mark.parametrize("aggregation", list(Aggregation))
def test_year_to_date_of_zero_targets(aggregation):
    rows = [("K1", "2026-Q1", 0, None, 0), ("K1", "2026-Q2", 0, None, 2)]
    sc = _incidents(aggregation, rows)
    q1 = score(sc, "2026-Q1").kpis[0]
    assert (q1.target, q1.actual, q1.achievement) == (0, 0, 1.0)
    q2 = score(sc, "2026-Q2").kpis[0]
    # sum: 2 incidents against 0; average: 1 against 0; last: 2 against 0 -> 0 % in each case
    assert q2.target == 0 and q2.achievement == 0.0 and q2.needs_attention


def test_year_to_date_sum_of_zero_and_positive_targets_divides_the_totals():
    rows = [("K1", "2026-Q1", 0, None, 0), ("K1", "2026-Q2", 4, None, 2)]
    for method, raw in ((MinimizeMethod.PERMENPAN, 2 - 2 / 4), (MinimizeMethod.INVERSE, 4 / 2)):
        k = score(_incidents(Aggregation.SUM, rows, method), "2026-Q2").kpis[0]
        assert (k.target, k.actual) == (4, 2)
        assert k.achievement_raw == pytest.approx(raw)
        assert k.achievement == pytest.approx(1.2)  # the cap
