"""The comparison slides of SPEC 8: this year against the same point of last year.

Shown when history exists (some KPI has `last_year_actual`). Per perspective: a native
clustered column chart of the engine's scores for the report period and for the same period
one year earlier (the analysis' `last_year`, made by app.with_last_year with
`calc.engine.score`; the deck scores nothing itself), with a table of both and the change in
points. Per KPI: last year's actual, this year's actual, the change and both achievements.
"""

from __future__ import annotations

from pptx.enum.text import PP_ALIGN

from egov_bsc_xl.deck.base import BOTTOM, LEFT, TOP, WIDTH, Deck, box
from egov_bsc_xl.deck.charts import comparison_chart
from egov_bsc_xl.deck.common import short_unit, value_text
from egov_bsc_xl.deck.master import GREY
from egov_bsc_xl.deck.tables import Column, Row, add_table, paginate
from egov_bsc_xl.i18n.formats import fmt_number
from egov_bsc_xl.model.enums import Polarity
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.report import KpiResult, ScoreReport

NOTE_H = 0.45
TABLE_W = 4.75  # the perspective table beside the chart (inches)
BETTER, WORSE = "#43A047", "#E53935"


def has_history(deck: Deck) -> bool:
    """Some KPI of the report has last year's actual (SPEC 8: the comparison slide is shown)."""
    return any(k.last_year_actual is not None for k in deck.report.kpis)


def previous_period(period: Period) -> Period:
    """The same point of the previous year: same end month and length."""
    return Period(period.year - 1, period.end_month, period.months)


def last_year_report(deck: Deck) -> ScoreReport | None:
    """The engine's report for the same period one year earlier, as the analysis carries it
    (app.with_last_year: `calc.engine.score` of that period); None when it was not made."""
    before = getattr(deck.source, "last_year", None)
    return before if isinstance(before, ScoreReport) else None


def _signed(deck: Deck, value: float | None, unit: str = "", decimals: int | None = None) -> str:
    if value is None:
        return "–"
    text = deck.num(abs(value)) if decimals is None else fmt_number(abs(value), deck.lang, decimals)
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}{text}{' ' + unit if unit else ''}"


def change_text(deck: Deck, change: float | None, unit: str, polarity: Polarity) -> str:
    """A change in the KPI's unit: '+3,2 poin' for a percentage, '−1,5 hari', '+120 orang';
    '–' for a yes/no KPI (its two years read Ya / Tidak side by side)."""
    if polarity is Polarity.BINARY:
        return "–"
    unit = (unit or "").strip()
    shown = deck.t("points") if unit == "%" else short_unit(unit) if unit else ""
    return _signed(deck, change, shown)


def direction(deck: Deck, result: KpiResult, polarity: Polarity) -> tuple[str, str | None]:
    """Better / worse / unchanged by the KPI's polarity (higher or lower is better); '–' otherwise."""
    change = result.change
    if change is None or polarity not in (Polarity.MAXIMIZE, Polarity.MINIMIZE):
        return "–", None
    if abs(change) < 1e-12:
        return deck.t("same"), None
    better = change > 0 if polarity is Polarity.MAXIMIZE else change < 0
    return (deck.t("better"), BETTER) if better else (deck.t("worse"), WORSE)


