"""Achievement of single measurements: SPEC 2's table and the PermenPANRB worked checks."""

import math

import pytest

from egov_bsc_xl.calc.achievement import achievement


def one(actual, target, upper=None, polarity="maximize", cap=1.2, method="permenpan"):
    raw, scored = achievement([actual], [target], [upper], polarity, cap, method)
    return raw[0], scored[0]


@pytest.mark.parametrize(
    ("actual", "lower", "upper", "polarity", "expected"),
    [
        (6.5, 7, 8, "Minimal", 2 - 6.5 / 7),
        (9, 7, 8, "minimize", 0.875),
        (70, 80, 90, "Maksimal", 0.875),
    ],
)
def test_permenpanrb_worked_checks(actual, lower, upper, polarity, expected):
    raw, _ = one(actual, lower, upper, polarity)
    assert raw == pytest.approx(expected, abs=1e-12)
    assert round(raw * 100, 1) in (107.1, 87.5)


def test_maximize_single_and_range():
    assert one(85, 100)[0] == pytest.approx(0.85)
    assert one(85, 80, 90)[0] == 1.0
    assert one(99, 80, 90)[0] == pytest.approx(1.1)


def test_minimize_single_permenpan_and_inverse():
    assert one(4, 5, polarity="Minimal")[0] == pytest.approx(1.2)
    assert one(6, 5, polarity="Minimal")[0] == pytest.approx(0.8)
    assert one(4, 5, polarity="Minimal", method="inverse")[0] == pytest.approx(1.25)
    assert one(7.5, 7, 8, "minimize")[0] == 1.0


def test_stabilize_needs_a_range():
    assert one(98, 97, 99.5, "Stabil")[0] == 1.0
    assert one(95, 97, 99.5, "Stabil")[0] == pytest.approx(95 / 97)
    assert one(100, 97, 99.5, "Stabil")[0] == pytest.approx(2 - 100 / 99.5)
    assert math.isnan(one(98, 97, None, "Stabil")[0])


def test_binary_uses_the_actual_only():
    assert one(1, None, polarity="Ya/Tidak")[0] == 1.0
    assert one(0, 1, polarity="Yes/No")[0] == 0.0


def test_raw_is_kept_and_scored_is_clipped_to_cap():
    raw, scored = one(150, 100)
    assert raw == pytest.approx(1.5) and scored == pytest.approx(1.2)
    raw, scored = one(15, 5, polarity="Minimal")  # 2 - 3 = -1
    assert raw == pytest.approx(-1.0) and scored == 0.0
    assert one(150, 100, cap=1.0)[1] == 1.0


def test_missing_actual_and_non_positive_target_give_no_achievement():
    assert math.isnan(one(None, 100)[1])
    assert math.isnan(one(50, 0)[1])
    assert math.isnan(one(50, -5, polarity="Minimal")[1])


def test_reversed_range_gives_no_achievement():
    assert math.isnan(one(85, 90, 80)[0])


def test_columns_of_mixed_polarity():
    raw, _ = achievement([85, 4, 1], [100, 5, None], None, ["Maksimal", "Minimal", "Ya/Tidak"])
    assert raw.tolist() == pytest.approx([0.85, 1.2, 1.0])
