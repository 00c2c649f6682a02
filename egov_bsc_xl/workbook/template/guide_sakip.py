"""Rows of the guide sheet for the second release: the SAKIP columns (SPEC 8) with what each is
for in the LKjIP, and the many-units flow (SPEC 9); both languages beside each other."""

from __future__ import annotations

# The SAKIP columns (SPEC 8) and what each is for in the LKjIP: (sheet key, column key or profile
# key, what it is for id, en). A profile key names a row of tblProfile; "lkjip" the output sheet.
SAKIP: tuple[tuple[str, str, str, str], ...] = (
    (
        "tblKpis",
        "kpi_type",
        "Outcome untuk IKU sasaran strategis (hasil yang dirasakan warga); Output untuk produk "
        "kegiatan.",
        "Outcome for a strategic objective's KPI (a result citizens feel); Output for what an "
        "activity produces.",
    ),
    (
        "tblKpis",
        "annual_target",
        "Target tahun ini dalam Perjanjian Kinerja (PK). LKjIP Bab III membandingkan realisasi "
        "dengan target ini.",
        "This year's target of the performance agreement (PK). Chapter III of the LKjIP compares "
        "the actual with it.",
    ),
    (
        "tblKpis",
        "plan_target",
        "Target akhir Renstra (tahun Akhir Renstra di Profil): capaian terhadap target akhir dan "
        "sisa tahunnya.",
        "The strategic plan's end target (the plan's last year on Profile): achievement against "
        "it and the years left.",
    ),
    (
        "tblKpis",
        "national_target",
        "Target nasional bila ada (mis. Indeks SPBE nasional); kosongkan bila tidak ada.",
        "The national target where one exists (e.g. the national SPBE index); empty otherwise.",
    ),
    (
        "tblKpis",
        "public",
        "Tidak = IKU tidak tampil di presentasi publik (kosong = Ya).",
        "No = the KPI is left out of the public deck (empty = Yes).",
    ),
    (
        "tblMeasurements",
        "period",
        "Riwayat: baris tahun sebelumnya dari LKjIP lalu (cukup satu baris tahunan, mis. 2025) "
        "untuk perbandingan dengan tahun lalu.",
        "History: rows of earlier years from the earlier LKjIPs (one annual row such as 2025 is "
        "enough) for the comparison with last year.",
    ),
    (
        "tblMeasurements",
        "analysis",
        "Penyebab keberhasilan atau kegagalan (analisis capaian LKjIP Bab III).",
        "Why the target was met or missed (the achievement analysis of LKjIP chapter III).",
    ),
    (
        "tblMeasurements",
        "action",
        "Rencana tindak lanjut, dengan PIC Tindak Lanjut dan Tenggat, untuk IKU yang perlu "
        "perhatian.",
        "The follow-up action, with its Action owner and Due date, for a KPI that needs attention.",
    ),
    (
        "tblProfile",
        "plan_start",
        "Awal dan Akhir Renstra (mis. 2025 dan 2029); Nama dan Jabatan Kepala untuk tanda tangan; "
        "Kanal pengaduan di akhir presentasi publik.",
        "The strategic plan's first and last year (e.g. 2025 and 2029); the head's name and title "
        "for signatures; the feedback channel at the end of the public deck.",
    ),
    (
        "lkjip",
        "",
        "Ditulis oleh Hitung Ulang: tabel Bab III per sasaran strategis (pengukuran, perbandingan "
        "dengan dua tahun sebelumnya, dengan target Renstra dan nasional, analisis dan tindak "
        "lanjut, anggaran per sasaran); salin langsung ke dokumen LKjIP.",
        "Written by Recalculate: the chapter III tables per strategic objective (measurement, "
        "the last two years, the strategic plan and national targets, analysis and follow-up, "
        "budget per objective); copy them straight into the LKjIP document.",
    ),
)

# Many units (SPEC 9): forms out, results in, the parent's roll-up; (sheet key, id, en).
UNITS_FLOW: tuple[tuple[str, str, str], ...] = (
    (
        "tblMeasurements",
        "Formulir: egov-bsc forms BERKAS --period 2026-Q3 membuat satu formulir .xlsx per "
        "penanggung jawab IKU; kirim ke tiap bidang atau OPD.",
        "Forms: egov-bsc forms FILE --period 2026-Q3 writes one .xlsx form per KPI owner; send "
        "them to each division or unit.",
    ),
    (
        "tblMeasurements",
        "Pengumpulan: egov-bsc collect BERKAS FORMULIR... memasukkan isian formulir ke lembar "
        "Realisasi dan menulis lembar Pengumpulan (yang diterima, yang belum, konflik).",
        "Collect: egov-bsc collect FILE FORM... writes the forms' values into Measurements and "
        "the Collection sheet (received, missing, conflicts).",
    ),
    (
        "tblUnits",
        "Konsolidasi (buku kerja induk Pemda/Dinas): daftarkan unit di lembar Unit, isi Agregasi "
        "Unit pada IKU induk, lalu egov-bsc consolidate INDUK menulis lembar Konsolidasi.",
        "Consolidate (a Pemda or Dinas parent workbook): list the units on the Units sheet, set "
        "the Unit roll-up of the parent's KPIs, then egov-bsc consolidate PARENT writes the "
        "Consolidation sheet.",
    ),
)
