"""The user guides followed literally on a blank template reach a validated, scored workbook and decks.

docs/PANDUAN.md is typed into the Indonesian template, docs/GUIDE.md into the English one; every
marked example table is typed as written, every command of the guide is run, and what the guide
says to expect is checked against the engine's output, the rewritten workbook and the decks.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from pptx import Presentation

from egov_bsc_xl.workbook import contract
from tests.cli_run import Ran, egov_bsc
from tests.docs.guide_book import (
    ROW_KEYS,
    SEPARATORS,
    Planner,
    all_codes,
    commands,
    common_codes,
    examples,
    results,
)

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Guide:
    """One guide and the words it uses in its results table."""

    path: Path
    lang: str
    code_header: str  # the hint column of the KPI example naming the library row
    labels: dict[str, str]  # check -> label in the guide's results table
    period_label: str  # the report period as the dashboard writes it
    clean: str  # the validation sheet's count line for a clean workbook

    @property
    def template(self) -> Path:
        return ROOT / "workbook_templates" / f"egov-bsc-template-{self.lang}.xlsm"

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def percent(self, text: str) -> float:
        """'99,8 %' (id) or '99.8 %' (en) -> 0.998."""
        dec, thou = SEPARATORS[self.lang]
        return float(text.replace("%", "").strip().replace(thou, "").replace(dec, ".")) / 100.0


PANDUAN = Guide(
    ROOT / "docs" / "PANDUAN.md",
    "id",
    "Kode Pustaka",
    {
        "errors": "Kesalahan validasi",
        "warnings": "Peringatan validasi",
        "period": "Periode laporan",
        "kpi": "Capaian IKU",
        "perspective": "Skor perspektif",
        "overall": "Skor keseluruhan",
        "band": "Status keseluruhan",
        "coverage": "Cakupan data",
        "attention": "IKU yang perlu perhatian",
        "row": "Capaian di Realisasi, baris",
    },
    "TW II 2026",
    "0 kesalahan, 0 peringatan",
)
GUIDE = Guide(
    ROOT / "docs" / "GUIDE.md",
    "en",
    "Library code",
    {
        "errors": "Validation errors",
        "warnings": "Validation warnings",
        "period": "Report period",
        "kpi": "Achievement IKU",
        "perspective": "Perspective score",
        "overall": "Overall score",
        "band": "Overall status",
        "coverage": "Data coverage",
        "attention": "KPIs that need attention",
        "row": "Achievement on Measurements, row",
    },
    "Q2 2026",
    "0 errors, 0 warnings",
)
GUIDES = [pytest.param(PANDUAN, id="PANDUAN"), pytest.param(GUIDE, id="GUIDE")]
ATTENTION_BELOW = 0.76  # the dashboard lists KPIs below the "Baik"/"Good" band


def run(argv: list[str], cwd: Path) -> Ran:
    """Run one `egov-bsc ...` line of a guide with this interpreter's package."""
    assert argv[0] == "egov-bsc"
    return egov_bsc(*argv[1:], cwd=cwd)


def workbook_name(guide: Guide) -> str:
    return next(arg for line in commands(guide.text) for arg in line if arg.endswith(".xlsm"))


def follow(guide: Guide, folder: Path) -> Path:
    """Type every example table of the guide, in order, into a copy of the blank template; save it."""
    blank = folder / guide.template.name
    shutil.copy(guide.template, blank)
    planner = Planner(blank, guide.lang)
    for ex in examples(guide.text):
        planner.type_example(ex)
        if guide.code_header in ex.headers:
            planner.copy_definitions(ex, guide.code_header)
    return planner.save(folder / workbook_name(guide))


@pytest.fixture(scope="module", params=GUIDES)
def followed(request, tmp_path_factory) -> dict:
    """A guide followed end to end: the workbook, each command's result, the expected results."""
    guide: Guide = request.param
    folder = tmp_path_factory.mktemp(guide.path.stem.lower())
    workbook = follow(guide, folder)
    ran = [(line, run(line, folder)) for line in commands(guide.text)]
    rows = results(guide.text)
    expected = {key: rows[label] for key, label in guide.labels.items() if label in rows}
    return {
        "guide": guide,
        "folder": folder,
        "workbook": workbook,
        "ran": ran,
        "expected": expected,
        "rows": rows,
    }


