"""A scorecard for the LKjIP and dashboard tests, with the SPEC 8 figures of its report set by hand."""

from __future__ import annotations

import datetime as dt

from egov_bsc_xl.app import analysis_of
from egov_bsc_xl.model import Kpi, Measurement, Objective, Perspective, Scorecard, parse_period
from egov_bsc_xl.model.enums import Language, Polarity
from egov_bsc_xl.model.scorecard import Profile, measurements_frame
from egov_bsc_xl.workbook.reading.analysis import Analysis

Q = parse_period


def lkjip_card(
    lang: str = "id", plan: tuple[int, int] | None = (2025, 2029), **profile
) -> Scorecard:
    rows = [
        # K1: quarterly, last value; 2024 typed in as one annual row, 2025 quarterly
        Measurement(kpi_id="K1", period=Q("2024"), target=60, actual=58),
        Measurement(kpi_id="K1", period=Q("2025-Q4"), target=70, actual=66),
        *(
            Measurement(kpi_id="K1", period=Q(f"2026-Q{n}"), target=80, actual=a)
            for n, a in ((1, 70), (2, 74), (3, 78), (4, 84))
        ),
        # K2: quarterly, minimised, summed per quarter; quarterly history in 2024
        *(
            Measurement(kpi_id="K2", period=Q(f"2024-Q{n}"), target=5, actual=a)
            for n, a in ((1, 4), (2, 6), (3, 5), (4, 3))
        ),
        *(
            Measurement(kpi_id="K2", period=Q(f"2026-Q{n}"), target=5, actual=a)
            for n, a in ((1, 4), (2, 5), (3, 6), (4, 4))
        ),
        Measurement(kpi_id="K3", period=Q("2026-Q4"), target=10, actual=12),
    ]
    plan_years = {"plan_start": plan[0], "plan_end": plan[1]} if plan else {}
    card = Scorecard(
        profile=Profile(
            agency="Pemerintah Kota Contoh",
            unit="Diskominfo",
            year=2026,
            language=Language(lang),
            **plan_years,
            **profile,
        ),
        perspectives=[
            Perspective(id="P1", name="Pelanggan", weight=0.5, order=1),
            Perspective(id="P2", name="Proses Internal", weight=0.5, order=2),
        ],
        objectives=[
            Objective(id="S1", perspective_id="P1", name="Meningkatnya kepuasan warga"),
            Objective(id="S2", perspective_id="P2", name="Andalnya layanan TIK"),
            Objective(id="S3", perspective_id="P2", name="Sasaran tanpa IKU"),
        ],
        kpis=[
            Kpi(id="K1", objective_id="S1", name="Indeks kepuasan", unit="indeks"),
            Kpi(
                id="K2",
                objective_id="S1",
                name="Gangguan layanan",
                unit="kejadian",
                polarity=Polarity.MINIMIZE,
                aggregation="sum",
            ),
            Kpi(id="K3", objective_id="S2", name="Layanan terintegrasi", unit="layanan"),
        ],
        measurements=measurements_frame(rows),
    )
    card.settings.language = Language(lang)
    return card


def lkjip_analysis(lang: str = "id", period: str = "2026-Q4", **kw) -> Analysis:
    analysis = analysis_of(lkjip_card(lang, **kw), period)
    kpis = {k.id: k for k in analysis.report.kpis}
    # the SPEC 8 figures, set by hand (the engine fills them; this test pins the layout only)
    k1 = kpis["K1"]
    k1.kpi_type = "outcome"
    k1.annual_target = 82.0
    k1.achievement_annual = 84 / 82
    k1.last_year_actual = 66.0
    k1.last_year_achievement = 66 / 70
    k1.change = 18.0
    k1.plan_target = 90.0
    k1.achievement_plan = 84 / 90
    k1.national_target = 85.0
    k1.achievement_national = 84 / 85
    k1.analysis = "Layanan aduan daring dipercepat."
    k1.action = "Survei kepuasan tiap semester"
    k1.action_owner = "Bidang Layanan"
    k1.action_due = dt.date(2027, 3, 31)
    s1, s2 = (o for o in analysis.report.objectives if o.id in ("S1", "S2"))
    s1.budget, s1.spent, s1.absorption = 1_000_000_000.0, 950_000_000.0, 0.95
    s2.budget, s2.spent, s2.absorption = 200_000_000.0, 50_000_000.0, 0.25
    s2.score = 0.2  # achievement below absorption: less efficient
    return analysis
