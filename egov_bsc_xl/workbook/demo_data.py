"""The demo agency: a kabupaten's Diskominfo scorecard for 2026, in Indonesian or English."""

from __future__ import annotations

import datetime as dt

from egov_bsc_xl.model import (
    Aggregation,
    Frequency,
    Initiative,
    Kpi,
    Language,
    Measurement,
    Objective,
    Period,
    Perspective,
    Profile,
    Revision,
    Scorecard,
    Settings,
    parse_period,
)
from egov_bsc_xl.model.scorecard import measurements_frame
from egov_bsc_xl.workbook.kpi_library import BY_CODE

REPORT_PERIOD = "2026-Q3"
REPORT_DATE = dt.date(2026, 9, 30)
PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3")


def _period(code: str) -> Period:
    period = parse_period(code)
    if period is None:
        raise ValueError(f"demo period {code!r} is not a period")
    return period


def _t(lang: str, id_text: str, en_text: str) -> str:
    return id_text if lang == "id" else en_text


def demo_profile(lang: str = "id") -> Profile:
    t = lambda a, b: _t(lang, a, b)  # noqa: E731
    return Profile(
        agency=t("Pemerintah Kabupaten Sukamaju", "Sukamaju Regency Government"),
        unit=t("Dinas Komunikasi dan Informatika", "Communication and Informatics Office (Diskominfo)"),
        year=2026,
        report_period=parse_period(REPORT_PERIOD),
        report_date=REPORT_DATE,
        vision=t(
            "Sukamaju Cerdas 2030: layanan publik digital yang mudah, cepat, dan terpercaya",
            "Smart Sukamaju 2030: digital public services that are easy, fast and trusted",
        ),
        missions=[
            t("Menghadirkan layanan publik digital yang terintegrasi dan inklusif",
              "Deliver integrated and inclusive digital public services"),
            t("Membangun tata kelola dan infrastruktur SPBE yang andal dan aman",
              "Build reliable and secure SPBE governance and infrastructure"),
            t("Mengembangkan SDM aparatur yang cakap digital dan inovatif",
              "Develop digitally skilled and innovative civil servants"),
            t("Mengelola anggaran TIK secara efisien dan akuntabel",
              "Manage the ICT budget efficiently and accountably"),
        ],
        language=Language(lang),
    )


def demo_perspectives(lang: str = "id") -> list[Perspective]:
    t = lambda a, b: _t(lang, a, b)  # noqa: E731
    return [
        Perspective(id="P1", name=t("Pelanggan (Warga dan Pengguna Layanan)", "Customer (citizens and service users)"), weight=0.30, order=1),
        Perspective(id="P2", name=t("Proses Bisnis Internal", "Internal process"), weight=0.30, order=2),
        Perspective(id="P3", name=t("Pembelajaran dan Pertumbuhan", "Learning and growth"), weight=0.20, order=3),
        Perspective(id="P4", name=t("Keuangan", "Financial"), weight=0.20, order=4),
    ]


# id, perspective, supports, Indonesian, English
_OBJECTIVES = (
    ("SS01", "P1", "", "Meningkatnya kepuasan masyarakat atas layanan digital",
     "Higher citizen satisfaction with digital services"),
    ("SS02", "P1", "SS01", "Meluasnya pemanfaatan layanan publik digital",
     "Wider use of digital public services"),
    ("SS03", "P1", "SS01", "Terbukanya data dan cepatnya tanggapan pengaduan",
     "Open data and fast complaint handling"),
    ("SS04", "P2", "SS01,SS02", "Proses administrasi yang cepat dan terotomatisasi",
     "Fast and automated administrative processes"),
    ("SS05", "P2", "SS01,SS02", "Layanan dan infrastruktur TIK yang andal dan aman",
     "Reliable and secure services and ICT infrastructure"),
    ("SS06", "P2", "SS02,SS03", "Aplikasi yang terintegrasi dan tata kelola SPBE yang matang",
     "Integrated applications and mature SPBE governance"),
    ("SS07", "P3", "SS04,SS05", "SDM aparatur yang kompeten di bidang TIK",
     "Civil servants competent in ICT"),
    ("SS08", "P3", "SS04,SS06", "Tumbuhnya budaya inovasi digital",
     "A growing culture of digital innovation"),
    ("SS09", "P3", "SS06", "Arsitektur dan peta rencana SPBE yang ditetapkan",
     "An adopted SPBE architecture and roadmap"),
    ("SS10", "P4", "SS05,SS06", "Anggaran SPBE yang terserap efisien sesuai rencana",
     "An SPBE budget absorbed efficiently and on plan"),
    ("SS11", "P4", "SS04", "Berkurangnya biaya operasional layanan",
     "Lower operating cost of services"),
)


