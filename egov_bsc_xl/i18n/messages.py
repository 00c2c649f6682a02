"""Validation messages and hints of SPEC 6, in Indonesian and English.

Each template is formatted with the issue's fields: {table}, {sheet}, {cell}, {field},
{value}, {extra}. Messages say what is wrong; hints say what is expected.
"""

from __future__ import annotations

from typing import Any

# code -> (severity, (message id, message en), (hint id, hint en))
MESSAGES: dict[str, tuple[str, tuple[str, str], tuple[str, str]]] = {
    "E001": ("error",
             ("Tabel {table} tidak ditemukan di buku kerja.", "Table {table} is missing from the workbook."),
             ("Gunakan templat egov-bsc; jangan ganti nama tabel Excel ({table}).",
              "Start from the egov-bsc template; do not rename the Excel table ({table}).")),
    "E002": ("error",
             ("Kolom '{field}' tidak ada di tabel {table}.", "Column '{field}' is missing from table {table}."),
             ("Tambahkan kolom dengan judul '{extra}' atau '{field}'.",
              "Add a column headed '{extra}' or '{field}'.")),
    "E010": ("error",
             ("ID '{value}' dipakai lebih dari sekali di {table}.", "ID '{value}' is used more than once in {table}."),
             ("Setiap baris memerlukan ID yang unik.", "Every row needs a unique ID.")),
    "E011": ("error",
             ("'{value}' merujuk ke ID yang tidak ada di lembar {extra}.",
              "'{value}' refers to an ID that does not exist on the {extra} sheet."),
             ("Pilih ID yang ada di lembar {extra} (gunakan daftar pilihan).",
              "Pick an ID that exists on the {extra} sheet (use the dropdown).")),
    "E020": ("error",
             ("Nilai '{field}' wajib diisi.", "'{field}' must not be blank."),
             ("Isi sel ini{extra}.", "Fill in this cell{extra}.")),
    "E021": ("error",
             ("'{value}' bukan angka.", "'{value}' is not a number."),
             ("Isi dengan angka, misalnya 85 atau 85,5.", "Enter a number, for example 85 or 85.5.")),
    "E022": ("error",
             ("'{value}' tidak termasuk pilihan yang diizinkan untuk '{field}'.",
              "'{value}' is not an allowed value for '{field}'."),
             ("Pilih salah satu: {extra}.", "Choose one of: {extra}.")),
    "E023": ("error",
             ("Target {value} tidak boleh nol atau negatif untuk polaritas {extra}.",
              "Target {value} must be above zero for polarity {extra}."),
             ("Capaian dihitung sebagai rasio terhadap target; isi target lebih dari 0.",
              "Achievement is a ratio to the target; enter a target above 0.")),
    "E024": ("error",
             ("Batas bawah target ({value}) lebih besar dari target atas ({extra}).",
              "Lower target ({value}) is greater than the upper target ({extra})."),
             ("Tukar kedua nilai: Target = batas bawah, Target Atas = batas atas.",
              "Swap the two values: Target = lower bound, Upper target = upper bound.")),
    "E025": ("error",
             ("Sel berisi galat Excel {value}.", "The cell holds the Excel error {value}."),
             ("Perbaiki rumus atau ketik nilainya langsung.", "Fix the formula or type the value itself.")),
    "E026": ("error",
             ("Periode '{value}' tidak dikenali.", "Period '{value}' is not recognised."),
             ("Tulis periode seperti 2026-Q1, TW I 2026, 2026-S1, Semester I 2026, 2026-03, Maret 2026 atau 2026.",
              "Write the period as 2026-Q1, 2026-S1, 2026-03 or 2026 (TW I 2026, Semester I 2026, Maret 2026 also work).")),
    "E027": ("error",
             ("IKU {value} memiliki lebih dari satu baris untuk periode {extra}.",
              "KPI {value} has more than one row for period {extra}."),
             ("Hapus baris ganda; satu IKU hanya satu baris per periode.",
              "Delete the duplicate; one row per KPI and period.")),
    "E029": ("error",
             ("Angka {value} tidak wajar: tak hingga, bukan angka, atau sebesar 10^15 atau lebih.",
              "The number {value} is absurd: infinite, not a number, or 10^15 or more in size."),
             ("Ketik angka yang sebenarnya (di bawah 1.000.000.000.000.000).",
              "Type the real figure (below 1,000,000,000,000,000).")),
    "E030": ("error",
             ("Bobot {value} negatif.", "Weight {value} is negative."),
             ("Bobot harus 0 atau lebih.", "Weights must be 0 or more.")),
    "E040": ("error",
             ("Inisiatif tidak valid: {extra}.", "Initiative is not valid: {extra}."),
             ("Tanggal selesai harus setelah tanggal mulai; progres antara 0 % dan 100 %.",
              "The end date must follow the start date; progress must be between 0 % and 100 %.")),
    "W001": ("warning",
             ("Bobot perspektif berjumlah {value}, bukan 100 %.", "Perspective weights add up to {value}, not 100 %."),
             ("Bobot dinormalkan otomatis; sesuaikan agar berjumlah 100 %.",
              "Weights are normalised automatically; adjust them to add up to 100 %.")),
    "W010": ("warning",
             ("{extra} '{value}' belum memiliki IKU.", "{extra} '{value}' has no KPI."),
             ("Tambahkan minimal satu IKU atau nonaktifkan.", "Add at least one KPI, or switch it off.")),
    "W011": ("warning",
             ("Target {value} kurang ambisius dibanding baseline {extra}.",
              "Target {value} is less ambitious than the baseline {extra}."),
             ("Periksa kembali target; target biasanya lebih baik dari baseline.",
              "Check the target; it is usually better than the baseline.")),
    "W012": ("warning",
             ("Realisasi {value} dan target {extra} berbeda 50 kali lipat atau lebih.",
              "Actual {value} and target {extra} differ by a factor of 50 or more."),
             ("Periksa satuan (misalnya 0,85 dan 85 %).", "Check the units (for example 0.85 versus 85 %).")),
    "W013": ("warning",
             ("IKU {value} belum memiliki realisasi untuk periode {extra}.",
              "KPI {value} has no actual for period {extra}."),
             ("Isi realisasi pada tabel Realisasi, atau biarkan bila data memang belum tersedia.",
              "Enter the actual in the Measurements table, or leave it if the data is not available yet.")),
    "W020": ("warning",
             ("Inisiatif melebihi anggaran: realisasi {value} dari anggaran {extra}.",
              "Initiative over budget: spent {value} of a budget of {extra}."),
             ("Periksa realisasi anggaran atau lakukan revisi anggaran.", "Check the spending or revise the budget.")),
    "W021": ("warning",
             ("Inisiatif terlambat: progres {value}, rencana {extra}.",
              "Initiative behind schedule: progress {value}, planned {extra}."),
             ("Tinjau jadwal dan hambatan pelaksanaan.", "Review the schedule and what holds it up.")),
    "W022": ("warning",
             ("Inisiatif '{value}' tidak terkait dengan sasaran atau IKU.",
              "Initiative '{value}' is linked to no objective or KPI."),
             ("Isi ID Sasaran atau ID IKU yang didukung.", "Fill in the objective or KPI IDs it supports.")),
    "W030": ("warning",
             ("Angka dibaca dari teks '{value}' sebagai {extra}.", "Number read from the text '{value}' as {extra}."),
             ("Ketik angka tanpa tanda kutip agar Excel menyimpannya sebagai angka.",
              "Type the number without quotes so that Excel stores it as a number.")),
}


def severity_of(code: str) -> str:
    return MESSAGES[code][0]


def render(code: str, lang: str, **fields: Any) -> tuple[str, str]:
    """(message, hint) of `code` in `lang`, formatted with the issue's fields."""
    _, message, hint = MESSAGES[code]
    pick = 0 if lang == "id" else 1
    values = {k: ("" if v is None else v) for k, v in fields.items()}
    for key in ("table", "sheet", "cell", "field", "value", "extra"):
        values.setdefault(key, "")
    return message[pick].format(**values), hint[pick].format(**values)
