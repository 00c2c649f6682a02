"""The dashboard and validation layout: one grid model both writers render."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_bsc_xl.app import analyse
from egov_bsc_xl.workbook import layout
from tests.books import sample_book, sample_tables


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory):
    return analyse(sample_book(tmp_path_factory.mktemp("layout")))


def values(grid: layout.Grid) -> dict[tuple[int, int], object]:
    return {k: c.value for k, c in grid.cells.items()}


def test_attention_list_holds_kpis_below_attention_below_worst_first(tmp_path: Path) -> None:
    rows = sample_tables()["tblMeasurements"]
    low = (rows[0], [[*r[:4], r[2] * 0.5 if r[0] == "K4" else r[4], *r[5:]] if r[0] in ("K4",) else r
                     for r in rows[1]])
    a = analyse(sample_book(tmp_path, tblMeasurements=low))
    grid = layout.dashboard(a)
    title = next(r for (r, c), v in values(grid).items() if v == "IKU yang perlu perhatian (capaian di bawah 100 %)")
    listed = [grid.cells[(r, 0)].value for r in range(title + 2, title + 10) if (r, 0) in grid.cells
              and str(grid.cells[(r, 0)].value).startswith("K")]
    expected = sorted((k for k in a.report.kpis if k.achievement is not None and k.achievement < 1.0),
                      key=lambda k: k.achievement)
    assert listed == [k.id for k in expected] and listed
    assert set(listed) == {k.id for k in a.report.kpis if k.needs_attention}  # the same rule as score --json


def test_every_band_cell_is_filled_with_its_band_colour(analysis) -> None:
    grid = layout.dashboard(analysis)
    bands = {b.label("id"): b.colour.upper() for b in analysis.card.settings.bands}
    for cell in grid.cells.values():
        if cell.value in bands and cell.style.startswith("band"):
            assert grid.styles[cell.style].fill == bands[cell.value]


def test_charts_point_at_the_cells_they_show(analysis) -> None:
    grid = layout.dashboard(analysis)
    bar, line = grid.charts
    cats = [grid.cells[(r, bar.categories.c1)].value for r in range(bar.categories.r1, bar.categories.r2 + 1)]
    assert cats == [p.name for p in analysis.report.perspectives]
    vals = [grid.cells[(r, 3)].value for r in range(bar.series[0].values.r1, bar.series[0].values.r2 + 1)]
    assert vals == [p.score for p in analysis.report.perspectives]
    assert len(line.series) == 1 + len(analysis.report.perspectives)
    assert all(c.name.startswith(layout.OWNED_PREFIX) for c in grid.charts)


def test_existing_sheet_name_of_either_language_is_reused() -> None:
    assert layout.sheet_name({"id": "Dasbor", "en": "Dashboard"}, "en", {"Dasbor", "IKU"}) == "Dasbor"
    assert layout.sheet_name({"id": "Dasbor", "en": "Dashboard"}, "en", {"IKU"}) == "Dashboard"


def test_validation_sheet_without_issues_says_so(analysis) -> None:
    grid = layout.validation(analysis)
    texts = [c.value for c in grid.cells.values()]
    assert "Tidak ada masalah ditemukan." in texts or any(str(t).endswith("peringatan") for t in texts)