def perspective_comparison_slide(deck: Deck, before: ScoreReport) -> None:
    now_label = deck.period.label(deck.lang)
    prev_label = previous_period(deck.period).label(deck.lang)
    earlier = {p.id: p.score for p in before.perspectives}
    names = [p.name for p in deck.report.perspectives] + [deck.t("overall")]
    this_year = [p.score for p in deck.report.perspectives] + [deck.report.overall.score]
    last_year = [earlier.get(p.id) for p in deck.report.perspectives] + [before.overall.score]
    slide = deck.slide(deck.t("comparison", prev=prev_label))
    deck.text(
        slide,
        box(LEFT, TOP - 0.1, WIDTH, 0.4),
        deck.t("comparison_note", now=now_label, prev=prev_label),
        size=14,
        colour=GREY,
        bold=True,
    )
    comparison_chart(
        slide,
        box(LEFT, TOP + NOTE_H - 0.05, WIDTH - TABLE_W - 0.3, BOTTOM - TOP - NOTE_H + 0.05),
        names,
        [
            (prev_label, last_year, [deck.pct(v) if v is not None else "" for v in last_year]),
            (now_label, this_year, [deck.pct(v) if v is not None else "" for v in this_year]),
        ],
        name="Perbandingan Perspektif / Perspective comparison",
    )
    columns = [
        Column(deck.t("perspective"), 1.75),
        Column(prev_label, 1.0, PP_ALIGN.RIGHT),
        Column(now_label, 1.0, PP_ALIGN.RIGHT),
        Column(deck.t("change_points"), 1.0, PP_ALIGN.RIGHT),
    ]
    rows = []
    for index, (name, before_score, now_score) in enumerate(
        zip(names, last_year, this_year, strict=True)
    ):
        change = (
            None
            if before_score is None or now_score is None
            else round((now_score - before_score) * 100, 1)
        )
        rows.append(
            Row(
                [
                    name,
                    deck.pct(before_score),
                    deck.pct(now_score),
                    _signed(deck, change, decimals=1),
                ],
                bold=index == len(names) - 1,
            )
        )
    add_table(
        slide,
        LEFT + WIDTH - TABLE_W,
        TOP + NOTE_H - 0.05,
        columns,
        rows,
        name="Tabel Perbandingan Perspektif / Perspective comparison table",
    )


def kpi_comparison_slides(deck: Deck) -> None:
    kpis = {k.id: k for k in deck.card.kpis}
    now_year, prev_year = deck.period.year, deck.period.year - 1
    columns = [
        Column(deck.t("kpi"), 4.0),
        Column(deck.t("actual_of", period=prev_year), 1.45, PP_ALIGN.RIGHT),
        Column(deck.t("actual_of", period=now_year), 1.45, PP_ALIGN.RIGHT),
        Column(deck.t("change"), 1.4, PP_ALIGN.RIGHT),
        Column(deck.t("achievement_of", period=prev_year), 1.3, PP_ALIGN.RIGHT, 1),
        Column(deck.t("achievement_of", period=now_year), 1.3, PP_ALIGN.RIGHT, 1),
        Column(deck.t("direction"), 1.4, PP_ALIGN.CENTER, 1),
    ]
    rows = []
    for result in deck.report.kpis:
        kpi = kpis[result.id]
        word, colour = direction(deck, result, kpi.polarity)
        rows.append(
            Row(
                [
                    f"{kpi.id} {kpi.name}",
                    value_text(deck, result.last_year_actual, kpi.unit, kpi.polarity),
                    value_text(deck, result.actual, kpi.unit, kpi.polarity),
                    change_text(deck, result.change, kpi.unit, kpi.polarity),
                    deck.pct(result.last_year_achievement),
                    deck.pct(result.achievement),
                    word,
                ],
                fills={6: colour} if colour else {},
            )
        )
    prev_label = previous_period(deck.period).label(deck.lang)
    title = deck.t("comparison_kpis", prev=prev_label)
    note = deck.t("comparison_kpi_note", now=deck.period.label(deck.lang), prev=prev_label)
    for page, chunk in enumerate(paginate(rows, columns, BOTTOM - TOP - NOTE_H)):
        slide = deck.slide(title if page == 0 else f"{title} {deck.t('continued')}")
        deck.text(slide, box(LEFT, TOP - 0.1, WIDTH, 0.4), note, size=14, colour=GREY, bold=True)
        add_table(
            slide,
            LEFT,
            TOP + NOTE_H - 0.05,
            columns,
            chunk,
            name="Tabel Perbandingan IKU / KPI comparison table",
        )


def comparison_slides(deck: Deck) -> None:
    """This year against last year, per perspective (chart) and per KPI (table); none without history."""
    if not has_history(deck):
        return
    before = last_year_report(deck)
    if before is not None and (
        before.overall.score is not None or any(p.score is not None for p in before.perspectives)
    ):
        perspective_comparison_slide(deck, before)
    # else last year has no rows of the KPIs' frequencies (only annual rows typed in from the
    # LKjIP): no scores to set beside this year's, the KPI table still compares the figures
    kpi_comparison_slides(deck)