def _output(followed: dict, *words: str) -> str:
    for line, done in followed["ran"]:
        if all(w in line for w in words):
            return done.stdout
    raise AssertionError(f"the guide runs no command with {words}")


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_marks_an_example_for_every_input_sheet(guide: Guide):
    tables = {ex.table for ex in examples(guide.text)}
    assert tables >= {
        "tblProfile",
        "tblPerspectives",
        "tblObjectives",
        "tblKpis",
        "tblMeasurements",
        "tblInitiatives",
        "tblRevisions",
    }
    rows = set(results(guide.text))
    prefixes = ("kpi", "perspective", "row")  # labels followed by an ID, e.g. "Capaian IKU01"
    assert {v for k, v in guide.labels.items() if k not in prefixes} <= rows
    assert all(
        any(r.startswith(guide.labels[k]) and r != guide.labels[k] for r in rows) for k in prefixes
    )


@pytest.mark.parametrize("guide", GUIDES)
def test_example_headers_are_the_template_headers(guide: Guide):
    """Every column the guide has the planner fill exists in the template under that exact header."""
    planner = Planner(guide.template, guide.lang)
    for ex in examples(guide.text):
        missing = set(ex.headers) - set(planner.headers(ex.table)) - {guide.code_header}
        assert not missing, f"{ex.table}: {missing}"


@pytest.mark.parametrize("guide", GUIDES)
def test_dropdown_words_in_the_examples_are_offered_by_the_template(guide: Guide):
    """Excel refuses words outside a list validation, so every example word must be on the list."""
    planner = Planner(guide.template, guide.lang)
    checked = 0
    for ex in examples(guide.text):
        ws, table = planner.tables[ex.table]
        c1, r1, _, _ = range_boundaries(table.ref)
        heads = planner.headers(ex.table)
        for header in set(ex.headers) & set(heads):
            cell = f"{get_column_letter(c1 + heads.index(header))}{r1 + 1}"
            for dv in ws.data_validations.dataValidation:
                if dv.type == "list" and cell in dv.sqref and dv.formula1.startswith('"'):
                    allowed = set(dv.formula1.strip('"').split(","))
                    for row in ex.rows:
                        value = row[ex.headers.index(header)]
                        assert not value or value in allowed, (
                            f"{ex.table}.{header}: {value!r} not in {allowed}"
                        )
                        checked += 1
    assert checked >= 30  # polarity, frequency, aggregation, active, status


def test_typed_workbook_keeps_tables_and_macros(followed):
    book = load_workbook(followed["workbook"], keep_vba=True)
    assert book.vba_archive is not None
    tables = {name: ws.tables[name].ref for ws in book.worksheets for name in ws.tables}
    assert set(tables) == set(contract.TABLES)
    kpi_end = chr(ord("A") + len(contract.KPIS.columns) - 1)
    measurement_end = chr(ord("A") + len(contract.MEASUREMENTS.columns) - 1)
    assert tables["tblKpis"] == f"A4:{kpi_end}12"  # eight KPIs below the header row
    # thirty target rows and four rows of 2025 (history, Step 6c)
    assert tables["tblMeasurements"] == f"A4:{measurement_end}38"


def test_every_command_of_the_guide_succeeds(followed):
    assert len(followed["ran"]) >= 5
    for line, done in followed["ran"]:
        assert done.returncode == 0, (
            f"{' '.join(line)}: {done.returncode}\n{done.stdout}\n{done.stderr}"
        )
        assert "Traceback" not in done.stderr


def test_validation_gives_what_the_guide_expects(followed):
    expected = followed["expected"]
    out = run(["egov-bsc", "validate", followed["workbook"].name, "--json"], followed["folder"])
    payload = json.loads(out.stdout)
    assert payload["errors"] == int(expected["errors"]), payload["issues"]
    assert payload["warnings"] == int(expected["warnings"]), payload["issues"]


