"""Score results, shaped as SPEC 5's `score --json` (fractions, 1.0 = 100 %, None = no data).

The report is typed: a status band is a ReportBand (its Band: colour, lower bound) and a period
a ReportPeriod (its Period), made once by the engine, so no renderer looks a band up or parses a
period again. Each is also the very string SPEC 5 prints (the band's label in the workbook's
language, the period's code), which is what `public()` writes.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from egov_bsc_xl.model.period import Period
from egov_bsc_xl.model.scorecard import Band


class ReportBand(str):
    """A score's status band: the label in the report's language, carrying the Band itself."""

    band: Band
    lang: str

    def __new__(cls, band: Band, lang: str) -> ReportBand:
        made = super().__new__(cls, band.label(lang))
        made.band, made.lang = band, lang
        return made

    def __getnewargs__(self) -> tuple[Band, str]:  # type: ignore[override]  # copy and pickle
        return self.band, self.lang

    @property
    def colour(self) -> str:
        return self.band.colour

    @property
    def lower_bound(self) -> float:
        return self.band.lower_bound

    def label(self, lang: str) -> str:
        return self.band.label(lang)


class ReportPeriod(str):
    """A report or trend period: its code (2026-Q2), carrying the Period itself."""

    period: Period

    def __new__(cls, period: Period) -> ReportPeriod:
        made = super().__new__(cls, period.code)
        made.period = period
        return made

    def __getnewargs__(self) -> tuple[Period]:  # type: ignore[override]  # copy and pickle
        return (self.period,)

    def label(self, lang: str) -> str:
        return self.period.label(lang)


# In the JSON of SPEC 5 both are their plain string.
StatusBand = Annotated[ReportBand, PlainSerializer(str, return_type=str)]
PeriodCode = Annotated[ReportPeriod, PlainSerializer(str, return_type=str)]


class _Result(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)


class OverallResult(_Result):
    score: float | None
    band: StatusBand
    coverage: float


class PerspectiveResult(_Result):
    id: str
    name: str
    weight: float  # normalised fraction of the active perspectives
    score: float | None
    band: StatusBand
    coverage: float


class ObjectiveResult(_Result):
    id: str
    perspective_id: str
    score: float | None
    band: StatusBand
    coverage: float
    # SPEC 8: summed from the initiatives linked to the objective; None when none has a figure
    budget: float | None = None
    spent: float | None = None
    absorption: float | None = None  # spent / budget


class KpiResult(_Result):
    id: str
    objective_id: str
    perspective_id: str
    target: float | None
    target_upper: float | None
    actual: float | None
    achievement_raw: float | None
    achievement: float | None  # clipped to [0, cap]
    band: StatusBand
    needs_attention: bool = False  # achievement below the setting attention_below (SPEC 8)
    # SPEC 8 figures (year to date at the report period); None when an input is missing
    kpi_type: str | None = None
    annual_target: float | None = None
    achievement_annual: float | None = None
    last_year_actual: float | None = None
    last_year_achievement: float | None = None
    change: float | None = None  # actual - last_year_actual
    plan_target: float | None = None
    achievement_plan: float | None = None
    national_target: float | None = None
    achievement_national: float | None = None
    analysis: str | None = None  # of the report period's row
    action: str | None = None
    action_owner: str | None = None
    action_due: dt.date | None = None


class InitiativeResult(BaseModel):
    id: str
    progress: float | None  # fraction
    planned_progress: float | None  # fraction of [start, end] elapsed at the report date
    budget_absorption: float | None  # spent / budget
    behind_schedule: bool


class ScoreReport(_Result):
    period: PeriodCode
    overall: OverallResult
    perspectives: list[PerspectiveResult] = Field(default_factory=list)
    objectives: list[ObjectiveResult] = Field(default_factory=list)
    kpis: list[KpiResult] = Field(default_factory=list)
    initiatives: list[InitiativeResult] = Field(default_factory=list)

    def public(self) -> dict[str, Any]:
        """The JSON object of SPEC 5."""
        return self.model_dump(mode="json")


class TrendPoint(_Result):
    """Overall and per-perspective scores of one period (for the trend chart)."""

    period: PeriodCode
    overall: float | None
    perspectives: dict[str, float | None]  # perspective id -> score
