"""Messages written before a workbook's language is known (bad input, a broken package, a refused
file, the UDFs' #BSC! errors, the command line's own lines), Indonesian first, then English.

Shown with `both` ("Indonesian (English)") or `slash` ("Indonesian / English"); the catalogue keys
are msg.<key>. Both languages of a key have the same fields. A value that must be in the language
of the message around it is a `Phrase` (another key: the reason a part is broken) or `Words` (a
number written the Indonesian and the English way).
"""

from __future__ import annotations

# key -> (Indonesian, English)
TEXTS: dict[str, tuple[str, str]] = {
    # the command line (cli.py)
    "cli.lang": (
        "--lang harus id atau en, bukan '{value}'",
        "--lang must be id or en, not '{value}'",
    ),
    "cli.formulas": (
        "--formulas harus udf atau native, bukan '{value}'",
        "--formulas must be udf or native, not '{value}'",
    ),
    "cli.bands": (
        "--bands harus salah satu dari {presets}, bukan '{value}'",
        "--bands must be one of {presets}, not '{value}'",
    ),
    "cli.audience": (
        "--audience harus leadership atau public, bukan '{value}'",
        "--audience must be leadership or public, not '{value}'",
    ),
    "cli.period": (
        "Periode '{value}' tidak dikenali; tulis misalnya 2026-Q2, TW II 2026, 2026-S1, 2026-06 "
        "atau 2026",
        "period '{value}' is not recognised; write e.g. 2026-Q2, 2026-S1, 2026-06 or 2026",
    ),
    "cli.no_scores": (
        "Tidak ada skor yang dapat dihitung ({errors} kesalahan validasi); presentasi tidak dibuat. "
        "Jalankan 'egov-bsc validate {path}'",
        "no scores could be computed ({errors} validation errors); no deck written. "
        "Run 'egov-bsc validate {path}'",
    ),
    "cli.units_output": (
        "--units memerlukan --output BERKAS.xlsx",
        "--units needs --output FILE.xlsx",
    ),
    "cli.units_none": ("Sebutkan berkas atau folder unit", "name the unit files or folders"),
    "cli.one_parent": (
        "Sebutkan satu buku kerja induk, atau pakai --units",
        "name one parent workbook, or use --units",
    ),
    "cli.score_errors": (
        "{count} kesalahan validasi; jalankan 'egov-bsc validate'",
        "{count} validation errors; run 'egov-bsc validate'",
    ),
    "cli.not_folder": ("{path} bukan folder", "{path} is not a folder"),
    "cli.written": ("Buku kerja dibuat", "workbook written"),
    "cli.vba_standalone": ("xlwings tertanam", "standalone"),
    "cli.vba_addin": ("add-in xlwings", "xlwings add-in"),
    "cli.vba_refreshed": ("VBA diperbarui", "VBA refreshed"),
    "cli.modules_removed": ("Modul dihapus", "modules removed"),
    "cli.backup": ("Cadangan", "backup"),
    "cli.deck_written": ("Presentasi dibuat", "deck written"),
    "cli.deck_errors": (
        "{count} kesalahan validasi tercantum di slide Kualitas Data",
        "{count} validation errors are listed on the Data Quality slide",
    ),
    "cli.demo_build": ("Membuat buku kerja demo", "building the demo workbook"),
    "cli.demo_recalc": (
        "Memeriksa data dan menghitung ulang Dasbor",
        "validating and recalculating the dashboard",
    ),
    "cli.demo_leadership": ("Membuat presentasi pimpinan", "writing the leadership deck"),
    "cli.demo_public": ("Membuat presentasi publik", "writing the public deck"),
    "cli.demo_family": (
        "Membuat keluarga Pemda (induk dan tiga unit)",
        "writing the Pemda family (a parent and three units)",
    ),
    "cli.demo_done": ("Demo selesai", "demo done"),
    "cli.demo_workbook": ("Buku kerja", "workbook"),
    "cli.demo_leaders": ("Presentasi pimpinan", "leaders"),
    "cli.demo_publicdeck": ("Presentasi publik", "public"),
    "cli.demo_family_folder": ("Pemda (induk + unit)", "family"),
    "cli.os_error": (
        "Tidak dapat membaca atau menulis{where}: {reason}{errno}",
        "cannot read or write{where}: {reason}{errno}",
    ),
    "cli.aborted": ("Dibatalkan", "aborted"),
    "cli.memory": ("Memori tidak cukup untuk berkas ini", "not enough memory for this file"),
    "cli.unexpected": (
        "Kesalahan tak terduga: {error}",
        "unexpected error{error}; set EGOV_BSC_DEBUG=1 to see the details",
    ),
    # opening a file (reading/source.py, writing/vba.py)
    "file.not_found": ("Berkas tidak ditemukan: {path}", "file not found: {path}"),
    "file.folder": (
        "{path} adalah folder, bukan berkas Excel",
        "{path} is a folder, not an Excel file",
    ),
    "file.empty": ("Berkas kosong: {path}", "the file {path} is empty"),
    "file.not_zip": (
        "{path} bukan buku kerja Excel .xlsx/.xlsm",
        "{path} is not an Excel .xlsx/.xlsm workbook",
    ),
    "file.no_workbook_part": (
        "{path} bukan buku kerja Excel .xlsx/.xlsm: paketnya tidak menunjuk ke buku kerja",
        "{path} is not an Excel .xlsx/.xlsm workbook: the package names no workbook part",
    ),
    "file.memory": (
        "Buku kerja {path} terlalu besar untuk dibaca dengan memori yang tersedia",
        "the workbook {path} is too large to read with the memory available",
    ),
    "file.unreadable": (
        "Buku kerja {path} rusak dan tidak dapat dibaca{where}; buka dan simpan ulang di Excel",
        "the workbook {path} is damaged and cannot be read{where}; open and save it again in Excel",
    ),
    "file.while_table": (" saat membaca tabel {table}", " while reading table {table}"),
    "file.not_scorecard": (
        "Buku kerja ini bukan kartu skor egov-bsc: tabel {tables} tidak ditemukan",
        "this workbook is not an egov-bsc scorecard: the tables {tables} are missing",
    ),
    "file.too_many_parts": (
        "{where}paket berisi {count} bagian, melebihi batas {limit}; berkas ditolak",
        "{where}the package holds {count} parts, above the limit of {limit}; the file is refused",
    ),
    # a table's place (reading/table_parts.py, reading/source.py)
    "table.bad_ref": (
        "Buku kerja {path}: tabel {table} di lembar '{sheet}' memiliki rentang '{ref}' yang bukan "
        "rentang sel; perbaiki tabel di Excel",
        "the workbook {path}: table {table} on sheet '{sheet}' has the ref '{ref}', which is not a "
        "range of cells; "
        "repair the table in Excel",
    ),
    "table.inverted_ref": (
        "Buku kerja {path}: tabel {table} di lembar '{sheet}' memiliki rentang terbalik '{ref}' "
        "(akhir sebelum awal); perbaiki tabel di Excel",
        "the workbook {path}: table {table} on sheet '{sheet}' has the inverted ref '{ref}', its end "
        "before its start; "
        "repair the table in Excel",
    ),
    "table.too_many_cells": (
        "Buku kerja {path}: tabel {table} di lembar '{sheet}' mencakup rentang {ref} ({cells} sel), "
        "melebihi batas {limit} sel; perkecil tabel di Excel",
        "the workbook {path}: table {table} on sheet '{sheet}' spans {ref}, {cells} cells, more than "
        "the limit of {limit}; resize the table in Excel",
    ),
    # a part of the package that cannot be used: "the workbook's part P <what>"
    "part.broken": (
        "Buku kerja {path}: bagian {part} {what}",
        "the workbook {path}: part {part} {what}",
    ),
    "part.broken_recalc": (
        "Buku kerja {path}: bagian {part} {what}; hitung ulang dibatalkan, berkas tidak diubah",
        "the workbook {path}: part {part} {what}; recalc stopped, the file is unchanged",
    ),
    "part.missing": ("tidak ada di dalam berkas", "is missing from the file"),
    "part.damaged": (
        "rusak dan tidak dapat dibuka ({error})",
        "is damaged and cannot be inflated: {error}",
    ),
    "part.doctype": (
        "memuat deklarasi DOCTYPE/ENTITY yang tidak dipakai Excel; berkas ditolak",
        "declares a DOCTYPE or entities, which Excel never writes; the file is refused",
    ),
    "part.doctype_recalc": (
        "memuat deklarasi DOCTYPE/ENTITY yang tidak pernah ditulis Excel",
        "declares a DOCTYPE or entities, which Excel never writes",
    ),
    "part.not_xml": ("bukan XML yang valid ({error})", "is not well-formed XML: {error}"),
    "part.nested": ("bersarang terlalu dalam", "is nested too deeply"),
    "part.referred_missing": (
        "dirujuk oleh buku kerja tetapi tidak ada di dalam berkas",
        "is referred to by the workbook but missing from the file",
    ),
    "part.sheet_missing": (
        "(lembar '{sheet}') tidak ada di dalam berkas",
        "(sheet '{sheet}') is missing from the file",
    ),
    "part.cut_short": (
        "terpotong: tag </sheetData> tidak ditemukan",
        "is cut short: no </sheetData> tag",
    ),
    # a new workbook (template/build.py)
    "new.lang": (
        "Bahasa harus id atau en, bukan {value}",
        "language must be id or en, not {value}",
    ),
    "new.formulas": (
        "--formulas harus udf atau native, bukan {value}",
        "--formulas must be udf or native, not {value}",
    ),
    "new.bands": (
        "--bands harus salah satu dari {presets}, bukan {value}",
        "--bands must be one of {presets}, not {value}",
    ),
    "new.suffix": (
        "Nama berkas harus berakhiran .xlsm: {path}",
        "the file name must end in .xlsm: {path}",
    ),
    "new.exists": (
        "Berkas sudah ada: {path}; pakai --force untuk menimpa",
        "the file {path} exists; use --force to overwrite",
    ),
    "new.no_folder": ("Folder tidak ada: {path}", "the folder {path} does not exist"),
    "new.demo_errors": (
        "Data demo memiliki {count} kesalahan validasi",
        "the demo data has {count} validation errors",
    ),
    "new.demo_unit_errors": (
        "Data demo {name} memiliki {count} kesalahan validasi",
        "the demo data {name} has {count} validation errors",
    ),
    # update-vba (writing/vba.py)
    "vba.no_modules": (
        "Tidak ada modul VBA di {folder}",
        "no VBA modules found in {folder}",
    ),
    "vba.no_xlwings": (
        "xlwings tidak terpasang; --standalone memerlukannya",
        "xlwings is not installed; --standalone needs it",
    ),
    "vba.no_project": (
        "{name} tidak berisi proyek VBA; buat buku kerja dengan 'egov-bsc new'",
        "{name} has no VBA project; create the workbook with 'egov-bsc new'",
    ),
    "vba.cannot_update": (
        "Proyek VBA {name} tidak dapat diperbarui",
        "the VBA project of {name} cannot be updated",
    ),
    "vba.not_xlsm": (
        "Hanya buku kerja .xlsm yang berisi makro: {name}",
        "only a macro-enabled .xlsm workbook has VBA: {name}",
    ),
    "vba.read_only": (
        "Buku kerja {name} hanya-baca: tidak dapat ditulis; hapus atribut hanya-baca",
        "the workbook {name} is read-only and cannot be written; clear its read-only attribute",
    ),
    "vba.unreadable": (
        "Bukan buku kerja Excel yang dapat dibaca: {name}",
        "not a readable Excel workbook: {name}",
    ),
    # recalc (writing/recalc.py)
    "recalc.no_folder": ("folder tidak ada", "no such folder"),
    # the UDFs' errors, shown in a cell (calc/functions.py): "#BSC! Indonesian / English"
    "udf.not_number": ("bukan angka", "not a number"),
    "udf.lengths": ("panjang kolom berbeda", "columns differ in length"),
    "udf.polarity": ("polaritas tidak dikenal", "unknown polarity"),
    "udf.cap": ("batas capaian tidak valid", "invalid cap"),
    "udf.target": ("target harus {limit}", "target must be {limit}"),
    "udf.negative_weight": ("bobot negatif", "negative weight"),
    # the UDFs of the open workbook (xl/udfs_book.py)
    "udf.period": ("periode '{value}' tidak dikenali", "period '{value}' not recognised"),
    "deck.no_scores": ("Tidak ada skor untuk disajikan", "no scores to present"),
    # the buttons (xl/macros.py)
    "xl.no_caller": (
        "egov-bsc-xl: buku kerja pemanggil tidak ditemukan ({kind}); rincian di {log}",
        "the calling workbook was not found ({kind}); details in {log}",
    ),
    # the deck's logo (deck/logo.py, deck/base.py, deck/common.py)
    "logo.left_out": ("Logo tidak dipasang: {what}", "logo left out: {what}"),
    "logo.unreadable_master": (
        "Logo tidak dipasang: {logo} tidak dapat dibaca",
        "logo left out: {logo} cannot be read",
    ),
    "logo.title_slide": (
        "Logo tidak dipasang di slide judul: {logo} ({error})",
        "logo left out of the title slide: {logo} ({error})",
    ),
    "logo.path": (
        "jalur '{raw}' tidak dapat dibaca ({error})",
        "the path '{raw}' cannot be read ({error})",
    ),
    "logo.outside": (
        "'{raw}' berada di luar folder buku kerja {base}. Salin logo ke folder itu, atau izinkan "
        "dengan --allow-logo-outside",
        "'{raw}' is outside the workbook's folder {base}. Copy the logo into that folder, or allow "
        "it with --allow-logo-outside",
    ),
    "logo.not_found": (
        "berkas '{raw}' tidak ditemukan ({path})",
        "file '{raw}' not found ({path})",
    ),
    "logo.too_big": (
        "'{raw}' berukuran {size} MB, lebih dari 10 MB",
        "'{raw}' is {size} MB, more than 10 MB",
    ),
    "logo.bomb": (
        "gambar '{raw}' terlalu besar ({error})",
        "the image '{raw}' is too large ({error})",
    ),
    "logo.not_image": (
        "'{raw}' bukan gambar yang dapat dibaca (format yang diterima: {expected}); {kind}",
        "'{raw}' is not a readable image (accepted formats: {expected}); {kind}",
    ),
    "logo.format": (
        "'{raw}' berformat {kind}; gunakan {expected}",
        "'{raw}' is {kind}; use {expected}",
    ),
    "logo.pixels": (
        "gambar '{raw}' berukuran {width} × {height} piksel, lebih dari {side} piksel per sisi "
        "atau {pixels} piksel",
        "the image '{raw}' is {width} × {height} pixels, more than {side} a side or "
        "{pixels} pixels",
    ),
}
