"""LibreOffice recalculates the native formulas to the engine's values for what planners type:
every polarity by new and old words, zero targets of lower-is-better KPIs, ranges, yes/no words,
numbers typed as text in the workbook's language, a dash for 'no figure' (SPEC 8)."""

from __future__ import annotations

import io
import math
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from egov_bsc_xl.calc.achievement import achievement
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
from egov_bsc_xl.workbook import contract as c
from egov_bsc_xl.workbook.reading.reader import read_workbook
from egov_bsc_xl.workbook.template.build import Content, build

from .test_template_libreoffice import _computed, _recalculate

pytestmark = pytest.mark.libreoffice

# KPI id -> polarity word typed in tblKpis (old and new words, either language, other case)
POLARITY_WORDS = {
    "id": {
        "K1": "Semakin tinggi semakin baik",
        "K2": "Maksimal",
        "K3": "Semakin rendah semakin baik",
        "K4": "negatif",
        "K5": "Dalam rentang",
        "K6": "stabil",
        "K7": "Ya/Tidak",
        "K8": "MINIMAL",
    },
    "en": {
        "K1": "Higher is better",
        "K2": "maximize",
        "K3": "Lower is better",
        "K4": "Minimize",
        "K5": "Within range",
        "K6": "Stabilize",
        "K7": "Yes/No",
        "K8": "negative",
    },
}
# (kpi, target, upper, actual) as typed; strings are typed as text
ROWS = {
    "id": [
        ("K1", 80, None, 78),
        ("K1", "80", None, "85,5"),
        ("K1", "1.250", None, 1000),
        ("K1", 0.9, None, "85,5 %"),
        ("K1", "Rp 1.250.000", None, "Rp 1.000.000"),
        ("K1", 80, 90, "1.234,5"),
        ("K2", 100, None, "0,125"),
        ("K2", 0, None, 5),
        ("K2", 50, 60, "55"),
        ("K2", 50, None, "-"),
        ("K3", 0, None, 0),
        ("K3", 0, None, 2),
        ("K3", "0", None, "0"),
        ("K3", 0, 5, 3),
        ("K3", 0, 5, 6),
        ("K3", 0, 5, 0),
        ("K3", 7, 8, 6.5),
        ("K3", 7, 8, 9),
        ("K3", -1, None, 1),
        ("K3", 5, None, "0"),
        ("K4", 0, None, "1"),
        ("K4", "0,5", None, "0,25"),
        ("K4", 10, None, 25),
        ("K5", 40, 60, "30"),
        ("K5", 0, 4, 2),
        ("K5", 0, 4, 5),
        ("K5", "40", "60", "66,5"),
        ("K6", 40, 60, 50),
        ("K6", 50, None, 40),
        ("K7", None, None, "Sudah"),
        ("K7", None, None, "Done"),
        ("K7", None, None, "belum"),
        ("K7", None, None, "ya"),
        ("K7", None, None, "TIDAK"),
        ("K7", None, None, "1"),
        ("K7", None, None, 0),
        ("K7", None, None, "aktif"),
        ("K7", None, None, "entah"),
        ("K8", 0, None, 0),
        ("K8", 0, None, "3"),
    ],
    "en": [
        ("K1", 80, None, 78),
        ("K1", "80", None, "85.5"),
        ("K1", "1,250", None, 1000),
        ("K1", 0.9, None, "85.5%"),
        ("K1", 80, 90, "1,234.5"),
        ("K1", "0", None, 5),
        ("K2", 100, None, "0.125"),
        ("K2", 50, 60, "55"),
        ("K3", 0, None, 0),
        ("K3", 0, None, 2),
        ("K3", 0, 5, 3),
        ("K3", 0, 5, 6),
        ("K3", 7, 8, 6.5),
        ("K3", 7, 8, 9),
        ("K3", 5, None, 0),
        ("K3", 5, None, "-"),
        ("K4", 0, None, "0"),
        ("K4", "0.5", None, "0.25"),
        ("K5", 40, 60, "30"),
        ("K5", 0, 4, 5),
        ("K6", 40, 60, 61),
        ("K7", None, None, "Yes"),
        ("K7", None, None, "done"),
        ("K7", None, None, "No"),
        ("K7", None, None, "true"),
        ("K7", None, None, "0"),
        ("K7", None, None, "85%"),
        ("K8", 0, None, 0),
        ("K8", 0, None, 1),
    ],
}


