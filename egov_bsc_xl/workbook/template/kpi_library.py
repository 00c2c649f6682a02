"""The built-in e-Government (SPBE) KPI library: bilingual reference data for tblKpiLibrary."""

from __future__ import annotations

from dataclasses import dataclass

from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.model.enums import Aggregation, Frequency, Polarity

# Perspective keys of the library and their words (Indonesian, English).
PERSPECTIVE_WORDS: dict[str, tuple[str, str]] = {
    "customer": ("Pelanggan", "Customer"),
    "process": ("Proses Bisnis", "Internal process"),
    "learning": ("Pembelajaran dan Pertumbuhan", "Learning and growth"),
    "financial": ("Keuangan", "Financial"),
}


# kpi_type keys and their word (SAKIP uses the same words in Indonesian and English).
OUTCOME, OUTPUT = "outcome", "output"
KPI_TYPE_WORDS: dict[str, str] = {OUTCOME: "Outcome", OUTPUT: "Output"}


@dataclass(frozen=True)
class LibraryKpi:
    """One catalogue entry; `method_step` is the step of the 10-step method it serves (1..10)."""

    code: str
    perspective: str  # key of PERSPECTIVE_WORDS
    name_id: str
    name_en: str
    definition_id: str
    definition_en: str
    unit_id: str
    unit_en: str
    polarity: Polarity
    frequency: Frequency
    aggregation: Aggregation
    source_id: str
    source_en: str
    method_step: int = 3
    core: bool = False  # one of the eight KPIs named by the method
    kpi_type: str = (
        ""  # "outcome" (a result for citizens or the organisation) or "output" (a product)
    )

    def name(self, lang: str) -> str:
        return pick(lang, self.name_id, self.name_en)

    def definition(self, lang: str) -> str:
        return pick(lang, self.definition_id, self.definition_en)

    def unit(self, lang: str) -> str:
        return pick(lang, self.unit_id, self.unit_en)

    def data_source(self, lang: str) -> str:
        return pick(lang, self.source_id, self.source_en)

    def kpi_type_word(self) -> str:
        """The SPEC 8 word of kpi_type, the same in both languages: Outcome or Output."""
        return KPI_TYPE_WORDS[self.kpi_type]

    def perspective_word(self, lang: str) -> str:
        id_word, en_word = PERSPECTIVE_WORDS[self.perspective]
        return pick(lang, id_word, en_word)


MAX, MIN, STAB, BIN = Polarity.MAXIMIZE, Polarity.MINIMIZE, Polarity.STABILIZE, Polarity.BINARY
Q, S, Y, M = Frequency.QUARTERLY, Frequency.SEMESTER, Frequency.ANNUAL, Frequency.MONTHLY
LAST, AVG, SUM = Aggregation.LAST, Aggregation.AVERAGE, Aggregation.SUM
L = LibraryKpi

