"""A workbook with the SPEC 8 columns and two years of rows, for the figures, history and W014/W015.

KPIs (all quarterly unless said; 2026 is the report year):
- A: higher is better, last; annual 90, Renstra 95, national 85; 2026 Q1 80/78, Q2 82/85;
  2025 by quarters (Q1 75/70, Q2 78/72, Q3 80/76, Q4 82/80).
- B: lower is better, average; annual 4; 2026 Q1 5/6, Q2 5/4; 2025 only the annual row 6/5.5.
- C: higher is better, sum; annual 80; 2026 Q1 20/15, Q2 20/25; 2025 Q1 18/10, Q2 18/12.
- D: within range, last; no SPEC 8 figures at all; 2026 Q1 97-99.5/98, Q2 97-99.5/96.
(target/actual.) The measurement rows carry analysis, action, owner and due columns.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tests.books import sample_tables, write_book

KPI_KEYS = [
    "id",
    "objective_id",
    "name",
    "unit",
    "polarity",
    "weight",
    "frequency",
    "aggregation",
    "kpi_type",
    "annual_target",
    "plan_target",
    "national_target",
    "public",
]
MEASUREMENT_KEYS = [
    "kpi_id",
    "period",
    "target",
    "target_upper",
    "actual",
    "analysis",
    "action",
    "action_owner",
    "action_due",
]


def kpis() -> list[list[Any]]:
    return [
        ["A", "S1", "Indeks kepuasan", "%", "Maksimal", 1, "Triwulanan", "Terakhir",
         "Outcome", 90, 95, 85, "Ya"],
        ["B", "S2", "Waktu proses", "hari", "Minimal", 1, "Triwulanan", "Rata-rata",
         "Output", 4, None, None, "Tidak"],
        ["C", "S3", "Pegawai terlatih", "orang", "Maksimal", 1, "Triwulanan", "Jumlah",
         "Output", 80, None, None, ""],
        ["D", "S2", "Ketersediaan sistem", "%", "Stabil", 1, "Triwulanan", "Terakhir",
         "", None, None, None, ""],
    ]  # fmt: skip


def measurements() -> list[list[Any]]:
    none = ["", "", "", None]
    return [
        ["A", "2025-Q1", 75, None, 70, *none],
        ["A", "2025-Q2", 78, None, 72, *none],
        ["A", "2025-Q3", 80, None, 76, *none],
        ["A", "2025-Q4", 82, None, 80, *none],
        ["B", "2025", 6, None, 5.5, *none],
        ["C", "2025-Q1", 18, None, 10, *none],
        ["C", "2025-Q2", 18, None, 12, *none],
        ["A", "2026-Q1", 80, None, 78,
         "Survei terlambat", "Percepat survei", "Kabid Layanan", dt.date(2026, 6, 30)],
        ["A", "2026-Q2", 82, None, 85, *none],
        ["B", "2026-Q1", 5, None, 6, *none],
        ["B", "2026-Q2", 5, None, 4, *none],
        ["C", "2026-Q1", 20, None, 15, *none],
        ["C", "2026-Q2", 20, None, 25, "Pelatihan tambahan", "", "", "30/09/2026"],
        ["D", "2026-Q1", 97, 99.5, 98, *none],
        ["D", "2026-Q2", 97, 99.5, 96, *none],
    ]  # fmt: skip


def second_half() -> list[list[Any]]:
    """Q3 and Q4 of 2026: A 84/83, 86/88; B 5/5, 5/5; C 20/20, 20/22; D 97-99.5/98 twice."""
    none = ["", "", "", None]
    return [
        ["A", "2026-Q3", 84, None, 83, *none],
        ["A", "2026-Q4", 86, None, 88, *none],
        ["B", "2026-Q3", 5, None, 5, *none],
        ["B", "2026-Q4", 5, None, 5, *none],
        ["C", "2026-Q3", 20, None, 20, *none],
        ["C", "2026-Q4", 20, None, 22, *none],
        ["D", "2026-Q3", 97, 99.5, 98, *none],
        ["D", "2026-Q4", 97, 99.5, 98, *none],
    ]


def practice_tables(
    kpi_rows: list[list[Any]] | None = None, rows: list[list[Any]] | None = None
) -> dict[str, tuple[list[str], list[list[Any]]]]:
    tables = sample_tables()
    tables["tblKpis"] = (list(KPI_KEYS), kpi_rows if kpi_rows is not None else kpis())
    tables["tblMeasurements"] = (
        list(MEASUREMENT_KEYS),
        rows if rows is not None else measurements(),
    )
    keys, initiatives = tables["tblInitiatives"]
    initiatives[0][keys.index("kpi_ids")] = "A"
    initiatives[1][keys.index("kpi_ids")] = "C"
    tables["tblRevisions"][1][0][1] = "A"
    extra = [""] * len(keys)
    extra[:4] = ["I3", "Integrasi data", "S1, S2", ""]
    extra[keys.index("budget")] = 100_000_000
    initiatives.append(extra)  # budget only, linked to S1 and S2
    return tables


def practice_book(tmp_path: Path, name: str = "practice.xlsx", **kwargs: Any) -> Path:
    return write_book(tmp_path / name, practice_tables(**kwargs))
