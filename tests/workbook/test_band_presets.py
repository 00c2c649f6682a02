"""`egov-bsc new --bands P` (SPEC 8): tblBands filled from the preset, the preset recorded, statuses follow."""

from __future__ import annotations

import json

import openpyxl
import pytest

from egov_bsc_xl.app import analyse
from tests.books import sample_book, sample_tables
from tests.cli_run import Ran, egov_bsc


def _cli(*args: str) -> Ran:
    return egov_bsc(*args)


def _bands_and_preset(path) -> tuple[list[tuple], str | None]:
    book = openpyxl.load_workbook(path)
    for ws in book.worksheets:
        if "tblBands" in ws.tables:
            bands = [tuple(c.value for c in row) for row in ws[ws.tables["tblBands"].ref]][1:]
            settings = [[c.value for c in row] for row in ws[ws.tables["tblSettings"].ref]][1:]
            preset = {r[0]: r[2] for r in settings}.get("band_preset")
            return bands, preset
    raise AssertionError("no tblBands")


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        (
            "permendagri86",
            [
                (0.91, "Sangat Tinggi", "Very high", "#1B5E20"),
                (0.76, "Tinggi", "High", "#43A047"),
                (0.66, "Sedang", "Medium", "#FDD835"),
                (0.51, "Rendah", "Low", "#FB8C00"),
                (0.0, "Sangat Rendah", "Very low", "#E53935"),
            ],
        ),
        (
            "nko",
            [
                (1.0, "Memenuhi target", "Target met", "#43A047"),
                (0.8, "Hampir memenuhi", "Nearly met", "#FDD835"),
                (0.0, "Tidak memenuhi", "Not met", "#E53935"),
            ],
        ),
        (
            "default",
            [
                (0.91, "Sangat Baik", "Excellent", "#1B5E20"),
                (0.76, "Baik", "Good", "#43A047"),
                (0.66, "Cukup", "Fair", "#FDD835"),
                (0.51, "Kurang", "Poor", "#FB8C00"),
                (0.0, "Sangat Kurang", "Very poor", "#E53935"),
            ],
        ),
    ],
)
def test_new_fills_tblbands_from_the_preset_and_records_it(tmp_path, preset, expected):
    target = tmp_path / "book.xlsm"
    done = _cli("new", str(target), "--bands", preset)
    assert done.returncode == 0, done.stderr
    bands, recorded = _bands_and_preset(target)
    assert bands == expected
    assert recorded == preset
    settings = analyse(target, None).card.settings
    assert settings.band_preset == preset
    assert [b.label_id for b in sorted(settings.bands, key=lambda b: -b.lower_bound)] == [
        e[1] for e in expected
    ]


def test_nko_statuses_of_the_demo_follow_the_preset(tmp_path):
    target = tmp_path / "demo.xlsm"
    assert _cli("new", str(target), "--demo", "--bands", "nko").returncode == 0
    out = _cli("score", str(target), "--json")
    report = json.loads(out.stdout)
    for kpi in report["kpis"]:
        a = kpi["achievement"]
        if a is None:
            assert kpi["band"] == "Belum ada data"
        else:
            assert kpi["band"] == (
                "Memenuhi target"
                if a >= 1.0
                else "Hampir memenuhi"
                if a >= 0.8
                else "Tidak memenuhi"
            ), kpi
    assert {k["band"] for k in report["kpis"]} >= {"Memenuhi target", "Hampir memenuhi"}


def test_unknown_preset_is_a_usage_error_naming_the_presets(tmp_path):
    target = tmp_path / "x.xlsm"
    done = _cli("new", str(target), "--bands", "sakip")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "default, permendagri86, nko" in done.stderr and "'sakip'" in done.stderr
    assert not target.exists()


def test_a_workbook_without_the_band_preset_row_reads_as_before(tmp_path):
    tables = sample_tables()
    assert all(r[0] != "band_preset" for r in tables["tblSettings"][1])
    analysis = analyse(sample_book(tmp_path), None)
    assert analysis.errors == 0 and analysis.card.settings.band_preset == ""
    assert analysis.card.settings.bands[0].label_id == "Sangat Baik"
