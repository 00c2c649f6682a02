"""The vectorised year-to-date figures agree with SPEC 2's rules written out plainly, KPI by KPI."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.calc.engine import kpi_frame, score, trend
from egov_bsc_xl.model import Period, parse_period

from .cards import card

PERIODS = [
    "2026-01",
    "2026-02",
    "2026-Q1",
    "2026-04",
    "2026-05",
    "2026-06",
    "2026-Q2",
    "2026-S1",
    "2026-Q3",
    "2025-Q4",
]
SPAN = {"monthly": 1, "quarterly": 3, "semester": 6, "annual": 12}


def reference(sc, period: Period) -> dict[str, tuple]:
    """(target, upper, actual, scored achievement) per KPI, following SPEC 2 and the README rules."""
    m = sc.measurements
    out = {}
    for k in sc.kpis:
        seen, rows = set(), []
        for r in m.itertuples(index=False):
            key = (r.end_month, r.months)
            if (
                r.kpi_id != k.id
                or r.year != period.year
                or r.end_month > period.end_month
                or key in seen
            ):
                continue
            if (
                r.months != SPAN[k.frequency.value]
            ):  # another period length in the year: E028, left out
                continue
            seen.add(key)
            rows.append(r)
        binary = k.polarity.value == "binary"
        now = sorted((r for r in rows if r.end_month == period.end_month), key=lambda r: r.months)
        due = period.end_month % SPAN[k.frequency.value] == 0 or bool(now)
        missing = due and not any(not math.isnan(r.actual) for r in now)
        usable = sorted(
            (r for r in rows if not math.isnan(r.actual) and (binary or not math.isnan(r.target))),
            key=lambda r: (r.end_month, r.months),
        )
        if missing:
            t, u, a = (now[-1].target, now[-1].target_upper, math.nan) if now else (math.nan,) * 3
        elif not usable:
            t = u = a = math.nan
        elif k.aggregation.value == "last":
            t, u, a = usable[-1].target, usable[-1].target_upper, usable[-1].actual
        else:

            def agg(values, complete=False, how=k.aggregation.value):
                known = [v for v in values if not math.isnan(v)]
                if not known or (complete and len(known) < len(values)):
                    return math.nan
                return sum(known) if how == "sum" else sum(known) / len(known)

            t = agg([r.target for r in usable])
            u = agg([r.target_upper for r in usable], complete=True)
            a = agg([r.actual for r in usable])
        _, scored = achievement(
            [a], [t], [u], k.polarity.value, sc.settings.cap, sc.settings.minimize_method
        )
        out[k.id] = (t, u, a, scored[0])
    return out


def same(x, y):
    return (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


rows = st.lists(
    st.tuples(
        st.sampled_from(["K1", "K2", "K3"]),
        st.sampled_from(PERIODS),
        st.one_of(st.none(), st.floats(min_value=-5, max_value=200)),
        st.one_of(st.none(), st.floats(min_value=1, max_value=300)),
        st.one_of(st.none(), st.floats(min_value=0, max_value=300), st.sampled_from([0.0, 1.0])),
    ),
    max_size=14,
)
kpi_kinds = st.tuples(
    st.sampled_from(["maximize", "minimize", "stabilize", "binary"]),
    st.sampled_from(["sum", "average", "last"]),
    st.sampled_from(["monthly", "quarterly", "semester", "annual"]),
)


@given(
    rows=rows,
    kinds=st.lists(kpi_kinds, min_size=3, max_size=3),
    report=st.sampled_from(
        ["2026-01", "2026-Q1", "2026-05", "2026-Q2", "2026-S1", "2026-Q3", "2026"]
    ),
)
@settings(max_examples=150, deadline=None)
def test_vectorised_ytd_matches_the_rules_kpi_by_kpi(rows, kinds, report):
    kpis = [
        (f"K{i + 1}", "S1" if i < 2 else "S2", {"polarity": p, "aggregation": a, "frequency": f})
        for i, (p, a, f) in enumerate(kinds)
    ]
    measurements = [
        (k, p, t, (t + w) if (t is not None and w is not None) else None, a)
        for k, p, t, w, a in rows
    ]
    sc = card(kpis, measurements)
    period = parse_period(report)
    frame = kpi_frame(sc, period)
    expected = reference(sc, period)
    for kpi_id, (t, u, a, s) in expected.items():
        got = frame.loc[kpi_id]
        assert same(got["target"], t) and same(got["target_upper"], u) and same(got["actual"], a), (
            kpi_id
        )
        assert same(got["achievement"], s), kpi_id


@given(rows=rows, kinds=st.lists(kpi_kinds, min_size=3, max_size=3))
@settings(max_examples=40, deadline=None)
def test_trend_points_equal_the_scores_of_their_periods(rows, kinds):
    kpis = [
        (f"K{i + 1}", "S1" if i < 2 else "S2", {"polarity": p, "aggregation": a, "frequency": f})
        for i, (p, a, f) in enumerate(kinds)
    ]
    sc = card(kpis, [(k, p, t, None, a) for k, p, t, _, a in rows])
    for point in trend(sc, "2026-Q3"):
        report = score(sc, point.period)
        assert (point.overall is None) == (report.overall.score is None)
        if point.overall is not None:
            assert math.isclose(point.overall, report.overall.score, rel_tol=1e-12)
