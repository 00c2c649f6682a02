"""The demo's Pemda family: a parent with tblUnits and two rolled-up IKU, three units, one late."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.app import analyse, demo_family
from egov_bsc_xl.workbook.template.demo_family import FAMILY_FOLDER, LATE_UNIT, PARENT_FILE, UNITS


def _table(path: Path, name: str) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(path, keep_vba=False)
    for ws in book.worksheets:
        if name in ws.tables:
            rows = [[c.value for c in r] for r in ws[ws.tables[name].ref]]
            return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    raise AssertionError(f"{name} not in {path.name}")


@pytest.fixture(scope="module")
def family(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return demo_family(tmp_path_factory.mktemp("demo"))


def test_the_family_files_exist_beside_each_other(family: dict[str, Path]) -> None:
    assert list(family) == [PARENT_FILE, *(u.file for u in UNITS)]
    folder = family[PARENT_FILE].parent
    assert folder.name == FAMILY_FOLDER
    assert sorted(p.name for p in folder.iterdir()) == sorted(family)  # no drafts left


def test_every_family_workbook_validates_without_errors(family: dict[str, Path]) -> None:
    for name, path in family.items():
        analysis = analyse(path)
        assert analysis.errors == 0, (name, [i.message for i in analysis.issues])
        assert analysis.period.code == "2026-Q3"
        assert analysis.report is not None


def test_the_parent_lists_three_units_whose_files_are_there(family: dict[str, Path]) -> None:
    parent = family[PARENT_FILE]
    units = _table(parent, "tblUnits")
    assert [u["ID"] for u in units] == ["DISKOMINFO", "BAPPEDA", "DINKES"]
    for unit in units:
        assert (parent.parent / str(unit["Berkas"])).is_file()
        assert unit["Aktif"] == "Ya"
    assert [u["Bobot"] for u in units] == [1, 1, 2]


def test_the_parent_has_a_sum_and_an_average_roll_up_without_own_rows(
    family: dict[str, Path],
) -> None:
    parent = family[PARENT_FILE]
    kpis = {k["ID"]: k for k in _table(parent, "tblKpis")}
    rolled = {
        k: (v["Agregasi Unit"], v["IKU Sumber"]) for k, v in kpis.items() if v["Agregasi Unit"]
    }
    assert rolled == {"IKU-01": ("Jumlah", "LAY-01"), "IKU-02": ("Rata-rata", "LAY-02")}
    rows = _table(parent, "tblMeasurements")
    assert not [r for r in rows if r["ID IKU"] in rolled]  # consolidate fills them
    # ... and every unit reports both source IKU
    for unit in UNITS:
        unit_kpis = {k["ID"] for k in _table(family[unit.file], "tblKpis")}
        assert {"LAY-01", "LAY-02"} <= unit_kpis


def test_the_late_unit_has_no_rows_for_the_report_period_and_the_others_differ(
    family: dict[str, Path],
) -> None:
    actuals = {}
    for unit in UNITS:
        rows = _table(family[unit.file], "tblMeasurements")
        periods = {r["Periode"] for r in rows}
        if unit.id == LATE_UNIT:
            assert periods == {"2026-Q1", "2026-Q2"}
        else:
            assert "2026-Q3" in periods
        actuals[unit.id] = [(r["ID IKU"], r["Periode"], r["Realisasi"]) for r in rows]
        analysis = analyse(family[unit.file])
        if unit.id == LATE_UNIT:
            assert analysis.report is not None and analysis.report.overall.score is None
        else:
            assert analysis.report is not None and analysis.report.overall.score is not None
    assert len({tuple(v) for v in actuals.values()}) == 3  # different figures in every unit


def test_running_it_again_replaces_only_the_family_files(family: dict[str, Path]) -> None:
    folder = family[PARENT_FILE].parent
    mine = folder / "catatan-bappeda.txt"
    mine.write_text("jangan dihapus")
    again = demo_family(folder.parent)
    assert again == family
    assert mine.read_text() == "jangan dihapus"
    mine.unlink()


def test_each_unit_has_two_kpi_owners_so_forms_by_owner_make_two_forms(
    family: dict[str, Path],
) -> None:
    for unit in UNITS:
        owners = {k["Penanggung Jawab"] for k in _table(family[unit.file], "tblKpis")}
        assert len(owners) == 2, (unit.id, owners)


def test_consolidating_the_family_fills_the_parents_rows_it_never_typed(
    family: dict[str, Path],
) -> None:
    """The README's numbers: IKU-01 is the sum of two units (17 + 5 = 22 services, targets
    16 + 6), IKU-02 their average ((85.5 + 79) / 2 = 82.25 against 80); the rows exist only in
    the roll-up, so no W013 (no actual) and no E024 (target order) on them."""
    from egov_bsc_xl.consolidate import consolidate_book

    parent = family[PARENT_FILE]
    done = consolidate_book(parent, parent, "2026-Q3", workers=1)
    kpis = {k.id: k for k in done.analysis.report.kpis}
    assert (kpis["IKU-01"].actual, kpis["IKU-01"].target) == (22.0, 22.0)
    rolled = {r.kpi_id: r for r in done.report.rollups}
    assert rolled["IKU-02"].actual == pytest.approx(82.25)
    assert rolled["IKU-02"].target == pytest.approx(80.0)
    assert kpis["IKU-02"].actual is not None  # its year to date over the rolled-up quarters
    on_rolled = [
        i.code for i in done.analysis.issues if i.value in ("IKU-01", "IKU-02", "82.25", "22")
    ]
    assert "W013" not in on_rolled and not [i for i in done.analysis.issues if i.is_error]


def test_recalc_of_a_parent_consolidates_its_units(family: dict[str, Path], tmp_path: Path) -> None:
    """`recalc` (and so the Hitung Ulang button) of a parent rolls its units up first: the
    Konsolidasi sheet is written and the Dasbor scores the rolled-up IKU, as consolidate does."""
    import shutil

    from python_calamine import CalamineWorkbook

    from egov_bsc_xl.app import recalc

    folder = tmp_path / "pemda"
    shutil.copytree(family[PARENT_FILE].parent, folder)
    parent = folder / PARENT_FILE
    result = recalc(parent, "2026-Q3")
    kpis = {k.id: k for k in result.analysis.report.kpis}
    assert (kpis["IKU-01"].actual, kpis["IKU-01"].target) == (22.0, 22.0)
    names = CalamineWorkbook.from_path(str(parent)).sheet_names
    assert {"Dasbor", "LKjIP", "Validasi", "Konsolidasi"} <= set(names)
    assert "W051" in {i.code for i in result.analysis.issues}  # Dinas Kesehatan is late
