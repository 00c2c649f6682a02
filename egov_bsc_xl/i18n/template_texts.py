"""Texts of the template (titles and one-line hints of the table sheets, notes, prompts), both languages."""

from __future__ import annotations

# table -> ((title id, hint id), (title en, hint en)); the catalogue keys are template.<table>.title/.hint
SHEETS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "tblProfile": (
        (
            "Profil Instansi",
            "Isi kolom Nilai: instansi, tahun, periode laporan, visi, satu baris per misi.",
        ),
        (
            "Agency profile",
            "Fill the Value column: agency, year, report period, vision, one row per mission.",
        ),
    ),
    "tblPerspectives": (
        ("Perspektif BSC", "Bobot dalam persen, jumlah 100 %. Aktif = Tidak mematikan perspektif."),
        (
            "BSC perspectives",
            "Weights in percent, adding up to 100 %. Active = No switches a perspective off.",
        ),
    ),
    "tblObjectives": (
        (
            "Sasaran Strategis",
            "Mendukung: ID sasaran yang didorong sasaran ini, pisahkan dengan koma (panah peta strategi).",
        ),
        (
            "Strategic objectives",
            "Supports: ids of the objectives this one drives, comma separated (strategy map arrows).",
        ),
    ),
    "tblKpis": (
        (
            "Indikator Kinerja Utama (IKU)",
            "Salin dari Pustaka IKU; pilih polaritas, frekuensi, agregasi dari daftar. Bobot relatif.",
        ),
        (
            "Key performance indicators",
            "Copy from the KPI Library; pick polarity, frequency, aggregation from the lists. Weights are relative.",
        ),
    ),
    "tblMeasurements": (
        (
            "Target dan Realisasi",
            "Satu baris per IKU per periode (2026-Q1). Capaian dan Status (abu-abu) dihitung otomatis.",
        ),
        (
            "Targets and actuals",
            "One row per KPI per period (2026-Q1). Achievement and Status (grey) are computed.",
        ),
    ),
    "tblInitiatives": (
        ("Inisiatif Strategis", "Anggaran dalam rupiah; progres dalam persen; ID dipisah koma."),
        ("Strategic initiatives", "Budget in rupiah; progress in percent; ids comma separated."),
    ),
    "tblRevisions": (
        ("Log Revisi", "Catat setiap perubahan target atau IKU beserta alasannya."),
        ("Revision log", "Record every change of a target or KPI with its reason."),
    ),
    "tblSettings": (
        (
            "Pengaturan",
            "Batas atas capaian, rumus 'Semakin rendah semakin baik', data kosong, batas "
            "'perlu perhatian' (bawaan 100 % = target belum tercapai); pilih dari daftar.",
        ),
        (
            "Settings",
            "Achievement cap, 'Lower is better' formula, missing data, the 'needs attention' bound "
            "(default 100 % = target not met); pick from the lists.",
        ),
    ),
    "tblKpiLibrary": (
        ("Pustaka IKU SPBE", "Katalog acuan (hanya baca): salin baris yang sesuai ke lembar IKU."),
        (
            "SPBE KPI Library",
            "Reference catalogue (read only): copy the rows you need to the KPIs sheet.",
        ),
    ),
    "tblUnits": (
        (
            "Unit",
            "Hanya untuk buku kerja induk (Pemda/Dinas): satu baris per unit; egov-bsc consolidate "
            "membaca berkas setiap unit yang aktif dan menggabungkan hasilnya.",
        ),
        (
            "Units",
            "Only for a parent workbook (Pemda/Dinas): one row per unit; egov-bsc consolidate reads "
            "each active unit's file and rolls up its results.",
        ),
    ),
}

# key -> (Indonesian, English); the catalogue keys are template.<key>
TEXTS: dict[str, tuple[str, str]] = {
    "note_dashboard": (
        "Diisi otomatis oleh tombol Hitung Ulang (atau perintah egov-bsc recalc); jangan diketik.",
        "Filled by the Recalculate button (or the egov-bsc recalc command); do not type here.",
    ),
    "note_validation": (
        "Diisi otomatis oleh tombol Validasi dan Hitung Ulang di Dasbor (atau egov-bsc recalc); "
        "jangan diketik.",
        "Filled by the Validate and Recalculate buttons on the Dashboard (or egov-bsc recalc); "
        "do not type here.",
    ),
    "bands_title": ("Pita status", "Status bands"),
    "band_colour_prompt": (
        "Warna pita (#RRGGBB). Warna dari daftar juga mewarnai Status di Realisasi.",
        "Band colour (#RRGGBB). A colour from the list also colours Status on Measurements.",
    ),
    "no_data": ("Belum ada data", "No data"),
    "pick_prompt": ("Pilih dari daftar.", "Pick from the list."),
    "invalid_title": ("Nilai tidak valid", "Invalid value"),
    "invalid_message": ("Pilih dari daftar.", "Pick a value from the list."),
    # input prompts: prompt.<table>.<column>
    "prompt.tblObjectives.supports": (
        "ID sasaran yang didorong sasaran ini, pisahkan dengan koma (mis. SS01, SS02).",
        "Ids of the objectives this one drives, comma separated (e.g. SS01, SS02).",
    ),
    "prompt.tblMeasurements.period": (
        "Tulis 2026-Q1, 2026-S1, 2026-03 atau 2026 (TW I 2026 juga diterima).",
        "Write 2026-Q1, 2026-S1, 2026-03 or 2026.",
    ),
    "prompt.tblMeasurements.target_upper": (
        "Hanya untuk target rentang: batas atas; Target = batas bawah.",
        "Range targets only: the upper end; Target is the lower end.",
    ),
    "prompt.tblMeasurements.actual": (
        "Angka, atau Ya/Tidak untuk IKU berpolaritas Ya/Tidak.",
        "A number, or Yes/No for KPIs with Yes/No polarity.",
    ),
    "prompt.tblInitiatives.objective_ids": (
        "ID sasaran, pisahkan dengan koma.",
        "Objective ids, comma separated.",
    ),
    "prompt.tblInitiatives.kpi_ids": ("ID IKU, pisahkan dengan koma.", "KPI ids, comma separated."),
    "prompt.tblInitiatives.progress": (
        "Progres fisik dalam persen (mis. 60%).",
        "Physical progress in percent (e.g. 60%).",
    ),
    "prompt.tblPerspectives.weight": (
        "Bobot dalam persen; jumlah semua perspektif 100%.",
        "Weight in percent; all perspectives add up to 100%.",
    ),
}

