"""`egov-bsc consolidate`: a Pemda family with hand-computed roll-ups, missing, unusable, inactive
and late units, W040, the parent's other parts kept, the JSON of SPEC 9, bad input."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from egov_bsc_xl.consolidate import UnitJob, UnitSummary, consolidate_book, summarise_unit
from egov_bsc_xl.model.consolidation import UnitStatus

from ..cli_run import egov_bsc
from ..ooxml_check import ooxml_findings
from .family import parent_book, unit_book

Q3 = "2026-Q3"
# (kpi, period) -> (target, actual) of each unit; C is late (no Q3 actuals at all).
A = {
    ("IKU01", "2026-S1"): (80, 90),
    ("IKU02", Q3): (100, 110),
    ("IKU03", Q3): (6, 5),
    ("IKU11", Q3): (2, 3),
    ("IKU12", Q3): (9000, 7000),
    ("IKU13", Q3): (150, 120),
}
B = {
    ("IKU01", "2026-S1"): (80, 70),
    ("IKU02", Q3): (200, 150),
    ("IKU03", Q3): (6, 7),
    ("IKU11", Q3): (4, 5),
    ("IKU12", Q3): (8000, 9500),
    ("IKU13", Q3): (150, 180),
}
C = {
    ("IKU01", "2026-S1"): (80, 80),
    ("IKU02", Q3): (300, None),
    ("IKU03", Q3): (6, None),
    ("IKU11", Q3): (6, None),
    ("IKU12", Q3): (7000, None),
    ("IKU13", Q3): (100, None),
}
ROLLUPS = {
    "IKU01": ("Rata-rata", "PLG-01"),  # by KPI library code: the unit KPI named as PLG-01
    "IKU02": ("Jumlah", ""),
    "IKU03": ("average", ""),
    "IKU11": ("Rata-rata tertimbang", ""),
    "IKU12": ("Terendah", ""),
    "IKU13": ("max", ""),
}
UNITS = [
    ["A", "Dinas A", "unit/a.xlsm", 1, "Kabid A", "Ya"],
    ["B", "Dinas B", "unit/b.xlsm", 3, "Kabid B", "Ya"],
    ["C", "Dinas C", "unit/c.xlsm", 1, "Kabid C", "Ya"],  # late
    ["D", "Dinas D", "unit/d.xlsm", 1, "", "Ya"],  # missing file
    ["E", "Dinas E", "unit/e.xlsm", 1, "", "Tidak"],  # inactive (and missing: never read)
    ["F", "Dinas F", "unit/f.xlsm", 1, "", "Ya"],  # not a workbook
    ["G", "Induk", "pemda.xlsm", 1, "", "Ya"],  # the parent itself
]


@pytest.fixture(scope="module")
def family(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Pemda folder: pemda.xlsm and unit/{a,b,c,f}.xlsm, built once."""
    root = tmp_path_factory.mktemp("pemda")
    (root / "unit").mkdir()
    unit_book(root / "unit" / "a.xlsm", A, name="Dinas A")
    unit_book(root / "unit" / "b.xlsm", B, name="Dinas B")
    unit_book(root / "unit" / "c.xlsm", C, name="Dinas C", late=True)
    (root / "unit" / "f.xlsm").write_bytes(b"bukan buku kerja, hanya teks\n" * 20)
    parent_book(root / "pemda.xlsm", UNITS, ROLLUPS)
    return root


