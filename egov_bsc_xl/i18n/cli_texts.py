"""Texts of the terminal views of egov-bsc (rich tables), Indonesian first, then English."""

from __future__ import annotations

# key -> (Indonesian, English); the catalogue keys are cli.<key>
TEXTS: dict[str, tuple[str, str]] = {
    "issues": ("Hasil validasi", "Validation result"),
    "summary": ("{e} kesalahan, {w} peringatan", "{e} errors, {w} warnings"),
    "clean": ("Tidak ada masalah.", "No issues found."),
    "code": ("Kode", "Code"), "where": ("Lokasi", "Where"), "value": ("Nilai", "Value"),
    "message": ("Pesan", "Message"), "hint": ("Saran", "Hint"),
    "overall": ("Skor keseluruhan", "Overall score"), "coverage": ("cakupan data", "data coverage"),
    "coverage_head": ("Cakupan data", "Data coverage"),
    "perspective": ("Perspektif", "Perspective"), "weight": ("Bobot", "Weight"),
    "score": ("Skor", "Score"), "band": ("Status", "Status"), "kpi": ("IKU", "KPI"),
    "target": ("Target", "Target"), "actual": ("Realisasi", "Actual"),
    "achievement": ("Capaian", "Achievement"), "period": ("Periode", "Period"),
}