def demo_objectives(lang: str = "id") -> list[Objective]:
    return [
        Objective(id=oid, perspective_id=pid, name=_t(lang, name_id, name_en),
                  supports=[s for s in sup.split(",") if s])
        for oid, pid, sup, name_id, name_en in _OBJECTIVES
    ]


# id, objective, library code, weight, baseline, owner (id / en)
_KPIS = (
    ("IKU01", "SS01", "PLG-01", 2, 78.0, "Bidang Layanan e-Government", "e-Government Services Division"),
    ("IKU02", "SS02", "PLG-02", 1, 42000, "Bidang Layanan e-Government", "e-Government Services Division"),
    ("IKU03", "SS02", "PLG-04", 1, 55.0, "Bidang Layanan e-Government", "e-Government Services Division"),
    ("IKU04", "SS03", "PLG-05", 1, 90, "Bidang Statistik dan Persandian", "Statistics and Cryptography Division"),
    ("IKU05", "SS03", "PLG-06", 1, 7.0, "Bidang Informasi dan Komunikasi Publik", "Public Information Division"),
    ("IKU06", "SS04", "PRS-01", 2, 5.0, "Bidang Layanan e-Government", "e-Government Services Division"),
    ("IKU07", "SS04", "PRS-02", 1, 50.0, "Bidang Aplikasi Informatika", "Applications Division"),
    ("IKU08", "SS04", "PRS-07", 1, 60.0, "Sekretariat Dinas", "Office Secretariat"),
    ("IKU09", "SS05", "PRS-04", 1, 99.0, "Bidang Infrastruktur TIK", "ICT Infrastructure Division"),
    ("IKU10", "SS05", "PRS-06", 1, 6, "Bidang Statistik dan Persandian", "Statistics and Cryptography Division"),
    ("IKU11", "SS05", "PRS-09", 1, 6.0, "Bidang Infrastruktur TIK", "ICT Infrastructure Division"),
    ("IKU12", "SS06", "PRS-05", 1, 9, "Bidang Aplikasi Informatika", "Applications Division"),
    ("IKU13", "SS06", "PRS-08", 1, 0, "Bidang Statistik dan Persandian", "Statistics and Cryptography Division"),
    ("IKU14", "SS07", "PBL-01", 1, 30.0, "Sekretariat Dinas", "Office Secretariat"),
    ("IKU15", "SS07", "PBL-03", 1, 18, "Sekretariat Dinas", "Office Secretariat"),
    ("IKU16", "SS08", "PBL-02", 1, 2, "Bidang Aplikasi Informatika", "Applications Division"),
    ("IKU17", "SS09", "PBL-05", 1, 0, "Kepala Dinas", "Head of Office"),
    ("IKU18", "SS10", "KEU-02", 1, None, "Sekretariat Dinas", "Office Secretariat"),
    ("IKU19", "SS11", "KEU-01", 1, 0, "Sekretariat Dinas", "Office Secretariat"),
    ("IKU20", "SS11", "KEU-03", 1, 9500, "Bidang Layanan e-Government", "e-Government Services Division"),
)

