"""Validation messages and hints of SPEC 6, in Indonesian and English.

Each template is formatted with the issue's fields: {table}, {sheet}, {cell}, {field},
{value}, {extra}. Messages say what is wrong; hints say what is expected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from egov_bsc_xl.i18n.language import pick

if TYPE_CHECKING:
    from egov_bsc_xl.i18n.words import Language

# code -> (severity, (message id, message en), (hint id, hint en))
MESSAGES: dict[str, tuple[str, tuple[str, str], tuple[str, str]]] = {
    "E001": (
        "error",
        (
            "Tabel {table} tidak ditemukan di buku kerja.",
            "Table {table} is missing from the workbook.",
        ),
        (
            "Gunakan templat egov-bsc; jangan ganti nama tabel Excel ({table}).",
            "Start from the egov-bsc template; do not rename the Excel table ({table}).",
        ),
    ),
    "E002": (
        "error",
        (
            "Kolom '{field}' tidak ada di tabel {table}.",
            "Column '{field}' is missing from table {table}.",
        ),
        (
            "Tambahkan kolom dengan judul '{extra}' atau '{field}'.",
            "Add a column headed '{extra}' or '{field}'.",
        ),
    ),
    "E010": (
        "error",
        (
            "ID '{value}' dipakai lebih dari sekali di {table}.",
            "ID '{value}' is used more than once in {table}.",
        ),
        ("Setiap baris memerlukan ID yang unik.", "Every row needs a unique ID."),
    ),
    "E011": (
        "error",
        (
            "'{value}' merujuk ke ID yang tidak ada di lembar {extra}.",
            "'{value}' refers to an ID that does not exist on the {extra} sheet.",
        ),
        (
            "Pilih ID yang ada di lembar {extra} (gunakan daftar pilihan).",
            "Pick an ID that exists on the {extra} sheet (use the dropdown).",
        ),
    ),
    "E012": (
        "error",
        (
            "Tautan 'mendukung' antarsasaran membentuk lingkaran: {value}.",
            "The 'supports' links between objectives form a cycle: {value}.",
        ),
        (
            "Sebuah sasaran tidak dapat mendukung dirinya sendiri; hapus salah satu tautan dalam lingkaran.",
            "An objective cannot support itself; remove one link of the cycle.",
        ),
    ),
    "E020": (
        "error",
        ("Nilai '{field}' wajib diisi.", "'{field}' must not be blank."),
        ("Isi sel ini{extra}.", "Fill in this cell{extra}."),
    ),
    "E021": (
        "error",
        ("'{value}' bukan angka.", "'{value}' is not a number."),
        ("Isi dengan angka, misalnya 85 atau 85,5.", "Enter a number, for example 85 or 85.5."),
    ),
    "E022": (
        "error",
        (
            "'{value}' tidak termasuk pilihan yang diizinkan untuk '{field}'.",
            "'{value}' is not an allowed value for '{field}'.",
        ),
        ("Pilih salah satu: {extra}.", "Choose one of: {extra}."),
    ),
    "E023": (
        "error",
        (
            "Target {value} tidak dapat dipakai untuk polaritas {extra}.",
            "Target {value} cannot be used with polarity {extra}.",
        ),
        (
            "Untuk 'Semakin tinggi semakin baik' isi target lebih dari 0; untuk 'Semakin rendah semakin "
            "baik' target 0 boleh (misalnya 0 insiden), target negatif tidak.",
            "For 'Higher is better' enter a target above 0; for 'Lower is better' a target of 0 is allowed "
            "(for example 0 incidents), a negative one is not.",
        ),
    ),
    "E024": (
        "error",
        (
            "Batas bawah target ({value}) lebih besar dari target atas ({extra}).",
            "Lower target ({value}) is greater than the upper target ({extra}).",
        ),
        (
            "Tukar kedua nilai: Target = batas bawah, Target Atas = batas atas.",
            "Swap the two values: Target = lower bound, Upper target = upper bound.",
        ),
    ),
    "E025": (
        "error",
        ("Sel berisi nilai kesalahan Excel {value}.", "The cell holds the Excel error {value}."),
        (
            "Perbaiki rumus atau ketik nilainya langsung.",
            "Fix the formula or type the value itself.",
        ),
    ),
    "E026": (
        "error",
        ("Periode '{value}' tidak dikenali.", "Period '{value}' is not recognised."),
        (
            "Tulis periode seperti 2026-Q1, TW I 2026, 2026-S1, Semester I 2026, 2026-03, Maret 2026 atau 2026.",
            "Write the period as 2026-Q1, 2026-S1, 2026-03 or 2026 (TW I 2026, Semester I 2026, Maret 2026 also work).",
        ),
    ),
    "E027": (
        "error",
        (
            "IKU {value} memiliki lebih dari satu baris untuk periode {extra}.",
            "KPI {value} has more than one row for period {extra}.",
        ),
        (
            "Hapus baris ganda; satu IKU hanya satu baris per periode.",
            "Delete the duplicate; one row per KPI and period.",
        ),
    ),
    "E028": (
        "error",
        (
            "Periode {value} tidak sesuai frekuensi IKU: {extra}.",
            "Period {value} does not match the KPI's frequency: {extra}.",
        ),
        (
            "Dalam satu tahun, semua baris satu IKU memakai periode sesuai frekuensinya. Target tahunan "
            "(PK) diisi di kolom 'Target Tahunan (PK)' (annual_target) pada tabel IKU, bukan sebagai baris "
            "tahunan di Realisasi; atau ubah frekuensi IKU.",
            "Within one year all rows of a KPI use periods of its frequency. Put the annual (PK) target in "
            "the KPI's 'Annual target' (annual_target) column of the KPI table, not as an annual row in "
            "Measurements; or change the KPI's frequency.",
        ),
    ),
    "E029": (
        "error",
        (
            "Angka {value} tidak wajar: tak hingga, bukan angka, atau sebesar 10^15 atau lebih.",
            "The number {value} is absurd: infinite, not a number, or 10^15 or more in size.",
        ),
        (
            "Ketik angka yang sebenarnya (di bawah 1.000.000.000.000.000).",
            "Type the real figure (below 1,000,000,000,000,000).",
        ),
    ),
    "E030": (
        "error",
        ("Bobot {value} negatif.", "Weight {value} is negative."),
        ("Bobot harus 0 atau lebih.", "Weights must be 0 or more."),
    ),
    "E031": (
        "error",
        (
            "Tidak ada perspektif yang aktif (semua bernilai '{value}'); tidak ada yang dapat diberi skor.",
            "No perspective is active (all are '{value}'); there is nothing to score.",
        ),
        ("Aktifkan minimal satu perspektif (Ya).", "Switch at least one perspective on (Yes)."),
    ),
    "E032": (
        "error",
        ("'{value}' bukan tanggal.", "'{value}' is not a date."),
        (
            "Isi tanggal, misalnya 2026-02-01, 01/02/2026 atau 1 Februari 2026.",
            "Enter a date, for example 2026-02-01, 01/02/2026 or 1 February 2026.",
        ),
    ),
    "E040": (
        "error",
        ("Inisiatif tidak valid: {extra}.", "Initiative is not valid: {extra}."),
        (
            "Tanggal selesai harus setelah tanggal mulai; progres antara 0 % dan 100 %.",
            "The end date must follow the start date; progress must be between 0 % and 100 %.",
        ),
    ),
    "W001": (
        "warning",
        (
            "Bobot perspektif berjumlah {value}, bukan 100 %.",
            "Perspective weights add up to {value}, not 100 %.",
        ),
        (
            "Bobot dinormalkan otomatis; sesuaikan agar berjumlah 100 %.",
            "Weights are normalised automatically; adjust them to add up to 100 %.",
        ),
    ),
    "W010": (
        "warning",
        ("{extra} '{value}' belum memiliki IKU.", "{extra} '{value}' has no KPI."),
        ("Tambahkan minimal satu IKU atau nonaktifkan.", "Add at least one KPI, or switch it off."),
    ),
    "W011": (
        "warning",
        (
            "Target {value} kurang ambisius dibanding baseline {extra}.",
            "Target {value} is less ambitious than the baseline {extra}.",
        ),
        (
            "Periksa kembali target; target biasanya lebih baik dari baseline.",
            "Check the target; it is usually better than the baseline.",
        ),
    ),
    "W012": (
        "warning",
        (
            "Realisasi {value} dan target {extra} berbeda 50 kali lipat atau lebih.",
            "Actual {value} and target {extra} differ by a factor of 50 or more.",
        ),
        (
            "Periksa satuan (misalnya 0,85 dan 85 %).",
            "Check the units (for example 0.85 versus 85 %).",
        ),
    ),
    "W013": (
        "warning",
        (
            "IKU {value} belum memiliki realisasi untuk periode {extra}.",
            "KPI {value} has no actual for period {extra}.",
        ),
        (
            "Isi realisasi pada tabel Realisasi, atau biarkan bila data memang belum tersedia.",
            "Enter the actual in the Measurements table, or leave it if the data is not available yet.",
        ),
    ),
    "W014": (
        "warning",
        (
            "IKU {value} perlu perhatian, tetapi belum ada {extra}.",
            "KPI {value} needs attention, but has no {extra}.",
        ),
        (
            "Isi kolom Analisis (sebab keberhasilan atau kegagalan) dan Rencana Tindak Lanjut (dengan "
            "PIC dan tenggat) pada baris realisasi periode laporan; keduanya dipakai di LKjIP Bab III "
            "dan di paparan.",
            "Fill in Analysis (causes of success or failure) and Follow-up action (with its owner and "
            "due date) on the measurement row of the report period; both go into the LKjIP chapter III "
            "and the decks.",
        ),
    ),
    "W015": (
        "warning",
        (
            "Target tahunan (PK) {value} kurang ambisius dibanding {extra}.",
            "Annual target {value} is less ambitious than {extra}.",
        ),
        (
            "Target tahunan (PK) semestinya setara dengan target periode: jumlahnya untuk IKU 'Jumlah per "
            "periode', rata-ratanya untuk 'Rata-rata', target periode terakhir untuk 'Terakhir'. Periksa "
            "target tahunan atau target per periode.",
            "The annual target should match the period targets: their sum for a 'Sum of periods' KPI, "
            "their average for 'Average', the last period's target for 'Last'. Check the annual target "
            "or the period targets.",
        ),
    ),
    "W016": (
        "warning",
        (
            "Sel berisi rumus tanpa nilai tersimpan; dibaca sebagai kosong.",
            "The cell holds a formula saved without its value; it is read as blank.",
        ),
        (
            "Buka dan simpan buku kerja di Excel agar hasil rumus tersimpan, atau ketik nilainya langsung.",
            "Open and save the workbook in Excel so that the formula's result is stored, or type the value.",
        ),
    ),
    "W020": (
        "warning",
        (
            "Inisiatif melebihi anggaran: realisasi {value} dari anggaran {extra}.",
            "Initiative over budget: spent {value} of a budget of {extra}.",
        ),
        (
            "Periksa realisasi anggaran atau lakukan revisi anggaran.",
            "Check the spending or revise the budget.",
        ),
    ),
    "W021": (
        "warning",
        (
            "Inisiatif terlambat: progres {value}, rencana {extra}.",
            "Initiative behind schedule: progress {value}, planned {extra}.",
        ),
        ("Tinjau jadwal dan hambatan pelaksanaan.", "Review the schedule and what holds it up."),
    ),
    "W022": (
        "warning",
        (
            "Inisiatif '{value}' tidak terkait dengan sasaran atau IKU.",
            "Initiative '{value}' is linked to no objective or KPI.",
        ),
        (
            "Isi ID Sasaran atau ID IKU yang didukung.",
            "Fill in the objective or KPI IDs it supports.",
        ),
    ),
    "W030": (
        "warning",
        (
            "Angka dibaca dari teks '{value}' sebagai {extra}.",
            "Number read from the text '{value}' as {extra}.",
        ),
        (
            "Teks dibaca cara Indonesia (koma = desimal, titik = ribuan). Ketik angka tanpa tanda kutip "
            "agar Excel menyimpannya sebagai angka.",
            "Text is read the English way ('.' = decimal mark, ',' = thousands). Type the number without "
            "quotes so that Excel stores it as a number.",
        ),
    ),
    "W040": (
        "warning",
        (
            "Nilai yang diketik di buku kerja induk ({value}) berbeda dari hasil agregasi unit ({extra}); "
            "nilai yang diketik yang dipakai.",
            "The value typed in the parent workbook ({value}) differs from the units' roll-up ({extra}); "
            "the typed value is used.",
        ),
        (
            "Periksa angka dari unit, atau kosongkan sel ini agar hasil agregasi unit yang dipakai.",
            "Check the units' figures, or clear this cell so that the units' roll-up is used.",
        ),
    ),
    "W050": (
        "warning",
        (
            "Berkas unit '{value}' tidak dapat dipakai: {extra}. Unit ini tidak ikut dikonsolidasikan.",
            "Unit file '{value}' cannot be used: {extra}. The unit is left out of the consolidation.",
        ),
        (
            "Tulis jalur berkas relatif terhadap folder buku kerja induk, dan pastikan berkasnya buku "
            "kerja egov-bsc unit tersebut.",
            "Write the file's path relative to the parent workbook's folder, and make sure it is that "
            "unit's egov-bsc workbook.",
        ),
    ),
    "W051": (
        "warning",
        (
            "Unit '{value}' belum mengisi data untuk periode {extra}.",
            "Unit '{value}' has no data for the period {extra}.",
        ),
        (
            "Minta unit mengisi realisasi periode ini (mis. dengan egov-bsc forms dan collect), lalu "
            "jalankan konsolidasi lagi.",
            "Ask the unit for this period's actuals (for example with egov-bsc forms and collect), then "
            "consolidate again.",
        ),
    ),
    "E051": (
        "error",
        ("Formulir {value} ditolak: {extra}", "Form {value} refused: {extra}"),
        (
            "Pakai formulir yang dibuat 'egov-bsc forms' dari buku kerja dan periode ini, tanpa mengubah "
            "lembar tersembunyinya.",
            "Use a form made by 'egov-bsc forms' from this workbook and period, with its hidden sheet "
            "unchanged.",
        ),
    ),
    "W052": (
        "warning",
        (
            "Konflik di {sheet} {cell} ({field}): buku kerja berisi '{extra}', formulir {value}.",
            "Conflict at {sheet} {cell} ({field}): the workbook holds '{extra}', the form {value}.",
        ),
        (
            "Nilai buku kerja dipertahankan; periksa lalu jalankan 'egov-bsc collect --overwrite' untuk "
            "memakai nilai formulir.",
            "The workbook's value is kept; check it, then run 'egov-bsc collect --overwrite' to take the "
            "form's value.",
        ),
    ),
}


def render(code: str, lang: Language | str, **fields: Any) -> tuple[str, str]:
    """(message, hint) of `code` in `lang`, formatted with the issue's fields."""
    _, message, hint = MESSAGES[code]
    values = {k: ("" if v is None else v) for k, v in fields.items()}
    for key in ("table", "sheet", "cell", "field", "value", "extra"):
        values.setdefault(key, "")
    return pick(lang, *message).format(**values), pick(lang, *hint).format(**values)