def test_scores_are_the_guides_worked_example(followed):
    guide, expected, rows = followed["guide"], followed["expected"], followed["rows"]
    report = json.loads(_output(followed, "score", "--json"))
    assert report["period"] == expected["period"]
    kpis = {k["id"]: k for k in report["kpis"]}
    perspectives = {p["id"]: p for p in report["perspectives"]}
    checked = 0
    for label, value in rows.items():
        if label.startswith(guide.labels["kpi"]):
            got = kpis[label.split()[-1]]["achievement"]
        elif label.startswith(guide.labels["perspective"]):
            got = perspectives[label.split()[-1]]["score"]
        else:
            continue
        assert got == pytest.approx(guide.percent(value), abs=0.0005), label
        checked += 1
    assert checked >= 6
    overall = report["overall"]
    assert overall["score"] == pytest.approx(guide.percent(expected["overall"]), abs=0.0005)
    assert overall["band"] == expected["band"]
    assert overall["coverage"] == pytest.approx(guide.percent(expected["coverage"]))
    attention = sorted(
        k["id"]
        for k in report["kpis"]
        if k["achievement"] is not None and k["achievement"] < ATTENTION_BELOW
    )
    assert attention == [s.strip() for s in expected["attention"].split(",")]


def test_revision_step_changed_the_future_target_only(followed):
    guide = followed["guide"]
    book = load_workbook(followed["workbook"], read_only=True)
    measurements = book[contract.MEASUREMENTS.sheet(guide.lang)]
    targets = {
        (r[0], r[1]): r[2]
        for r in measurements.iter_rows(min_row=5, max_col=3, values_only=True)
        if r[0]
    }
    assert targets[("IKU06", "2026-Q3")] == 6
    assert targets[("IKU06", "2026-Q2")] == 5
    revisions = book[contract.REVISIONS.sheet(guide.lang)]
    logged = [(r[1], r[3], r[4]) for r in revisions.iter_rows(min_row=5, values_only=True) if r[0]]
    assert logged == [("IKU06", 8, 6)]


