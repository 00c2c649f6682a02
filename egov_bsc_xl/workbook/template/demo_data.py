"""The demo agency: a kabupaten's Diskominfo scorecard for 2026, in Indonesian or English."""

from __future__ import annotations

import datetime as dt

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
PLAN_START, PLAN_END = 2025, 2029  # the Renstra 2025-2029
HISTORY_YEARS = (2024, 2025)  # rows typed in from the LKjIPs of earlier years
FEEDBACK_CHANNEL = "SP4N-LAPOR! (lapor.go.id)"


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
        plan_start=PLAN_START,
        plan_end=PLAN_END,
        head_name="Ir. Bambang Setiawan, M.T.",
        head_title=t(
            "Kepala Dinas Komunikasi dan Informatika",
            "Head of the Communication and Informatics Office",
        ),
        feedback_channel=FEEDBACK_CHANNEL,
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
        5.2,
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
    ("IKU13", "SS11", "KEU-01", Q, 1, 280, "Sekretariat Dinas", "Office Secretariat"),
)
LIBRARY_CODES: dict[str, str] = {kid: code for kid, _, code, *_ in _KPIS}

# kpi id -> (annual target of the 2026 Perjanjian Kinerja, Renstra end target for 2029, national
# target). The annual target is the year's figure by the KPI's aggregation: the year's total for
# a sum (IKU06: at most 5 incidents, IKU13: Rp 600 million), the year-end figure for a last, the
# year's mean for an average; it is never less ambitious than the 2026 rows (W015). IKU07 is a
# range (2-4 hours): its PK target is the upper end, "at most 4 hours".
# National target: only the Indeks SPBE has one a kabupaten can cite: the RPJMN 2020-2024
# (Perpres 18/2020) set the national SPBE index at 2.6 for 2024, the latest national figure the
# demo's author could confirm; a real 2026 LKjIP takes the figure of the RPJMN 2025-2029. The
# other demo KPIs have no national target and leave the column empty.
_TARGETS: dict[str, tuple[float, float, float | None]] = {
    "IKU01": (83.0, 88.0, None),
    "IKU02": (60000, 90000, None),
    "IKU03": (5.5, 3.0, None),
    "IKU04": (3.0, 2.0, None),
    "IKU05": (99.5, 99.9, None),
    "IKU06": (5, 2, None),
    "IKU07": (4.0, 3.0, None),
    "IKU08": (3.2, 3.8, 2.6),
    "IKU09": (85, 100, None),
    "IKU10": (75.0, 85.0, None),
    "IKU11": (8, 12, None),
    "IKU12": (8000, 6000, None),
    "IKU13": (600, 800, None),
}
# Not shown in the public deck: security incidents are reported inside government only.
NOT_PUBLIC = frozenset({"IKU06"})

# History: (period, target, target_upper, actual) rows of 2024 and 2025, typed in from the
# earlier LKjIPs. Every KPI has its annual rows; IKU01, IKU02, IKU03, IKU06 and IKU13 have 2025
# in their own frequency, so last year's figure at TW III 2026 is last year's TW III. The 2025
# figure is the KPI's baseline.
_HISTORY: dict[str, tuple[tuple[str, float, float | None, float], ...]] = {
    "IKU01": (
        ("2024", 78.0, None, 78.6),
        ("2025-S1", 79.0, None, 79.2),
        ("2025-S2", 81.0, None, 81.0),
    ),
    "IKU02": (
        ("2024", 30000, None, 31500),
        ("2025-Q1", 33000, None, 34000),
        ("2025-Q2", 36000, None, 37200),
        ("2025-Q3", 39000, None, 40100),
        ("2025-Q4", 42000, None, 42000),
    ),
    "IKU03": (
        ("2024", 9.0, None, 8.6),
        ("2025-Q1", 8.0, None, 7.8),
        ("2025-Q2", 7.5, None, 7.2),
        ("2025-Q3", 7.0, None, 6.6),
        ("2025-Q4", 6.5, None, 6.4),
    ),
    "IKU04": (("2024", 7.0, None, 6.5), ("2025", 5.5, None, 5.0)),
    "IKU05": (("2024", 98.5, None, 98.7), ("2025", 99.0, None, 99.0)),
    "IKU06": (
        ("2024", 12, None, 11),
        ("2025-Q1", 3, None, 3),
        ("2025-Q2", 3, None, 2),
        ("2025-Q3", 2, None, 3),
        ("2025-Q4", 2, None, 1),
    ),
    "IKU07": (("2024", 2.0, 6.0, 6.5), ("2025", 2.0, 5.0, 5.2)),
    "IKU08": (("2024", 2.6, None, 2.71), ("2025", 2.8, None, 2.9)),
    "IKU09": (("2024", 40, None, 42), ("2025", 60, None, 60)),
    "IKU10": (("2024", 58.0, None, 60.5), ("2025", 65.0, None, 65.0)),
    "IKU11": (("2024", 2, None, 1), ("2025", 3, None, 2)),
    "IKU12": (("2024", 11000, None, 10800), ("2025", 10000, None, 9500)),
    "IKU13": (
        ("2024", 100, None, 85),
        ("2025-Q1", 50, None, 40),
        ("2025-Q2", 60, None, 70),
        ("2025-Q3", 70, None, 80),
        ("2025-Q4", 120, None, 90),
    ),
}

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