# kpi id -> three (target, target_upper, actual) for 2026-Q1..Q3; None actual = not reported yet.
_VALUES: dict[str, tuple[tuple[float | None, float | None, float | None], ...]] = {
    "IKU01": ((80, None, 79.2), (81, None, 81.5), (82, None, 83.1)),
    "IKU02": ((45000, None, 43800), (50000, None, 47100), (55000, None, 49500)),
    "IKU03": ((60, None, 58), (65, None, 61), (70, None, 63)),
    "IKU04": ((120, None, 95), (150, None, 104), (180, None, 112)),
    "IKU05": ((6.5, None, 6.8), (6.0, None, 5.9), (5.5, None, 5.3)),
    "IKU06": ((3.0, 4.0, 4.5), (3.0, 4.0, 4.1), (3.0, 4.0, 4.6)),
    "IKU07": ((55, None, 52), (60, None, 57), (65, None, 60)),
    "IKU08": ((70, None, 66), (75, None, 72), (80, None, None)),
    "IKU09": ((99.5, None, 99.2), (99.5, None, 98.1), (99.5, None, 99.6)),
    "IKU10": ((2, None, 2), (2, None, 3), (1, None, 2)),
    "IKU11": ((4.0, None, 5.0), (4.0, None, 4.5), (4.0, None, 3.5)),
    "IKU12": ((12, None, 10), (15, None, 12), (18, None, 13)),
    "IKU13": ((1, None, 0), (1, None, 0), (1, None, 1)),
    "IKU14": ((40, None, 35), (55, None, 50), (70, None, 58)),
    "IKU15": ((20, None, 21), (25, None, 24), (30, None, 31)),
    "IKU16": ((3, None, 2), (5, None, 4), (8, None, 5)),
    "IKU17": ((1, None, 0), (1, None, 1), (1, None, 1)),
    "IKU18": ((15, 25, 18), (40, 50, 38), (65, 75, 79)),
    "IKU19": ((150, None, 120), (150, None, 160), (150, None, 170)),
    "IKU20": ((9000, None, 9400), (8500, None, 8600), (8000, None, 7600)),
}

_NOTES: dict[tuple[str, str], tuple[str, str]] = {
    ("IKU08", "2026-Q3"): ("Data e-office TW III belum diterima dari Sekretariat",
                          "Q3 e-office data not yet received from the Secretariat"),
    ("IKU10", "2026-Q2"): ("Dua serangan defacing pada situs kecamatan",
                          "Two defacement attacks on sub-district websites"),
    ("IKU18", "2026-Q3"): ("Pembayaran termin pusat data dipercepat",
                          "Data centre instalment paid early"),
    ("IKU04", "2026-Q3"): ("Walidata OPD belum lengkap", "Unit data stewards not yet complete"),
}


def demo_kpis(lang: str = "id") -> list[Kpi]:
    kpis = []
    for kid, oid, code, weight, baseline, owner_id, owner_en in _KPIS:
        lib = BY_CODE[code]
        kpis.append(Kpi(
            id=kid, objective_id=oid, name=lib.name(lang), definition=lib.definition(lang),
            unit=lib.unit(lang), polarity=lib.polarity, weight=float(weight),
            baseline=None if baseline is None else float(baseline),
            frequency=Frequency.QUARTERLY,
            aggregation=Aggregation.SUM if code in ("KEU-01", "PRS-06") else lib.aggregation,
            data_source=lib.data_source(lang),
            method=_t(lang, f"Sesuai definisi pustaka {code}", f"As defined in library entry {code}"),
            owner=_t(lang, owner_id, owner_en),
        ))
    return kpis


def demo_measurements(lang: str = "id") -> list[Measurement]:
    """The measurement rows in table order (KPI by KPI, Q1..Q3), with notes."""
    rows = []
    for kid, *_ in _KPIS:
        for period, (target, upper, actual) in zip(PERIODS, _VALUES[kid], strict=True):
            note = _NOTES.get((kid, period), ("", ""))
            rows.append(Measurement(
                kpi_id=kid, period=_period(period), target=target, target_upper=upper,
                actual=actual, note=_t(lang, *note) if note[0] else "",
                evidence="" if actual is None else f"https://data.sukamajukab.go.id/bsc/{kid}-{period}",
            ))
    return rows


