"""Workbooks built in code for the tests (openpyxl), in the SPEC 3 format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.table import Table

from egov_bsc_xl.workbook import contract as c

Row = list[Any]


def sample_tables(lang: str = "id") -> dict[str, tuple[list[str], list[Row]]]:
    """A small, valid scorecard: table name -> (column keys, rows). Headers are added per language."""
    return {
        "tblProfile": (
            ["key", "label", "value"],
            [
                ["agency", "Instansi", "Dinas Komunikasi dan Informatika Kabupaten Contoh"],
                ["unit", "Unit Kerja", "Bidang E-Government"],
                ["year", "Tahun", 2026],
                ["report_period", "Periode Laporan", ""],
                ["vision", "Visi", "Pemerintahan digital yang melayani"],
                ["mission", "Misi", "Meningkatkan layanan publik digital"],
                ["mission", "Misi", "Membangun SDM digital"],
                ["language", "Bahasa", lang],
            ],
        ),
        "tblSettings": (
            ["key", "label", "value"],
            [
                ["cap", "Batas atas capaian", 1.2],
                ["minimize_method", "Rumus polaritas minimal", "permenpan"],
                ["missing", "Data kosong", "exclude"],
                ["language", "Bahasa", lang],
            ],
        ),
        "tblPerspectives": (
            ["id", "name", "weight", "order", "active"],
            [
                ["P1", "Pelanggan", 0.4, 1, "Ya"],
                ["P2", "Proses Bisnis", 0.3, 2, "Ya"],
                ["P3", "Pembelajaran dan Pertumbuhan", 0.3, 3, "Ya"],
            ],
        ),
        "tblObjectives": (
            ["id", "perspective_id", "objective", "supports", "description"],
            [
                ["S1", "P1", "Kepuasan pengguna layanan meningkat", "", ""],
                ["S2", "P2", "Proses layanan lebih cepat", "S1", ""],
                ["S3", "P3", "SDM digital kompeten", "S2", ""],
            ],
        ),
        "tblKpis": (
            [
                "id",
                "objective_id",
                "name",
                "unit",
                "polarity",
                "weight",
                "baseline",
                "frequency",
                "aggregation",
                "owner",
            ],
            [
                [
                    "K1",
                    "S1",
                    "Indeks kepuasan pengguna",
                    "%",
                    "Maksimal",
                    2,
                    70,
                    "Triwulanan",
                    "Terakhir",
                    "Kabid Layanan",
                ],
                [
                    "K2",
                    "S2",
                    "Waktu rata-rata proses",
                    "hari",
                    "Minimal",
                    1,
                    10,
                    "Triwulanan",
                    "Rata-rata",
                    "Kabid Proses",
                ],
                [
                    "K3",
                    "S2",
                    "Ketersediaan sistem",
                    "%",
                    "Stabil",
                    1,
                    None,
                    "Triwulanan",
                    "Terakhir",
                    "Kasi Infrastruktur",
                ],
                [
                    "K4",
                    "S3",
                    "Pegawai terlatih",
                    "orang",
                    "Maksimal",
                    1,
                    None,
                    "Triwulanan",
                    "Jumlah",
                    "Sekretaris",
                ],
                [
                    "K5",
                    "S3",
                    "Peta jalan SPBE ditetapkan",
                    "",
                    "Ya/Tidak",
                    1,
                    None,
                    "Tahunan",
                    "Terakhir",
                    "Sekretaris",
                ],
            ],
        ),
        "tblMeasurements": (
            ["kpi_id", "period", "target", "target_upper", "actual", "note", "evidence"],
            [
                ["K1", "2026-Q1", 80, None, 78, "", ""],
                ["K1", "2026-Q2", 82, None, 85, "", ""],
                ["K2", "2026-Q1", 5, None, 6, "", ""],
                ["K2", "2026-Q2", 5, None, 4, "", ""],
                ["K3", "2026-Q1", 97, 99.5, 98, "", ""],
                ["K3", "2026-Q2", 97, 99.5, 96, "", ""],
                ["K4", "2026-Q1", 20, None, 15, "", ""],
                ["K4", "2026-Q2", 20, None, 25, "", ""],
                ["K5", "2026", "Ya", None, None, "", ""],
            ],
        ),
        "tblInitiatives": (
            [
                "id",
                "name",
                "objective_ids",
                "kpi_ids",
                "owner",
                "start",
                "end",
                "budget",
                "spent",
                "progress",
                "status",
            ],
            [
                [
                    "I1",
                    "Aplikasi layanan terpadu",
                    "S1",
                    "K1",
                    "Kabid Layanan",
                    dt.date(2026, 1, 1),
                    dt.date(2026, 12, 31),
                    500_000_000,
                    200_000_000,
                    0.45,
                    "Berjalan",
                ],
                [
                    "I2",
                    "Pelatihan ASN digital",
                    "S3",
                    "K4",
                    "Sekretaris",
                    dt.date(2026, 2, 1),
                    dt.date(2026, 11, 30),
                    150_000_000,
                    60_000_000,
                    0.40,
                    "Berjalan",
                ],
            ],
        ),
        "tblRevisions": (
            ["date", "kpi_id", "field", "old_value", "new_value", "reason"],
            [
                [dt.date(2026, 4, 2), "K1", "target", "85", "82", "Penyesuaian anggaran"],
            ],
        ),
    }


def write_book(
    path: Path,
    tables: dict[str, tuple[list[str], list[Row]]],
    lang: str = "id",
    *,
    headers: dict[str, list[str]] | None = None,
    offset: tuple[int, int] = (1, 1),
) -> Path:
    """Write `tables` as real Excel tables, each on its SPEC 3 sheet, headers in `lang`.

    `headers` overrides the header texts of a table; `offset` is the (row, column), 1-based, of
    each table's top-left cell. Bands share the settings sheet, placed to the right.
    """
    wb = Workbook()
    wb.remove(wb.active)
    used: dict[str, int] = {}
    for name, (keys, rows) in tables.items():
        spec = c.TABLES[name]
        sheet_name = spec.sheet(lang)
        ws = wb[sheet_name] if sheet_name in wb.sheetnames else wb.create_sheet(sheet_name)
        top, left = offset
        left += used.get(sheet_name, 0)
        used[sheet_name] = used.get(sheet_name, 0) + len(keys) + 1
        heads = (headers or {}).get(name) or [
            spec.column(k).label(lang) if k in spec.keys else k for k in keys
        ]
        for j, head in enumerate(heads):
            ws.cell(top, left + j, head)
        for i, row in enumerate(rows, start=1):
            for j, value in enumerate(row):
                cell = ws.cell(top + i, left + j, value)
                if (
                    isinstance(value, str)
                    and value.startswith("#")
                    and value.endswith(("!", "A", "?"))
                ):
                    cell.data_type = "e"
        last_row = top + max(len(rows), 1)
        ref = f"{_col(left)}{top}:{_col(left + len(keys) - 1)}{last_row}"
        ws.add_table(Table(displayName=name, ref=ref))
    wb.save(path)
    return path


def _col(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sample_book(tmp_path: Path, lang: str = "id", **changes: Any) -> Path:
    tables = sample_tables(lang)
    tables.update(changes)
    return write_book(tmp_path / f"sample-{lang}.xlsx", tables, lang)
