"""Realistic scorecards for the deck tests and the deck benchmark (16 KPIs, or any number)."""

from __future__ import annotations

import datetime as dt

from egov_bsc_xl.model import (
    Aggregation,
    Initiative,
    Kpi,
    Language,
    Measurement,
    Objective,
    Perspective,
    Polarity,
    Profile,
    Scorecard,
    Settings,
    parse_period,
)
from egov_bsc_xl.model.scorecard import measurements_frame

PERSPECTIVES = [
    ("P1", "Pelanggan (Warga dan Pengguna Layanan)", "Customer (Citizens and Service Users)", 0.35),
    ("P2", "Proses Bisnis Internal", "Internal Process", 0.30),
    ("P3", "Pembelajaran dan Pertumbuhan", "Learning and Growth", 0.20),
    ("P4", "Keuangan", "Financial", 0.15),
]
OBJECTIVES = [
    ("S1.1", "P1", "Meningkatkan kepuasan masyarakat terhadap layanan digital", []),
    ("S1.2", "P1", "Memperluas pemanfaatan layanan SPBE oleh masyarakat", []),
    ("S2.1", "P2", "Mempercepat penyelesaian proses administrasi", ["S1.1"]),
    ("S2.2", "P2", "Meningkatkan otomatisasi dan integrasi proses bisnis", ["S2.1", "S1.2"]),
    ("S3.1", "P3", "Meningkatkan kompetensi SDM di bidang SPBE", ["S2.1", "S2.2"]),
    ("S3.2", "P3", "Mendorong budaya inovasi dan adopsi teknologi baru", ["S2.2"]),
    ("S4.1", "P4", "Mengefisienkan belanja TIK pemerintah", ["S2.2"]),
    ("S4.2", "P4", "Menghemat biaya administrasi melalui layanan digital", ["S1.1"]),
]
# id, objective, name, unit, polarity, aggregation, owner, quarterly targets, quarterly actuals (None = no data)
KPIS = [
    (
        "IKU-01",
        "S1.1",
        "Indeks kepuasan pengguna layanan digital",
        "%",
        "maximize",
        "last",
        "Kabid Layanan Publik",
        (80, 82, 85),
        (81.5, 84.0, 87.2),
    ),
    (
        "IKU-02",
        "S1.2",
        "Jumlah pengguna aktif bulanan layanan SPBE",
        "orang",
        "maximize",
        "last",
        "Kabid Aplikasi Informatika",
        (90000, 105000, 120000),
        (88000, 93500, 98000),
    ),
    (
        "IKU-03",
        "S1.2",
        "Frekuensi penggunaan layanan per pengguna",
        "kali",
        "maximize",
        "average",
        "Kabid Aplikasi Informatika",
        (3, 3, 4),
        (2.6, 3.1, 3.4),
    ),
    (
        "IKU-04",
        "S1.1",
        "Persentase pengaduan masyarakat selesai tepat waktu",
        "%",
        "maximize",
        "last",
        "Kabid Layanan Publik",
        (85, 88, 90),
        (70, 72, 64),
    ),
    (
        "IKU-05",
        "S2.1",
        "Rata-rata waktu penyelesaian perizinan",
        "hari",
        "minimize",
        "last",
        "Kabid Tata Kelola SPBE",
        (6, 5.5, 5),
        (6.2, 5.8, 6.5),
    ),
    (
        "IKU-06",
        "S2.2",
        "Tingkat otomatisasi proses bisnis pemerintahan",
        "%",
        "maximize",
        "last",
        "Kabid Tata Kelola SPBE",
        (40, 45, 50),
        (38, 44, 47),
    ),
    (
        "IKU-07",
        "S2.2",
        "Persentase layanan yang terintegrasi",
        "%",
        "maximize",
        "last",
        "Kabid Infrastruktur TIK",
        (50, 55, 60),
        (52, 58, 61),
    ),
    (
        "IKU-08",
        "S2.1",
        "Ketersediaan layanan pusat data",
        "%",
        "maximize",
        "average",
        "Kabid Infrastruktur TIK",
        ((99, 100), (99, 100), (99.5, 100)),
        (99.6, 99.2, 98.1),
    ),
    (
        "IKU-09",
        "S3.1",
        "Persentase ASN terlatih di bidang SPBE",
        "%",
        "maximize",
        "last",
        "Sekretaris Dinas",
        (20, 35, 50),
        (22, 30, 36),
    ),
    (
        "IKU-10",
        "S3.1",
        "Jam pelatihan per ASN",
        "jam",
        "maximize",
        "sum",
        "Sekretaris Dinas",
        (6, 6, 8),
        (5, 7, 4),
    ),
    (
        "IKU-11",
        "S3.2",
        "Jumlah inovasi digital yang diterapkan",
        "inovasi",
        "maximize",
        "sum",
        "Kabid Aplikasi Informatika",
        (2, 2, 3),
        (1, 3, 3),
    ),
    (
        "IKU-12",
        "S3.2",
        "Tersedianya arsitektur SPBE daerah",
        "",
        "binary",
        "last",
        "Kabid Tata Kelola SPBE",
        (1, 1, 1),
        (0, 1, 1),
    ),
    (
        "IKU-13",
        "S4.2",
        "Penghematan biaya administrasi",
        "Rp juta",
        "maximize",
        "sum",
        "Sekretaris Dinas",
        (250, 250, 300),
        (210, 280, None),
    ),
    (
        "IKU-14",
        "S4.1",
        "Persentase belanja TIK yang tepat sasaran",
        "%",
        "maximize",
        "last",
        "Sekretaris Dinas",
        (80, 85, 90),
        (78, 83, 86),
    ),
    (
        "IKU-15",
        "S4.1",
        "Biaya per transaksi layanan digital",
        "Rp",
        "minimize",
        "average",
        "Kabid Aplikasi Informatika",
        (4500, 4200, 4000),
        (4700, 4300, 4100),
    ),
    (
        "IKU-16",
        "S4.1",
        "Rasio belanja pemeliharaan TIK",
        "%",
        "stabilize",
        "last",
        "Kabid Infrastruktur TIK",
        ((15, 25), (15, 25), (15, 25)),
        (18, 27, 31),
    ),
]
INITIATIVES = [
    (
        "INI-01",
        "Pengembangan portal layanan terpadu",
        ["S1.1", "S1.2"],
        ["IKU-01", "IKU-02"],
        "Kabid Aplikasi Informatika",
        (2026, 1, 15),
        (2026, 12, 15),
        2_500_000_000,
        1_650_000_000,
        0.62,
    ),
    (
        "INI-02",
        "Integrasi sistem perizinan daring",
        ["S2.1"],
        ["IKU-05"],
        "Kabid Tata Kelola SPBE",
        (2026, 2, 1),
        (2026, 10, 31),
        1_200_000_000,
        600_000_000,
        0.45,
    ),
    (
        "INI-03",
        "Pelatihan literasi digital ASN",
        ["S3.1"],
        ["IKU-09", "IKU-10"],
        "Sekretaris Dinas",
        (2026, 3, 1),
        (2026, 11, 30),
        450_000_000,
        310_000_000,
        0.70,
    ),
    (
        "INI-04",
        "Penguatan pusat data dan pemulihan bencana",
        ["S2.1"],
        ["IKU-08"],
        "Kabid Infrastruktur TIK",
        (2026, 1, 1),
        (2026, 12, 31),
        3_800_000_000,
        2_900_000_000,
        0.55,
    ),
    (
        "INI-05",
        "Laboratorium inovasi pelayanan publik",
        ["S3.2"],
        ["IKU-11"],
        "Kabid Aplikasi Informatika",
        (2026, 4, 1),
        (2026, 12, 31),
        350_000_000,
        90_000_000,
        0.20,
    ),
    (
        "INI-06",
        "Penyusunan arsitektur dan peta rencana SPBE",
        ["S2.2", "S3.2"],
        ["IKU-12"],
        "Kabid Tata Kelola SPBE",
        (2026, 1, 10),
        (2026, 6, 30),
        300_000_000,
        295_000_000,
        1.0,
    ),
]
QUARTERS = ("2026-Q1", "2026-Q2", "2026-Q3")


