"""The built-in e-Government (SPBE) KPI library: bilingual reference data for tblKpiLibrary."""

from __future__ import annotations

from dataclasses import dataclass

from egov_bsc_xl.model.enums import Aggregation, Frequency, Polarity

# Perspective keys of the library and their words (Indonesian, English).
PERSPECTIVE_WORDS: dict[str, tuple[str, str]] = {
    "customer": ("Pelanggan", "Customer"),
    "process": ("Proses Bisnis", "Internal process"),
    "learning": ("Pembelajaran dan Pertumbuhan", "Learning and growth"),
    "financial": ("Keuangan", "Financial"),
}


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

    def name(self, lang: str) -> str:
        return self.name_id if lang == "id" else self.name_en

    def definition(self, lang: str) -> str:
        return self.definition_id if lang == "id" else self.definition_en

    def unit(self, lang: str) -> str:
        return self.unit_id if lang == "id" else self.unit_en

    def data_source(self, lang: str) -> str:
        return self.source_id if lang == "id" else self.source_en

    def perspective_word(self, lang: str) -> str:
        id_word, en_word = PERSPECTIVE_WORDS[self.perspective]
        return id_word if lang == "id" else en_word


MAX, MIN, STAB, BIN = Polarity.MAXIMIZE, Polarity.MINIMIZE, Polarity.STABILIZE, Polarity.BINARY
Q, S, Y, M = Frequency.QUARTERLY, Frequency.SEMESTER, Frequency.ANNUAL, Frequency.MONTHLY
LAST, AVG, SUM = Aggregation.LAST, Aggregation.AVERAGE, Aggregation.SUM
L = LibraryKpi

