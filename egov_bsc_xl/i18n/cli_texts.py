"""Texts of the terminal views of egov-bsc (rich tables), Indonesian first, then English."""

from __future__ import annotations

# key -> (Indonesian, English); the catalogue keys are cli.<key>. The count of findings is
# sheet.val_summary, the same words as the Validation sheet and recalc.
TEXTS: dict[str, tuple[str, str]] = {
    "issues": ("Hasil validasi", "Validation result"),
    "clean": ("Tidak ada masalah.", "No issues found."),
    "code": ("Kode", "Code"),
    "where": ("Lokasi", "Where"),
    "value": ("Nilai", "Value"),
    "message": ("Pesan", "Message"),
    "hint": ("Saran", "Hint"),
    "overall": ("Skor keseluruhan", "Overall score"),
    "coverage": ("cakupan data", "data coverage"),
    "coverage_head": ("Cakupan data", "Data coverage"),
    "perspective": ("Perspektif", "Perspective"),
    "weight": ("Bobot", "Weight"),
    "score": ("Skor", "Score"),
    "band": ("Status", "Status"),
    "kpi": ("IKU", "KPI"),
    "target": ("Target", "Target"),
    "actual": ("Realisasi", "Actual"),
    "achievement": ("Capaian", "Achievement"),
    "period": ("Periode", "Period"),
    # consolidate (SPEC 9): why a unit is left out, and the terminal summary
    "cons_missing": ("berkas tidak ditemukan", "the file does not exist"),
    "cons_no_file": ("kolom Berkas kosong", "the File column is blank"),
    "cons_folder": ("ini sebuah folder, bukan berkas", "it is a folder, not a file"),
    "cons_not_excel": (
        "bukan buku kerja Excel (.xlsx atau .xlsm)",
        "not an Excel workbook (.xlsx or .xlsm)",
    ),
    "cons_self": (
        "berkas itu adalah buku kerja induk ini sendiri",
        "it is this parent workbook itself",
    ),
    "cons_unreadable": ("tidak dapat dibaca: {detail}", "cannot be read: {detail}"),
    "cons_crashed": (
        "pembacaan berkas berhenti tidak normal",
        "reading the file stopped abnormally",
    ),
    "cons_lists_parent": (
        "Unit {unit} ({file}) memiliki tabel Unit sendiri yang menunjuk balik ke buku kerja induk "
        "ini; unit itu dibaca sebagai unit biasa dan unit-unitnya tidak dikonsolidasikan lagi.",
        "Unit {unit} ({file}) has a Units table of its own that points back to this parent "
        "workbook; it is read as an ordinary unit and its units are not consolidated again.",
    ),
    "cons_no_units_table": (
        "Buku kerja {name} tidak mencantumkan unit di tabel tblUnits (lembar Unit); tidak ada unit "
        "untuk dikonsolidasikan",
        "workbook {name} lists no units in its tblUnits table (Units sheet); there are no units to "
        "consolidate",
    ),
    "cons_none_found": (
        "Tidak ada berkas unit di {where}",
        "no unit files in {where}",
    ),
    "cons_status_ok": ("ok", "ok"),
    "cons_status_missing": ("berkas tidak ada", "missing"),
    "cons_status_unusable": ("tidak dapat dipakai", "unusable"),
    "cons_status_no data": ("belum ada data", "no data"),
    "cons_head": (
        "Konsolidasi {period}: {ok} dari {total} unit terbaca",
        "Consolidation {period}: {ok} of {total} units read",
    ),
    "cons_unit": (
        "  {id} {name}: {status}; skor {score} {band}, cakupan data {coverage}; "
        "{errors} kesalahan, {warnings} peringatan",
        "  {id} {name}: {status}; score {score} {band}, data coverage {coverage}; "
        "{errors} errors, {warnings} warnings",
    ),
    "cons_reason": ("  {id} ({file}): {reason}", "  {id} ({file}): {reason}"),
    "cons_rollups": (
        "{count} IKU diagregasi dari unit",
        "{count} KPIs rolled up from the units",
    ),
    "cons_parent": (
        "Skor induk {score} {band}, cakupan data {coverage}; {errors} kesalahan, {warnings} peringatan",
        "Parent score {score} {band}, data coverage {coverage}; {errors} errors, {warnings} warnings",
    ),
    "cons_written": ("Ditulis: {path}", "Written: {path}"),
    "cons_backup": ("Cadangan: {path}", "Backup: {path}"),
    "cons_output_xlsx": (
        "Buku kerja pembanding harus berakhiran .xlsx: {name}",
        "the comparison workbook's name must end in .xlsx: {name}",
    ),
    "cons_output_folder": ("Folder tidak ada: {name}", "no such folder: {name}"),
    "cons_output_is_unit": (
        "Berkas keluaran {name} juga salah satu berkas unit",
        "the output file {name} is also one of the unit files",
    ),
}
