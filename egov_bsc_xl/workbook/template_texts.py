"""Titles and one-line hints of the table sheets, in Indonesian and English."""

from __future__ import annotations


def sheet_texts(lang: str) -> dict[str, tuple[str, str]]:
    """Sheet title and hint per table, in the workbook language."""
    id_en = {
        "tblProfile": (("Profil Instansi", "Isi kolom Nilai: instansi, tahun, periode laporan, visi, satu baris per misi."),
                       ("Agency profile", "Fill the Value column: agency, year, report period, vision, one row per mission.")),
        "tblPerspectives": (("Perspektif BSC", "Bobot dalam persen, jumlah 100 %. Aktif = Tidak mematikan perspektif."),
                            ("BSC perspectives", "Weights in percent, adding up to 100 %. Active = No switches a perspective off.")),
        "tblObjectives": (("Sasaran Strategis", "Mendukung: ID sasaran yang didorong sasaran ini, pisahkan dengan koma (panah peta strategi)."),
                          ("Strategic objectives", "Supports: ids of the objectives this one drives, comma separated (strategy map arrows).")),
        "tblKpis": (("Indikator Kinerja Utama (IKU)", "Salin dari Pustaka IKU; pilih polaritas, frekuensi, agregasi dari daftar. Bobot relatif."),
                    ("Key performance indicators", "Copy from the KPI Library; pick polarity, frequency, aggregation from the lists. Weights are relative.")),
        "tblMeasurements": (("Target dan Realisasi", "Satu baris per IKU per periode (2026-Q1). Capaian dan Status (abu-abu) dihitung otomatis."),
                            ("Targets and actuals", "One row per KPI per period (2026-Q1). Achievement and Status (grey) are computed.")),
        "tblInitiatives": (("Inisiatif Strategis", "Anggaran dalam rupiah; progres dalam persen; ID dipisah koma."),
                           ("Strategic initiatives", "Budget in rupiah; progress in percent; ids comma separated.")),
        "tblRevisions": (("Log Revisi", "Catat setiap perubahan target atau IKU beserta alasannya."),
                         ("Revision log", "Record every change of a target or KPI with its reason.")),
        "tblSettings": (("Pengaturan", "Batas atas capaian, rumus 'Semakin rendah semakin baik', data kosong, batas "
                                       "'perlu perhatian' (bawaan 100 % = target belum tercapai); pilih dari daftar."),
                        ("Settings", "Achievement cap, 'Lower is better' formula, missing data, the 'needs attention' bound "
                                     "(default 100 % = target not met); pick from the lists.")),
        "tblKpiLibrary": (("Pustaka IKU SPBE", "Katalog acuan (hanya baca): salin baris yang sesuai ke lembar IKU."),
                          ("SPBE KPI Library", "Reference catalogue (read only): copy the rows you need to the KPIs sheet.")),
    }
    return {k: v[0] if lang == "id" else v[1] for k, v in id_en.items()}
