"""The dashboard and validation layout: one grid model both writers render."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_bsc_xl.app import analyse
from egov_bsc_xl.workbook.writing import layout
from tests.books import sample_book, sample_tables


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory):
    return analyse(sample_book(tmp_path_factory.mktemp("layout")))


def values(grid: layout.Grid) -> dict[tuple[int, int], object]:
    return {k: c.value for k, c in grid.cells.items()}


def test_attention_list_holds_kpis_below_attention_below_worst_first(tmp_path: Path) -> None:
    rows = sample_tables()["tblMeasurements"]
    low = (
        rows[0],
        [
            [*r[:4], r[2] * 0.5 if r[0] == "K4" else r[4], *r[5:]] if r[0] in ("K4",) else r
            for r in rows[1]
        ],
    )
    a = analyse(sample_book(tmp_path, tblMeasurements=low))
    grid = layout.dashboard(a)
    title = next(
        r
        for (r, c), v in values(grid).items()
        if v == "IKU yang perlu perhatian (capaian di bawah 100 %)"
    )
    listed = [
        grid.cells[(r, 0)].value
        for r in range(title + 2, title + 10)
        if (r, 0) in grid.cells and str(grid.cells[(r, 0)].value).startswith("K")
    ]
    expected = sorted(
        (k for k in a.report.kpis if k.achievement is not None and k.achievement < 1.0),
        key=lambda k: k.achievement,
    )
    assert listed == [k.id for k in expected] and listed
    assert set(listed) == {
        k.id for k in a.report.kpis if k.needs_attention
    }  # the same rule as score --json


# K1 (maximised, target 82 in TW II) reaches each default band: achievement -> label, colour
DEFAULT_BANDS = [
    (1.00, "Sangat Baik", "#1B5E20"),
    (0.80, "Baik", "#43A047"),
    (0.70, "Cukup", "#FDD835"),
    (0.55, "Kurang", "#FB8C00"),
    (0.30, "Sangat Kurang", "#E53935"),
]


@pytest.mark.parametrize(("achievement", "label", "colour"), DEFAULT_BANDS)
def test_every_band_cell_is_filled_with_its_band_colour(
    tmp_path: Path, achievement: float, label: str, colour: str
) -> None:
    keys, rows = sample_tables()["tblMeasurements"]
    rows = [[*r[:4], 82 * achievement, *r[5:]] if r[:2] == ["K1", "2026-Q2"] else r for r in rows]
    grid = layout.dashboard(analyse(sample_book(tmp_path, tblMeasurements=(keys, rows))))
    row = next(r for (r, c), cell in grid.cells.items() if c == 0 and cell.value == "K1")
    header = next(
        r for (r, c), cell in grid.cells.items() if c == 8 and cell.value == "Status" and r < row
    )
    assert grid.cells[(header, 7)].value == "Capaian"
    assert grid.cells[(row, 7)].value == pytest.approx(achievement)
    status = grid.cells[(row, 8)]
    assert status.value == label
    assert grid.styles[status.style].fill.upper() == colour
    coloured = [c for c in grid.cells.values() if c.value == label and c.style.startswith("band")]
    assert coloured and all(grid.styles[c.style].fill.upper() == colour for c in coloured)


def test_charts_point_at_the_cells_they_show(analysis) -> None:
    grid = layout.dashboard(analysis)
    bar, line = grid.charts
    cats = [
        grid.cells[(r, bar.categories.c1)].value
        for r in range(bar.categories.r1, bar.categories.r2 + 1)
    ]
    assert cats == [p.name for p in analysis.report.perspectives]
    vals = [
        grid.cells[(r, 3)].value
        for r in range(bar.series[0].values.r1, bar.series[0].values.r2 + 1)
    ]
    assert vals == [p.score for p in analysis.report.perspectives]
    assert len(line.series) == 1 + len(analysis.report.perspectives)
    assert all(c.name.startswith(layout.OWNED_PREFIX) for c in grid.charts)


def test_existing_sheet_name_of_either_language_is_reused() -> None:
    assert (
        layout.sheet_name({"id": "Dasbor", "en": "Dashboard"}, "en", {"Dasbor", "IKU"}) == "Dasbor"
    )
    assert layout.sheet_name({"id": "Dasbor", "en": "Dashboard"}, "en", {"IKU"}) == "Dashboard"


def test_validation_sheet_without_issues_says_so(analysis) -> None:
    grid = layout.validation(analysis)
    texts = [c.value for c in grid.cells.values()]
    assert (
        grid.cells[(1, 0)].value == "0 kesalahan, 0 peringatan"
    )  # the summary line, under the title
    assert "Tidak ada masalah ditemukan." in texts
    assert not [
        t for t in texts if str(t)[:1] in ("E", "W") and str(t)[1:].isdigit()
    ]  # no issue listed


def test_validation_sheet_counts_and_lists_each_issue(tmp_path: Path) -> None:
    keys, rows = sample_tables()["tblMeasurements"]
    rows = [[*r[:4], "abc", *r[5:]] if r[:2] == ["K2", "2026-Q2"] else r for r in rows]
    grid = layout.validation(
        analyse(
            sample_book(
                tmp_path, tblMeasurements=(keys, [*rows, ["K9", "2026-Q2", 1, None, 1, "", ""]])
            )
        )
    )
    assert grid.cells[(1, 0)].value == "2 kesalahan, 1 peringatan"
    listed = [
        (grid.cells[(r, 0)].value, grid.cells[(r, 3)].value, grid.cells[(r, 5)].value)
        for r in (6, 7, 8)
    ]
    assert listed == [("E021", "E5", "abc"), ("E011", "A11", "K9"), ("W013", "E5", "K2")]
    assert "Tidak ada masalah ditemukan." not in [c.value for c in grid.cells.values()]