LIBRARY: tuple[LibraryKpi, ...] = (
    # --- the eight KPIs of the method (step 3) ---
    L("PLG-01", "customer", "Indeks kepuasan pengguna layanan SPBE",
      "User satisfaction index of e-Government services",
      "Rata-rata skor survei kepuasan masyarakat (SKM) atas layanan digital, skala 0-100.",
      "Average score of the public satisfaction survey on digital services, scale 0-100.",
      "indeks", "index", MAX, Q, AVG, "Survei Kepuasan Masyarakat (SKM)",
      "Public satisfaction survey", 3, True),
    L("PLG-02", "customer", "Jumlah pengguna aktif layanan digital",
      "Active users of digital services",
      "Jumlah akun unik yang memakai layanan digital minimal sekali dalam periode.",
      "Number of unique accounts that used a digital service at least once in the period.",
      "pengguna", "users", MAX, Q, LAST, "Log aplikasi / Google Analytics",
      "Application logs / web analytics", 3, True),
    L("PLG-03", "customer", "Frekuensi penggunaan layanan per pengguna",
      "Frequency of use per user",
      "Rata-rata jumlah transaksi per pengguna aktif dalam periode.",
      "Average number of transactions per active user in the period.",
      "transaksi/pengguna", "transactions/user", MAX, Q, AVG, "Log transaksi aplikasi",
      "Application transaction logs", 3, True),
    L("PRS-01", "process", "Waktu rata-rata penyelesaian proses administrasi",
      "Average time to complete an administrative process",
      "Rata-rata hari kerja dari permohonan diterima sampai layanan selesai secara elektronik.",
      "Average working days from an application received to the service completed electronically.",
      "hari", "days", MIN, Q, AVG, "Sistem pelayanan / aplikasi perizinan",
      "Service and licensing systems", 3, True),
    L("PRS-02", "process", "Tingkat otomatisasi proses pemerintahan",
      "Level of process automation",
      "Persentase proses bisnis dalam peta proses yang sudah berjalan melalui aplikasi.",
      "Share of business processes in the process map that run through an application.",
      "%", "%", MAX, S, LAST, "Peta proses bisnis dan arsitektur SPBE",
      "Business process map and SPBE architecture", 3, True),
    L("PBL-01", "learning", "Tingkat pelatihan dan pengembangan SDM TIK",
      "Staff training and development in e-Government",
      "Persentase ASN yang mengikuti pelatihan TIK/SPBE minimal 20 jam pelajaran per tahun.",
      "Share of civil servants with at least 20 hours of ICT/SPBE training a year.",
      "%", "%", MAX, Q, LAST, "Data kepegawaian (BKPSDM) dan sertifikat pelatihan",
      "HR records and training certificates", 10, True),
    L("PBL-02", "learning", "Tingkat adopsi teknologi baru dan inovasi",
      "Adoption of new technology and innovation",
      "Jumlah inovasi digital yang diterapkan dan dipakai unit kerja dalam tahun berjalan.",
      "Number of digital innovations put into use by work units in the year.",
      "inovasi", "innovations", MAX, Q, LAST, "Database inovasi daerah",
      "Regional innovation database", 10, True),
    L("KEU-01", "financial", "Penghematan biaya administrasi melalui SPBE",
      "Administrative cost savings from e-Government",
      "Biaya kertas, cetak, perjalanan dan rapat yang dihemat dibandingkan tahun dasar.",
      "Paper, printing, travel and meeting costs saved against the baseline year.",
      "juta Rp", "million Rp", MAX, Q, SUM, "Laporan keuangan / SIPD", "Financial reports (SIPD)",
      3, True),
    L("KEU-02", "financial", "Efisiensi penggunaan anggaran SPBE",
      "Efficient use of the e-Government budget",
      "Persentase realisasi anggaran TIK terhadap pagu; terbaik di rentang yang direncanakan.",
      "Budget absorption of the ICT budget against the ceiling; best inside the planned band.",
      "%", "%", STAB, Q, LAST, "SIPD / laporan realisasi anggaran",
      "SIPD / budget realisation report", 3, True),
    # --- further KPIs an SPBE office measures ---
    L("PRS-03", "process", "Indeks SPBE", "SPBE index",
      "Nilai indeks SPBE hasil evaluasi Kementerian PANRB, skala 0-5.",
      "SPBE index score from the Ministry of Administrative Reform's evaluation, scale 0-5.",
      "indeks", "index", MAX, Y, LAST, "Hasil evaluasi SPBE KemenPANRB",
      "SPBE evaluation results (KemenPANRB)", 7),
    L("PLG-04", "customer", "Persentase layanan publik yang tersedia daring",
      "Share of public services available online",
      "Layanan yang dapat diajukan dan diselesaikan daring dibagi seluruh layanan dalam katalog.",
      "Services that can be requested and completed online divided by all catalogued services.",
      "%", "%", MAX, Q, LAST, "Katalog layanan / Mal Pelayanan Publik Digital",
      "Service catalogue / digital public service mall", 3),
    L("PRS-04", "process", "Ketersediaan sistem (uptime) layanan utama",
      "System availability of core services",
      "Persentase waktu layanan utama dapat diakses dalam periode.",
      "Share of time the core services were reachable in the period.",
      "%", "%", MAX, M, AVG, "Sistem pemantauan server (monitoring)", "Server monitoring", 6),
    L("PRS-05", "process", "Jumlah aplikasi yang terintegrasi",
      "Integrated applications",
      "Aplikasi yang bertukar data melalui sistem penghubung layanan (API/SPLP).",
      "Applications that exchange data through the service bus (API/SPLP).",
      "aplikasi", "applications", MAX, Q, LAST, "Inventaris aplikasi / SPLP",
      "Application inventory / integration platform", 3),
    L("PRS-06", "process", "Jumlah insiden keamanan informasi",
      "Information security incidents",
      "Insiden keamanan siber yang terkonfirmasi dalam periode (CSIRT).",
      "Confirmed cyber security incidents in the period (CSIRT).",
      "insiden", "incidents", MIN, Q, SUM, "Laporan CSIRT daerah", "Regional CSIRT reports", 6),
    L("PLG-05", "customer", "Jumlah dataset terbuka yang dipublikasikan",
      "Open data sets published",
      "Dataset yang terbit di portal Satu Data dengan metadata lengkap.",
      "Data sets published on the One Data portal with complete metadata.",
      "dataset", "data sets", MAX, Q, LAST, "Portal Satu Data", "One Data portal", 9),
    L("PLG-06", "customer", "Waktu rata-rata penyelesaian pengaduan",
      "Complaint resolution time",
      "Rata-rata hari dari pengaduan masuk (SP4N-LAPOR!) sampai ditindaklanjuti tuntas.",
      "Average days from a complaint received (SP4N-LAPOR!) to its resolution.",
      "hari", "days", MIN, Q, AVG, "SP4N-LAPOR!", "SP4N-LAPOR! complaints system", 9),
    L("PRS-07", "process", "Persentase naskah dinas elektronik (e-office)",
      "Share of official letters handled electronically",
      "Naskah dinas yang dibuat, ditandatangani dan didistribusikan melalui e-office.",
      "Official letters drafted, signed and distributed in the e-office system.",
      "%", "%", MAX, Q, LAST, "Aplikasi e-office / TTE", "E-office / e-signature system", 3),
    L("PRS-08", "process", "Penggunaan tanda tangan elektronik tersertifikasi",
      "Certified electronic signature in use",
      "Apakah seluruh perangkat daerah sudah memakai TTE tersertifikasi BSrE.",
      "Whether every agency unit uses certified e-signatures (BSrE).",
      "ya/tidak", "yes/no", BIN, Q, LAST, "BSrE / aplikasi TTE", "BSrE / e-signature platform", 3),
    L("PRS-09", "process", "Waktu pemulihan layanan setelah gangguan",
      "Service recovery time after an outage",
      "Rata-rata jam sampai layanan pulih setelah gangguan; dijaga dalam rentang SLA.",
      "Average hours until a service is restored after an outage; kept within the SLA band.",
      "jam", "hours", MIN, Q, AVG, "Service desk / tiket gangguan", "Service desk tickets", 6),
    L("PBL-03", "learning", "Jumlah ASN bersertifikat kompetensi TIK",
      "Civil servants with ICT certification",
      "ASN yang memegang sertifikat kompetensi TIK yang masih berlaku.",
      "Civil servants holding a valid ICT competency certificate.",
      "orang", "people", MAX, S, LAST, "Data kepegawaian (BKPSDM)", "HR records", 10),
    L("PBL-04", "learning", "Indeks literasi digital ASN", "Digital literacy index of staff",
      "Skor rata-rata asesmen literasi digital ASN, skala 0-100.",
      "Average score of the staff digital literacy assessment, scale 0-100.",
      "indeks", "index", MAX, S, LAST, "Asesmen literasi digital", "Digital literacy assessment", 10),
    L("PBL-05", "learning", "Dokumen arsitektur dan peta rencana SPBE ditetapkan",
      "SPBE architecture and roadmap adopted",
      "Apakah arsitektur SPBE dan peta rencana SPBE daerah sudah ditetapkan dengan peraturan.",
      "Whether the regional SPBE architecture and roadmap are adopted by regulation.",
      "ya/tidak", "yes/no", BIN, Y, LAST, "Peraturan kepala daerah", "Head of region regulation", 1),
    L("KEU-03", "financial", "Biaya per transaksi layanan digital",
      "Cost per digital service transaction",
      "Biaya operasional layanan digital dibagi jumlah transaksi dalam periode.",
      "Operating cost of digital services divided by the number of transactions in the period.",
      "Rp", "Rp", MIN, Q, AVG, "Laporan keuangan dan log transaksi",
      "Financial reports and transaction logs", 3),
    L("KEU-04", "financial", "Persentase belanja TIK melalui katalog elektronik",
      "Share of ICT spending through the e-catalogue",
      "Belanja TIK yang diadakan melalui e-katalog dibagi seluruh belanja TIK.",
      "ICT spending procured through the e-catalogue divided by all ICT spending.",
      "%", "%", MAX, S, LAST, "LPSE / e-katalog", "e-Procurement / e-catalogue", 5),
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
    "efficient use of the e-Government budget": ("KEU-02",),
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
        }
        for k in LIBRARY
    ]
