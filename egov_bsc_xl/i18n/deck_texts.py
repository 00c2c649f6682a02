"""Slide titles, labels and sentences of the briefing decks, Indonesian first, then English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from egov_bsc_xl.i18n.language import fill

if TYPE_CHECKING:
    from egov_bsc_xl.i18n.words import Language

# key -> (Indonesian, English); `{name}` fields are filled by `text(key, lang, **fields)`.
TEXTS: dict[str, tuple[str, str]] = {
    # titles of slides
    "deck_title_leadership": (
        "Laporan Kinerja Balanced Scorecard SPBE",
        "SPBE Balanced Scorecard Performance Report",
    ),
    "deck_title_public": (
        "Ringkasan Kinerja Layanan Digital",
        "Digital Service Performance Summary",
    ),
    "exec_summary": ("Ringkasan Eksekutif", "Executive Summary"),
    "perspective_scores": ("Skor per Perspektif", "Scores by Perspective"),
    "perspective_slide": ("Perspektif {name}", "{name} Perspective"),
    "trend": ("Tren Skor {year}", "Score Trend {year}"),
    "strategy_map": ("Peta Strategi", "Strategy Map"),
    "initiatives": ("Inisiatif Strategis", "Strategic Initiatives"),
    "attention": ("IKU yang Perlu Perhatian", "KPIs Needing Attention"),
    "completeness": ("Kelengkapan Data {period}", "Data Completeness {period}"),
    "data_quality": ("Kualitas Data: Temuan Validasi", "Data Quality: Validation Findings"),
    "closing": ("Tindak Lanjut", "Next Steps"),
    "continued": ("(lanjutan)", "(continued)"),
    "public_overall": ("Hasil Kinerja {period}", "Performance Results {period}"),
    "public_services": ("Layanan untuk Masyarakat", "Services for Citizens"),
    "public_improving": ("Yang Sedang Kami Tingkatkan", "What We Are Improving"),
    "public_closing": ("Terima Kasih", "Thank You"),
    # labels
    "overall_score": ("Skor Kinerja Keseluruhan", "Overall Performance Score"),
    "coverage": ("Cakupan data", "Data coverage"),
    "period": ("Periode", "Period"),
    "report_date": ("Tanggal laporan", "Report date"),
    "key_messages": ("Pesan Kunci", "Key Messages"),
    "score": ("Skor", "Score"),
    "overall": ("Keseluruhan", "Overall"),
    "perspective": ("Perspektif", "Perspective"),
    "weight": ("Bobot", "Weight"),
    "status": ("Status", "Status"),
    "kpi": ("IKU", "KPI"),
    "kpi_count": ("Jumlah IKU", "KPIs"),
    "target": ("Target", "Target"),
    "actual": ("Realisasi", "Actual"),
    "achievement": ("Capaian", "Achievement"),
    "owner": ("Penanggung Jawab", "Owner"),
    "data_source": ("Sumber Data", "Data Source"),
    "initiative": ("Inisiatif", "Initiative"),
    "progress": ("Progres", "Progress"),
    "planned": ("Rencana", "Planned"),
    "absorption": ("Serapan Anggaran", "Budget Absorption"),
    "schedule": ("Jadwal", "Schedule"),
    "behind": ("Terlambat", "Behind"),
    "on_track": ("Sesuai jadwal", "On track"),
    "no_dates": ("Tanpa jadwal", "No schedule"),
    "with_data": ("Ada data", "With data"),
    "code": ("Kode", "Code"),
    "place": ("Lokasi", "Location"),
    "finding": ("Temuan", "Finding"),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
    "chart_achievement": ("Capaian IKU", "KPI achievement"),
    "budget_total": (
        "Total anggaran {budget}; realisasi {spent}.",
        "Total budget {budget}; spent {spent}.",
    ),
    "lane_empty": ("(belum ada sasaran)", "(no objectives yet)"),
    "map_note": (
        "Warna kotak = status capaian sasaran; panah = sasaran yang mendukung sasaran lain.",
        "Box colour = objective status; arrows = objectives that drive other objectives.",
    ),
    "prepared_by": ("Disusun dengan egov-bsc-xl", "Prepared with egov-bsc-xl"),
    # key messages (from the numbers)
    "msg_below": (
        "{n} dari {total} IKU berada di bawah {threshold}.",
        "{n} of {total} KPIs are below {threshold}.",
    ),
    "msg_best_worst": (
        "Perspektif terbaik: {best} ({best_score}); terendah: {worst} ({worst_score}).",
        "Best perspective: {best} ({best_score}); lowest: {worst} ({worst_score}).",
    ),
    "msg_one_perspective": (
        "Perspektif {best}: {best_score}.",
        "{best} perspective: {best_score}.",
    ),
    "msg_behind": (
        "{n} dari {total} inisiatif terlambat dari jadwal: {names}.",
        "{n} of {total} initiatives are behind schedule: {names}.",
    ),
    "msg_none_behind": (
        "Seluruh {total} inisiatif berjalan sesuai jadwal.",
        "All {total} initiatives are on schedule.",
    ),
    "msg_up": (
        "Skor keseluruhan naik {points} poin dibanding {prev}.",
        "The overall score rose {points} points against {prev}.",
    ),
    "msg_down": (
        "Skor keseluruhan turun {points} poin dibanding {prev}.",
        "The overall score fell {points} points against {prev}.",
    ),
    "msg_flat": (
        "Skor keseluruhan sama dengan {prev}.",
        "The overall score is unchanged from {prev}.",
    ),
    "msg_missing": (
        "{n} IKU belum memiliki data untuk {period}.",
        "{n} KPIs have no data for {period}.",
    ),
    "msg_errors": (
        "Buku kerja memuat {n} kesalahan validasi; lihat slide Kualitas Data.",
        "The workbook has {n} validation errors; see the Data Quality slide.",
    ),
    "and_more": ("dan {n} lainnya", "and {n} more"),
    # evaluation and adjustment (step 8): the revision log
    "revisions": (
        "Evaluasi dan Penyesuaian: Revisi {year}",
        "Evaluation and Adjustment: Revisions {year}",
    ),
    "revisions_note": (
        "Perubahan target dan IKU yang dicatat di lembar Revisi.",
        "Changes to targets and KPIs recorded on the Revisions sheet.",
    ),
    "date": ("Tanggal", "Date"),
    "field": ("Kolom", "Field"),
    "change": ("Perubahan", "Change"),
    "reason": ("Alasan", "Reason"),
    # completeness / quality / attention
    "all_have_data": (
        "Semua IKU memiliki data untuk {period}.",
        "Every KPI has data for {period}.",
    ),
    "missing_list": ("IKU tanpa data {period}", "KPIs without data for {period}"),
    "none_attention": (
        "Tidak ada IKU di bawah {threshold} pada {period}.",
        "No KPI is below {threshold} in {period}.",
    ),
    "attention_note": (
        "IKU dengan capaian di bawah {threshold}, diurutkan dari yang terendah.",
        "KPIs with achievement below {threshold}, lowest first.",
    ),
    "quality_note": (
        "{errors} kesalahan dan {warnings} peringatan. Skor tetap dihitung dari data yang dapat dibaca.",
        "{errors} errors and {warnings} warnings. Scores are computed from the data that could be read.",
    ),
    "quality_more": (
        "… dan {n} temuan lain di lembar Validasi.",
        "… and {n} more findings on the Validation sheet.",
    ),
    "warnings_note": (
        "Peringatan validasi: {n} (lihat lembar Validasi).",
        "Validation warnings: {n} (see the Validation sheet).",
    ),
    # closing / next steps
    "next_attention": (
        "Tindak lanjuti {n} IKU di bawah {threshold} bersama penanggung jawabnya.",
        "Follow up the {n} KPIs below {threshold} with their owners.",
    ),
    "next_behind": (
        "Percepat {n} inisiatif yang terlambat dari jadwal.",
        "Speed up the {n} initiatives behind schedule.",
    ),
    "next_data": (
        "Lengkapi data {n} IKU yang belum terisi untuk {period}.",
        "Complete the data of the {n} KPIs missing for {period}.",
    ),
    "next_errors": (
        "Perbaiki {n} kesalahan validasi di buku kerja.",
        "Fix the {n} validation errors in the workbook.",
    ),
    "next_keep": (
        "Pertahankan capaian perspektif {name} ({score}).",
        "Keep up the {name} perspective ({score}).",
    ),
    "next_review": ("Evaluasi berikutnya: {period}.", "Next review: {period}."),
    "next_method": (
        "Sesuaikan target, IKU dan inisiatif bila diperlukan (langkah 8: evaluasi dan penyesuaian).",
        "Adjust targets, KPIs and initiatives where needed (step 8: evaluation and adjustment).",
    ),
    # public deck
    "public_intro": (
        "Capaian kinerja layanan pemerintahan berbasis elektronik (SPBE) {period}.",
        "Performance of our electronic government (SPBE) services, {period}.",
    ),
    "public_best": (
        "Capaian tertinggi: perspektif {name} ({score}).",
        "Highest: the {name} perspective ({score}).",
    ),
    "public_thanks": (
        "Terima kasih atas partisipasi masyarakat dalam layanan digital kami.",
        "Thank you for using and improving our digital services.",
    ),
    "public_feedback": (
        "Masukan Anda membantu kami meningkatkan layanan.",
        "Your feedback helps us improve our services.",
    ),
    "public_improve_note": (
        "Program yang sedang berjalan untuk meningkatkan layanan:",
        "Programmes under way to improve our services:",
    ),
    "public_focus": ("Fokus perbaikan", "Focus of improvement"),
    "public_more": ("… dan {n} indikator layanan lainnya.", "… and {n} more service indicators."),
    "public_no_initiatives": ("Belum ada program yang dilaporkan.", "No programmes reported yet."),
    # errors about the slide master
    "err_master_missing": (
        "Master presentasi tidak ditemukan: {path}",
        "Slide master not found: {path}",
    ),
    "err_master_not_pptx": (
        "Berkas master bukan presentasi PowerPoint: {path} ({reason})",
        "The master is not a PowerPoint file: {path} ({reason})",
    ),
    "err_master_layouts": (
        "Master {name} tidak memiliki tata letak {missing}; yang ada: {layouts}",
        "Master {name} lacks the layouts {missing}; it has: {layouts}",
    ),
    # SPEC 9: the units slide of a parent workbook's deck
    "units_slide": ("Kinerja unit", "Unit performance"),
    "units_rank": ("#", "#"),
    "units_unit": ("Unit", "Unit"),
    "units_overall": ("Skor", "Score"),
    "units_summary": (
        "{ranked} dari {units} unit memiliki skor untuk periode ini",
        "{ranked} of {units} units have a score for this period",
    ),
    "units_not_ranked": ("Tanpa skor: {names}", "Without a score: {names}"),
    "units_more": ("… dan {n} unit lainnya.", "… and {n} more units."),
    # SPEC 8 (SAKIP): annual target, last year, attention with causes and actions, feedback
    "annual_target": ("Target Tahunan (PK)", "Annual Target (PK)"),
    "actual_of": ("Realisasi {period}", "Actual {period}"),
    "achievement_of": ("Capaian {period}", "Achievement {period}"),
    "score_of": ("Skor {period}", "Score {period}"),
    "comparison": ("Perbandingan dengan {prev}", "Comparison with {prev}"),
    "comparison_kpis": ("Perbandingan IKU dengan {prev}", "KPIs Compared with {prev}"),
    "comparison_note": (
        "Skor {now} dibanding periode yang sama tahun lalu ({prev}).",
        "Scores of {now} against the same point of last year ({prev}).",
    ),
    "comparison_kpi_note": (
        "Realisasi s.d. {now} dibanding realisasi s.d. {prev}.",
        "Actual to {now} against the actual to {prev}.",
    ),
    "change_points": ("Perubahan (poin)", "Change (points)"),
    "points": ("poin", "pts"),
    "direction": ("Keterangan", "Direction"),
    "better": ("Membaik", "Better"),
    "worse": ("Menurun", "Worse"),
    "same": ("Tetap", "Unchanged"),
    "analysis": ("Analisis Penyebab", "Analysis (Causes)"),
    "action": ("Rencana Tindak Lanjut", "Follow-up Action"),
    "action_owner": ("PIC", "Owner"),
    "action_due": ("Tenggat", "Due"),
    "not_filled": ("(belum diisi)", "(not given)"),
    "attention_notes": (
        "Teks lengkap analisis dan rencana tindak lanjut:",
        "Full texts of the analyses and follow-up actions:",
    ),
    "msg_lkjip": (
        "{n} dari {total} IKU mencapai atau melampaui target.",
        "{n} of {total} KPIs met or exceeded their target.",
    ),
    "public_feedback_title": ("Sampaikan Masukan Anda", "Tell Us What You Think"),
    "public_feedback_channel": (
        "Sampaikan masukan Anda melalui {channel}.",
        "Send us your feedback through {channel}.",
    ),
}


def text(key: str, lang: Language | str, **fields: object) -> str:
    """The text `key` in language `lang` (id or en; anything else falls back to id), fields filled in."""
    return fill(TEXTS[key], lang, fields)