# The LKjIP's analysis and follow-up on the report-period row of every KPI that needs attention:
# kpi id -> ((analysis id, en), (action id, en), (action owner id, en), due date).
_FOLLOW_UP: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str], dt.date]] = {
    "IKU02": (
        (
            "Aplikasi layanan kependudukan baru dirilis September sehingga pengguna baru belum "
            "bertambah penuh; sosialisasi baru menjangkau 8 dari 15 kecamatan",
            "The new civil registry app came out in September, so new users have not fully "
            "arrived; outreach has reached 8 of 15 sub-districts",
        ),
        (
            "Sosialisasi di 7 kecamatan tersisa dan pendampingan pendaftaran di Mal Pelayanan Publik",
            "Outreach in the 7 remaining sub-districts and assisted sign-up at the public "
            "service mall",
        ),
        ("Bidang Layanan e-Government", "e-Government Services Division"),
        dt.date(2026, 11, 30),
    ),
    "IKU04": (
        (
            "Permohonan izin bangunan naik 40 % setelah perizinan daring dibuka, sementara "
            "verifikator tetap dua orang",
            "Building permit applications rose 40 % after online licensing opened, with still "
            "two verifiers",
        ),
        (
            "Menambah dua verifikator daring dan menerapkan pemeriksaan berkas otomatis",
            "Add two online verifiers and automatic document checks",
        ),
        ("Bidang Layanan e-Government", "e-Government Services Division"),
        dt.date(2026, 10, 31),
    ),
    "IKU05": (
        (
            "Gangguan listrik pusat data pada Mei menurunkan ketersediaan TW II; UPS lama tidak "
            "mampu menahan beban",
            "A data centre power outage in May lowered Q2 availability; the old UPS could not "
            "carry the load",
        ),
        (
            "Mengganti UPS dan menguji genset setiap bulan",
            "Replace the UPS and test the generator every month",
        ),
        ("Bidang Infrastruktur TIK", "ICT Infrastructure Division"),
        dt.date(2026, 12, 15),
    ),
    "IKU06": (
        (
            "Dua akun ASN dibobol melalui surel palsu dan dua situs kecamatan diretas karena "
            "perangkat lunak situsnya belum diperbarui",
            "Two staff accounts were taken over through fake e-mails and two sub-district "
            "websites were hacked because their site software was out of date",
        ),
        (
            "Pelatihan kesadaran keamanan bagi seluruh ASN dan pemindaian kerentanan situs "
            "setiap bulan oleh CSIRT",
            "Security awareness training for all staff and a monthly vulnerability scan of the "
            "websites by the CSIRT",
        ),
        ("Bidang Statistik dan Persandian", "Statistics and Cryptography Division"),
        dt.date(2026, 10, 31),
    ),
    "IKU07": (
        (
            "Gangguan kabel serat optik pada TW I dan II membuat waktu pemulihan melewati batas "
            "atas SLA; TW III sudah kembali di dalam rentang",
            "Fibre cable faults in Q1 and Q2 pushed recovery times above the SLA's upper bound; "
            "Q3 is back in range",
        ),
        (
            "Menyiapkan jalur cadangan radio dan kontrak pemeliharaan serat optik dengan waktu "
            "tanggap 2 jam",
            "Set up a radio backup link and a fibre maintenance contract with a 2-hour response",
        ),
        ("Bidang Infrastruktur TIK", "ICT Infrastructure Division"),
        dt.date(2026, 12, 31),
    ),
    "IKU11": (
        (
            "Hackathon daerah diundur ke November; dua inovasi masih menunggu uji coba",
            "The regional hackathon moved to November; two innovations still await their pilot",
        ),
        (
            "Uji coba dua inovasi pada Oktober dan hackathon daerah pada November",
            "Pilot the two innovations in October and hold the regional hackathon in November",
        ),
        ("Bidang Aplikasi Informatika", "Applications Division"),
        dt.date(2026, 11, 30),
    ),
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
                kpi_type=lib.kpi_type,
                annual_target=float(_TARGETS[kid][0]),
                plan_target=float(_TARGETS[kid][1]),
                national_target=_TARGETS[kid][2],
                public=kid not in NOT_PUBLIC,
            )
        )
    return kpis


def demo_measurements(lang: str = "id") -> list[Measurement]:
    """The measurement rows in table order: the report year KPI by KPI (periods in order, notes,
    the follow-up of the KPIs that need attention), then the history of earlier years, year by
    year, appended below as a planner types it in from the earlier LKjIPs."""
    rows = []
    for kid, *_ in _KPIS:
        for period, target, upper, actual in _VALUES[kid]:
            note = _NOTES.get((kid, period), ("", ""))
            follow_up = _FOLLOW_UP.get(kid) if period == REPORT_PERIOD else None
            analysis, action, action_owner = (
                (_t(lang, *text) for text in follow_up[:3]) if follow_up else ("", "", "")
            )
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
                    analysis=analysis,
                    action=action,
                    action_owner=action_owner,
                    action_due=follow_up[3] if follow_up else None,
                )
            )
    for year in HISTORY_YEARS:
        for kid, *_ in _KPIS:
            for period, target, upper, actual in _HISTORY[kid]:
                if period.startswith(str(year)):
                    rows.append(
                        Measurement(
                            kpi_id=kid,
                            period=_period(period),
                            target=target,
                            target_upper=upper,
                            actual=actual,
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
