"""LibreOffice recalculates the native formulas of tblMeasurements and gets the engine's values."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import openpyxl
import pytest

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.calc.bands import band_labels
from egov_bsc_xl.model import (
    Kpi,
    Measurement,
    MinimizeMethod,
    Objective,
    Perspective,
    Polarity,
    Settings,
    parse_period,
)
from egov_bsc_xl.model.enums import Language
from egov_bsc_xl.workbook.template.build import Content, build, demo_content

pytestmark = pytest.mark.libreoffice

# LibreOffice keeps cached values of an .xlsx unless its profile says to recalculate on load.
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def _edge_content(lang: str) -> Content:
    """Every branch of the formula: polarities, ranges, bad targets, cap, inverse, binary words."""
    p = Polarity
    kpis = [
        Kpi(id=f"K{i}", objective_id="O1", name=f"kpi {i}", polarity=pol)
        for i, pol in enumerate([p.MAXIMIZE, p.MINIMIZE, p.STABILIZE, p.BINARY], start=1)
    ]
    rows = [
        # maximize: single, over the cap, zero/negative/blank target, range below/in/above, bad range
        ("K1", 80, None, 100),
        ("K1", 100, None, 250),
        ("K1", 0, None, 5),
        ("K1", -5, None, 5),
        ("K1", None, None, 5),
        ("K1", 80, 90, 70),
        ("K1", 80, 90, 85),
        ("K1", 80, 90, 99),
        ("K1", 90, 80, 85),
        ("K1", 80, 0, 85),
        ("K1", 50, None, None),
        ("K1", 3, None, 0),
        # minimize: single (inverse in this book), actual 0, range below/in/above
        ("K2", 7, None, 6.5),
        ("K2", 7, None, 9),
        ("K2", 7, None, 0),
        ("K2", 7, 8, 6.5),
        ("K2", 7, 8, 7.5),
        ("K2", 7, 8, 9),
        ("K2", 7, 8, 0),
        ("K2", 0, None, 3),
        # stabilize: single target gives nothing, range below/in/above, far above
        ("K3", 50, None, 40),
        ("K3", 40, 60, 30),
        ("K3", 40, 60, 50),
        ("K3", 40, 60, 66),
        ("K3", 40, 60, 200),
        # binary
        ("K4", 1, None, 1),
        ("K4", 1, None, 0),
        ("K4", None, None, 1),
        ("K4", 1, None, None),
        # a KPI id that is not in tblKpis
        ("K9", 10, None, 10),
    ]
    measurements = [
        Measurement(
            kpi_id=k, period=parse_period(f"2026-Q{1 + i % 4}"), target=t, target_upper=u, actual=a
        )
        for i, (k, t, u, a) in enumerate(rows)
    ]
    settings = Settings(cap=1.1, minimize_method=MinimizeMethod.INVERSE, language=Language(lang))
    return Content(
        settings=settings,
        perspectives=[Perspective(id="P1", name="P", weight=1.0)],
        objectives=[Objective(id="O1", perspective_id="P1", name="O")],
        kpis=kpis,
        measurements=measurements,
    )


def _expected(content: Content, lang: str) -> list[tuple[float, str]]:
    pol = {k.id: k.polarity.value for k in content.kpis}
    ms = content.entries
    nan = float("nan")
    _, scored = achievement(
        [nan if m.actual is None else m.actual for m in ms],
        [nan if m.target is None else m.target for m in ms],
        [nan if m.target_upper is None else m.target_upper for m in ms],
        [pol.get(m.kpi_id, "") for m in ms],
        cap=content.settings.cap,
        minimize_method=content.settings.minimize_method,
    )
    labels = band_labels(scored, content.settings, lang)
    return list(zip(scored.tolist(), labels, strict=True))


def _recalculate(books: dict[str, bytes], tmp_path: Path) -> dict[str, Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = tmp_path / f"lo-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
    inputs = []
    for name, data in books.items():
        path = tmp_path / f"{name}.xlsm"
        path.write_bytes(data)
        inputs.append(str(path))
    out = tmp_path / "out"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *inputs,
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {name: out / f"{name}.xlsx" for name in books}


def _computed(path: Path, sheet: str) -> list[tuple[object, object]]:
    book = openpyxl.load_workbook(path, data_only=True)
    ws = book[sheet]
    header = [c.value for c in ws[4]]
    a, s = (
        header.index("Capaian" if sheet == "Realisasi" else "Achievement"),
        header.index("Status"),
    )
    rows = []
    for row in ws.iter_rows(min_row=5, values_only=True):
        if row[0] is None:
            break
        rows.append((row[a], row[s]))
    return rows


def _same(got: tuple[object, object], want: tuple[float, str]) -> bool:
    value, status = got
    expected, label = want
    if math.isnan(expected):
        return value in (None, "") and status == label
    return isinstance(value, int | float) and abs(value - expected) <= 1e-9 and status == label


def test_libreoffice_recalculates_the_native_formulas_to_the_engines_values(tmp_path):
    demo_id, edge_en = demo_content("id"), _edge_content("en")
    books = {
        # cache=False: the files carry no engine values, so what comes back was computed by LibreOffice
        "demo": build("id", "native", content=demo_id, cache=False),
        "edge": build("en", "native", content=edge_en, cache=False),
    }
    out = _recalculate(books, tmp_path)
    for name, content, lang, sheet in (
        ("demo", demo_id, "id", "Realisasi"),
        ("edge", edge_en, "en", "Measurements"),
    ):
        got = _computed(out[name], sheet)
        want = _expected(content, lang)
        assert len(got) == len(want)
        wrong = [
            (i, g, w) for i, (g, w) in enumerate(zip(got, want, strict=True)) if not _same(g, w)
        ]
        assert wrong == [], f"{name}: rows where LibreOffice and the engine differ: {wrong}"