# Input messages shown when a cell of these columns is selected, in this order: (table, column).
PROMPTS: tuple[tuple[str, str], ...] = tuple(
    (key.split(".")[1], key.split(".")[2]) for key in TEXTS if key.startswith("prompt.")
)

# the Petunjuk / Guide sheet; the catalogue keys are template.guide.<key>
GUIDE: dict[str, tuple[str, str]] = {
    "title": (
        'Petunjuk Kartu Skor Berimbang (BSC) SPBE',
        'Guide to the e-Government (SPBE) Balanced Scorecard',
    ),
    "intro": (
        'Isi lembar dari atas ke bawah mengikuti sepuluh langkah metode BSC. Sel krem diisi; sel abu-abu dihitung otomatis; Dasbor dan Validasi diisi oleh tombol.',
        'Fill the sheets in the order of the ten steps of the BSC method. Cream cells are for input; grey cells are computed; the Dashboard and Validation sheets are filled by the buttons.',
    ),
    "header.no": ('No', 'No'),
    "header.step": ('Langkah', 'Step'),
    "header.what": ('Yang dilakukan (metode)', 'What the method asks'),
    "header.sheet": ('Lembar', 'Sheet'),
    "header.how": ('Cara di buku kerja', 'How, in this workbook'),
    "buttons_title": ('Tombol di lembar Dasbor', 'Buttons on the Dashboard sheet'),
    "colours_title": ('Warna sel', 'Cell colours'),
    "input": ('Isian', 'Input'),
    "input_note": (
        'Diisi oleh perencana; daftar pilihan muncul saat sel dipilih.',
        'Typed by the planner; a dropdown list appears where one applies.',
    ),
    "computed": ('Dihitung', 'Computed'),
    "computed_note": (
        'Capaian dan Status di lembar Realisasi; jangan diketik.',
        'Achievement and Status on the Measurements sheet; do not type here.',
    ),
    "setup_title": ('Persiapan (sekali, oleh staf TI)', 'Setup (once, by IT staff)'),
    "setup_addin": (
        'Pasang Python dan paket egov-bsc-xl, lalu jalankan: xlwings addin install',
        'Install Python and the egov-bsc-xl package, then run: xlwings addin install',
    ),
    "setup_native": (
        'Buku kerja ini memakai rumus Excel biasa (--formulas native): Capaian dan Status dihitung Excel sendiri. Python hanya diperlukan untuk tombol.',
        'This workbook uses plain Excel formulas (--formulas native): Excel computes Achievement and Status itself. Python is needed for the buttons only.',
    ),
    "setup_udf": (
        'Buka buku kerja dan aktifkan makro. Fungsi BSC_ACHIEVEMENT, BSC_STATUS dan lainnya sudah tertanam: tidak perlu Import Functions.',
        'Open the workbook and enable macros. BSC_ACHIEVEMENT, BSC_STATUS and the other functions are built in: no Import Functions needed.',
    ),
    "setup_conf": (
        "Lembar tersembunyi xlwings.conf:{udf_modules} Python yang dicatat oleh 'xlwings addin install' dipakai; tambahkan baris Interpreter_Win hanya bila Excel harus memakai Python lain (baris kosong menimpa pengaturan itu).",
        "Hidden sheet xlwings.conf:{udf_modules} The Python recorded by 'xlwings addin install' is used; add an Interpreter_Win row only if Excel must use another Python (an empty row would override that setting).",
    ),
    "setup_no_python": (
        "Tanpa Python: buat buku kerja dengan 'egov-bsc new BERKAS --formulas native'; Capaian dan Status memakai rumus Excel biasa.",
        "Without Python: create the workbook with 'egov-bsc new FILE --formulas native'; Achievement and Status then use plain Excel formulas.",
    ),
    "setup_cli": (
        'Baris perintah tanpa Excel: egov-bsc validate / score / recalc / deck BERKAS.xlsm',
        'Command line without Excel: egov-bsc validate / score / recalc / deck FILE.xlsm',
    ),
    "setup_update": (
        'Setelah memperbarui egov-bsc-xl atau xlwings: egov-bsc update-vba BERKAS.xlsm (makro diganti, isi buku kerja tetap).',
        "After upgrading egov-bsc-xl or xlwings: egov-bsc update-vba FILE.xlsm (macros replaced, the workbook's content kept).",
    ),
}
