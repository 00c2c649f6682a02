"""Texts of the LKjIP / Performance Report sheet and of the dashboard's SAKIP columns (SPEC 8).

Registered in the catalogue under the ``sheet`` namespace (``sheet.lkjip_title`` …).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from egov_bsc_xl.i18n.language import fill

if TYPE_CHECKING:
    from egov_bsc_xl.i18n.words import Language

# key -> (Indonesian, English)
TEXTS: dict[str, tuple[str, str]] = {
    "lkjip_title": (
        "Laporan Kinerja (LKjIP) — Bab III Akuntabilitas Kinerja",
        "Performance Report (LKjIP) — Chapter III Performance Accountability",
    ),
    "lkjip_note": (
        "Diisi otomatis oleh tombol Hitung Ulang (egov-bsc recalc). Tiap tabel dapat disalin "
        "langsung ke dokumen LKjIP; perubahan di lembar ini akan tertimpa.",
        "Filled by the Recalculate button (egov-bsc recalc). Each table can be copied straight "
        "into the LKjIP document; changes on this sheet are overwritten.",
    ),
    "lkjip_plan_period": ("Periode Renstra", "Strategic plan period"),
    "lkjip_head": ("Kepala", "Head"),
    "lkjip_summary": (
        "{met} dari {total} IKU mencapai atau melampaui target.",
        "{met} of {total} KPIs met or exceeded their target.",
    ),
    "lkjip_objective": ("Sasaran strategis {id}: {name}", "Strategic objective {id}: {name}"),
    "lkjip_perspective": ("Perspektif: {name}", "Perspective: {name}"),
    "lkjip_no_kpis": ("Sasaran ini belum memiliki IKU.", "This objective has no KPI yet."),
    "lkjip_no_plan_target": (
        "Belum ada IKU sasaran ini yang memiliki Target Akhir Renstra.",
        "No KPI of this objective has a strategic plan target yet.",
    ),
    "lkjip_no_national_target": (
        "Tidak ada IKU sasaran ini yang memiliki Target Nasional.",
        "No KPI of this objective has a national target.",
    ),
    "lkjip_tab_measure": ("a. Pengukuran kinerja", "a. Performance measurement"),
    "lkjip_tab_years": (
        "b. Perbandingan realisasi dengan dua tahun sebelumnya",
        "b. Comparison with the last two years",
    ),
    "lkjip_tab_plan": (
        "c. Perbandingan dengan target akhir Renstra",
        "c. Comparison with the strategic plan's end target",
    ),
    "lkjip_tab_national": (
        "d. Perbandingan dengan target nasional",
        "d. Comparison with the national target",
    ),
    "lkjip_tab_analysis": (
        "e. Analisis penyebab dan rencana tindak lanjut",
        "e. Analysis of causes and follow-up",
    ),
    "lkjip_tab_budget": ("f. Anggaran dan efisiensi", "f. Budget and efficiency"),
    "lkjip_fallback_target": (
        "Target tahunan (PK) belum diisi untuk {kpis}: kolom target memakai target periode "
        "laporan, capaiannya capaian periode.",
        "No annual (PK) target for {kpis}: the target column shows the report period's target "
        "and its achievement.",
    ),
    "lkjip_efficiency_note": (
        "Efisiensi = capaian sasaran − serapan anggaran, dalam poin persentase: efisien bila "
        "≥ 0, kurang efisien bila < 0.",
        "Efficiency = objective achievement − budget absorption, in percentage points: "
        "efficient when ≥ 0, less efficient when < 0.",
    ),
    "lkjip_col_id": ("ID", "ID"),
    "lkjip_col_kpi": ("Indikator Kinerja Utama", "Key performance indicator"),
    "lkjip_col_unit": ("Satuan", "Unit"),
    "lkjip_col_target": ("Target tahunan (PK) {year}", "Annual target (PK) {year}"),
    "lkjip_col_period_target": ("Target s.d. {period}", "Target to {period}"),
    "lkjip_col_actual": ("Realisasi {year}", "Actual {year}"),
    "lkjip_col_achievement": ("Capaian (%)", "Achievement (%)"),
    "lkjip_col_achievement_year": ("Capaian {year} (%)", "Achievement {year} (%)"),
    "lkjip_col_change": ("Perubahan {year} thd {prev}", "Change {year} vs {prev}"),
    "lkjip_col_plan_target": ("Target akhir Renstra {end}", "Strategic plan target {end}"),
    "lkjip_col_achievement_plan": (
        "Capaian thd target Renstra (%)",
        "Achievement against the plan target (%)",
    ),
    "lkjip_col_years_left": ("Sisa tahun Renstra", "Plan years left"),
    "lkjip_col_national": ("Target nasional", "National target"),
    "lkjip_col_achievement_national": (
        "Capaian thd target nasional (%)",
        "Achievement against the national target (%)",
    ),
    "lkjip_col_analysis": ("Analisis penyebab", "Analysis of causes"),
    "lkjip_col_action": ("Rencana tindak lanjut", "Follow-up action"),
    "lkjip_col_action_owner": ("PIC tindak lanjut", "Action owner"),
    "lkjip_col_action_due": ("Tenggat", "Due"),
    "lkjip_col_objective": ("Sasaran strategis", "Strategic objective"),
    "lkjip_col_objective_achievement": ("Capaian sasaran (%)", "Objective achievement (%)"),
    "lkjip_col_budget": ("Anggaran (Rp)", "Budget (Rp)"),
    "lkjip_col_spent": ("Realisasi anggaran (Rp)", "Spent (Rp)"),
    "lkjip_col_absorption": ("Serapan anggaran (%)", "Budget absorption (%)"),
    "lkjip_col_efficiency": ("Efisiensi (poin)", "Efficiency (points)"),
    "lkjip_col_efficiency_word": ("Keterangan", "Assessment"),
    "lkjip_efficient": ("Efisien", "Efficient"),
    "lkjip_less_efficient": ("Kurang efisien", "Less efficient"),
    # the dashboard's SAKIP columns (shown when some KPI has them)
    "dash_annual_target": ("Target tahunan (PK)", "Annual target (PK)"),
    "dash_last_year": ("Realisasi tahun lalu", "Last year's actual"),
}


def text(key: str, lang: Language | str = "id", **values: object) -> str:
    """The text `key` in language `lang` (Indonesian unless 'en'), with `{name}` fields filled."""
    return fill(TEXTS[key], lang, values)
