"""Properties of the scoring rules that must hold for every input (hypothesis)."""

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.calc.engine import score

from .cards import card

positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
actuals = st.floats(min_value=0.0, max_value=1e6, allow_nan=False, allow_infinity=False)
caps = st.floats(min_value=0.5, max_value=3.0)


@given(a1=actuals, a2=actuals, t=positive, polarity=st.sampled_from(["Maksimal", "Minimal"]))
def test_achievement_is_monotonic_in_the_actual(a1, a2, t, polarity):
    lo, hi = sorted((a1, a2))
    raw, _ = achievement([lo, hi], [t, t], None, polarity)
    if polarity == "Maksimal":
        assert raw[0] <= raw[1] + 1e-12
    else:
        assert raw[0] >= raw[1] - 1e-12


@given(
    a=actuals,
    lower=positive,
    width=st.floats(min_value=0, max_value=1e5),
    cap=caps,
    polarity=st.sampled_from(["maximize", "minimize", "stabilize", "binary"]),
    method=st.sampled_from(["permenpan", "inverse"]),
)
def test_scored_achievement_stays_in_zero_to_cap(a, lower, width, cap, polarity, method):
    upper = lower + width
    for up in (None, upper):
        _, scored = achievement([a], [lower], [up], polarity, cap, method)
        assert math.isnan(scored[0]) or 0.0 <= scored[0] <= cap


weights = st.lists(st.floats(min_value=0.1, max_value=100), min_size=4, max_size=4)
values = st.lists(st.floats(min_value=1, max_value=200), min_size=4, max_size=4)


def _card(ws, vs, pw=(0.5, 0.5), missing_k4=False):
    kpis = [
        ("K1", "S1", {"weight": ws[0]}),
        ("K2", "S1", {"weight": ws[1]}),
        ("K3", "S2", {"weight": ws[2]}),
        ("K4", "S2", {"weight": ws[3]}),
    ]
    rows = [
        (k, "2026-Q1", 100, None, None if (k == "K4" and missing_k4) else v)
        for (k, _, _), v in zip(kpis, vs, strict=True)
    ]
    return card(kpis, rows, weights=pw)


@given(
    ws=weights,
    vs=values,
    factor=st.floats(min_value=0.01, max_value=1000),
    pw=st.tuples(st.floats(min_value=0.1, max_value=10), st.floats(min_value=0.1, max_value=10)),
)
@settings(max_examples=40, deadline=None)
def test_scaling_all_weights_changes_no_score(ws, vs, factor, pw):
    before = score(_card(ws, vs, pw))
    after = score(_card([w * factor for w in ws], vs, (pw[0] * factor, pw[1] * factor)))
    assert math.isclose(before.overall.score, after.overall.score, rel_tol=1e-9)
    for p, q in zip(before.perspectives, after.perspectives, strict=True):
        assert math.isclose(p.score, q.score, rel_tol=1e-9)


@given(ws=weights, vs=values)
@settings(max_examples=40, deadline=None)
def test_a_kpi_without_data_only_renormalises_the_others(ws, vs):
    assume(ws[2] > 0)
    report = score(_card(ws, vs, missing_k4=True))
    p2 = next(p for p in report.perspectives if p.id == "P2")
    alone = min(vs[2] / 100, 1.2)
    assert math.isclose(p2.score, alone, rel_tol=1e-9)
    assert math.isclose(p2.coverage, ws[2] / (ws[2] + ws[3]), rel_tol=1e-9)
