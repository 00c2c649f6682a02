"""The consolidated picture of a parent workbook and its units (SPEC 9), shaped as `consolidate --json`."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from egov_bsc_xl.model.report import OverallResult, PeriodCode, StatusBand, _Result


class UnitStatus(StrEnum):
    OK = "ok"
    MISSING = "missing"  # the file is not there (W050)
    UNUSABLE = "unusable"  # the file cannot be read as a scorecard (W050)
    NO_DATA = "no data"  # readable, but nothing for the period (W051)


class UnitPerspective(BaseModel):
    id: str
    score: float | None
    name: str = Field(
        default="", exclude=True
    )  # the unit's perspective name (sheets; not in the JSON)


class UnitResult(_Result):
    id: str
    name: str
    file: str  # as written in tblUnits (relative to the parent), or the path given on the command line
    status: UnitStatus
    overall: float | None = None
    band: StatusBand | None = None
    coverage: float = 0.0
    errors: int = 0
    warnings: int = 0
    perspectives: list[UnitPerspective] = Field(default_factory=list)
    reason: str = Field(default="", exclude=True)  # why missing or unusable, one sentence


class UnitValue(BaseModel):
    id: str  # unit id
    actual: float | None
    target: float | None


class RollupResult(BaseModel):
    kpi_id: str  # the parent KPI
    source_kpi: str  # the KPI id or library code in the unit workbooks
    method: str  # sum | average | weighted | min | max
    actual: float | None
    target: float | None
    units: list[UnitValue] = Field(default_factory=list)


class ConsolidationReport(_Result):
    period: PeriodCode
    units: list[UnitResult] = Field(default_factory=list)
    rollups: list[RollupResult] = Field(default_factory=list)
    overall: OverallResult | None = None  # the parent's own score; None without a parent

    def public(self) -> dict[str, Any]:
        """The JSON object of SPEC 9 (`consolidate --json`)."""
        return self.model_dump(mode="json")
