"""The demo is what a real Diskominfo would show: outcome IKU per sasaran, annual KPIs as annual,
no spending above budget, a note on every KPI that misses its target, and a story in the scores."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from egov_bsc_xl.calc.engine import score
from egov_bsc_xl.model import Frequency, Polarity
from egov_bsc_xl.workbook.template.demo_data import (
    LIBRARY_CODES,
    REPORT_DATE,
    demo_measurements,
    demo_scorecard,
)
from egov_bsc_xl.workbook.template.kpi_library import BY_CODE

README = Path(__file__).resolve().parents[2] / "README.md"


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


def test_outcome_iku_at_sasaran_level(card):
    assert 10 <= len(card.kpis) <= 14
    assert {k.objective_id for k in card.kpis} == {
        o.id for o in card.objectives
    }  # every sasaran measured
    assert all(BY_CODE[LIBRARY_CODES[k.id]].kpi_type == "outcome" for k in card.kpis)
    assert {Polarity.MAXIMIZE, Polarity.MINIMIZE, Polarity.STABILIZE} <= {
        k.polarity for k in card.kpis
    }


def test_each_kpi_has_rows_of_its_own_frequency_and_annual_kpis_are_annual(card):
    months = {
        Frequency.QUARTERLY: 3,
        Frequency.SEMESTER: 6,
        Frequency.ANNUAL: 12,
        Frequency.MONTHLY: 1,
    }
    frame = card.measurements
    for k in card.kpis:
        rows = frame[frame["kpi_id"] == k.id]
        assert len(rows) and set(rows["months"]) == {months[k.frequency]}, k.id
        if BY_CODE[LIBRARY_CODES[k.id]].frequency is Frequency.ANNUAL:
            assert k.frequency is Frequency.ANNUAL and list(rows["period"]) == ["2026"]
    assert any(k.frequency is Frequency.ANNUAL for k in card.kpis)
    missing = frame[frame["actual"].isna()]
    assert sorted(zip(missing["kpi_id"], missing["period"], strict=True)) == [
        ("IKU08", "2026"),
        ("IKU09", "2026-Q3"),
    ]
    stabilize = {k.id for k in card.kpis if k.polarity is Polarity.STABILIZE}
    assert frame[frame["kpi_id"].isin(stabilize)]["target_upper"].notna().all()


def test_initiatives_spend_within_budget_and_one_is_behind_schedule(card):
    assert len(card.initiatives) >= 5
    assert all(i.spent <= i.budget for i in card.initiatives)
    behind = []
    for i in card.initiatives:
        planned = min(max((REPORT_DATE - i.start).days / (i.end - i.start).days, 0.0), 1.0)
        if i.progress < planned - 0.10:
            behind.append(i.id)
    assert behind == ["INS02"]
    assert len(card.revisions) >= 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_kpi_that_misses_its_target_has_a_note_for_the_report_period(lang):
    report = score(demo_scorecard(lang))
    notes = {(m.kpi_id, m.period.code): m.note for m in demo_measurements(lang)}
    off_track = [k.id for k in report.kpis if k.achievement is not None and k.achievement < 1.0]
    assert off_track == ["IKU02", "IKU04", "IKU05", "IKU06", "IKU07", "IKU11"]
    for kid in off_track:
        assert notes.get((kid, "2026-Q3")), kid
    assert notes[("IKU09", "2026-Q3")] and notes[("IKU08", "2026")]  # why there is no data yet


def test_the_scores_tell_a_story():
    """Numbers checked by hand: P2 = (2 × 90 % + 99.46 % + 60 % + 91.67 %) / 5 = 86.2 %;
    overall = 0.3 × 98.35 % + 0.3 × 86.23 % + 0.2 × 93.45 % + 0.2 × 100 % = 94.1 %."""
    report = score(demo_scorecard("id"))
    bands = {k.band for k in report.kpis}
    assert "Sangat Baik" in bands and ({"Kurang", "Sangat Kurang"} & bands)
    by_id = {p.id: p.score for p in report.perspectives}
    assert by_id["P2"] == pytest.approx(
        (2 * 0.9 + 98.9666666 / 99.5 + 0.6 + (2 - 4.3333333 / 4)) / 5, abs=1e-6
    )
    assert report.overall.score == pytest.approx(0.9406, abs=1e-4)
    assert not math.isnan(report.overall.coverage) and report.overall.coverage < 1.0


def readme_demo_warnings() -> list[tuple[str, str]]:
    """(code, cell) of each warning the README says the demo deserves."""
    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- demo-warnings -->")[1].split("<!-- /demo-warnings -->")[0]
    return re.findall(r"\*\*(W\d{3})\*\*[^`]*`([^`]+)`", block)


def test_the_demo_has_exactly_the_warnings_the_readme_lists(tmp_path):
    from egov_bsc_xl.app import analyse
    from egov_bsc_xl.workbook.template.build import build_template

    path = build_template(tmp_path / "demo.xlsm", "id", "native", demo=True)
    analysis = analyse(path, None)
    assert analysis.errors == 0
    found = sorted((i.code, f"{i.sheet}!{i.cell}") for i in analysis.issues)
    assert found == sorted(readme_demo_warnings())
    assert len(found) == 2
