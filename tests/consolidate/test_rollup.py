"""calc/rollup: the five roll-up methods over units that have a value, period by period."""

import pytest

from egov_bsc_xl.calc.rollup import UnitSeries, differs, roll, roll_periods
from egov_bsc_xl.model.enums import RollupMethod


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("sum", 10 + 30 + 60),
        ("average", (10 + 30 + 60) / 3),
        ("weighted", (10 * 1 + 30 * 3 + 60 * 0.5) / (1 + 3 + 0.5)),
        ("min", 10),
        ("max", 60),
    ],
)
def test_each_method_over_the_units_that_have_a_value(method, expected):
    values = [10.0, None, 30.0, float("nan"), 60.0]  # a blank and a NaN unit are left out
    weights = [1.0, 7.0, 3.0, 9.0, 0.5]
    assert roll(method, values, weights) == pytest.approx(expected)


def test_no_value_at_all_is_no_rollup_and_weightless_units_give_no_weighted_mean():
    assert roll("sum", [None, None], [1, 1]) is None
    assert roll("weighted", [5.0, 7.0], [0.0, 0.0]) is None
    assert roll("average", [5.0, 7.0], [0.0, 0.0]) == 6.0  # weights matter only to 'weighted'


def test_periods_are_rolled_up_one_by_one_and_targets_like_actuals():
    a = UnitSeries("A", 1.0, {"2026-Q1": (10.0, 20.0, None), "2026-Q2": (12.0, 20.0, None)})
    b = UnitSeries("B", 3.0, {"2026-Q1": (30.0, 40.0, None)})  # B is late for Q2
    rolled = roll_periods("weighted", [a, b])
    assert rolled["2026-Q1"] == pytest.approx((25.0, 35.0, None))  # (10+90)/4, (20+120)/4
    assert rolled["2026-Q2"] == (12.0, 20.0, None)
    assert roll_periods("sum", [a, b])["2026-Q1"] == (40.0, 60.0, None)


def test_planner_words_of_both_languages_name_the_methods():
    for word, key in [
        ("Jumlah", "sum"),
        ("Rata-rata", "average"),
        ("rata rata", "average"),
        ("Rata-rata tertimbang", "weighted"),
        ("Weighted average", "weighted"),
        ("Terendah", "min"),
        ("Lowest", "min"),
        ("Tertinggi", "max"),
        ("highest", "max"),
        ("MAX", "max"),
        ("weighted", "weighted"),
    ]:
        assert RollupMethod.parse(word) == key, word
    assert RollupMethod.parse("Median") is None
    assert RollupMethod.choices("id") == [
        "Jumlah",
        "Rata-rata",
        "Rata-rata tertimbang",
        "Terendah",
        "Tertinggi",
    ]


def test_a_typed_value_differs_only_beyond_rounding():
    assert not differs(260.0, 260.0000000001)
    assert differs(261.0, 260.0)
