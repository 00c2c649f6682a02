"""Texts of the sheets the product writes (Dasbor / Dashboard, Validasi / Validation) and of the buttons' messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from egov_bsc_xl.i18n.language import fill

if TYPE_CHECKING:
    from egov_bsc_xl.i18n.words import Language

# key -> (Indonesian, English)
TEXTS: dict[str, tuple[str, str]] = {
    "dash_title": ("Dasbor Balanced Scorecard SPBE", "e-Government Balanced Scorecard Dashboard"),
    "dash_note": (
        "Diisi otomatis oleh tombol Hitung Ulang (egov-bsc recalc). Jangan mengubah isi lembar ini: "
        "perubahan akan tertimpa.",
        "Filled by the Recalculate button (egov-bsc recalc). Do not edit this sheet: changes are "
        "overwritten.",
    ),
    "agency": ("Instansi", "Agency"),
    "period": ("Periode laporan", "Report period"),
    "overall": ("Skor kinerja keseluruhan", "Overall performance score"),
    "coverage": ("Cakupan data", "Data coverage"),
    "no_score": (
        "Skor belum dapat dihitung: perbaiki kesalahan di lembar Validasi lalu klik Hitung Ulang.",
        "Scores cannot be computed yet: fix the errors listed on the Validation sheet, then click "
        "Recalculate.",
    ),
    "sec_perspectives": ("Skor per perspektif", "Scores by perspective"),
    "sec_objectives": ("Skor per sasaran strategis", "Scores by strategic objective"),
    "sec_kpis": ("Capaian IKU periode ini", "KPI achievement this period"),
    "sec_offtrack": (
        "IKU yang perlu perhatian (capaian di bawah {threshold})",
        "KPIs that need attention (achievement below {threshold})",
    ),
    "sec_initiatives": ("Status inisiatif strategis", "Strategic initiative status"),
    "sec_trend": ("Tren skor", "Score trend"),
    "none_offtrack": (
        "Tidak ada IKU dengan capaian di bawah {threshold}.",
        "No KPI is below {threshold}.",
    ),
    "none_initiatives": ("Belum ada inisiatif.", "No initiatives yet."),
    "id": ("ID", "ID"),
    "perspective": ("Perspektif", "Perspective"),
    "objective": ("Sasaran strategis", "Objective"),
    "kpi": ("Nama IKU", "KPI"),
    "weight": ("Bobot", "Weight"),
    "score": ("Skor", "Score"),
    "band": ("Status", "Status"),
    "target": ("Target", "Target"),
    "target_upper": ("Target atas", "Upper target"),
    "actual": ("Realisasi", "Actual"),
    "achievement_raw": ("Capaian (mentah)", "Achievement (raw)"),
    "achievement": ("Capaian", "Achievement"),
    "owner": ("Penanggung jawab", "Owner"),
    "initiative": ("Inisiatif", "Initiative"),
    "progress": ("Progres", "Progress"),
    "planned": ("Rencana progres", "Planned progress"),
    "absorption": ("Serapan anggaran", "Budget absorption"),
    "budget": ("Anggaran (Rp)", "Budget (Rp)"),
    "spent": ("Realisasi anggaran (Rp)", "Spent (Rp)"),
    "schedule": ("Jadwal", "Schedule"),
    "behind": ("Terlambat", "Behind schedule"),
    "on_track": ("Sesuai jadwal", "On schedule"),
    "over_budget": ("Melebihi anggaran", "Over budget"),
    "trend_period": ("Periode", "Period"),
    "trend_overall": ("Keseluruhan", "Overall"),
    "chart_perspectives": ("Skor per perspektif", "Scores by perspective"),
    "chart_trend": (
        "Tren skor keseluruhan dan per perspektif",
        "Overall and perspective score trend",
    ),
    # Validation sheet
    "val_title": ("Hasil Validasi Buku Kerja", "Workbook Validation Results"),
    "val_summary": (
        "{errors} kesalahan, {warnings} peringatan",
        "{errors} errors, {warnings} warnings",
    ),
    "val_ok": ("Tidak ada masalah ditemukan.", "No problems found."),
    "val_errors_block": (
        "Skor dihitung tanpa sel yang salah; perbaiki kesalahan agar skor lengkap, lalu klik Hitung Ulang.",
        "Scores leave out the cells in error; fix the errors for complete scores, then click Recalculate.",
    ),
    "dash_errors": (
        "Perhatian: {errors} kesalahan validasi, skor belum lengkap. Lihat lembar Validasi.",
        "Attention: {errors} validation errors, scores are incomplete. See the Validation sheet.",
    ),
    "val_code": ("Kode", "Code"),
    "val_severity": ("Tingkat", "Severity"),
    "val_sheet": ("Lembar", "Sheet"),
    "val_cell": ("Sel", "Cell"),
    "val_field": ("Kolom", "Field"),
    "val_value": ("Nilai", "Value"),
    "val_message": ("Pesan", "Message"),
    "val_hint": ("Saran perbaikan", "How to fix"),
    "sev_error": ("Kesalahan", "Error"),
    "sev_warning": ("Peringatan", "Warning"),
    # Button messages
    "msg_title": ("Balanced Scorecard SPBE", "e-Government Balanced Scorecard"),
    "msg_recalc_ok": (
        "Dasbor diperbarui untuk {period}. Skor keseluruhan {score} ({band}).",
        "Dashboard updated for {period}. Overall score {score} ({band}).",
    ),
    "msg_recalc_errors": (
        "Ditemukan {errors} kesalahan: lihat lembar Validasi. Dasbor belum dapat dihitung penuh.",
        "{errors} errors found: see the Validation sheet. The dashboard cannot be fully computed.",
    ),
    "msg_validate_ok": (
        "Validasi selesai: {errors} kesalahan, {warnings} peringatan. Rincian di lembar Validasi.",
        "Validation done: {errors} errors, {warnings} warnings. Details on the Validation sheet.",
    ),
    "msg_deck_ok": ("Presentasi disimpan:\n{path}", "Presentations saved:\n{path}"),
    "msg_deck_errors": (
        "Presentasi tidak dibuat: belum ada skor yang dapat dihitung ({errors} kesalahan, lihat lembar "
        "Validasi).",
        "No presentation made: no score can be computed yet ({errors} errors, see the Validation sheet).",
    ),
    "msg_deck_with_errors": (
        "Ada {errors} kesalahan validasi; daftarnya ada di slide Kualitas Data.",
        "There are {errors} validation errors; they are listed on the Data Quality slide.",
    ),
    "msg_failed": ("Gagal: {reason}", "Failed: {reason}"),
    "msg_unexpected": (
        "Terjadi kesalahan tak terduga ({kind}). Simpan buku kerja dan hubungi staf TI; rinciannya "
        "ada di berkas log {log}",
        "An unexpected error occurred ({kind}). Save the workbook and contact IT staff; the details "
        "are in the log file {log}",
    ),
    # CLI / file writing
    "err_locked": (
        "Buku kerja {name} sedang dibuka di Excel ({lock} ada). Tutup dulu di Excel, lalu ulangi.",
        "The workbook {name} is open in Excel ({lock} exists). Close it in Excel first, then retry.",
    ),
    "err_read_only": (
        "Buku kerja {name} hanya-baca: tidak dapat ditulis. Hapus atribut hanya-baca atau gunakan "
        "--output.",
        "The workbook {name} is read-only and cannot be written. Clear the read-only flag or use "
        "--output.",
    ),
    "err_vanished": (
        "Buku kerja {name} hilang atau dipindahkan selama perhitungan; tidak ada yang ditulis.",
        "The workbook {name} vanished or was moved during the run; nothing was written.",
    ),
    "err_changed": (
        "Buku kerja {name} berubah selama perhitungan (disimpan dari program lain?); tidak ada yang "
        "ditulis. Ulangi.",
        "The workbook {name} changed during the run (saved by another program?); nothing was "
        "written. Run again.",
    ),
    "err_write": ("Tidak dapat menulis {name}: {reason}", "Cannot write {name}: {reason}"),
    "cli_written": (
        "Dasbor, LKjIP dan Validasi ditulis ke {path}",
        "Dashboard, Performance Report and Validation written to {path}",
    ),
    "cli_backup": ("Cadangan berkas sebelumnya: {path}", "Backup of the previous file: {path}"),
    # file safety: locks, temp files, overwrites, parts of the zip (workbook/opc/files.py, limits.py)
    "err_busy": (
        "Buku kerja {name} sedang ditulis oleh proses egov-bsc lain (atau tombol yang masih berjalan); "
        "tunggu sampai selesai, lalu ulangi.",
        "The workbook {name} is being written by another egov-bsc run (or a button still running); "
        "wait until it ends, then retry.",
    ),
    "err_is_folder": (
        "Tidak dapat menulis {name}: itu sebuah folder, bukan berkas.",
        "Cannot write {name}: it is a folder, not a file.",
    ),
    "err_backup_folder": (
        "Tidak dapat menyimpan cadangan {name}: ada folder dengan nama itu. Ganti nama atau pindahkan "
        "folder itu; buku kerja tidak diubah.",
        "Cannot keep the backup {name}: a folder has that name. Rename or move that folder; the "
        "workbook was not changed.",
    ),
    "err_not_ours": (
        "Berkas {name} sudah ada dan tidak dibuat oleh egov-bsc; tidak ditimpa. Pilih nama lain atau "
        "pakai --force untuk menimpanya.",
        "The file {name} exists and was not made by egov-bsc; it was not replaced. Choose another "
        "name or use --force to replace it.",
    ),
    "err_part_size": (
        "Buku kerja {name}: bagian {part} berukuran {size} setelah diekstrak, melebihi batas {limit}; "
        "berkas ditolak.",
        "Workbook {name}: the part {part} inflates to {size}, over the limit of {limit}; the file "
        "is refused.",
    ),
    "err_part_ratio": (
        "Buku kerja {name}: bagian {part} mengembang {ratio} kali saat diekstrak (batas {limit} kali; "
        "bom zip?); berkas ditolak.",
        "Workbook {name}: the part {part} inflates {ratio} times (limit {limit} times; a zip bomb?); "
        "the file is refused.",
    ),
    # SPEC 9: the Konsolidasi / Consolidation sheet (consolidate) and the comparison workbook
    "cons_title": ("Konsolidasi Kinerja Unit", "Consolidated Unit Performance"),
    "cons_compare_title": ("Perbandingan Kinerja Unit", "Unit Performance Comparison"),
    "cons_note": (
        "Diisi otomatis oleh egov-bsc consolidate dari buku kerja setiap unit. Jangan mengubah isi "
        "lembar ini: perubahan akan tertimpa.",
        "Filled by egov-bsc consolidate from each unit's workbook. Do not edit this sheet: changes "
        "are overwritten.",
    ),
    "cons_units_count": (
        "{units} unit: {ok} lengkap, {no_data} tanpa data periode ini, {missing} berkas tidak ada, "
        "{unusable} tidak dapat dibaca",
        "{units} units: {ok} ok, {no_data} without data for the period, {missing} file missing, "
        "{unusable} unusable",
    ),
    "cons_parent": ("Skor induk (hasil konsolidasi)", "Parent score (consolidated)"),
    "cons_sec_units": ("Skor per unit", "Scores by unit"),
    "cons_unit": ("Unit", "Unit"),
    "cons_file": ("Berkas", "File"),
    "cons_status": ("Keadaan", "Status"),
    "cons_errors": ("Kesalahan", "Errors"),
    "cons_warnings": ("Peringatan", "Warnings"),
    "cons_reason": ("Keterangan", "Remark"),
    "cons_status_ok": ("Lengkap", "OK"),
    "cons_status_missing": ("Berkas tidak ada", "File missing"),
    "cons_status_unusable": ("Tidak dapat dibaca", "Unusable"),
    "cons_status_no_data": ("Belum ada data periode ini", "No data for the period"),
    "cons_sec_heatmap": ("Peta panas: unit × perspektif", "Heat map: units × perspectives"),
    "cons_sec_ranking": ("Peringkat unit", "Unit ranking"),
    "cons_rank": ("Peringkat", "Rank"),
    "cons_none_ranked": (
        "Belum ada unit dengan skor untuk periode ini.",
        "No unit has a score for this period yet.",
    ),
    "cons_sec_rollups": ("IKU hasil agregasi unit", "KPIs rolled up from the units"),
    "cons_parent_kpi": ("IKU induk", "Parent KPI"),
    "cons_source_kpi": ("IKU sumber", "Source KPI"),
    "cons_method": ("Cara agregasi", "Roll-up"),
    "cons_rollup_total": ("Hasil agregasi", "Rolled up"),
    "cons_none_rollups": (
        "Tidak ada IKU induk yang diisi dari unit (kolom Agregasi Unit kosong).",
        "No parent KPI is fed by the units (the Unit roll-up column is empty).",
    ),
    "rollup_sum": ("Jumlah", "Sum"),
    "rollup_average": ("Rata-rata", "Average"),
    "rollup_weighted": ("Rata-rata tertimbang", "Weighted average"),
    "rollup_min": ("Terendah", "Minimum"),
    "rollup_max": ("Tertinggi", "Maximum"),
    "err_compare_suffix": (
        "Nama berkas perbandingan harus berakhiran .xlsx: {name}",
        "The comparison workbook's name must end in .xlsx: {name}",
    ),
}


def text(key: str, lang: Language | str = "id", **values: object) -> str:
    """The text `key` in language `lang` (Indonesian unless 'en'), with `{name}` fields filled."""
    return fill(TEXTS[key], lang, values)
