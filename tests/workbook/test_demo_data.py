"""The demo agency is realistic: cause-and-effect chains, all polarities, one missing actual, a story."""

from __future__ import annotations

import math

import pytest

from egov_bsc_xl.model import Polarity
from egov_bsc_xl.workbook.demo_data import REPORT_DATE, demo_scorecard


@pytest.fixture(params=["id", "en"])
def card(request):
    return demo_scorecard(request.param)


def test_profile_perspectives_and_weights(card):
    assert "Komunikasi" in card.profile.unit or "Communication" in card.profile.unit
    assert card.profile.vision and len(card.profile.missions) >= 3
    assert card.profile.report_period.code == "2026-Q3"
    assert len(card.perspectives) == 4
    assert sum(p.weight for p in card.perspectives) == pytest.approx(1.0)


def test_objectives_form_cause_and_effect_chains(card):
    perspective_of = {o.id: o.perspective_id for o in card.objectives}
    assert len(card.objectives) >= 10
    learning, process, customer = "P3", "P2", "P1"
    edges = {(perspective_of[o.id], perspective_of[s]) for o in card.objectives for s in o.supports}
    assert (learning, process) in edges and (process, customer) in edges
    for o in card.objectives:
        assert all(s in perspective_of for s in o.supports)


def test_kpis_cover_every_polarity_and_have_quarterly_data(card):
    assert len(card.kpis) >= 16
    assert {k.polarity for k in card.kpis} == set(Polarity)
    frame = card.measurements
    assert set(frame["period"]) == {"2026-Q1", "2026-Q2", "2026-Q3"}
    assert len(frame) == 3 * len(card.kpis)
    missing = frame[frame["actual"].isna()]
    assert list(missing["period"]) == ["2026-Q3"] and len(missing) == 1
    stabilize = {k.id for k in card.kpis if k.polarity is Polarity.STABILIZE}
    assert frame[frame["kpi_id"].isin(stabilize)]["target_upper"].notna().all()


def test_initiatives_include_one_behind_schedule_and_one_over_budget(card):
    assert len(card.initiatives) >= 5
    over = [i for i in card.initiatives if i.spent > i.budget]
    behind = []
    for i in card.initiatives:
        planned = min(max((REPORT_DATE - i.start).days / (i.end - i.start).days, 0.0), 1.0)
        if i.progress < planned - 0.10:
            behind.append(i.id)
    assert len(over) == 1 and len(behind) == 1
    assert len(card.revisions) >= 1


def test_the_scores_tell_a_story():
    from egov_bsc_xl.calc.engine import score

    report = score(demo_scorecard("id"))
    bands = {k.band for k in report.kpis}
    assert "Sangat Baik" in bands and ({"Kurang", "Sangat Kurang"} & bands)
    assert report.overall.score is not None and 0.7 < report.overall.score < 1.0
    assert not math.isnan(report.overall.coverage) and report.overall.coverage < 1.0
