"""docs/PANDUAN.md followed literally on the blank Indonesian template reaches a validated, scored workbook and decks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation

from egov_bsc_xl.workbook import contract
from tests.docs.guide_book import Planner, commands, examples, results

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "PANDUAN.md"
TEMPLATE = ROOT / "workbook_templates" / "egov-bsc-template-id.xlsm"
LANG = "id"
LIBRARY_CODE = "Kode Pustaka"  # the hint column of the guide's KPI example


def percent(text: str) -> float:
    """'99,8 %' -> 0.998 (the guide writes Indonesian percentages)."""
    return float(text.replace("%", "").strip().replace(".", "").replace(",", ".")) / 100.0


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run one `egov-bsc ...` line of the guide with this interpreter's package."""
    assert argv[0] == "egov-bsc"
    return subprocess.run([sys.executable, "-m", "egov_bsc_xl.cli", *argv[1:]], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def follow(guide: Path, template: Path, lang: str, folder: Path, code_header: str) -> Path:
    """Type every example table of the guide, in order, into a copy of the template; save it."""
    text = guide.read_text(encoding="utf-8")
    blank = folder / f"template-{lang}.xlsm"
    shutil.copy(template, blank)
    planner = Planner(blank, lang)
    for ex in examples(text):
        planner.type_example(ex)
        if code_header in ex.headers:
            planner.copy_definitions(ex, code_header)
    name = next(arg for line in commands(text) for arg in line if arg.endswith(".xlsm"))
    return planner.save(folder / name)


@pytest.fixture(scope="module")
def followed(tmp_path_factory) -> dict:
    """The guide followed end to end: the workbook, each command's result, and the expected results."""
    folder = tmp_path_factory.mktemp("panduan")
    workbook = follow(GUIDE, TEMPLATE, LANG, folder, LIBRARY_CODE)
    text = GUIDE.read_text(encoding="utf-8")
    ran = [(line, run(line, folder)) for line in commands(text)]
    return {"folder": folder, "workbook": workbook, "ran": ran, "expected": results(text)}


def test_the_guide_marks_an_example_for_every_input_sheet():
    tables = {ex.table for ex in examples(GUIDE.read_text(encoding="utf-8"))}
    assert tables >= {"tblProfile", "tblPerspectives", "tblObjectives", "tblKpis", "tblMeasurements",
                      "tblInitiatives", "tblRevisions"}


def test_example_headers_are_the_template_headers():
    """Every column the guide tells the planner to fill exists in the template under that exact header."""
    planner = Planner(TEMPLATE, LANG)
    for ex in examples(GUIDE.read_text(encoding="utf-8")):
        missing = set(ex.headers) - set(planner.headers(ex.table)) - {LIBRARY_CODE}
        assert not missing, f"{ex.table}: {missing}"


def test_dropdown_words_in_the_examples_are_offered_by_the_template():
    planner = Planner(TEMPLATE, LANG)
    lists: dict[str, set[str]] = {}
    for ws in planner.book.worksheets:
        for dv in ws.data_validations.dataValidation:
            if dv.type == "list" and dv.formula1 and dv.formula1.startswith('"'):
                for rng in str(dv.sqref).split():
                    lists[f"{ws.title}!{rng.split(':')[0]}"] = set(dv.formula1.strip('"').split(","))
    for ex in examples(GUIDE.read_text(encoding="utf-8")):
        ws, table = planner.tables[ex.table]
        first = int(re.sub(r"\D", "", table.ref.split(":")[0])) + 1
        heads = planner.headers(ex.table)
        col0 = ord(table.ref[0]) - ord("A")
        for header in ex.headers:
            if header not in heads:
                continue
            letter = chr(ord("A") + col0 + heads.index(header))
            allowed = lists.get(f"{ws.title}!{letter}{first}")
            if allowed:
                for row in ex.rows:
                    value = row[ex.headers.index(header)]
                    assert not value or value in allowed, f"{ex.table}.{header}: {value!r} not in {allowed}"


def test_typed_workbook_keeps_tables_macros_and_the_guides_values(followed):
    book = load_workbook(followed["workbook"], keep_vba=True)
    assert book.vba_archive is not None
    names = {name for ws in book.worksheets for name in ws.tables}
    assert names >= set(contract.TABLES) - {"tblKpiLibrary"} | {"tblKpiLibrary"}
    kpis = book["IKU"]
    assert kpis.tables["tblKpis"].ref == "A4:M12"  # eight KPIs typed below the header
    assert book["Realisasi"].tables["tblMeasurements"].ref == "A4:I34"  # thirty target rows


def test_every_command_of_the_guide_succeeds(followed):
    for line, done in followed["ran"]:
        assert done.returncode == 0, f"{' '.join(line)}: {done.returncode}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stderr


def _output(followed, *words: str) -> str:
    for line, done in followed["ran"]:
        if all(w in line for w in words):
            return done.stdout
    raise AssertionError(f"the guide runs no command with {words}")


def test_validation_gives_what_the_guide_expects(followed):
    expected = followed["expected"]
    payload = json.loads(run(["egov-bsc", "validate", followed["workbook"].name, "--json"], followed["folder"]).stdout)
    assert payload["errors"] == int(expected["Kesalahan validasi"])
    assert payload["warnings"] == int(expected["Peringatan validasi"]), payload["issues"]


def test_scores_are_the_guides_worked_example(followed):
    expected = followed["expected"]
    report = json.loads(_output(followed, "score", "--json"))
    assert report["period"] == expected["Periode laporan"]
    kpis = {k["id"]: k for k in report["kpis"]}
    perspectives = {p["id"]: p for p in report["perspectives"]}
    checked = 0
    for label, value in expected.items():
        if label.startswith("Capaian IKU"):
            assert kpis[label.split()[-1]]["achievement"] == pytest.approx(percent(value), abs=0.0005), label
            checked += 1
        elif label.startswith("Skor perspektif"):
            assert perspectives[label.split()[-1]]["score"] == pytest.approx(percent(value), abs=0.0005), label
            checked += 1
    assert checked >= 4
    assert report["overall"]["score"] == pytest.approx(percent(expected["Skor keseluruhan"]), abs=0.0005)
    assert report["overall"]["band"] == expected["Status keseluruhan"]
    assert report["overall"]["coverage"] == pytest.approx(percent(expected["Cakupan data"]))
    below_good = sorted(k["id"] for k in report["kpis"] if k["achievement"] is not None and k["achievement"] < 0.76)
    assert below_good == [s.strip() for s in expected["IKU yang perlu perhatian"].split(",")]


def test_revision_step_changed_the_future_target_only(followed):
    book = load_workbook(followed["workbook"], read_only=True)
    rows = list(book["Realisasi"].iter_rows(min_row=5, max_col=5, values_only=True))
    targets = {(r[0], r[1]): r[2] for r in rows if r[0]}
    assert targets[("IKU06", "2026-Q3")] == 6 and targets[("IKU06", "2026-Q2")] == 5
    revisions = [r for r in book["Revisi"].iter_rows(min_row=5, values_only=True) if r[0]]
    assert [(r[1], r[3], r[4]) for r in revisions] == [("IKU06", 8, 6)]


def test_recalc_wrote_the_dashboard_and_validation_sheets(followed):
    expected = followed["expected"]
    book = load_workbook(followed["workbook"], keep_vba=True)
    dashboard = [v for row in book["Dasbor"].iter_rows(values_only=True) for v in row if v is not None]
    assert "TW II 2026" in dashboard
    scores = [v for v in dashboard if isinstance(v, float)]
    assert any(v == pytest.approx(percent(expected["Skor keseluruhan"]), abs=0.0005) for v in scores)
    assert expected["Status keseluruhan"] in dashboard and "IKU06" in dashboard
    validation = [v for row in book["Validasi"].iter_rows(values_only=True) for v in row if v is not None]
    assert any(isinstance(v, str) and v.startswith("0 kesalahan, 0 peringatan") for v in validation)
    assert book.vba_archive is not None
    assert (followed["folder"] / "kinerja-2026.bak.xlsm").exists()


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_decks_open_and_carry_the_score(followed, audience):
    expected = followed["expected"]
    period = expected["Periode laporan"]
    deck = followed["folder"] / f"kinerja-2026-{audience}-{period}.pptx"
    assert deck.exists(), _output(followed, "deck")
    slides = Presentation(deck).slides
    texts = " ".join(shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame)
    assert expected["Skor keseluruhan"].replace(" ", "\u00a0") in texts or expected["Skor keseluruhan"] in texts
    assert "Mekarsari" in texts
    if audience == "public":
        assert len(slides) <= 6
        assert "850.000.000" not in texts  # no budget detail in the public deck
