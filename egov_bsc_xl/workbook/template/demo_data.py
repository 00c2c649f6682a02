"""The demo agency: a kabupaten's Diskominfo scorecard for 2026, in Indonesian or English."""

from __future__ import annotations

import datetime as dt
from typing import Any

from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.model import (
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
from egov_bsc_xl.model.scorecard import follow_up_frame, measurements_frame
from egov_bsc_xl.workbook.template.kpi_library import BY_CODE

REPORT_PERIOD = "2026-Q3"
REPORT_DATE = dt.date(2026, 9, 30)
PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3")


def _period(code: str) -> Period:
    period = parse_period(code)
    if period is None:
        raise ValueError(f"demo period {code!r} is not a period")
    return period


def _t(lang: str, id_text: str, en_text: str) -> str:
    return pick(lang, id_text, en_text)


def demo_profile(lang: str = "id") -> Profile:
    t = lambda a, b: _t(lang, a, b)  # noqa: E731
    return Profile(
        agency=t("Pemerintah Kabupaten Sukamaju", "Sukamaju Regency Government"),
        unit=t(
            "Dinas Komunikasi dan Informatika", "Communication and Informatics Office (Diskominfo)"
        ),
        year=2026,
        report_period=parse_period(REPORT_PERIOD),
        report_date=REPORT_DATE,
        vision=t(
            "Sukamaju Cerdas 2030: layanan publik digital yang mudah, cepat, dan terpercaya",
            "Smart Sukamaju 2030: digital public services that are easy, fast and trusted",
        ),
        missions=[
            t(
                "Menghadirkan layanan publik digital yang terintegrasi dan inklusif",
                "Deliver integrated and inclusive digital public services",
            ),
            t(
                "Membangun tata kelola dan infrastruktur SPBE yang andal dan aman",
                "Build reliable and secure SPBE governance and infrastructure",
            ),
            t(
                "Mengembangkan SDM aparatur yang cakap digital dan inovatif",
                "Develop digitally skilled and innovative civil servants",
            ),
            t(
                "Mengelola anggaran TIK secara efisien dan akuntabel",
                "Manage the ICT budget efficiently and accountably",
            ),
        ],
        language=Language(lang),
    )


def demo_perspectives(lang: str = "id") -> list[Perspective]:
    t = lambda a, b: _t(lang, a, b)  # noqa: E731
    return [
        Perspective(
            id="P1",
            name=t(
                "Pelanggan (Warga dan Pengguna Layanan)", "Customer (citizens and service users)"
            ),
            weight=0.30,
            order=1,
        ),
        Perspective(
            id="P2", name=t("Proses Bisnis Internal", "Internal process"), weight=0.30, order=2
        ),
        Perspective(
            id="P3",
            name=t("Pembelajaran dan Pertumbuhan", "Learning and growth"),
            weight=0.20,
            order=3,
        ),
        Perspective(id="P4", name=t("Keuangan", "Financial"), weight=0.20, order=4),
    ]


# id, perspective, supports, Indonesian, English: one outcome IKU (or a few) per sasaran strategis
_OBJECTIVES = (
    (
        "SS01",
        "P1",
        "",
        "Meningkatnya kepuasan masyarakat atas layanan digital",
        "Higher citizen satisfaction with digital services",
    ),
    (
        "SS02",
        "P1",
        "SS01",
        "Meluasnya pemanfaatan layanan publik digital",
        "Wider use of digital public services",
    ),
    (
        "SS03",
        "P1",
        "SS01",
        "Cepatnya tindak lanjut pengaduan masyarakat",
        "Fast follow-up of public complaints",
    ),
    (
        "SS04",
        "P2",
        "SS01,SS02",
        "Proses administrasi yang cepat dan terotomatisasi",
        "Fast and automated administrative processes",
    ),
    (
        "SS05",
        "P2",
        "SS01,SS02",
        "Layanan dan infrastruktur TIK yang andal dan aman",
        "Reliable and secure services and ICT infrastructure",
    ),
    ("SS06", "P2", "SS02,SS03", "Tata kelola SPBE yang matang", "Mature SPBE governance"),
    (
        "SS07",
        "P2",
        "SS04",
        "Administrasi perkantoran tanpa kertas",
        "Paperless office administration",
    ),
    (
        "SS08",
        "P3",
        "SS04,SS07",
        "SDM aparatur yang cakap digital",
        "Digitally skilled civil servants",
    ),
    (
        "SS09",
        "P3",
        "SS04,SS06",
        "Tumbuhnya budaya inovasi digital",
        "A growing culture of digital innovation",
    ),
    (
        "SS10",
        "P4",
        "SS05,SS06",
        "Biaya layanan digital yang efisien",
        "Efficient cost of digital services",
    ),
    ("SS11", "P4", "SS04", "Berkurangnya biaya administrasi", "Lower administrative costs"),
)


def demo_objectives(lang: str = "id") -> list[Objective]:
    return [
        Objective(
            id=oid,
            perspective_id=pid,
            name=_t(lang, name_id, name_en),
            supports=[s for s in sup.split(",") if s],
        )
        for oid, pid, sup, name_id, name_en in _OBJECTIVES
    ]


Q, S, Y = Frequency.QUARTERLY, Frequency.SEMESTER, Frequency.ANNUAL
# id, objective, library code, frequency, weight, baseline (2025), owner (id / en).
# Every demo IKU is an outcome of the library (an IKU at sasaran level measures a result, not a
# product); the Indeks SPBE is annual, the IKM and the literacy assessment are per semester.
_KPIS = (
    (
        "IKU01",
        "SS01",
        "PLG-01",
        S,
        2,
        80.1,
        "Bidang Layanan e-Government",
        "e-Government Services Division",
    ),
    (
        "IKU02",
        "SS02",
        "PLG-02",
        Q,
        1,
        42000,
        "Bidang Layanan e-Government",
        "e-Government Services Division",
    ),
    (
        "IKU03",
        "SS03",
        "PLG-06",
        Q,
        1,
        7.0,
        "Bidang Informasi dan Komunikasi Publik",
        "Public Information Division",
    ),
    (
        "IKU04",
        "SS04",
        "PRS-01",
        Q,
        2,
        5.0,
        "Bidang Layanan e-Government",
        "e-Government Services Division",
    ),
    (
        "IKU05",
        "SS05",
        "PRS-04",
        Q,
        1,
        99.0,
        "Bidang Infrastruktur TIK",
        "ICT Infrastructure Division",
    ),
    (
        "IKU06",
        "SS05",
        "PRS-06",
        Q,
        1,
        9,
        "Bidang Statistik dan Persandian",
        "Statistics and Cryptography Division",
    ),
    (
        "IKU07",
        "SS05",
        "PRS-09",
        Q,
        1,
        None,
        "Bidang Infrastruktur TIK",
        "ICT Infrastructure Division",
    ),
    ("IKU08", "SS06", "PRS-03", Y, 1, 2.9, "Kepala Dinas", "Head of Office"),
    ("IKU09", "SS07", "PRS-07", Q, 1, 60.0, "Sekretariat Dinas", "Office Secretariat"),
    ("IKU10", "SS08", "PBL-04", S, 1, 65.0, "Sekretariat Dinas", "Office Secretariat"),
    ("IKU11", "SS09", "PBL-02", Q, 1, 2, "Bidang Aplikasi Informatika", "Applications Division"),
    (
        "IKU12",
        "SS10",
        "KEU-03",
        Q,
        1,
        9500,
        "Bidang Layanan e-Government",
        "e-Government Services Division",
    ),
    ("IKU13", "SS11", "KEU-01", Q, 1, 0, "Sekretariat Dinas", "Office Secretariat"),
)
LIBRARY_CODES: dict[str, str] = {kid: code for kid, _, code, *_ in _KPIS}

# kpi id -> (period, target, target_upper, actual) rows of 2026 up to the report period;
# None actual = not reported yet.
_VALUES: dict[str, tuple[tuple[str, float, float | None, float | None], ...]] = {
    "IKU01": (("2026-S1", 82.0, None, 83.4),),
    "IKU02": (
        ("2026-Q1", 45000, None, 43800),
        ("2026-Q2", 50000, None, 47100),
        ("2026-Q3", 55000, None, 49500),
    ),
    "IKU03": (
        ("2026-Q1", 6.5, None, 6.8),
        ("2026-Q2", 6.0, None, 5.9),
        ("2026-Q3", 5.5, None, 5.3),
    ),
    "IKU04": (("2026-Q1", 3.0, 4.0, 4.5), ("2026-Q2", 3.0, 4.0, 4.1), ("2026-Q3", 3.0, 4.0, 4.6)),
    "IKU05": (
        ("2026-Q1", 99.5, None, 99.2),
        ("2026-Q2", 99.5, None, 98.1),
        ("2026-Q3", 99.5, None, 99.6),
    ),
    "IKU06": (("2026-Q1", 2, None, 2), ("2026-Q2", 2, None, 3), ("2026-Q3", 1, None, 2)),
    "IKU07": (("2026-Q1", 2.0, 4.0, 5.0), ("2026-Q2", 2.0, 4.0, 4.5), ("2026-Q3", 2.0, 4.0, 3.5)),
    "IKU08": (("2026", 3.2, None, None),),
    "IKU09": (("2026-Q1", 70, None, 66), ("2026-Q2", 75, None, 72), ("2026-Q3", 80, None, None)),
    "IKU10": (("2026-S1", 70.0, None, 72.5),),
    "IKU11": (("2026-Q1", 3, None, 2), ("2026-Q2", 5, None, 4), ("2026-Q3", 6, None, 5)),
    "IKU12": (
        ("2026-Q1", 9000, None, 9400),
        ("2026-Q2", 8500, None, 8600),
        ("2026-Q3", 8000, None, 7500),
    ),
    "IKU13": (
        ("2026-Q1", 150, None, 120),
        ("2026-Q2", 150, None, 160),
        ("2026-Q3", 150, None, 170),
    ),
}

# Notes: one on the report-period row of every KPI that misses its target (the cause and what is
# done about it), plus a few on earlier rows.
_NOTES: dict[tuple[str, str], tuple[str, str]] = {
    ("IKU02", "2026-Q3"): (
        "Aplikasi layanan kependudukan baru dirilis September; sosialisasi ke kecamatan "
        "diperluas pada TW IV",
        "The new civil registry app was released in September; outreach to sub-districts "
        "is widened in Q4",
    ),
    ("IKU04", "2026-Q3"): (
        "Antrean verifikasi izin bangunan naik; dua verifikator daring ditambah mulai Oktober",
        "Building permit checks queued up; two more online verifiers from October",
    ),
    ("IKU05", "2026-Q2"): (
        "Gangguan listrik pusat data pada Mei",
        "Data centre power outage in May",
    ),
    ("IKU05", "2026-Q3"): (
        "Tahun berjalan masih di bawah target karena gangguan Mei; TW III sudah 99,6 %",
        "The year to date is still below target after the May outage; Q3 alone reached 99.6 %",
    ),
    ("IKU06", "2026-Q2"): (
        "Dua situs kecamatan diretas dan tampilannya diubah",
        "Two sub-district websites were hacked and defaced",
    ),
    ("IKU06", "2026-Q3"): (
        "Dua akun ASN dibobol lewat surel palsu; pelatihan kesadaran keamanan dijadwalkan Oktober",
        "Two staff accounts taken over through fake e-mails; security awareness "
        "training scheduled for October",
    ),
    ("IKU07", "2026-Q3"): (
        "Gangguan kabel serat optik pada TW I-II; TW III sudah di dalam rentang SLA",
        "Fibre cable faults in Q1-Q2; Q3 is back inside the SLA band",
    ),
    ("IKU08", "2026"): (
        "Hasil evaluasi SPBE 2026 belum diumumkan",
        "The 2026 SPBE evaluation result is not out yet",
    ),
    ("IKU09", "2026-Q3"): (
        "Data e-office TW III belum diterima dari Sekretariat",
        "Q3 e-office data not yet received from the Secretariat",
    ),
    ("IKU11", "2026-Q3"): (
        "Hackathon daerah diundur ke November; dua inovasi menunggu uji coba",
        "The regional hackathon moved to November; two innovations await their pilot",
    ),
}

# SPEC 8 follow-up of the KPIs that need attention at the report period (W014 otherwise):
# (kpi, period) -> (action id, action en, owner id, owner en, due); the analysis is the note.
_FOLLOW_UPS: dict[tuple[str, str], tuple[str, str, str, str, dt.date]] = {
    ("IKU02", "2026-Q3"): (
        "Sosialisasi aplikasi di 12 kecamatan",
        "Promote the app in the 12 sub-districts",
        "Bidang Layanan e-Government",
        "e-Government Services Division",
        dt.date(2026, 11, 30),
    ),
    ("IKU04", "2026-Q3"): (
        "Tambah dua verifikator daring",
        "Add two online verifiers",
        "DPMPTSP",
        "One-stop licensing office",
        dt.date(2026, 10, 31),
    ),
    ("IKU05", "2026-Q3"): (
        "Pasang UPS cadangan di pusat data",
        "Install a backup UPS in the data centre",
        "Bidang Infrastruktur TIK",
        "ICT Infrastructure Division",
        dt.date(2026, 12, 15),
    ),
    ("IKU06", "2026-Q3"): (
        "Pelatihan kesadaran keamanan untuk semua ASN",
        "Security awareness training for all staff",
        "Bidang Persandian dan Keamanan Informasi",
        "Information Security Division",
        dt.date(2026, 10, 31),
    ),
    ("IKU07", "2026-Q3"): (
        "Jalur serat optik cadangan ke kantor kecamatan",
        "A backup fibre route to the sub-district offices",
        "Bidang Infrastruktur TIK",
        "ICT Infrastructure Division",
        dt.date(2026, 12, 31),
    ),
    ("IKU11", "2026-Q3"): (
        "Uji coba dua inovasi setelah hackathon",
        "Pilot the two innovations after the hackathon",
        "Bidang Aplikasi Informatika",
        "Applications Division",
        dt.date(2026, 12, 31),
    ),
}


def _follow_up(lang: str, kid: str, period: str) -> dict[str, Any]:
    """The Measurement fields of a row's SPEC 8 follow-up (none for most rows)."""
    found = _FOLLOW_UPS.get((kid, period))
    if found is None:
        return {}
    action_id, action_en, owner_id, owner_en, due = found
    return {
        "analysis": _t(lang, *_NOTES[(kid, period)]),
        "action": _t(lang, action_id, action_en),
        "action_owner": _t(lang, owner_id, owner_en),
        "action_due": due,
    }


def demo_kpis(lang: str = "id") -> list[Kpi]:
    kpis = []
    for kid, oid, code, frequency, weight, baseline, owner_id, owner_en in _KPIS:
        lib = BY_CODE[code]
        kpis.append(
            Kpi(
                id=kid,
                objective_id=oid,
                name=lib.name(lang),
                definition=lib.definition(lang),
                unit=lib.unit(lang),
                polarity=lib.polarity,
                weight=float(weight),
                baseline=None if baseline is None else float(baseline),
                frequency=frequency,
                aggregation=lib.aggregation,
                data_source=lib.data_source(lang),
                method=_t(
                    lang, f"Sesuai definisi pustaka {code}", f"As defined in library entry {code}"
                ),
                owner=_t(lang, owner_id, owner_en),
            )
        )
    return kpis


def demo_measurements(lang: str = "id") -> list[Measurement]:
    """The measurement rows in table order (KPI by KPI, periods in order), with notes."""
    rows = []
    for kid, *_ in _KPIS:
        for period, target, upper, actual in _VALUES[kid]:
            note = _NOTES.get((kid, period), ("", ""))
            rows.append(
                Measurement(
                    kpi_id=kid,
                    period=_period(period),
                    target=target,
                    target_upper=upper,
                    actual=actual,
                    note=_t(lang, *note) if note[0] else "",
                    evidence=""
                    if actual is None
                    else f"https://data.sukamajukab.go.id/bsc/{kid}-{period}",
                    **_follow_up(lang, kid, period),
                )
            )
    return rows


def demo_initiatives(lang: str = "id") -> list[Initiative]:
    t = lambda a, b: _t(lang, a, b)  # noqa: E731
    d = dt.date
    return [
        Initiative(
            id="INS01",
            name=t("Pengembangan Mal Pelayanan Publik Digital", "Digital public service mall"),
            objective_ids=["SS02"],
            kpi_ids=["IKU02"],
            owner=t("Bidang Layanan e-Government", "e-Government Services Division"),
            start=d(2026, 2, 1),
            end=d(2026, 11, 30),
            budget=850_000_000,
            spent=560_000_000,
            progress=0.78,
            status=t("Berjalan", "In progress"),
        ),
        Initiative(
            id="INS02",
            name=t(
                "Integrasi aplikasi melalui SPLP", "Application integration through the SPLP bus"
            ),
            objective_ids=["SS06"],
            kpi_ids=["IKU08"],
            owner=t("Bidang Aplikasi Informatika", "Applications Division"),
            start=d(2026, 1, 15),
            end=d(2026, 12, 15),
            budget=600_000_000,
            spent=310_000_000,
            progress=0.35,
            status=t("Berjalan", "In progress"),
            note=t(
                "Penyedia terlambat menyerahkan modul API", "Vendor late delivering the API module"
            ),
        ),
        Initiative(
            id="INS03",
            name=t("Pelatihan Digital Talent ASN", "Digital talent training for civil servants"),
            objective_ids=["SS08"],
            kpi_ids=["IKU10"],
            owner=t("Sekretariat Dinas", "Office Secretariat"),
            start=d(2026, 3, 1),
            end=d(2026, 10, 31),
            budget=250_000_000,
            spent=212_500_000,
            progress=0.85,
            status=t("Berjalan", "In progress"),
        ),
        Initiative(
            id="INS04",
            name=t(
                "Penerapan TTE dan e-office di seluruh OPD",
                "E-signature and e-office in every unit",
            ),
            objective_ids=["SS07"],
            kpi_ids=["IKU09"],
            owner=t("Bidang Statistik dan Persandian", "Statistics and Cryptography Division"),
            start=d(2026, 1, 1),
            end=d(2026, 9, 30),
            budget=400_000_000,
            spent=385_000_000,
            progress=1.0,
            status=t("Selesai", "Done"),
        ),
        Initiative(
            id="INS05",
            name=t("Penguatan CSIRT dan keamanan pusat data", "CSIRT and data centre security"),
            objective_ids=["SS05"],
            kpi_ids=["IKU05", "IKU06", "IKU07"],
            owner=t("Bidang Infrastruktur TIK", "ICT Infrastructure Division"),
            start=d(2026, 4, 1),
            end=d(2026, 12, 31),
            budget=700_000_000,
            spent=240_000_000,
            progress=0.62,
            status=t("Berjalan", "In progress"),
        ),
        Initiative(
            id="INS06",
            name=t(
                "Hackathon dan inkubasi inovasi daerah",
                "Regional hackathon and innovation incubator",
            ),
            objective_ids=["SS09"],
            kpi_ids=["IKU11"],
            owner=t("Bidang Aplikasi Informatika", "Applications Division"),
            start=d(2026, 6, 1),
            end=d(2026, 12, 31),
            budget=150_000_000,
            spent=45_000_000,
            progress=0.50,
            status=t("Berjalan", "In progress"),
        ),
    ]


def demo_revisions(lang: str = "id") -> list[Revision]:
    return [
        Revision(
            date=dt.date(2026, 7, 15),
            kpi_id="IKU11",
            field=_t(lang, "Target", "Target"),
            old_value="8",
            new_value="6",
            reason=_t(
                lang,
                "Target TW III disesuaikan: hackathon daerah diundur ke November",
                "Q3 target adjusted: the regional hackathon moved to November",
            ),
        )
    ]


def demo_scorecard(lang: str = "id") -> Scorecard:
    """The demo agency as a Scorecard (measurements as the calc frame)."""
    return Scorecard(
        profile=demo_profile(lang),
        settings=Settings(language=Language(lang)),
        perspectives=demo_perspectives(lang),
        objectives=demo_objectives(lang),
        kpis=demo_kpis(lang),
        measurements=measurements_frame(demo_measurements(lang)),
        follow_ups=follow_up_frame(demo_measurements(lang)),
        initiatives=demo_initiatives(lang),
        revisions=demo_revisions(lang),
    )
