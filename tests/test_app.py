"""The use cases live in egov_bsc_xl.app; the report carries typed bands and periods; one rule each.

Issue 10 items 2, 3 and 5: the command line and the buttons call the same use cases, the deck
scores nothing itself, renderers read bands and periods from the report, and the band lookup,
the text colour on a band fill and the cached Capaian/Status values exist once.
"""

from __future__ import annotations

import ast
import copy
import json
import math
from pathlib import Path

import pytest

from egov_bsc_xl import app
from egov_bsc_xl.calc.bands import band_labels
from egov_bsc_xl.model.report import ReportBand, ReportPeriod
from egov_bsc_xl.model.scorecard import (
    DEFAULT_BANDS,
    NO_DATA_BAND,
    Band,
    Settings,
    is_light,
    text_colour_on,
)
from egov_bsc_xl.workbook.opc.package import Package
from egov_bsc_xl.workbook.template.build import build
from egov_bsc_xl.workbook.writing.recalc import refresh_measurement_cache
from tests.deck.sample_card import sample_card

PACKAGE = Path(app.__file__).parent


def _imports(path: Path) -> set[str]:
    """Every module a file imports (at module level or inside functions), with the names it takes."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("entry", ["cli.py", "xl/macros.py"])
def test_the_command_and_the_buttons_take_their_use_cases_from_app(entry: str) -> None:
    imports = _imports(PACKAGE / entry)
    assert not {
        m
        for m in imports
        if m.startswith(
            (
                "egov_bsc_xl.calc.engine.score",
                "egov_bsc_xl.validate",
                "egov_bsc_xl.workbook.reading.reader",
                "egov_bsc_xl.workbook.writing.layout",
                "egov_bsc_xl.deck.build.build_deck",
            )
        )
    }
    assert any(m.startswith("egov_bsc_xl.app") for m in imports)


def test_the_deck_package_scores_nothing_itself() -> None:
    for path in (PACKAGE / "deck").glob("*.py"):
        imports = _imports(path)
        assert not {
            m
            for m in imports
            if m.startswith(("egov_bsc_xl.calc.engine", "egov_bsc_xl.calc.bands"))
        }, path
        assert "egov_bsc_xl.model.period.parse_period" not in imports, path


def test_the_report_carries_each_band_and_period_and_prints_the_spec_strings() -> None:
    card = sample_card(16, "en")
    analysis = app.analysis_of(card)
    report = analysis.report
    assert report is not None
    settings = card.settings
    results = [report.overall, *report.perspectives, *report.objectives]
    for result in results:
        assert isinstance(result.band, ReportBand)
        assert result.band.band == settings.band(result.score)
        assert result.band == settings.band(result.score).label("en")
    for kpi in report.kpis:
        assert kpi.band.band == settings.band(kpi.achievement)
        assert kpi.band.colour == settings.band(kpi.achievement).colour
    assert isinstance(report.period, ReportPeriod) and report.period.period == analysis.period
    assert [p.period.period for p in analysis.trend][-1] == analysis.period
    assert report.period.label("id") == analysis.period.label("id")

    public = report.public()
    assert type(public["overall"]["band"]) is str and public["overall"][
        "band"
    ] == report.overall.band.label("en")
    assert type(public["period"]) is str and public["period"] == analysis.period.code
    assert all(type(k["band"]) is str for k in public["kpis"])
    json.dumps(public, allow_nan=True)  # plain JSON, no objects left

    again = copy.deepcopy(report)
    assert again == report and again.kpis[0].band.colour == report.kpis[0].band.colour


def test_one_band_lookup_for_one_score_and_for_many() -> None:
    bands = [
        Band(lower_bound=0.8, label_id="Hijau", label_en="Green", colour="#00FF00"),
        Band(lower_bound=0.5, label_id="Kuning", label_en="Yellow", colour="#FFFF00"),
        Band(lower_bound=0.2, label_id="Merah", label_en="Red", colour="#FF0000"),
    ]
    settings = Settings(bands=bands)
    scores = [1.5, 0.8, 0.7999, 0.5, 0.3, 0.2, 0.1, -3.0, math.nan]
    many = band_labels(scores, settings, "id")
    assert many == [settings.band(s).label("id") for s in scores]
    assert many == [
        "Hijau",
        "Hijau",
        "Kuning",
        "Kuning",
        "Merah",
        "Merah",
        "Merah",
        "Merah",
        NO_DATA_BAND.label_id,
    ]
    assert settings.band(None) is NO_DATA_BAND


def test_one_text_colour_rule_on_every_band_fill() -> None:
    from egov_bsc_xl.deck.base import text_colour_on as deck_text
    from egov_bsc_xl.deck.master import INK
    from egov_bsc_xl.workbook.writing.band_rules import text_on
    from egov_bsc_xl.workbook.writing.layout import Grid, band_style

    assert (
        is_light("#FDD835")
        and is_light("FFFFFF")
        and not is_light("#1B5E20")
        and not is_light("#E53935")
    )
    for band in (*DEFAULT_BANDS, NO_DATA_BAND):
        dark_text = is_light(band.colour)
        assert text_colour_on(band.colour) == ("#000000" if dark_text else "#FFFFFF")
        assert text_on(band.colour.lstrip("#")) == ("FF000000" if dark_text else "FFFFFFFF")
        assert (deck_text(band.colour) == INK) is dark_text
        grid = Grid(sheet="x")
        assert grid.styles[band_style(grid, band.colour)].font_colour == text_colour_on(band.colour)


@pytest.mark.parametrize(("lang", "formulas"), [("id", "native"), ("en", "udf")])
def test_the_template_caches_the_values_recalc_would_write(
    tmp_path: Path, lang: str, formulas: str
) -> None:
    """The template builder and recalc compute Capaian/Status once (calc.cells): a fresh demo
    workbook holds exactly the cached values recalc computes, so no cell would change."""
    path = tmp_path / f"demo-{lang}.xlsm"
    path.write_bytes(build(lang, formulas, demo=True))
    values = app.computed_values(app.analyse(path))
    assert any(v != "" for v in values.achievement) and len(set(values.status)) > 2
    pkg = Package(path)
    try:
        refreshed = refresh_measurement_cache(pkg, values)
    finally:
        pkg.close()
    assert refreshed.cells > 0 and refreshed.changed == 0


def test_a_deck_with_nothing_to_score_is_refused_by_the_use_case(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsm"
    path.write_bytes(build("id", "udf"))
    with pytest.raises(app.NothingToScore) as caught:
        app.deck_analysis(path)
    assert caught.value.analysis.report is not None and not caught.value.analysis.report.kpis


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_template_writes_the_same_scorecard_model_the_engine_scores(
    tmp_path: Path, lang: str
) -> None:
    """One model: the demo scorecard made in code, scored directly, gives the report of the
    workbook the template builds from it and the reader reads back."""
    from egov_bsc_xl.model.scorecard import Scorecard
    from egov_bsc_xl.workbook.template.build import demo_content

    card = demo_content(lang)
    assert isinstance(card, Scorecard) and len(card.entries) == len(card.measurements) > 0
    path = tmp_path / f"demo-{lang}.xlsm"
    path.write_bytes(build(lang, "udf", demo=True))
    read = app.analyse(path)
    direct = app.analysis_of(card, read.period)
    assert direct.report is not None and read.report is not None
    assert json.dumps(direct.report.public(), sort_keys=True) == json.dumps(
        read.report.public(), sort_keys=True
    )
