"""Scorecards built directly from the model (no file), for the calc tests."""

from __future__ import annotations

from egov_bsc_xl.model import Kpi, Measurement, Objective, Perspective, Scorecard, parse_period
from egov_bsc_xl.model.scorecard import measurements_frame


def card(kpis, rows, weights=(0.5, 0.5), **settings) -> Scorecard:
    """Two perspectives P1, P2 with one objective each (S1, S2); kpis: (id, objective, kwargs)."""
    sc = Scorecard(
        perspectives=[
            Perspective(id=f"P{i + 1}", name=f"P{i + 1}", weight=w, order=i)
            for i, w in enumerate(weights)
        ],
        objectives=[
            Objective(id=f"S{i + 1}", perspective_id=f"P{i + 1}", name=f"S{i + 1}")
            for i in range(len(weights))
        ],
        kpis=[Kpi(id=k, objective_id=o, name=k, **kw) for k, o, kw in kpis],
        measurements=measurements_frame(
            Measurement(kpi_id=k, period=parse_period(p), target=t, target_upper=u, actual=a)
            for k, p, t, u, a in rows
        ),
    )
    for key, value in settings.items():
        setattr(sc.settings, key, value)
    return sc