def _content(lang: str, method: MinimizeMethod) -> Content:
    kpis = [
        Kpi(id=k, objective_id="O1", name=k, polarity=Polarity.MAXIMIZE)
        for k in POLARITY_WORDS[lang]
    ]
    measurements = [
        Measurement(kpi_id=k, period=parse_period(f"2026-Q{1 + i % 4}"))
        for i, (k, *_rest) in enumerate(ROWS[lang])
    ]
    return Content(
        settings=Settings(cap=1.2, minimize_method=method, language=Language(lang)),
        perspectives=[Perspective(id="P1", name="P", weight=1.0)],
        objectives=[Objective(id="O1", perspective_id="P1", name="O")],
        kpis=kpis,
        measurements=measurements,
    )


def _typed(data: bytes, lang: str, path: Path) -> Path:
    """The built workbook with the polarity words and the measurement cells typed as a planner would."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for spec, fill in ((c.KPIS, _kpi_cells), (c.MEASUREMENTS, _measurement_cells)):
        ws = book[spec.sheet(lang)]
        top = next(
            r for r in range(1, 10) if ws.cell(r, 1).value == spec.column(spec.keys[0]).label(lang)
        )
        heads = {ws.cell(top, j).value: j for j in range(1, ws.max_column + 1)}
        col = {
            key: heads[spec.column(key).label(lang)]
            for key in spec.keys
            if spec.column(key).label(lang) in heads
        }
        fill(ws, top, col, lang)
    book.save(path)
    return path


def _kpi_cells(ws, top, col, lang):
    for i, word in enumerate(POLARITY_WORDS[lang].values(), start=1):
        ws.cell(top + i, col["polarity"], word)


def _measurement_cells(ws, top, col, lang):
    for i, (_, target, upper, actual) in enumerate(ROWS[lang], start=1):
        for key, value in (("target", target), ("target_upper", upper), ("actual", actual)):
            cell = ws.cell(top + i, col[key], value)
            if isinstance(value, str):
                cell.data_type = "s"


def _engine(path: Path) -> list[float]:
    """Each row's achievement as the engine reads the same workbook (text numbers, words, polarities)."""
    result = read_workbook(path)
    card = result.card
    m = card.measurements.sort_values("row")
    polarity = {k.id: k.polarity.value for k in card.kpis}
    _, scored = achievement(
        m["actual"].to_numpy(),
        m["target"].to_numpy(),
        m["target_upper"].to_numpy(),
        [polarity.get(k, "") for k in m["kpi_id"]],
        cap=card.settings.cap,
        minimize_method=card.settings.minimize_method,
    )
    out = np.full(len(ROWS[result.language]), np.nan)
    out[m["row"].to_numpy()] = scored
    return out.tolist()


@pytest.mark.parametrize(
    ("lang", "method"), [("id", MinimizeMethod.PERMENPAN), ("en", MinimizeMethod.INVERSE)]
)
def test_libreoffice_reads_words_and_text_numbers_as_the_engine_does(tmp_path, lang, method):
    typed = _typed(
        build(lang, "native", content=_content(lang, method), cache=False),
        lang,
        tmp_path / f"typed-{lang}.xlsx",
    )
    want = _engine(typed)
    assert sum(not math.isnan(v) for v in want) >= len(want) - 6  # the rows are mostly scored
    out = _recalculate({f"typed-{lang}": typed.read_bytes()}, tmp_path)
    got = [v for v, _ in _computed(out[f"typed-{lang}"], c.MEASUREMENTS.sheet(lang))]
    assert len(got) == len(want)
    wrong = [
        (i, ROWS[lang][i], g, w)
        for i, (g, w) in enumerate(zip(got, want, strict=True))
        if not (
            g in (None, "") if math.isnan(w) else isinstance(g, int | float) and abs(g - w) <= 1e-9
        )
    ]
    assert wrong == [], f"rows where LibreOffice and the engine differ: {wrong}"
