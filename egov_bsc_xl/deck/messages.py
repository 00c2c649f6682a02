"""Key messages and next steps written from the engine's numbers (never recomputed here)."""

from __future__ import annotations

from egov_bsc_xl.calc.attention import attention_list
from egov_bsc_xl.deck.base import Deck
from egov_bsc_xl.deck.tables import shorten
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.report import InitiativeResult, KpiResult, PerspectiveResult, ReportPeriod


def kpis_below(deck: Deck) -> list[KpiResult]:
    """KPIs that need attention (calc.attention: below the setting attention_below), lowest first."""
    return attention_list(deck.report.kpis)


def met_target(deck: Deck) -> list[KpiResult]:
    """KPIs whose achievement is 100 % or more (met or exceeded the target; the LKjIP's count)."""
    return [k for k in deck.report.kpis if k.achievement is not None and k.achievement >= 1.0]


def kpis_without_data(deck: Deck) -> list[KpiResult]:
    return [k for k in deck.report.kpis if k.achievement is None]


def behind_schedule(deck: Deck) -> list[InitiativeResult]:
    return [i for i in deck.report.initiatives if i.behind_schedule]


def scored_perspectives(deck: Deck) -> list[PerspectiveResult]:
    return [p for p in deck.report.perspectives if p.score is not None]


def next_period(period: Period) -> Period:
    end = period.end_month + period.months
    return (
        Period(period.year, end, period.months)
        if end <= 12
        else Period(period.year + 1, period.months, period.months)
    )


def _short(name: str) -> str:
    """A name inside a sentence: at most one line of the key-messages box (about 50 characters)."""
    return shorten(name, 7.5, 18, 1)


def _names(deck: Deck, ids: list[str], limit: int = 2) -> str:
    names = {i.id: i.name for i in deck.card.initiatives}
    shown = [_short(names.get(i, i)) for i in ids[:limit]]
    rest = len(ids) - limit
    text = "; ".join(shown)
    return f"{text} ({deck.t('and_more', n=rest)})" if rest > 0 else text


def previous_overall(deck: Deck) -> tuple[ReportPeriod, float] | None:
    """The trend point before the report period that has an overall score: (period code, score)."""
    points = [p for p in deck.trend if p.overall is not None]
    codes = [p.period for p in points]
    if deck.report.period in codes:
        position = codes.index(deck.report.period)
        earlier = points[:position]
    else:
        earlier = points
    if not earlier or earlier[-1].overall is None:
        return None
    return earlier[-1].period, earlier[-1].overall


def key_messages(deck: Deck, *, public: bool = False) -> list[str]:
    """Three to five sentences for the executive summary (public: without owners, budget or errors)."""
    report = deck.report
    messages: list[str] = []
    threshold = deck.pct(deck.threshold(), 0)
    with_data = [k for k in report.kpis if k.achievement is not None]
    below = kpis_below(deck)
    if with_data:  # the LKjIP sentence: of the KPIs with data, those at or above 100 %
        messages.append(deck.t("msg_lkjip", n=len(met_target(deck)), total=len(with_data)))
    if not public and below and abs(deck.threshold() - 1.0) > 1e-9:
        messages.append(  # an attention bound other than the target: say how many are below it
            deck.t("msg_below", n=len(below), total=len(report.kpis), threshold=threshold)
        )
    ranked = sorted(scored_perspectives(deck), key=lambda p: (-(p.score or 0.0), p.id))
    if len(ranked) >= 2:
        best, worst = ranked[0], ranked[-1]
        messages.append(
            deck.t(
                "msg_best_worst",
                best=_short(best.name),
                best_score=deck.pct(best.score),
                worst=_short(worst.name),
                worst_score=deck.pct(worst.score),
            )
        )
    elif ranked:
        messages.append(
            deck.t(
                "msg_one_perspective",
                best=_short(ranked[0].name),
                best_score=deck.pct(ranked[0].score),
            )
        )
    previous = previous_overall(deck)
    if previous is not None and report.overall.score is not None:
        period, before = previous
        points = (report.overall.score - before) * 100
        label = period.label(deck.lang)
        if abs(points) < 0.05:
            messages.append(deck.t("msg_flat", prev=label))
        else:
            key = "msg_up" if points > 0 else "msg_down"
            messages.append(deck.t(key, points=deck.num(round(abs(points), 1)), prev=label))
    errors = sum(1 for i in deck.issues if i.is_error)
    if (
        not public and errors
    ):  # before the initiatives: leaders must know the numbers rest on flawed data
        messages.append(deck.t("msg_errors", n=errors))
    if not public and report.initiatives:
        behind = behind_schedule(deck)
        if behind:
            messages.append(
                deck.t(
                    "msg_behind",
                    n=len(behind),
                    total=len(report.initiatives),
                    names=_names(deck, [i.id for i in behind]),
                )
            )
        else:
            messages.append(deck.t("msg_none_behind", total=len(report.initiatives)))
    missing = kpis_without_data(deck)
    if not public and missing and len(messages) < 5:
        messages.append(deck.t("msg_missing", n=len(missing), period=deck.period.label(deck.lang)))
    return messages[:5]


def next_steps(deck: Deck) -> list[str]:
    """Closing slide bullets: follow-ups that the numbers call for, then the next review."""
    steps: list[str] = []
    below = kpis_below(deck)
    if below:
        steps.append(
            deck.t("next_attention", n=len(below), threshold=deck.pct(deck.threshold(), 0))
        )
    behind = behind_schedule(deck)
    if behind:
        steps.append(deck.t("next_behind", n=len(behind)))
    missing = kpis_without_data(deck)
    if missing:
        steps.append(deck.t("next_data", n=len(missing), period=deck.period.label(deck.lang)))
    errors = sum(1 for i in deck.issues if i.is_error)
    if errors:
        steps.append(deck.t("next_errors", n=errors))
    ranked = sorted(scored_perspectives(deck), key=lambda p: (-(p.score or 0.0), p.id))
    if ranked:
        steps.append(
            deck.t("next_keep", name=_short(ranked[0].name), score=deck.pct(ranked[0].score))
        )
    steps.append(deck.t("next_method"))
    steps.append(deck.t("next_review", period=next_period(deck.period).label(deck.lang)))
    return steps
