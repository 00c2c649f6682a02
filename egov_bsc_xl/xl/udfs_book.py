"""Workbook-context Excel functions: scores of the workbook the formula lives in.

BSC_PERSPECTIVE_SCORES([period]) spills a perspective x score table, BSC_OVERALL_SCORE([period])
returns one number. Both read the tables of the calling workbook through XlwingsSource (the same
reader as every other path) and score them; bad input gives a readable text, never a traceback.
They are volatile: they read tables Excel cannot see them depend on.
"""

from __future__ import annotations

from typing import Any

import xlwings as xw

from egov_bsc_xl.errors import BscError
from egov_bsc_xl.i18n.catalogue import both
from egov_bsc_xl.i18n.sheet_texts import text
from egov_bsc_xl.workbook.reading.source import TableSource


def _period(period: Any) -> Any:
    if period is None or period == "":
        return None
    if isinstance(period, float) and period.is_integer():
        return str(int(period))
    return period


def perspective_scores(source: TableSource, period: Any = None) -> list[list[Any]]:
    """[[header...], [id, name, weight, score, band, coverage], ...] for the report period."""
    from egov_bsc_xl.app import analyse

    analysis = analyse(source, _period(period), with_trend=False)
    lang = analysis.language
    rows: list[list[Any]] = [
        [text(k, lang) for k in ("id", "perspective", "weight", "score", "band", "coverage")]
    ]
    for p in analysis.report.perspectives if analysis.report else []:
        rows.append(
            [
                p.id,
                p.name,
                p.weight,
                "" if p.score is None else p.score,
                p.band.label(lang),
                p.coverage,
            ]
        )
    return rows


def overall_score(source: TableSource, period: Any = None) -> float | str:
    """Overall score (fraction) of the report period; '' when no KPI has data."""
    from egov_bsc_xl.app import analyse

    report = analyse(source, _period(period), with_trend=False).report
    score = report.overall.score if report else None
    return "" if score is None else score


def _guard(fn: Any, *args: Any) -> Any:
    from egov_bsc_xl.errors import PeriodError

    try:
        return fn(*args)
    except PeriodError as exc:
        return f"#BSC: {both('msg.udf.period', value=exc)}; contoh 2026-Q2"
    except BscError as exc:
        return f"#BSC: {exc}"
    except Exception as exc:  # noqa: BLE001 - a cell shows a text, never a traceback
        return f"#BSC: {type(exc).__name__}: {exc}"


def _source(caller: Any) -> TableSource:
    from egov_bsc_xl.xl.book import XlwingsSource

    return XlwingsSource(caller.sheet.book)


@xw.func(volatile=True)
def BSC_PERSPECTIVE_SCORES(caller: Any, period: Any = None) -> Any:  # noqa: N802
    """Spills ID, perspective, weight, score, status, coverage for each active perspective."""
    return _guard(lambda: perspective_scores(_source(caller), period))


@xw.func(volatile=True)
def BSC_OVERALL_SCORE(caller: Any, period: Any = None) -> Any:  # noqa: N802
    """The overall score (fraction, format the cell as %) of the report period or of `period`."""
    return _guard(lambda: overall_score(_source(caller), period))