def test_recalc_wrote_the_dashboard_and_validation_sheets(followed):
    guide, expected = followed["guide"], followed["expected"]
    book = load_workbook(followed["workbook"], keep_vba=True)
    assert book.vba_archive is not None
    dashboard = [
        v
        for row in book[contract.DASHBOARD_SHEET[guide.lang]].iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    assert guide.period_label in dashboard
    overall = guide.percent(expected["overall"])
    assert any(isinstance(v, float) and v == pytest.approx(overall, abs=0.0005) for v in dashboard)
    assert expected["band"] in dashboard and expected["attention"] in dashboard
    validation = [
        v
        for row in book[contract.VALIDATION_SHEET[guide.lang]].iter_rows(values_only=True)
        for v in row
        if v is not None
    ]
    assert guide.clean in validation
    assert (followed["folder"] / f"{followed['workbook'].stem}.bak.xlsm").exists()


def test_measurement_rows_show_their_own_period_achievement(followed):
    """After recalc the Achievement column holds each row's own achievement, as the guide says."""
    guide, rows = followed["guide"], followed["rows"]
    book = load_workbook(followed["workbook"], data_only=True)
    ws = book[contract.MEASUREMENTS.sheet(guide.lang)]
    c1, r1, c2, r2 = range_boundaries(ws.tables["tblMeasurements"].ref)
    heads = [ws.cell(r1, c).value for c in range(c1, c2 + 1)]
    col = {
        k: c1 + heads.index(contract.MEASUREMENTS.column(k).label(guide.lang))
        for k in ("kpi_id", "period", "achievement")
    }
    checked = 0
    for label, value in rows.items():
        if label.startswith(guide.labels["row"]):
            kpi, period = label.split()[-2:]
            row = next(
                r
                for r in range(r1 + 1, r2 + 1)
                if ws.cell(r, col["kpi_id"]).value == kpi
                and ws.cell(r, col["period"]).value == period
            )
            assert ws.cell(row, col["achievement"]).value == pytest.approx(
                guide.percent(value), abs=0.0005
            )
            checked += 1
    assert checked == 1


@pytest.mark.parametrize("guide", GUIDES)
def test_appendix_lists_every_validation_code(guide: Guide):
    from egov_bsc_xl.i18n.messages import MESSAGES

    listed = all_codes(guide.text)
    assert set(listed) == set(MESSAGES)
    words = {
        "id": {"error": "Kesalahan", "warning": "Peringatan"},
        "en": {"error": "Error", "warning": "Warning"},
    }
    for code, severity in listed.items():
        assert severity == words[guide.lang][MESSAGES[code][0]], code


@pytest.mark.parametrize("audience", ["leadership", "public"])
def test_decks_open_and_carry_the_score(followed, audience):
    expected = followed["expected"]
    deck = followed["folder"] / f"{followed['workbook'].stem}-{audience}-{expected['period']}.pptx"
    assert deck.exists(), _output(followed, "deck")
    slides = Presentation(deck).slides
    texts = " ".join(
        shape.text_frame.text for slide in slides for shape in slide.shapes if shape.has_text_frame
    )
    texts = texts.replace("\u00a0", " ")
    assert expected["overall"] in texts or expected["overall"].replace(" %", "%") in texts
    assert "Mekarsari" in texts
    if audience == "public":
        assert len(slides) <= 7  # six, and the feedback channel's slide the guide's profile names
        assert "850" not in texts  # no budget detail in the public deck


@pytest.mark.parametrize("guide", GUIDES)
def test_common_findings_table_names_real_codes(guide: Guide):
    from egov_bsc_xl.i18n.messages import MESSAGES

    table = common_codes(guide.text)
    assert len(table) >= 10
    for code in table:
        assert code in MESSAGES and MESSAGES[code][0] == (
            "error" if code[0] == "E" else "warning"
        ), code


# code -> (table, row key values, column key) where the guide's example input is typed
MISTAKES = {
    "E021": ("tblMeasurements", ("IKU01", "2026-Q1"), "actual"),
    "E022": ("tblKpis", ("IKU01",), "polarity"),
    "E026": ("tblMeasurements", ("IKU02", "2026-Q1"), "period"),
}


def test_the_mistakes_the_guide_describes_give_their_codes(followed, tmp_path):
    """Typing the guide's examples of common mistakes gives the codes the guide names, at those cells."""
    guide = followed["guide"]
    table = common_codes(guide.text)
    planner = Planner(followed["workbook"], guide.lang)
    typed_at = {}
    for code, (name, keys, column) in MISTAKES.items():
        spec = contract.TABLES[name]
        heads = planner.headers(name)
        ws, t = planner.tables[name]
        c1, _, _, _ = range_boundaries(t.ref)
        key_cols = [c1 + heads.index(spec.column(k).label(guide.lang)) for k in ROW_KEYS[name]]
        row = next(
            r
            for r in planner.data_rows(name)
            if tuple(str(ws.cell(r, c).value) for c in key_cols) == keys
        )
        col = c1 + heads.index(spec.column(column).label(guide.lang))
        ws.cell(row, col).value = table[code][0]
        typed_at[code] = (ws.title, f"{get_column_letter(col)}{row}")
    bad = planner.save(tmp_path / "mistakes.xlsm")
    out = run(["egov-bsc", "validate", bad.name, "--json"], tmp_path)
    assert out.returncode == 1
    found = {(i["code"], i["sheet"], i["cell"]) for i in json.loads(out.stdout)["issues"]}
    for code, (sheet, cell) in typed_at.items():
        assert (code, sheet, cell) in found, (code, sheet, cell, found)


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("guide", GUIDES)
def test_links_inside_the_guide_lead_somewhere(guide: Guide):
    text = guide.text
    anchors = {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, flags=re.MULTILINE)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert len(links) >= 15
    assert not [a for a in links if a not in anchors]
    for target in re.findall(r"\]\(([\w.]+\.md)\)", text):
        assert (guide.path.parent / target).exists(), target
