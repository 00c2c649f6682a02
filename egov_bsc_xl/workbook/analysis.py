"""The one code path behind every command and button: read, validate, score, trend."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from egov_bsc_xl.calc.engine import choose_period, kpi_frame, score, trend
from egov_bsc_xl.model.issues import Issue
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.report import ScoreReport, TrendPoint
from egov_bsc_xl.model.scorecard import Scorecard
from egov_bsc_xl.validate import validate
from egov_bsc_xl.workbook.reader import ReadResult, read_workbook
from egov_bsc_xl.workbook.source import TableSource


@dataclass
class Analysis:
    """What the product knows about one workbook for one report period."""

    card: Scorecard
    issues: list[Issue]
    period: Period
    report: ScoreReport | None
    trend: list[TrendPoint] = field(default_factory=list)
    read: ReadResult | None = None

    @property
    def language(self) -> str:
        return self.card.language

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.is_error)

    @property
    def warnings(self) -> int:
        return len(self.issues) - self.errors


def analyse(
    source: str | Path | TableSource,
    period: Period | str | None = None,
    *,
    with_trend: bool = True,
    with_score: bool = True,
) -> Analysis:
    """Read and validate a workbook and score its report period.

    Scores are computed even when validation found errors: cells in error are left out as no
    data, so a deck can still show what is known beside a list of the errors. Raises
    UnusableInput for a file that cannot be read, and PeriodError for a bad `period`.
    """
    result = read_workbook(source)
    chosen = choose_period(result.card, period)
    frame = kpi_frame(result.card, chosen)
    issues = validate(result, chosen, frame)
    report = score(result.card, chosen, frame) if with_score else None
    points = trend(result.card, chosen) if with_trend and with_score else []
    return Analysis(card=result.card, issues=issues, period=chosen, report=report, trend=points, read=result)
