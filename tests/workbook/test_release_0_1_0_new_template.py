"""The second release's template scores a scorecard exactly as the 0.1.0 workbook did: the SPEC 8
and 9 columns, the profile rows and the Unit sheet are there, but left empty they change nothing;
filled in (the demo's annual/Renstra/national targets, analysis, history of earlier years) they
do not move the report period's scores either."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from egov_bsc_xl.calc.engine import score
from egov_bsc_xl.model import Measurement, parse_period
from egov_bsc_xl.model.report import ScoreReport
from egov_bsc_xl.validate.rules import validate
from egov_bsc_xl.workbook.reading.reader import read_workbook
from egov_bsc_xl.workbook.template.build import Content, build, build_template, demo_content

DATA = Path(__file__).resolve().parents[1] / "data" / "release-0.1.0"
DEMOS = {"demo-0.1.0-id.xlsm": ("id", "udf"), "demo-0.1.0-en-native.xlsm": ("en", "native")}


def _figures(report: ScoreReport) -> dict[str, object]:
    """What a planner reads off the dashboard: overall, perspectives, objectives, every KPI."""
    return {
        "period": str(report.period),
        "overall": (report.overall.score, str(report.overall.band), report.overall.coverage),
        "perspectives": [(p.id, p.score, str(p.band)) for p in report.perspectives],
        "objectives": [(o.id, o.score) for o in report.objectives],
        "kpis": [
            (k.id, k.target, k.actual, k.achievement, str(k.band), k.needs_attention)
            for k in report.kpis
        ],
    }


def _rows(card) -> list[Measurement]:
    """The measurement rows of a read scorecard, as the template builder takes them."""
    frame = card.measurements.sort_values("row")
    nan = frame.isna()
    return [
        Measurement(
            kpi_id=r.kpi_id,
            period=parse_period(r.period),
            target=None if nan.at[i, "target"] else r.target,
            target_upper=None if nan.at[i, "target_upper"] else r.target_upper,
            actual=None if nan.at[i, "actual"] else r.actual,
        )
        for i, r in zip(frame.index, frame.itertuples(), strict=True)
    ]


@pytest.mark.parametrize("name", sorted(DEMOS))
def test_a_0_1_0_scorecard_typed_into_the_new_template_scores_the_same(name, tmp_path):
    lang, formulas = DEMOS[name]
    old_path = tmp_path / name
    shutil.copy(DATA / name, old_path)
    old = read_workbook(old_path)
    card = old.card
    assert not [i for i in validate(old) if i.is_error]
    content = Content(
        profile=card.profile,
        settings=card.settings,
        perspectives=card.perspectives,
        objectives=card.objectives,
        kpis=card.kpis,
        measurements=_rows(card),
        initiatives=card.initiatives,
        revisions=card.revisions,
    )
    new_path = tmp_path / f"new-{name}"
    new_path.write_bytes(build(lang, formulas, content=content))
    new = read_workbook(new_path)
    assert new.card.units == [] and all(k.annual_target is None for k in new.card.kpis)
    assert [i.code for i in validate(new) if i.is_error] == []
    assert _figures(score(new.card)) == _figures(score(card))
    assert score(new.card).public() == score(card).public()  # every figure of score --json
    # the same findings, plus W014 for each KPI that needs attention: the new template has the
    # Analisis / Rencana Tindak Lanjut columns, so their emptiness is now worth a warning
    codes = sorted(i.code for i in validate(new) if i.code != "W014")
    assert codes == sorted(i.code for i in validate(old))
    attention = [k.id for k in score(new.card).kpis if k.needs_attention]
    assert len([i for i in validate(new) if i.code == "W014"]) == len(attention) > 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_new_columns_and_history_do_not_move_the_report_periods_scores(lang, tmp_path):
    full = demo_content(lang)
    bare = demo_content(lang)
    bare.profile = bare.profile.model_copy(
        update={
            "plan_start": None,
            "plan_end": None,
            "head_name": "",
            "head_title": "",
            "feedback_channel": "",
        }
    )
    bare.kpis = [
        k.model_copy(
            update={
                "kpi_type": "",
                "annual_target": None,
                "plan_target": None,
                "national_target": None,
                "public": True,
            }
        )
        for k in bare.kpis
    ]
    this_year = [
        m.model_copy(update={"analysis": "", "action": "", "action_owner": "", "action_due": None})
        for m in bare.entries
        if m.period.year == 2026
    ]
    bare = Content(**{**dict(bare), "measurements": this_year})
    assert len(this_year) < len(full.entries)  # the demo has history rows that were dropped
    paths = {}
    for key, content in (("full", full), ("bare", bare)):
        paths[key] = tmp_path / f"{key}.xlsm"
        paths[key].write_bytes(build(lang, content=content))
    full_card, bare_card = (read_workbook(paths[k]).card for k in ("full", "bare"))
    assert _figures(score(full_card)) == _figures(score(bare_card))
    assert score(full_card).overall.score == pytest.approx(0.9406, abs=1e-4)


def test_build_template_still_writes_a_file_a_0_1_0_reader_path_accepts(tmp_path):
    """The blank new template validates clean like the blank 0.1.0 template."""
    for lang in ("id", "en"):
        path = build_template(tmp_path / f"blank-{lang}.xlsm", lang)
        old = read_workbook(DATA / f"egov-bsc-template-{lang}.xlsm")
        new = read_workbook(path)
        assert sorted(i.code for i in validate(new)) == sorted(i.code for i in validate(old))
