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
}
