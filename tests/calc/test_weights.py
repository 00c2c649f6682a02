"""The weighted group scores in plain Python give pandas' groupby-sum results bit for bit."""

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_bsc_xl.calc.weights import _labels, group_sums, weighted_group_scores


def pandas_group_scores(values, weights, has_data, groups):
    """The pandas version weighted_group_scores replaced (0.1.0 to 0.3): the reference."""
    frame = pd.DataFrame(
        {
            "v": pd.Series(values, dtype="float64"),
            "w": pd.Series(weights, dtype="float64"),
            "d": pd.Series(has_data, dtype=bool),
            "g": pd.Series(groups, dtype=object),
        }
    )
    all_zero = frame.groupby("g")["w"].transform("sum") <= 0
    frame.loc[all_zero, "w"] = 1.0
    counted = frame["v"].notna()
    frame["wv"] = np.where(counted, frame["w"] * frame["v"].fillna(0.0), 0.0)
    frame["wc"] = np.where(counted, frame["w"], 0.0)
    frame["wd"] = np.where(frame["d"], frame["w"], 0.0)
    sums = frame.groupby("g", sort=False)[["wv", "wc", "wd", "w"]].sum()
    wv, wc, wd, w = (sums[k].to_numpy() for k in ("wv", "wc", "wd", "w"))
    with np.errstate(divide="ignore", invalid="ignore"):
        scores = np.where(wc > 0, wv / wc, np.nan)
        coverage = np.where(w > 0, wd / w, 0.0)
    return {
        str(group): (None if s != s else float(s), float(cov))
        for group, s, cov in zip(
            sums.index.tolist(), scores.tolist(), coverage.tolist(), strict=True
        )
    }


# Scores as the engine makes them (capped achievements, NaN for no data, now and then exactly
# 0 or 1), and weights as a workbook holds them (percent points, fractions, thirds, zeros); now
# and then a value or weight that validation would refuse (infinite, NaN).
achievements = st.one_of(
    st.floats(min_value=0.0, max_value=1.5, allow_nan=False),
    st.sampled_from([math.nan, 0.0, 1.0, 1.2, 0.1, 1 / 3]),
)
weights = st.one_of(
    st.floats(min_value=0.0, max_value=1e6, allow_nan=False),
    st.sampled_from([0.0, 1.0, 2.0, 3.0, 0.1, 0.15, 1 / 3, 12.5]),
)
odd = st.sampled_from([math.inf, math.nan, 1e300])
rows = st.lists(
    st.tuples(
        st.one_of(achievements, achievements, achievements, odd),
        st.one_of(weights, weights, weights, odd),
        st.booleans(),
        st.sampled_from(["S1", "S2", "S3", "P1"]),
    ),
    min_size=0,
    max_size=60,
)


def _same(ours, theirs):
    assert list(ours) == list(theirs)  # the groups in the order they first appear
    for key, (score, coverage) in theirs.items():
        got_score, got_coverage = ours[key]
        assert (got_score is None) == (score is None), key
        if score is not None:
            assert got_score.hex() == score.hex(), key
        assert got_coverage.hex() == coverage.hex(), key


@settings(max_examples=500, deadline=None)
@given(rows, st.booleans(), st.booleans())
def test_group_scores_equal_pandas_bit_for_bit(rows, together, sane):
    """Rows of a group together (KPIs listed by objective: pandas sums with numpy's reduceat) or
    apart (pandas' Kahan kernel); with and without values validation refuses."""
    if together:
        rows = sorted(rows, key=lambda r: r[3])
    if sane:
        rows = [r for r in rows if math.isfinite(r[0]) or r[0] != r[0] and math.isfinite(r[1])]
    values, ws, data, groups = (list(c) for c in zip(*rows, strict=True)) if rows else ([],) * 4
    _same(
        weighted_group_scores(values, ws, data, groups),
        pandas_group_scores(values, ws, data, groups),
    )


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=1, max_size=300))
def test_long_runs_equal_pandas_bit_for_bit(values):
    """Groups longer than numpy's pairwise block (8 and 128 values), together and apart."""
    groups = ["S1" if i < len(values) // 2 else "S2" for i in range(len(values))]
    for order in (groups, groups[::2] + groups[1::2]):
        labels, keys = _labels(order)
        ours = group_sums(labels, values, len(keys))
        theirs = pd.Series(values).groupby(pd.Series(order, dtype=object), sort=False).sum()
        assert [x.hex() for x in ours] == [float(x).hex() for x in theirs]


def test_many_rows_equal_pandas_bit_for_bit():
    """A benchmark-size frame (2,500 KPIs in 40 objectives), in KPI order and by objective."""
    rng = np.random.default_rng(13)
    n = 2_500
    values = np.where(rng.random(n) < 0.1, np.nan, rng.random(n) * 1.2)
    ws = rng.choice([0.0, 1.0, 2.0, 3.0, 0.1, 1 / 3], n)
    data = rng.random(n) < 0.9
    for groups in (rng.choice([f"S{i}" for i in range(40)], n), rng.choice(["P1", "P2"], n)):
        for order in (np.arange(n), np.argsort(groups, kind="stable")):
            args = (values[order], ws[order], data[order], groups[order].astype(object))
            _same(weighted_group_scores(*args), pandas_group_scores(*args))


def test_group_sums_are_pandas_sums():
    values = [0.1] * 10 + [1e16, 1.0, -1e16]
    for labels in ([0] * 13, [0, 1] * 6 + [0]):
        expected = pd.Series(values).groupby(labels, sort=False).sum().tolist()
        assert group_sums(labels, values, 2)[: len(expected)] == expected
    assert group_sums([0, 1, -1, 0], [1.0, math.nan, 5.0, math.inf], 3) == [math.inf, 0.0, 0.0]
    assert group_sums([-1, -1], [1.0, 2.0], 0) == []


def test_weightless_group_counts_members_equally():
    scores = weighted_group_scores([0.5, 1.0, math.nan], [0.0, 0.0, 0.0], [True] * 3, ["S1"] * 3)
    assert scores == {"S1": (0.75, 1.0)}
