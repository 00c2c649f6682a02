"""What the product knows about one workbook for one report period (made by app.analyse)."""

from __future__ import annotations

from dataclasses import dataclass, field

from egov_bsc_xl.model.issues import Issue
from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.report import ScoreReport, TrendPoint
from egov_bsc_xl.model.scorecard import Scorecard
from egov_bsc_xl.workbook.reading.reader import ReadResult


@dataclass
class Analysis:
    """What the product knows about one workbook for one report period."""

    card: Scorecard
    issues: list[Issue]
    period: Period
    report: ScoreReport | None
    trend: list[TrendPoint] = field(default_factory=list)
    read: ReadResult | None = None
    # the engine's report for the same period one year earlier (the decks' comparison, SPEC 8)
    last_year: ScoreReport | None = None

    @property
    def language(self) -> str:
        return self.card.language

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.is_error)

    @property
    def warnings(self) -> int:
        return len(self.issues) - self.errors