LIBRARY: tuple[LibraryKpi, ...] = (
    # --- the eight KPIs of the method (step 3) ---
    L(
        "PLG-01",
        "customer",
        "Indeks Kepuasan Masyarakat (IKM) atas layanan digital",
        "Public satisfaction index (IKM) of digital services",
        "Nilai IKM dari Survei Kepuasan Masyarakat (SKM) atas layanan digital, dihitung menurut "
        "PermenPANRB 14/2017: indeks konversi 25-100; mutu pelayanan A (Sangat Baik) 88,31-100, "
        "B (Baik) 76,61-88,30, C (Kurang Baik) 65,00-76,60, D (Tidak Baik) 25,00-64,99.",
        "IKM score of the public satisfaction survey (SKM) on digital services, computed as "
        "PermenPANRB 14/2017 sets out: converted index 25-100; service quality A (very good) "
        "88.31-100, B (good) 76.61-88.30, C (not good) 65.00-76.60, D (poor) 25.00-64.99.",
        "indeks (25-100)",
        "index (25-100)",
        MAX,
        S,
        AVG,
        "Survei Kepuasan Masyarakat (SKM)",
        "Public satisfaction survey (SKM)",
        3,
        True,
        OUTCOME,
    ),
    L(
        "PLG-02",
        "customer",
        "Jumlah pengguna aktif layanan digital",
        "Active users of digital services",
        "Jumlah akun unik yang memakai layanan digital minimal sekali dalam periode.",
        "Number of unique accounts that used a digital service at least once in the period.",
        "pengguna",
        "users",
        MAX,
        Q,
        LAST,
        "Log aplikasi / Google Analytics",
        "Application logs / web analytics",
        3,
        True,
        OUTCOME,
    ),
    L(
        "PLG-03",
        "customer",
        "Frekuensi penggunaan layanan per pengguna",
        "Frequency of use per user",
        "Rata-rata jumlah transaksi per pengguna aktif dalam periode.",
        "Average number of transactions per active user in the period.",
        "transaksi/pengguna",
        "transactions/user",
        MAX,
        Q,
        AVG,
        "Log transaksi aplikasi",
        "Application transaction logs",
        3,
        True,
        OUTCOME,
    ),
    L(
        "PRS-01",
        "process",
        "Waktu rata-rata penyelesaian proses administrasi",
        "Average time to complete an administrative process",
        "Rata-rata hari kerja dari permohonan diterima sampai layanan selesai secara elektronik.",
        "Average working days from an application received to the service completed electronically.",
        "hari",
        "days",
        MIN,
        Q,
        AVG,
        "Sistem pelayanan / aplikasi perizinan",
        "Service and licensing systems",
        3,
        True,
        OUTCOME,
    ),
    L(
        "PRS-02",
        "process",
        "Tingkat otomatisasi proses pemerintahan",
        "Level of process automation",
        "Persentase proses bisnis dalam peta proses yang sudah berjalan melalui aplikasi.",
        "Share of business processes in the process map that run through an application.",
        "%",
        "%",
        MAX,
        S,
        LAST,
        "Peta proses bisnis dan arsitektur SPBE",
        "Business process map and SPBE architecture",
        3,
        True,
        OUTCOME,
    ),
    L(
        "PBL-01",
        "learning",
        "Persentase ASN yang mengikuti pelatihan TIK/SPBE",
        "Staff trained in ICT/SPBE",
        "Persentase ASN yang mengikuti pelatihan TIK/SPBE minimal 20 jam pelajaran dalam tahun berjalan.",
        "Share of civil servants with at least 20 hours of ICT/SPBE training in the year.",
        "%",
        "%",
        MAX,
        Q,
        LAST,
        "Data kepegawaian (BKPSDM) dan sertifikat pelatihan",
        "HR records and training certificates",
        10,
        True,
        OUTPUT,
    ),
    L(
        "PBL-02",
        "learning",
        "Jumlah inovasi digital yang diterapkan",
        "Digital innovations put into use",
        "Jumlah inovasi digital yang diterapkan dan dipakai unit kerja dalam tahun berjalan (kumulatif).",
        "Number of digital innovations put into use by work units in the year (cumulative).",
        "inovasi",
        "innovations",
        MAX,
        Q,
        LAST,
        "Database inovasi daerah",
        "Regional innovation database",
        10,
        True,
        OUTCOME,
    ),
    L(
        "KEU-01",
        "financial",
        "Penghematan biaya administrasi melalui SPBE",
        "Administrative cost savings from e-Government",
        "Biaya kertas, cetak, perjalanan dan rapat yang dihemat dibandingkan tahun dasar.",
        "Paper, printing, travel and meeting costs saved against the baseline year.",
        "juta Rp",
        "million Rp",
        MAX,
        Q,
        SUM,
        "Laporan keuangan / SIPD",
        "Financial reports (SIPD)",
        3,
        True,
        OUTCOME,
    ),
    L(
        "KEU-03",
        "financial",
        "Biaya per transaksi layanan digital",
        "Cost per digital service transaction",
        "Biaya operasional layanan digital dibagi jumlah transaksi dalam periode; makin rendah makin "
        "efisien anggaran SPBE dipakai.",
        "Operating cost of digital services divided by the number of transactions in the period; "
        "the lower, the more efficiently the e-Government budget is used.",
        "Rp",
        "Rp",
        MIN,
        Q,
        AVG,
        "Laporan keuangan dan log transaksi",
        "Financial reports and transaction logs",
        3,
        True,
        OUTCOME,
    ),
    # --- further KPIs an SPBE office measures ---
    L(
        "KEU-02",
        "financial",
        "Persentase serapan anggaran SPBE",
        "SPBE budget absorption",
        "Realisasi belanja TIK/SPBE dibagi pagu anggaran; terbaik di dalam rentang rencana "
        "penarikan dana periode itu (mengukur serapan, bukan efisiensi).",
        "ICT/SPBE spending divided by the budget ceiling; best inside the planned disbursement band "
        "of the period (it measures absorption, not efficiency).",
        "%",
        "%",
        STAB,
        Q,
        LAST,
        "SIPD / laporan realisasi anggaran",
        "SIPD / budget realisation report",
        5,
        False,
        OUTPUT,
    ),
    L(
        "PRS-03",
        "process",
        "Indeks SPBE",
        "SPBE index",
        "Indeks SPBE hasil evaluasi SPBE oleh Kementerian PANRB menurut PermenPANRB 59/2020, skala "
        "1-5; predikat Kurang (< 1,8), Cukup (1,8 - < 2,6), Baik (2,6 - < 3,5), Sangat Baik "
        "(3,5 - < 4,2), Memuaskan (>= 4,2).",
        "SPBE index from the SPBE evaluation by the Ministry of Administrative Reform under "
        "PermenPANRB 59/2020, scale 1-5; rating Kurang (< 1.8), Cukup (1.8 - < 2.6), Baik "
        "(2.6 - < 3.5), Sangat Baik (3.5 - < 4.2), Memuaskan (>= 4.2).",
        "indeks (1-5)",
        "index (1-5)",
        MAX,
        Y,
        LAST,
        "Hasil evaluasi SPBE Kementerian PANRB",
        "SPBE evaluation results (Ministry of Administrative Reform)",
        7,
        False,
        OUTCOME,
    ),
    L(
        "PLG-04",
        "customer",
        "Persentase layanan publik yang tersedia daring",
        "Share of public services available online",
        "Layanan yang dapat diajukan dan diselesaikan daring dibagi seluruh layanan dalam katalog.",
        "Services that can be requested and completed online divided by all catalogued services.",
        "%",
        "%",
        MAX,
        Q,
        LAST,
        "Katalog layanan / Mal Pelayanan Publik Digital",
        "Service catalogue / digital public service mall",
        3,
        False,
        OUTPUT,
    ),
    L(
        "PRS-04",
        "process",
        "Ketersediaan sistem layanan utama",
        "System availability of core services",
        "Persentase waktu layanan utama dapat diakses dalam periode.",
        "Share of time the core services were reachable in the period (uptime).",
        "%",
        "%",
        MAX,
        M,
        AVG,
        "Sistem pemantauan server",
        "Server monitoring",
        6,
        False,
        OUTCOME,
    ),
    L(
        "PRS-05",
        "process",
        "Jumlah aplikasi yang terintegrasi",
        "Integrated applications",
        "Aplikasi yang bertukar data melalui sistem penghubung layanan (API/SPLP).",
        "Applications that exchange data through the service bus (API/SPLP).",
        "aplikasi",
        "applications",
        MAX,
        Q,
        LAST,
        "Inventaris aplikasi / SPLP",
        "Application inventory / integration platform",
        3,
        False,
        OUTPUT,
    ),
    L(
        "PRS-06",
        "process",
        "Jumlah insiden keamanan informasi",
        "Information security incidents",
        "Insiden keamanan siber yang terkonfirmasi dalam periode (CSIRT).",
        "Confirmed cyber security incidents in the period (CSIRT).",
        "insiden",
        "incidents",
        MIN,
        Q,
        SUM,
        "Laporan CSIRT daerah",
        "Regional CSIRT reports",
        6,
        False,
        OUTCOME,
    ),
    L(
        "PLG-05",
        "customer",
        "Jumlah dataset terbuka yang dipublikasikan",
        "Open data sets published",
        "Dataset yang terbit di portal Satu Data dengan metadata lengkap.",
        "Data sets published on the One Data portal with complete metadata.",
        "dataset",
        "data sets",
        MAX,
        Q,
        LAST,
        "Portal Satu Data",
        "One Data portal",
        9,
        False,
        OUTPUT,
    ),
    L(
        "PLG-06",
        "customer",
        "Waktu rata-rata penyelesaian pengaduan",
        "Complaint resolution time",
        "Rata-rata hari dari pengaduan masuk (SP4N-LAPOR!) sampai ditindaklanjuti tuntas.",
        "Average days from a complaint received (SP4N-LAPOR!) to its resolution.",
        "hari",
        "days",
        MIN,
        Q,
        AVG,
        "SP4N-LAPOR!",
        "SP4N-LAPOR! complaints system",
        9,
        False,
        OUTCOME,
    ),
    L(
        "PRS-07",
        "process",
        "Persentase naskah dinas elektronik",
        "Share of official letters handled electronically",
        "Naskah dinas yang dibuat, ditandatangani dan didistribusikan melalui aplikasi e-office.",
        "Official letters drafted, signed and distributed in the e-office system.",
        "%",
        "%",
        MAX,
        Q,
        LAST,
        "Aplikasi e-office / TTE",
        "E-office / e-signature system",
        3,
        False,
        OUTCOME,
    ),
    L(
        "PRS-08",
        "process",
        "Penggunaan tanda tangan elektronik tersertifikasi",
        "Certified electronic signature in use",
        "Apakah seluruh perangkat daerah sudah memakai TTE tersertifikasi BSrE.",
        "Whether every agency unit uses certified e-signatures (BSrE).",
        "ya/tidak",
        "yes/no",
        BIN,
        Y,
        LAST,
        "BSrE / aplikasi TTE",
        "BSrE / e-signature platform",
        3,
        False,
        OUTPUT,
    ),
    L(
        "PRS-09",
        "process",
        "Waktu pemulihan layanan setelah gangguan",
        "Service recovery time after an outage",
        "Rata-rata jam sampai layanan pulih setelah gangguan, dibandingkan rentang SLA (Target = "
        "batas bawah, Target Atas = batas atas SLA).",
        "Average hours until a service is restored after an outage, against the SLA band (Target = "
        "lower bound, Upper target = the SLA limit).",
        "jam",
        "hours",
        STAB,
        Q,
        AVG,
        "Tiket gangguan layanan bantuan TIK",
        "ICT help desk tickets",
        6,
        False,
        OUTCOME,
    ),
    L(
        "PBL-03",
        "learning",
        "Jumlah ASN bersertifikat kompetensi TIK",
        "Civil servants with ICT certification",
        "ASN yang memegang sertifikat kompetensi TIK yang masih berlaku.",
        "Civil servants holding a valid ICT competency certificate.",
        "orang",
        "people",
        MAX,
        S,
        LAST,
        "Data kepegawaian (BKPSDM)",
        "HR records",
        10,
        False,
        OUTPUT,
    ),
    L(
        "PBL-04",
        "learning",
        "Indeks literasi digital ASN",
        "Digital literacy index of staff",
        "Skor rata-rata asesmen literasi digital ASN, skala 0-100.",
        "Average score of the staff digital literacy assessment, scale 0-100.",
        "indeks",
        "index",
        MAX,
        S,
        LAST,
        "Asesmen literasi digital",
        "Digital literacy assessment",
        10,
        False,
        OUTCOME,
    ),
    L(
        "PBL-05",
        "learning",
        "Dokumen arsitektur dan peta rencana SPBE ditetapkan",
        "SPBE architecture and roadmap adopted",
        "Apakah arsitektur SPBE dan peta rencana SPBE daerah sudah ditetapkan dengan peraturan kepala daerah.",
        "Whether the regional SPBE architecture and roadmap are adopted by a regulation of the head of region.",
        "ya/tidak",
        "yes/no",
        BIN,
        Y,
        LAST,
        "Peraturan kepala daerah",
        "Head of region regulation",
        1,
        False,
        OUTPUT,
    ),
    L(
        "KEU-04",
        "financial",
        "Persentase belanja TIK melalui katalog elektronik",
        "Share of ICT spending through the e-catalogue",
        "Belanja TIK yang diadakan melalui e-katalog dibagi seluruh belanja TIK.",
        "ICT spending procured through the e-catalogue divided by all ICT spending.",
        "%",
        "%",
        MAX,
        S,
        LAST,
        "LPSE / e-katalog",
        "e-Procurement / e-catalogue",
        5,
        False,
        OUTPUT,
    ),
)