@pytest.fixture
def pemda(family: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the family for one test; the parent is tmp/pemda.xlsm."""
    shutil.copytree(family, tmp_path / "fam")
    return tmp_path / "fam" / "pemda.xlsm"


def _frame_value(card, kpi, period, key):
    m = card.measurements
    row = m[(m["kpi_id"] == kpi) & (m["period"] == period)]
    assert len(row) == 1, (kpi, period)
    value = float(row[key].iloc[0])
    return None if value != value else value


def test_hand_computed_rollups_fill_the_parent(pemda: Path):
    done = consolidate_book(pemda, pemda)
    analysis, report, notes = done.analysis, done.report, done.notes
    assert str(report.period) == Q3
    rolled = {r.kpi_id: r for r in report.rollups}
    # sum: 110 + 150 (C has no Q3 actual); targets 100 + 200 + 300
    assert (rolled["IKU02"].method, rolled["IKU02"].actual, rolled["IKU02"].target) == (
        "sum",
        260.0,
        600.0,
    )
    assert (rolled["IKU03"].actual, rolled["IKU03"].target) == (6.0, 6.0)  # (5 + 7) / 2
    # weighted by tblUnits weights A 1, B 3, C 1: (3*1 + 5*3) / 4 and (2*1 + 4*3 + 6*1) / 5
    assert rolled["IKU11"].actual == pytest.approx(4.5)
    assert rolled["IKU11"].target == pytest.approx(4.0)
    assert (rolled["IKU12"].actual, rolled["IKU12"].target) == (7000.0, 7000.0)  # min
    assert (rolled["IKU13"].actual, rolled["IKU13"].target) == (180.0, 150.0)  # max
    # by library code PLG-01, average of the S1 figures (not the report period: no Q3 row)
    assert rolled["IKU01"].source_kpi == "PLG-01"
    assert (rolled["IKU01"].actual, rolled["IKU01"].target) == (None, None)
    card = analysis.card
    assert _frame_value(card, "IKU01", "2026-S1", "actual") == pytest.approx(80.0)
    assert _frame_value(card, "IKU02", Q3, "actual") == 260.0
    assert _frame_value(card, "IKU02", Q3, "target") == 600.0
    assert _frame_value(card, "IKU11", Q3, "actual") == pytest.approx(4.5)
    # every unit's value of the period is listed beside the roll-up
    units = {u.id: (u.actual, u.target) for u in rolled["IKU02"].units}
    assert units == {"A": (110.0, 100.0), "B": (150.0, 200.0), "C": (None, 300.0)}
    # the parent's KPI is scored from the rolled-up figures of each period: IKU13 adds its
    # periods up (year to date), each period the highest unit: Q1 120, Q2 160 (the demo's), Q3 180
    kpi = next(k for k in analysis.report.kpis if k.id == "IKU13")
    assert kpi.actual == 120 + 160 + 180
    assert notes == []


def test_statuses_of_missing_unusable_late_inactive_and_self(pemda: Path):
    done = consolidate_book(pemda, pemda)
    analysis, report = done.analysis, done.report
    status = {u.id: u.status for u in report.units}
    assert status == {
        "A": UnitStatus.OK,
        "B": UnitStatus.OK,
        "C": UnitStatus.NO_DATA,
        "D": UnitStatus.MISSING,
        "F": UnitStatus.UNUSABLE,
        "G": UnitStatus.UNUSABLE,
    }  # E is inactive: not read, not listed
    by_id = {u.id: u for u in report.units}
    assert by_id["A"].overall is not None and by_id["A"].band is not None
    assert by_id["A"].perspectives and by_id["D"].overall is None
    assert "tidak ditemukan" in by_id["D"].reason
    assert "induk ini sendiri" in by_id["G"].reason
    w050 = [(i.sheet, i.cell, i.value) for i in analysis.issues if i.code == "W050"]
    assert w050 == [
        ("Unit", "C8", "unit/d.xlsm"),
        ("Unit", "C10", "unit/f.xlsm"),
        ("Unit", "C11", "pemda.xlsm"),
    ]
    w051 = [(i.sheet, i.cell, i.value) for i in analysis.issues if i.code == "W051"]
    assert w051 == [("Unit", "A7", "C")]
    f = next(i for i in analysis.issues if i.code == "W050" and i.value == "unit/f.xlsm")
    assert "unit/f.xlsm" in f.message and "tidak dapat dipakai" in f.message


def test_a_value_the_parent_typed_wins_with_w040(family: Path, tmp_path: Path, monkeypatch):
    shutil.copytree(family / "unit", tmp_path / "unit")
    parent = parent_book(
        tmp_path / "pemda.xlsm",
        UNITS[:3],
        ROLLUPS,
        figures={("IKU02", Q3): (600, 999), ("IKU13", Q3): (150, 180)},
    )
    done = consolidate_book(parent, parent)
    analysis, report = done.analysis, done.report
    w040 = [i for i in analysis.issues if i.code == "W040"]
    assert [(i.sheet, i.field, i.value) for i in w040] == [("Realisasi", "actual", 999.0)]
    assert "260" in w040[0].message and "IKU02" in w040[0].message
    assert _frame_value(analysis.card, "IKU02", Q3, "actual") == 999.0  # the typed value wins
    assert next(r for r in report.rollups if r.kpi_id == "IKU02").actual == 260.0


def test_the_command_writes_the_parent_keeping_its_other_parts(pemda: Path):
    with zipfile.ZipFile(pemda) as z:
        before = {n: z.read(n) for n in z.namelist()}
    findings_before = _errors(ooxml_findings(pemda))
    out = egov_bsc("consolidate", pemda, env={"COLUMNS": "160"})
    assert out.returncode == 1, out.stderr  # units missing, unusable, late
    assert "Traceback" not in out.stderr + out.stdout
    assert "Konsolidasi TW III 2026: 2 dari 6 unit terbaca" in out.stdout
    assert "unit/d.xlsm" in out.stdout and "berkas tidak ditemukan" in out.stdout
    with zipfile.ZipFile(pemda) as z:
        after = {n: z.read(n) for n in z.namelist()}
        names = z.read("xl/workbook.xml").decode()
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert "Konsolidasi" in names and "Dasbor" in names and "Validasi" in names
    # the planner's sheets (units, KPIs, the guide) are the same bytes
    kept = [
        n
        for n in before
        if n.startswith("xl/worksheets/sheet")
        and _title(before, n) in ("Unit", "IKU", "Petunjuk", "Profil")
    ]
    assert len(kept) == 4
    for name in kept:
        assert after[name] == before[name], name
    assert pemda.with_name("pemda.bak.xlsm").read_bytes() == _zip_bytes(before, pemda)
    # the roll-up is not typed into the parent's Realisasi table: its cells, and the cached
    # Capaian/Status computed from them, stay those of the figures the planner typed
    from egov_bsc_xl.workbook.reading.source import FileSource

    table = FileSource(pemda).table("tblMeasurements")
    heads = {h: j for j, h in enumerate(table.headers)}
    row = next(r for r in table.rows if r[heads["ID IKU"]] == "IKU02" and r[heads["Periode"]] == Q3)
    assert row[heads["Realisasi"]] in (None, "")
    assert row[heads["Capaian"]] in (None, "") and row[heads["Status"]] == "Belum ada data"
    # the test parent is saved by openpyxl, whose styles part strict openxml-audit already faults;
    # consolidate adds no finding of its own
    assert _errors(ooxml_findings(pemda)) == findings_before


def _errors(findings: list[str]) -> list[str]:
    return [f for f in findings if f.startswith("error")]


def _zip_bytes(parts, path):  # the backup is the file as it was: compare its parts
    with zipfile.ZipFile(path.with_name("pemda.bak.xlsm")) as z:
        assert {n: z.read(n) for n in z.namelist()} == parts
    return path.with_name("pemda.bak.xlsm").read_bytes()


def _title(parts: dict[str, bytes], sheet_part: str) -> str:
    """The sheet name of a worksheet part, from workbook.xml and its rels."""
    import re

    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    target = sheet_part.removeprefix("xl/")
    rid = re.search(
        rf'Id="(rId\d+)"[^>]*Target="/?(?:xl/)?{re.escape(target)}"', rels
    ) or re.search(rf'Target="/?(?:xl/)?{re.escape(target)}"[^>]*Id="(rId\d+)"', rels)
    assert rid, sheet_part
    book = parts["xl/workbook.xml"].decode()
    found = re.search(rf'<sheet [^>]*name="([^"]+)"[^>]*r:id="{rid.group(1)}"', book)
    return found.group(1) if found else ""


def test_json_has_exactly_the_shape_of_spec_9(pemda: Path):
    out = egov_bsc("consolidate", pemda, "--json")
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert list(data) == ["period", "units", "rollups", "overall"]
    assert data["period"] == Q3
    assert list(data["units"][0]) == [
        "id",
        "name",
        "file",
        "status",
        "overall",
        "band",
        "coverage",
        "errors",
        "warnings",
        "perspectives",
    ]
    assert list(data["units"][0]["perspectives"][0]) == ["id", "score"]
    assert [u["status"] for u in data["units"]] == [
        "ok",
        "ok",
        "no data",
        "missing",
        "unusable",
        "unusable",
    ]
    assert list(data["rollups"][0]) == [
        "kpi_id",
        "source_kpi",
        "method",
        "actual",
        "target",
        "units",
    ]
    assert list(data["rollups"][0]["units"][0]) == ["id", "actual", "target"]
    assert list(data["overall"]) == ["score", "band", "coverage"]
    sums = next(r for r in data["rollups"] if r["kpi_id"] == "IKU02")
    assert (sums["method"], sums["actual"], sums["target"]) == ("sum", 260.0, 600.0)


def test_all_units_fine_is_exit_0_and_a_period_can_be_asked(
    family: Path, tmp_path: Path, monkeypatch
):
    shutil.copytree(family / "unit", tmp_path / "unit")
    parent = parent_book(tmp_path / "pemda.xlsm", UNITS[:2], ROLLUPS)
    out = egov_bsc("consolidate", parent, "--json", "--workers", "1")
    assert out.returncode == 0, out.stdout + out.stderr
    out = egov_bsc("consolidate", parent, "--period", "TW II 2026", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["period"] == "2026-Q2"
    assert next(r for r in data["rollups"] if r["kpi_id"] == "IKU02")["actual"] == 47100 * 2
    bad = egov_bsc("consolidate", parent, "--period", "kuartal lima")
    assert bad.returncode == 2 and "tidak dikenali" in bad.stderr


def test_a_unit_listing_its_parent_is_read_as_an_ordinary_unit(
    family: Path, tmp_path: Path, monkeypatch
):
    (tmp_path / "unit").mkdir()
    shutil.copy(family / "unit" / "b.xlsm", tmp_path / "unit" / "b.xlsm")
    # unit A is itself a parent whose units table points back to the Pemda: no recursion
    parent_book(tmp_path / "unit" / "a.xlsm", [["P", "Pemda", "../pemda.xlsm", 1, "", "Ya"]], {})
    parent = parent_book(tmp_path / "pemda.xlsm", UNITS[:2], ROLLUPS)
    out = egov_bsc("consolidate", parent)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "menunjuk balik ke buku kerja induk" in out.stdout


def test_a_parent_without_units_and_a_file_that_is_no_workbook_are_one_sentence(
    tmp_path: Path, family: Path
):
    shutil.copy(family / "unit" / "a.xlsm", tmp_path / "a.xlsm")
    out = egov_bsc("consolidate", tmp_path / "a.xlsm")
    assert out.returncode == 2
    assert "tblUnits" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    out = egov_bsc("consolidate", family / "unit" / "f.xlsm")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    out = egov_bsc("consolidate")
    assert out.returncode == 2 and "induk" in out.stderr


def test_units_without_a_parent_from_files_and_a_folder_of_random_files(
    family: Path, tmp_path: Path, monkeypatch
):
    junk = tmp_path / "masuk"
    junk.mkdir()
    (junk / "catatan.txt").write_text("bukan buku kerja")
    (junk / "rusak.xlsx").write_bytes(b"PK\x03\x04 rusak")
    (junk / "kosong.xlsm").write_bytes(b"")
    (junk / "subfolder").mkdir()
    (junk / "~$a.xlsm").write_bytes(b"owner file of Excel")
    shutil.copy(family / "unit" / "c.xlsm", junk / "c.xlsm")
    compare = tmp_path / "banding.xlsx"
    out = egov_bsc(
        "consolidate",
        "--units",
        family / "unit" / "a.xlsm",
        family / "unit" / "b.xlsm",
        junk,
        "--output",
        compare,
        "--json",
    )
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr
    data = json.loads(out.stdout)
    assert data["overall"] is None and data["rollups"] == []
    assert data["period"] == Q3
    status = {u["id"]: u["status"] for u in data["units"]}
    assert status == {
        "a": "ok",
        "b": "ok",
        "c": "no data",
        "catatan": "unusable",
        "kosong": "unusable",
        "rusak": "unusable",
    }
    assert compare.exists()
    text = egov_bsc("consolidate", "--units", junk, "--output", compare, "--force")
    assert text.returncode == 1
    for name in ("catatan.txt", "rusak.xlsx", "kosong.xlsm"):
        lines = [line for line in text.stdout.splitlines() if name in line]
        assert len(lines) == 1, (name, text.stdout)
    assert "bukan buku kerja Excel" in text.stdout
    # the comparison never replaces a scorecard or a unit, nor goes to a folder that is not there
    parent_copy = tmp_path / "pemda.xlsm"
    shutil.copy(family / "pemda.xlsm", parent_copy)
    before = parent_copy.read_bytes()
    refused = egov_bsc("consolidate", "--units", junk, "--output", parent_copy)
    assert refused.returncode == 2 and ".xlsx" in refused.stderr
    assert parent_copy.read_bytes() == before
    into_unit = egov_bsc(
        "consolidate", "--units", junk / "rusak.xlsx", "--output", junk / "rusak.xlsx", "--force"
    )
    assert into_unit.returncode == 2 and "salah satu berkas unit" in into_unit.stderr
    nowhere = egov_bsc("consolidate", "--units", junk, "--output", tmp_path / "tidak" / "ada.xlsx")
    assert nowhere.returncode == 2 and "Folder tidak ada" in nowhere.stderr
    missing_output = egov_bsc("consolidate", "--units", junk)
    assert missing_output.returncode == 2 and "--output" in missing_output.stderr
    empty = tmp_path / "kosong"
    empty.mkdir()
    none = egov_bsc("consolidate", "--units", empty, "--output", tmp_path / "x.xlsx")
    assert none.returncode == 2 and "Tidak ada berkas unit" in none.stderr


def test_a_worker_never_raises(tmp_path: Path):
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    for path, status in [
        (tmp_path / "nothing.xlsx", UnitStatus.MISSING),
        (folder, UnitStatus.UNUSABLE),
    ]:
        summary = summarise_unit(UnitJob("X", "X", str(path), str(path), None))
        assert summary.status is status and summary.reason[0]


def test_a_unit_summary_travels_as_json_and_rolls_up_the_same(pemda: Path):
    unit = pemda.parent / "unit" / "a.xlsm"
    job = UnitJob("A", "Dinas A", "unit/a.xlsm", str(unit), Q3, ("IKU02", "PLG-01"))
    summary = summarise_unit(job)
    wire = json.loads(json.dumps(summary.to_json()))
    back = UnitSummary.from_json(wire)
    assert back == summary
    assert back.figures["IKU02"][Q3] == (110.0, 100.0, None)
    assert back.band is not None and back.status is UnitStatus.OK


def test_a_unit_that_kills_its_worker_is_unusable_and_the_others_are_read(
    family: Path, monkeypatch: pytest.MonkeyPatch
):
    import multiprocessing
    import os

    from egov_bsc_xl import consolidate as cons

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the stand-in crash reaches the workers only when they are forked")
    real = cons._summarise

    def crashing(job, path, summary):
        if path.name == "b.xlsm":
            os._exit(3)  # a native reader dying takes its process with it
        return real(job, path, summary)

    monkeypatch.setattr(cons, "_summarise", crashing)
    units = family / "unit"
    jobs = [
        UnitJob(name, name, name, str(units / f"{name}.xlsm"), Q3, ("IKU02",))
        for name in ("a", "b", "c")
    ]
    summaries = list(cons.summarise_units(jobs, workers=2))
    assert [s.status for s in summaries] == [
        UnitStatus.OK,
        UnitStatus.UNUSABLE,
        UnitStatus.NO_DATA,
    ]
    assert "berhenti tidak normal" in summaries[1].reason[0]
    assert summaries[0].figures["IKU02"][Q3][0] == 110.0


def test_w040_only_for_the_periods_feeding_the_report(family: Path, tmp_path: Path):
    # 2025-Q3 (last year) typed differently from its roll-up wins without a warning; the report
    # period's (2026-Q3) typed target is reported
    shutil.copytree(family / "unit", tmp_path / "unit")
    rolled = consolidate_book(
        parent_book(tmp_path / "rolled.xlsm", UNITS[:3], ROLLUPS), tmp_path / "rolled.xlsm"
    )
    q3 = next(r for r in rolled.report.rollups if r.kpi_id == "IKU02")
    assert q3.target is not None and q3.actual == 260.0
    parent = parent_book(
        tmp_path / "pemda.xlsm",
        UNITS[:3],
        ROLLUPS,
        figures={("IKU02", "2025-Q3"): (1, 2), ("IKU02", Q3): (q3.target + 5, 260)},
    )
    done = consolidate_book(parent, parent)
    w040 = [(i.field, i.value) for i in done.analysis.issues if i.code == "W040"]
    assert w040 == [("target", q3.target + 5)]
    assert _frame_value(done.analysis.card, "IKU02", "2025-Q3", "actual") == 2.0  # still wins
