"""The sample scorecard with SPEC 8 figures: last year's rows (2025), annual targets, analyses.

The engine of this branch does not fill the SPEC 8 fields of KpiResult yet (the "figures" work
does); `with_figures` sets them by hand, from the engine's own 2025 scores where it can, so the
decks can be tested on them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from egov_bsc_xl.app import analysis_of
from egov_bsc_xl.app import with_last_year as with_last_year_report
from egov_bsc_xl.calc.engine import score
from egov_bsc_xl.model import Measurement, parse_period
from egov_bsc_xl.model.scorecard import Scorecard, measurements_frame
from egov_bsc_xl.workbook.reading.analysis import Analysis

from .sample_card import sample_card

LONG_ANALYSIS = (
    "Penyelesaian pengaduan melambat karena dua dari lima petugas admin dimutasi pada bulan Juli, "
    "sistem tiket SP4N-LAPOR! sempat tidak dapat diakses selama sembilan hari akibat migrasi "
    "pusat data, dan pengaduan tentang bantuan sosial naik tiga kali lipat menjelang akhir "
    "triwulan sehingga antrean penanganan menumpuk di tingkat kabupaten/kota."
)
LONG_ACTION = (
    "Menambah dua petugas pengelola pengaduan, menetapkan SOP eskalasi 3 hari kerja, dan "
    "memantau dasbor pengaduan setiap minggu dalam rapat pimpinan sampai akhir tahun anggaran."
)


def with_last_year(card: Scorecard) -> Scorecard:
    """`card` with the 2025 rows of each KPI first: quarterly targets and actuals 5 % below 2026's."""
    earlier, current = [], []

    def number(value: object) -> float | None:
        return None if pd.isna(value) else float(value)  # type: ignore[arg-type]

    for record in card.measurements.itertuples(index=False):
        actual, target, upper = (
            number(record.actual),
            number(record.target),
            number(record.target_upper),
        )
        current.append(
            Measurement(
                kpi_id=record.kpi_id,
                period=parse_period(record.period),
                target=target,
                target_upper=upper,
                actual=actual,
            )
        )
        earlier.append(
            Measurement(
                kpi_id=record.kpi_id,
                period=parse_period(f"2025-Q{int(record.end_month) // 3}"),
                target=None if target is None else target * 0.95,
                target_upper=upper,
                actual=None if actual is None else actual * 0.95,
            )
        )
    return card.model_copy(update={"measurements": measurements_frame(earlier + current)})


def with_figures(
    analysis: Analysis,
    *,
    annual: bool = True,
    last_year: bool = True,
    texts: bool = True,
) -> Analysis:
    """The analysis with SPEC 8 figures set on its KpiResults (what the engine will fill).

    last_year: last_year_actual / last_year_achievement / change from the engine's 2025 report of
    the same period; annual: an annual target 10 % above the period target; texts: analysis,
    action, owner and due date on the KPIs that need attention (the first one very long).
    """
    report = analysis.report
    assert report is not None
    before = {}
    if last_year:
        period = analysis.period
        before = {
            k.id: k
            for k in score(analysis.card, f"{period.year - 1}-Q{period.end_month // 3}").kpis
        }
    first = True
    for result in report.kpis:
        if annual and result.target is not None:
            result.annual_target = round(result.target * 1.1, 2)
        if not last_year:  # the engine fills them from the 2025 rows: this deck is without them
            result.last_year_actual = result.last_year_achievement = result.change = None
        old = before.get(result.id)
        if old is not None and old.actual is not None:
            result.last_year_actual = old.actual
            result.last_year_achievement = old.achievement
            if result.actual is not None:
                result.change = result.actual - old.actual
        if texts and result.needs_attention:
            if first:
                result.analysis, result.action = LONG_ANALYSIS, LONG_ACTION
                first = False
            else:
                result.analysis = f"Realisasi {result.id} di bawah target triwulan."
                result.action = f"Evaluasi kegiatan pendukung {result.id}."
            result.action_owner = "Kabid Layanan Publik"
            result.action_due = dt.date(2026, 12, 15)
    return analysis


def history_analysis(lang: str = "id", n_kpis: int = 16, **options: bool) -> Analysis:
    """The 16-KPI sample with 2025 rows, scored at 2026-Q3, with SPEC 8 figures set by hand and
    the engine's 2025-Q3 report as the analysis' `last_year` (app.with_last_year)."""
    card = with_last_year(sample_card(n_kpis, lang=lang))
    return with_last_year_report(with_figures(analysis_of(card), **options))
