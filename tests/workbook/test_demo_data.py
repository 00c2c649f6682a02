"""The demo is what a real Diskominfo would show: outcome IKU per sasaran, annual KPIs as annual,
no spending above budget, a note on every KPI that misses its target, and a story in the scores."""

from __future__ import annotations

import datetime as dt
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
    frame = frame[frame["year"] == 2026]  # the report year; earlier years are history (below)
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


def _year_figure(values: list[float], aggregation) -> float:
    return {"sum": sum, "last": lambda v: v[-1], "average": lambda v: sum(v) / len(v)}[
        aggregation.value
    ](values)


def test_history_of_2024_and_2025_for_every_kpi_and_its_own_frequency_for_a_few(card):
    """SPEC 8 history: every KPI has its 2024 and 2025 figures (annual rows, or 2025 in the KPI's
    own frequency so that last year's TW III exists), all reported, and the 2025 figure is the
    KPI's baseline."""
    months = {Frequency.QUARTERLY: 3, Frequency.SEMESTER: 6, Frequency.ANNUAL: 12}
    frame = card.measurements
    own_frequency_2025 = set()
    for k in card.kpis:
        rows = frame[frame["kpi_id"] == k.id]
        assert list(rows[rows["year"] == 2024]["period"]) == ["2024"], k.id
        last_year = rows[rows["year"] == 2025]
        assert rows[rows["year"] < 2026]["actual"].notna().all(), k.id
        assert len(last_year) and len(set(last_year["months"])) == 1, k.id  # one length per year
        if (
            set(last_year["months"]) == {months[k.frequency]}
            and k.frequency is not Frequency.ANNUAL
        ):
            own_frequency_2025.add(k.id)
            assert len(last_year) == 12 // months[k.frequency], k.id  # the whole year
        else:
            assert list(last_year["period"]) == ["2025"], k.id
        figure = _year_figure(list(last_year["actual"]), k.aggregation)
        assert figure == pytest.approx(k.baseline), k.id
    assert {"IKU02", "IKU03", "IKU06"} <= own_frequency_2025  # last, average and sum KPIs


def test_annual_and_renstra_targets_for_every_kpi_never_weaker_than_the_periods(card):
    """PK annual targets (W015 would flag a weaker one) and the Renstra 2025-2029 end targets."""
    assert (card.profile.plan_start, card.profile.plan_end) == (2025, 2029)
    frame = card.measurements
    for k in card.kpis:
        assert k.annual_target is not None and k.plan_target is not None, k.id
        rows = frame[(frame["kpi_id"] == k.id) & (frame["year"] == 2026)]
        periods = _year_figure(list(rows["target"]), k.aggregation)
        if k.polarity is Polarity.MAXIMIZE:
            assert k.annual_target >= periods and k.plan_target >= k.annual_target, k.id
        elif k.polarity is Polarity.MINIMIZE:
            assert k.annual_target <= periods and k.plan_target <= k.annual_target, k.id
        else:  # within range: the PK target is inside the 2026 range
            assert (rows["target"] <= k.annual_target).all(), k.id
            assert (k.annual_target <= rows["target_upper"]).all(), k.id
    # a national target only where one exists (the national SPBE index), never invented
    assert {k.id: k.national_target for k in card.kpis if k.national_target is not None} == {
        "IKU08": 2.6
    }


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_kpi_that_needs_attention_has_analysis_and_a_dated_action(lang):
    report = score(demo_scorecard(lang))
    rows = {(m.kpi_id, m.period.code): m for m in demo_measurements(lang)}
    attention = [k.id for k in report.kpis if k.achievement is not None and k.achievement < 1.0]
    for kid in attention:
        row = rows[(kid, "2026-Q3")]
        assert row.analysis and row.action and row.action_owner, kid
        assert REPORT_DATE < row.action_due <= dt.date(2026, 12, 31), kid
    followed = {kid for (kid, _), m in rows.items() if m.analysis or m.action}
    assert followed == set(attention)  # on track KPIs carry no follow-up


def test_profile_head_feedback_channel_kpi_types_and_one_kpi_kept_from_the_public(card):
    p = card.profile
    assert p.head_name and p.head_title and p.feedback_channel == "SP4N-LAPOR! (lapor.go.id)"
    assert {k.kpi_type for k in card.kpis} == {"outcome"}
    assert [k.id for k in card.kpis if not k.public] == ["IKU06"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_demo_workbook_carries_the_sakip_values_in_its_cells(lang, tmp_path):
    """What `egov-bsc demo` writes: the values above land in the right columns of real cells."""
    import openpyxl

    from egov_bsc_xl.workbook import contract as c
    from egov_bsc_xl.workbook.template.build import build_template

    book = openpyxl.load_workbook(build_template(tmp_path / "demo.xlsm", lang, demo=True))
    profile = {
        r[0]: r[2]
        for r in book[c.PROFILE.sheet(lang)].iter_rows(min_row=5, values_only=True)
        if r[0]
    }
    assert (profile["plan_start"], profile["plan_end"]) == (2025, 2029)
    assert profile["feedback_channel"] == "SP4N-LAPOR! (lapor.go.id)" and profile["head_name"]
    k = c.KPIS.keys
    kpis = {
        r[0]: r for r in book[c.KPIS.sheet(lang)].iter_rows(min_row=5, values_only=True) if r[0]
    }
    yes, no = ("Ya", "Tidak") if lang == "id" else ("Yes", "No")
    assert [i for i, r in kpis.items() if r[k.index("public")] == no] == ["IKU06"]
    assert all(r[k.index("public")] in (yes, no) for r in kpis.values())
    assert {r[k.index("kpi_type")] for r in kpis.values()} == {"Outcome"}
    assert kpis["IKU02"][k.index("annual_target")] == 60000
    assert kpis["IKU08"][k.index("national_target")] == 2.6
    m = c.MEASUREMENTS.keys
    rows = [
        r for r in book[c.MEASUREMENTS.sheet(lang)].iter_rows(min_row=5, values_only=True) if r[0]
    ]
    periods = [r[1] for r in rows]
    first_history = periods.index("2024")
    assert all(not p.startswith("2026") for p in periods[first_history:])  # appended below
    assert len(rows) == len(demo_measurements(lang))
    follow_up = {(r[0], r[1]): r for r in rows if r[m.index("analysis")]}
    assert set(follow_up) == {
        (kid, "2026-Q3") for kid in ("IKU02", "IKU04", "IKU05", "IKU06", "IKU07", "IKU11")
    }
    assert follow_up[("IKU06", "2026-Q3")][m.index("action_due")] == dt.datetime(2026, 10, 31)
