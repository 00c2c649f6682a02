"""Texts of the data-entry forms (`egov-bsc forms`), of `egov-bsc collect` and of its Pengumpulan / Collection sheet."""

from __future__ import annotations

# key -> (Indonesian, English)
TEXTS: dict[str, tuple[str, str]] = {
    # the form workbook
    "sheet": ("Formulir", "Form"),
    "title": ("Formulir Realisasi IKU — {period}", "KPI data-entry form — {period}"),
    "agency": ("Instansi", "Agency"),
    "unit": ("Unit Kerja", "Unit"),
    "owner": ("Penanggung jawab", "Owner"),
    "group_unit": ("Unit", "Unit"),
    "period": ("Periode", "Period"),
    "source": ("Buku kerja", "Workbook"),
    "intro": (
        "Isi sel berwarna kuning (realisasi wajib; lainnya bila ada), simpan, lalu kirim berkas ini "
        "kembali tanpa mengganti namanya. Sel lain terkunci.",
        "Fill in the yellow cells (the actual is required; the others when you have them), save, and "
        "send this file back without renaming it. The other cells are locked.",
    ),
    "polarity": ("Polaritas", "Polarity"),
    "name": ("Nama IKU", "KPI name"),
    "input_title": ("Isian", "Entry"),
    "actual_prompt": ("Ketik angka realisasi periode ini.", "Type this period's actual figure."),
    "binary_prompt": ("Pilih Ya atau Tidak.", "Choose Yes or No."),
    "date_prompt": ("Ketik tanggal, mis. 31/12/2026.", "Type a date, e.g. 12/31/2026."),
    "number_error": ("Isi dengan angka.", "Enter a number."),
    "date_error": ("Isi dengan tanggal.", "Enter a date."),
    "no_kpis": (
        "Tidak ada IKU yang jatuh tempo pada {period}.",
        "No KPI is due in {period}.",
    ),
    "no_owner": ("tanpa penanggung jawab", "no owner"),
    "bad_by": (
        "--by '{value}' tidak dikenal; pilih salah satu: {choices}",
        "--by '{value}' is not known; choose one of: {choices}",
    ),
    "not_folder": ("{name} bukan folder", "{name} is not a folder"),
    # the Pengumpulan / Collection sheet
    "col_title": ("Pengumpulan Data Realisasi", "Data collection"),
    "col_summary": (
        "{received} dari {expected} IKU diterima; {missing} belum, {conflicts} konflik.",
        "{received} of {expected} KPIs received; {missing} missing, {conflicts} in conflict.",
    ),
    "col_note": (
        "Ditulis oleh 'egov-bsc collect'. 'Diterima' = realisasi ada di formulir yang kembali; "
        "'Belum' = belum ada realisasi di tabel Realisasi; 'Waktu' = waktu berkas formulir terakhir.",
        "Written by 'egov-bsc collect'. 'Received' = the actual is in a returned form; 'Missing' = "
        "tblMeasurements has no actual yet; 'When' = time of the latest form file.",
    ),
    "col_owner": ("Penanggung jawab", "Owner"),
    "col_expected": ("IKU diharapkan", "KPIs expected"),
    "col_received": ("Diterima", "Received"),
    "col_missing": ("Belum", "Missing"),
    "col_conflicts": ("Konflik", "Conflicts"),
    "col_when": ("Waktu", "When"),
    "col_file": ("Berkas", "File"),
    "col_status": ("Status", "Status"),
    "col_details": ("Rincian yang perlu ditindaklanjuti", "Items to follow up"),
    "col_kpi": ("ID IKU", "KPI ID"),
    "col_field": ("Kolom", "Field"),
    "col_value_book": ("Nilai di buku kerja", "Value in the workbook"),
    "col_value_form": ("Nilai di formulir", "Value in the form"),
    "col_what": ("Keterangan", "What"),
    "col_none": ("Semua lengkap.", "Everything is complete."),
    "st_complete": ("Lengkap", "Complete"),
    "st_partial": ("Sebagian", "Partial"),
    "st_waiting": ("Belum kembali", "Not returned"),
    "st_conflict": ("Ada konflik", "Conflict"),
    "what_missing": ("realisasi belum ada", "no actual yet"),
    "what_conflict": (
        "konflik, nilai buku kerja dipertahankan",
        "conflict, the workbook's value kept",
    ),
    # collect: problems with one form (one sentence each)
    "not_form": (
        "{file}: bukan formulir egov-bsc (tidak ada lembar cap formulir).",
        "{file}: not an egov-bsc form (it has no form stamp sheet).",
    ),
    "not_xlsx": (
        "{file}: bukan berkas .xlsx yang dapat dibaca; kirim formulir .xlsx dari 'egov-bsc forms'.",
        "{file}: not a readable .xlsx file; send the .xlsx form made by 'egov-bsc forms'.",
    ),
    "no_file": ("{file}: berkas tidak ditemukan.", "{file}: no such file."),
    "unreadable": (
        "{file}: formulir tidak dapat dibaca ({reason}).",
        "{file}: the form cannot be read ({reason}).",
    ),
    "broken_stamp": (
        "{file}: cap formulir rusak atau diubah ({reason}); minta formulir baru dengan 'egov-bsc forms'.",
        "{file}: the form's stamp is broken or was edited ({reason}); make a new form with 'egov-bsc forms'.",
    ),
    "other_book": (
        "{file}: formulir ini dibuat dari buku kerja lain ({found}, bukan {expected}).",
        "{file}: this form was made from another workbook ({found}, not {expected}).",
    ),
    "other_period": (
        "{file}: formulir ini untuk periode {found}, bukan {expected}.",
        "{file}: this form is for period {found}, not {expected}.",
    ),
    "missing_column": (
        "{file} {cell}: kolom '{column}' tidak ada di tabel Realisasi; nilai tidak ditulis.",
        "{file} {cell}: tblMeasurements has no column '{column}'; the value is not written.",
    ),
    "unknown_kpi": (
        "{file} {cell}: IKU '{kpi}' tidak ada lagi di buku kerja; baris dilewati.",
        "{file} {cell}: KPI '{kpi}' is no longer in the workbook; the row is skipped.",
    ),
    "blocked_row": (
        "Baris {row} di bawah tabel Realisasi sudah terisi; tabel tidak dapat diperpanjang untuk {kpi} {period}.",
        "Row {row} below tblMeasurements is in use; the table cannot be extended for {kpi} {period}.",
    ),
    "duplicate_row": (
        "{file} {cell}: {kpi} {period} juga ada di formulir {other}; nilai formulir pertama dipakai.",
        "{file} {cell}: {kpi} {period} is also in form {other}; the first form's values are used.",
    ),
    "made": (
        "{count} formulir untuk {period} ditulis ke {folder}",
        "{count} forms for {period} written to {folder}",
    ),
    "made_line": ("{file}: {owner}, {kpis} IKU", "{file}: {owner}, {kpis} KPIs"),
    "collected": (
        "Pengumpulan {period}: {cells} sel ditulis, {rows} baris ditambahkan, {missing} IKU belum ada "
        "realisasinya, {conflicts} konflik",
        "Collection {period}: {cells} cells written, {rows} rows added, {missing} KPIs without an "
        "actual, {conflicts} conflicts",
    ),
    "unchanged": (
        "Buku kerja tidak berubah (semua nilai sudah ada)",
        "The workbook is unchanged (every value is already there)",
    ),
    "form_line": (
        "{file}: {status}, {received} IKU diterima, {conflicts} konflik",
        "{file}: {status}, {received} KPIs received, {conflicts} conflicts",
    ),
    "backup": ("Cadangan: {name}", "Backup: {name}"),
    "no_forms": ("Tidak ada formulir yang dapat dipakai.", "No usable form."),
    "run_recalc": (
        "Jalankan 'egov-bsc recalc' (atau tombol Hitung Ulang) untuk memperbarui dasbor.",
        "Run 'egov-bsc recalc' (or the Hitung Ulang button) to refresh the dashboard.",
    ),
}