def _targets(value):
    return value if isinstance(value, tuple) else (value, None)


def sample_card(
    n_kpis: int = 16, lang: str = "id", report_period: str | None = "2026-Q3"
) -> Scorecard:
    """A provincial Diskominfo scorecard: 4 perspectives, 8 objectives, `n_kpis` KPIs, 6 initiatives."""
    en = lang == "en"
    perspectives = [
        Perspective(id=p, name=(e if en else i), weight=w, order=n)
        for n, (p, i, e, w) in enumerate(PERSPECTIVES, start=1)
    ]
    objectives = [
        Objective(id=o, perspective_id=p, name=name, supports=list(s))
        for o, p, name, s in OBJECTIVES
    ]
    kpis: list[Kpi] = []
    rows: list[Measurement] = []
    for number in range(n_kpis):
        base = KPIS[number % len(KPIS)]
        kid, objective, name, unit, polarity, aggregation, owner, targets, actuals = base
        copy = number // len(KPIS)
        if copy:
            kid = f"{kid}-{copy + 1}"
            name = f"{name} (wilayah {copy + 1})"
        kpis.append(
            Kpi(
                id=kid,
                objective_id=objective,
                name=name,
                unit=unit,
                polarity=Polarity(polarity),
                aggregation=Aggregation(aggregation),
                owner=owner,
                weight=1.0 + (number % 3) * 0.5,
                data_source="Aplikasi SIMPEL / survei",
                frequency="quarterly",
            )
        )
        for quarter, target, actual in zip(QUARTERS, targets, actuals, strict=True):
            low, high = _targets(target)
            shifted = None if actual is None else actual * (1 + 0.015 * copy)
            if copy and polarity == "binary":
                shifted = actual
            rows.append(
                Measurement(
                    kpi_id=kid,
                    period=parse_period(quarter),
                    target=float(low),
                    target_upper=None if high is None else float(high),
                    actual=None if shifted is None else float(shifted),
                )
            )
    initiatives = [
        Initiative(
            id=i,
            name=name,
            objective_ids=objs,
            kpi_ids=ks,
            owner=owner,
            start=dt.date(*start),
            end=dt.date(*end),
            budget=float(budget),
            spent=float(spent),
            progress=progress,
        )
        for i, name, objs, ks, owner, start, end, budget, spent, progress in INITIATIVES
    ]
    return Scorecard(
        profile=Profile(
            agency="Dinas Komunikasi dan Informatika Provinsi Jawa Barat",
            unit="Bidang Tata Kelola SPBE",
            year=2026,
            report_period=parse_period(report_period) if report_period else None,
            vision="Jawa Barat juara lahir batin dengan inovasi dan kolaborasi",
        ),
        settings=Settings(language=Language(lang)),
        perspectives=perspectives,
        objectives=objectives,
        kpis=kpis,
        measurements=measurements_frame(rows),
        initiatives=initiatives,
    )
