"""The workbook contract of SPEC 3: table names, column keys, labels and sheet names, written once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from egov_bsc_xl.i18n.language import LANGUAGE_CODES, pick
from egov_bsc_xl.i18n.numbers import SCORE_TOP, SHARE_TOP


class Kind(StrEnum):
    """What a column holds; the reader parses and the template formats by kind."""

    TEXT = "text"
    ID = "id"  # an identifier, text
    IDS = "ids"  # comma-separated identifiers
    NUMBER = "number"
    PERCENT = "percent"  # a share up to 100 %: fraction in the cell (0.25 shown as 25 %); 25 is read as 25 %
    SCORE = "score"  # an achievement-scale fraction that may pass 100 % (1.2 = 120 %); 120 is read as 120 %
    MONEY = "money"  # rupiah, thousands separators
    INTEGER = "integer"
    DATE = "date"
    PERIOD = "period"
    CHOICE = "choice"  # one of a dropdown list
    VALUE = "value"  # number or yes/no word (measurement target/actual)
    COMPUTED = "computed"  # written by the product, never read as input


@dataclass(frozen=True)
class Column:
    key: str
    label_id: str
    label_en: str
    kind: Kind = Kind.TEXT
    required: bool = False

    def label(self, lang: str) -> str:
        return pick(lang, self.label_id, self.label_en)


@dataclass(frozen=True)
class TableSpec:
    name: str
    sheet_id: str
    sheet_en: str
    columns: tuple[Column, ...]
    key_value: bool = False
    read_only: bool = False
    required: bool = True

    def sheet(self, lang: str) -> str:
        return pick(lang, self.sheet_id, self.sheet_en)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(col.key for col in self.columns)


C = Column
K = Kind

_KEY_VALUE = (
    C("key", "Kunci", "Key", K.ID, True),
    C("label", "Uraian", "Label"),
    C("value", "Nilai", "Value"),
)

PROFILE = TableSpec("tblProfile", "Profil", "Profile", _KEY_VALUE, key_value=True)

PERSPECTIVES = TableSpec(
    "tblPerspectives",
    "Perspektif",
    "Perspectives",
    (
        C("id", "ID", "ID", K.ID, True),
        C("name", "Nama Perspektif", "Perspective", K.TEXT, True),
        C("weight", "Bobot (%)", "Weight (%)", K.PERCENT, True),
        C("order", "Urutan", "Order", K.INTEGER),
        C("active", "Aktif", "Active", K.CHOICE),
    ),
)

OBJECTIVES = TableSpec(
    "tblObjectives",
    "Sasaran",
    "Objectives",
    (
        C("id", "ID", "ID", K.ID, True),
        C("perspective_id", "ID Perspektif", "Perspective ID", K.ID, True),
        C("objective", "Sasaran Strategis", "Objective", K.TEXT, True),
        C("supports", "Mendukung", "Supports", K.IDS),
        C("description", "Keterangan", "Description"),
    ),
)

KPIS = TableSpec(
    "tblKpis",
    "IKU",
    "KPIs",
    (
        C("id", "ID", "ID", K.ID, True),
        C("objective_id", "ID Sasaran", "Objective ID", K.ID, True),
        C("name", "Nama IKU", "KPI name", K.TEXT, True),
        C("definition", "Definisi", "Definition"),
        C("unit", "Satuan", "Unit"),
        C("polarity", "Polaritas", "Polarity", K.CHOICE, True),
        C("weight", "Bobot", "Weight", K.NUMBER),
        C("baseline", "Baseline", "Baseline", K.NUMBER),
        C("frequency", "Frekuensi", "Frequency", K.CHOICE),
        C("aggregation", "Agregasi", "Aggregation", K.CHOICE),
        C("data_source", "Sumber Data", "Data source"),
        C("method", "Metode Pengukuran", "Measurement method"),
        C("owner", "Penanggung Jawab", "Owner"),
        # SPEC 8 (optional: a workbook without them reads as before)
        C("kpi_type", "Jenis IKU", "KPI type", K.CHOICE),
        C("annual_target", "Target Tahunan (PK)", "Annual target", K.NUMBER),
        C("plan_target", "Target Akhir Renstra", "Strategic plan target", K.NUMBER),
        C("national_target", "Target Nasional", "National target", K.NUMBER),
        C("public", "Tampil di publik", "Public", K.CHOICE),
        # SPEC 9 (optional): a parent KPI fed by its units
        C("rollup", "Agregasi Unit", "Unit roll-up", K.CHOICE),
        C("source_kpi", "IKU Sumber", "Source KPI", K.ID),
    ),
)

MEASUREMENTS = TableSpec(
    "tblMeasurements",
    "Realisasi",
    "Measurements",
    (
        C("kpi_id", "ID IKU", "KPI ID", K.ID, True),
        C("period", "Periode", "Period", K.PERIOD, True),
        C("target", "Target", "Target", K.VALUE),
        C("target_upper", "Target Atas", "Upper target", K.NUMBER),
        C("actual", "Realisasi", "Actual", K.VALUE),
        C("note", "Catatan", "Note"),
        C("evidence", "Bukti", "Evidence"),
        C("achievement", "Capaian", "Achievement", K.COMPUTED),
        C("status", "Status", "Status", K.COMPUTED),
        # SPEC 8 (optional; after the computed columns so that Capaian and Status keep their place)
        C("analysis", "Analisis", "Analysis"),
        C("action", "Rencana Tindak Lanjut", "Follow-up action"),
        C("action_owner", "PIC Tindak Lanjut", "Action owner"),
        C("action_due", "Tenggat", "Due date", K.DATE),
    ),
)

INITIATIVES = TableSpec(
    "tblInitiatives",
    "Inisiatif",
    "Initiatives",
    (
        C("id", "ID", "ID", K.ID, True),
        C("name", "Nama Inisiatif", "Initiative", K.TEXT, True),
        C("objective_ids", "ID Sasaran", "Objective IDs", K.IDS),
        C("kpi_ids", "ID IKU", "KPI IDs", K.IDS),
        C("owner", "Penanggung Jawab", "Owner"),
        C("start", "Mulai", "Start", K.DATE),
        C("end", "Selesai", "End", K.DATE),
        C("budget", "Anggaran (Rp)", "Budget (Rp)", K.MONEY),
        C("spent", "Realisasi Anggaran (Rp)", "Spent (Rp)", K.MONEY),
        C("progress", "Progres (%)", "Progress (%)", K.PERCENT),
        C("status", "Status", "Status", K.CHOICE),
        C("note", "Catatan", "Note"),
    ),
)

REVISIONS = TableSpec(
    "tblRevisions",
    "Revisi",
    "Revisions",
    (
        C("date", "Tanggal", "Date", K.DATE),
        C("kpi_id", "ID IKU", "KPI ID", K.ID),
        C("field", "Kolom", "Field"),
        C("old_value", "Nilai Lama", "Old value"),
        C("new_value", "Nilai Baru", "New value"),
        C("reason", "Alasan", "Reason"),
    ),
    required=False,
)

SETTINGS = TableSpec(
    "tblSettings", "Pengaturan", "Settings", _KEY_VALUE, key_value=True, required=False
)

BANDS = TableSpec(
    "tblBands",
    "Pengaturan",
    "Settings",
    (
        C("lower_bound", "Batas Bawah", "Lower bound", K.SCORE, True),
        C("label_id", "Label (ID)", "Label (ID)", K.TEXT, True),
        C("label_en", "Label (EN)", "Label (EN)", K.TEXT, True),
        C("colour", "Warna", "Colour", K.TEXT),
    ),
    required=False,
)

KPI_LIBRARY = TableSpec(
    "tblKpiLibrary",
    "Pustaka IKU",
    "KPI Library",
    (
        C("code", "Kode", "Code", K.ID, True),
        C("perspective", "Perspektif", "Perspective"),
        C("name_id", "Nama IKU", "KPI name (Indonesian)"),
        C("name_en", "Nama IKU (Inggris)", "KPI name"),
        C("definition_id", "Definisi", "Definition (Indonesian)"),
        C("definition_en", "Definisi (Inggris)", "Definition"),
        C("unit", "Satuan", "Unit"),
        C("polarity", "Polaritas", "Polarity"),
        C("frequency", "Frekuensi", "Frequency"),
        C("aggregation", "Agregasi", "Aggregation"),
        C("data_source", "Sumber Data (saran)", "Suggested data source"),
        C("method_step", "Langkah Metode", "Method step"),
        C("kpi_type", "Jenis IKU", "KPI type"),
    ),
    read_only=True,
    required=False,
)

# SPEC 9: the units of a parent workbook (Pemda or Dinas); only a parent has it.
UNITS = TableSpec(
    "tblUnits",
    "Unit",
    "Units",
    (
        C("id", "ID", "ID", K.ID, True),
        C("name", "Nama Unit", "Unit name", K.TEXT, True),
        C("file", "Berkas", "File", K.TEXT, True),
        C("weight", "Bobot", "Weight", K.NUMBER),
        C("owner", "Penanggung Jawab", "Owner"),
        C("active", "Aktif", "Active", K.CHOICE),
    ),
    required=False,
)

TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in (
        PROFILE,
        PERSPECTIVES,
        OBJECTIVES,
        KPIS,
        MEASUREMENTS,
        INITIATIVES,
        REVISIONS,
        SETTINGS,
        BANDS,
        KPI_LIBRARY,
        UNITS,
    )
}

# Rows of the key/value tables: key -> (Indonesian label, English label).
PROFILE_KEYS: dict[str, tuple[str, str]] = {
    "agency": ("Instansi", "Agency"),
    "unit": ("Unit Kerja", "Unit"),
    "year": ("Tahun", "Year"),
    "report_period": ("Periode Laporan", "Report period"),
    "report_date": ("Tanggal Laporan", "Report date"),
    "vision": ("Visi", "Vision"),
    "mission": ("Misi", "Mission"),
    "language": ("Bahasa", "Language"),
    "logo": ("Logo (berkas gambar)", "Logo (image file)"),
    # SPEC 8 (optional)
    "plan_start": ("Awal Renstra (tahun)", "Strategic plan start (year)"),
    "plan_end": ("Akhir Renstra (tahun)", "Strategic plan end (year)"),
    "head_name": ("Nama Kepala", "Head's name"),
    "head_title": ("Jabatan Kepala", "Head's title"),
    "feedback_channel": ("Kanal pengaduan", "Feedback channel"),
}

SETTING_KEYS: dict[str, tuple[str, str]] = {
    "cap": ("Batas atas capaian", "Achievement cap"),
    "minimize_method": ("Rumus polaritas minimal", "Minimize formula"),
    "missing": ("Data kosong", "Missing data"),
    "language": ("Bahasa", "Language"),
    "band_preset": ("Preset pita status", "Band preset"),
    "attention_below": ("Perlu perhatian bila capaian di bawah", "Needs attention below"),
}

# Settings that hold a percentage, and their kind (the percent rule of workbook.cells.parse_percent).
SETTING_KINDS: dict[str, Kind] = {"cap": Kind.SCORE, "attention_below": Kind.SCORE}

# The one percent rule: a number typed with '%' is that percentage; a plain number above the
# kind's top is percent points (25 -> 25 %); otherwise it is the fraction itself (0.25 -> 25 %).
PERCENT_TOPS: dict[Kind, float] = {Kind.PERCENT: SHARE_TOP, Kind.SCORE: SCORE_TOP}

# Output sheets the product owns (SPEC 3).
DASHBOARD_SHEET = {"id": "Dasbor", "en": "Dashboard"}
VALIDATION_SHEET = {"id": "Validasi", "en": "Validation"}
GUIDE_SHEET = {"id": "Petunjuk", "en": "Guide"}
LKJIP_SHEET = {"id": "LKjIP", "en": "Performance Report"}  # SPEC 8, written by recalc
COLLECTION_SHEET = {"id": "Pengumpulan", "en": "Collection"}  # SPEC 9, written by collect
CONSOLIDATION_SHEET = {"id": "Konsolidasi", "en": "Consolidation"}  # SPEC 9, written by consolidate
XLWINGS_CONF_SHEET = "xlwings.conf"

LANGUAGES = LANGUAGE_CODES  # the values of Language (one list, in i18n.language)

_SEPARATORS = re.compile(r"[\s\-]+")


def normalise_header(text: object) -> str:
    """Lower-case a header and turn runs of spaces and hyphens into one underscore (SPEC 3)."""
    return _SEPARATORS.sub("_", str(text).strip().lower())


def header_aliases(col: Column) -> set[str]:
    """Every normalised header that names this column: its key and both labels."""
    return {
        normalise_header(col.key),
        normalise_header(col.label_id),
        normalise_header(col.label_en),
    }


def map_headers(spec: TableSpec, headers: list[str]) -> dict[str, int]:
    """Column key -> index of the header naming it (its key or either label, SPEC 3): the first
    header that names a column and is not already taken by an earlier column of the spec."""
    names = [normalise_header(h) for h in headers]
    found: dict[str, int] = {}
    for column in spec.columns:
        aliases = header_aliases(column)
        for j, name in enumerate(names):
            if name in aliases and j not in found.values():
                found[column.key] = j
                break
    return found


def revised_field_label(field: str, lang: str) -> str:
    """The column a revision names (`target`, `Target Atas`, `baseline` …) as the header the reader sees
    in `lang` ("Target Atas" / "Upper target"); any other text is returned as typed."""
    wanted = normalise_header(field)
    for spec in (MEASUREMENTS, KPIS):
        for col in spec.columns:
            if wanted and wanted in header_aliases(col):
                return col.label(lang)
    return field