# The eight KPIs the method names (step 3) -> the library entries that measure them.
METHOD_KPIS: dict[str, tuple[str, ...]] = {
    "user satisfaction": ("PLG-01",),
    "active users and frequency of use": ("PLG-02", "PLG-03"),
    "average time to complete an administrative process": ("PRS-01",),
    "level of process automation": ("PRS-02",),
    "staff training and development": ("PBL-01",),
    "adoption of new technology and innovation": ("PBL-02",),
    "administrative cost savings": ("KEU-01",),
    "efficient use of the e-Government budget": ("KEU-03",),
}
CORE_CODES: tuple[str, ...] = tuple(k.code for k in LIBRARY if k.core)
BY_CODE: dict[str, LibraryKpi] = {k.code: k for k in LIBRARY}


def library_rows(lang: str) -> list[dict[str, object]]:
    """tblKpiLibrary rows keyed by column key; polarity/frequency/aggregation in `lang` words."""
    return [
        {
            "code": k.code,
            "perspective": k.perspective_word(lang),
            "name_id": k.name_id,
            "name_en": k.name_en,
            "definition_id": k.definition_id,
            "definition_en": k.definition_en,
            "unit": k.unit(lang),
            "polarity": k.polarity.word(lang),
            "frequency": k.frequency.word(lang),
            "aggregation": k.aggregation.word(lang),
            "data_source": k.data_source(lang),
            "method_step": k.method_step,
            "kpi_type": k.kpi_type_word(),
        }
        for k in LIBRARY
    ]