def demo_initiatives(lang: str = "id") -> list[Initiative]:
    t = lambda a, b: _t(lang, a, b)  # noqa: E731
    d = dt.date
    return [
        Initiative(id="INS01", name=t("Pengembangan Mal Pelayanan Publik Digital", "Digital public service mall"),
                   objective_ids=["SS02"], kpi_ids=["IKU03", "IKU02"],
                   owner=t("Bidang Layanan e-Government", "e-Government Services Division"),
                   start=d(2026, 2, 1), end=d(2026, 11, 30), budget=850_000_000, spent=560_000_000,
                   progress=0.78, status=t("Berjalan", "In progress")),
        Initiative(id="INS02", name=t("Integrasi aplikasi melalui SPLP", "Application integration through the SPLP bus"),
                   objective_ids=["SS06"], kpi_ids=["IKU12"],
                   owner=t("Bidang Aplikasi Informatika", "Applications Division"),
                   start=d(2026, 1, 15), end=d(2026, 12, 15), budget=600_000_000, spent=310_000_000,
                   progress=0.35, status=t("Berjalan", "In progress"),
                   note=t("Vendor terlambat menyerahkan modul API", "Vendor late delivering the API module")),
        Initiative(id="INS03", name=t("Pelatihan Digital Talent ASN", "Digital talent training for civil servants"),
                   objective_ids=["SS07"], kpi_ids=["IKU14", "IKU15"],
                   owner=t("Sekretariat Dinas", "Office Secretariat"),
                   start=d(2026, 3, 1), end=d(2026, 10, 31), budget=250_000_000, spent=272_500_000,
                   progress=0.85, status=t("Berjalan", "In progress"),
                   note=t("Tambahan kelas sertifikasi keamanan siber", "Extra cyber security certification class")),
        Initiative(id="INS04", name=t("Penerapan TTE dan e-office di seluruh OPD", "E-signature and e-office in every unit"),
                   objective_ids=["SS04", "SS06"], kpi_ids=["IKU08", "IKU13"],
                   owner=t("Bidang Statistik dan Persandian", "Statistics and Cryptography Division"),
                   start=d(2026, 1, 1), end=d(2026, 9, 30), budget=400_000_000, spent=385_000_000,
                   progress=1.0, status=t("Selesai", "Done")),
        Initiative(id="INS05", name=t("Penguatan CSIRT dan keamanan pusat data", "CSIRT and data centre security"),
                   objective_ids=["SS05"], kpi_ids=["IKU09", "IKU10", "IKU11"],
                   owner=t("Bidang Infrastruktur TIK", "ICT Infrastructure Division"),
                   start=d(2026, 4, 1), end=d(2026, 12, 31), budget=700_000_000, spent=240_000_000,
                   progress=0.62, status=t("Berjalan", "In progress")),
        Initiative(id="INS06", name=t("Hackathon dan inkubasi inovasi daerah", "Regional hackathon and innovation incubator"),
                   objective_ids=["SS08"], kpi_ids=["IKU16"],
                   owner=t("Bidang Aplikasi Informatika", "Applications Division"),
                   start=d(2026, 6, 1), end=d(2026, 12, 31), budget=150_000_000, spent=45_000_000,
                   progress=0.50, status=t("Berjalan", "In progress")),
    ]


def demo_revisions(lang: str = "id") -> list[Revision]:
    return [Revision(
        date=dt.date(2026, 7, 15), kpi_id="IKU04", field="target", old_value="200", new_value="180",
        reason=_t(lang, "Target TW III disesuaikan: walidata OPD baru ditetapkan Juli 2026",
                  "Q3 target adjusted: unit data stewards were only appointed in July 2026"),
    )]


def demo_scorecard(lang: str = "id") -> Scorecard:
    """The demo agency as a Scorecard (measurements as the calc frame)."""
    return Scorecard(
        profile=demo_profile(lang),
        settings=Settings(language=Language(lang)),
        perspectives=demo_perspectives(lang),
        objectives=demo_objectives(lang),
        kpis=demo_kpis(lang),
        measurements=measurements_frame(demo_measurements(lang)),
        initiatives=demo_initiatives(lang),
        revisions=demo_revisions(lang),
    )
