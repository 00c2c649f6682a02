"""Score results, shaped as SPEC 5's `score --json` (fractions, 1.0 = 100 %, None = no data)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class OverallResult(BaseModel):
    score: float | None
    band: str
    coverage: float


class PerspectiveResult(BaseModel):
    id: str
    name: str
    weight: float  # normalised fraction of the active perspectives
    score: float | None
    band: str
    coverage: float


class ObjectiveResult(BaseModel):
    id: str
    perspective_id: str
    score: float | None
    band: str
    coverage: float


class KpiResult(BaseModel):
    id: str
    objective_id: str
    perspective_id: str
    target: float | None
    target_upper: float | None
    actual: float | None
    achievement_raw: float | None
    achievement: float | None  # clipped to [0, cap]
    band: str
    needs_attention: bool = False  # achievement below the setting attention_below (SPEC 8)


class InitiativeResult(BaseModel):
    id: str
    progress: float | None  # fraction
    planned_progress: float | None  # fraction of [start, end] elapsed at the report date
    budget_absorption: float | None  # spent / budget
    behind_schedule: bool


class ScoreReport(BaseModel):
    period: str
    overall: OverallResult
    perspectives: list[PerspectiveResult] = Field(default_factory=list)
    objectives: list[ObjectiveResult] = Field(default_factory=list)
    kpis: list[KpiResult] = Field(default_factory=list)
    initiatives: list[InitiativeResult] = Field(default_factory=list)

    def public(self) -> dict[str, Any]:
        """The JSON object of SPEC 5."""
        return self.model_dump(mode="json")


class TrendPoint(BaseModel):
    """Overall and per-perspective scores of one period (for the trend chart)."""

    period: str
    overall: float | None
    perspectives: dict[str, float | None]  # perspective id -> score
