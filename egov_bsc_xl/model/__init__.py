"""Pydantic models of the scorecard; no file, Excel or PowerPoint imports here."""

from egov_bsc_xl.model.enums import (
    Aggregation,
    Frequency,
    Language,
    MinimizeMethod,
    MissingPolicy,
    Polarity,
    parse_yes_no,
)
from egov_bsc_xl.model.issues import Issue, Severity
from egov_bsc_xl.model.period import Period, parse_period
from egov_bsc_xl.model.report import (
    InitiativeResult,
    KpiResult,
    ObjectiveResult,
    OverallResult,
    PerspectiveResult,
    ScoreReport,
    TrendPoint,
)
from egov_bsc_xl.model.scorecard import (
    DEFAULT_BANDS,
    NO_DATA_BAND,
    Band,
    Initiative,
    Kpi,
    Measurement,
    Objective,
    Perspective,
    Profile,
    Revision,
    Scorecard,
    Settings,
)

__all__ = [
    "Aggregation",
    "Band",
    "DEFAULT_BANDS",
    "Frequency",
    "Initiative",
    "InitiativeResult",
    "Issue",
    "Kpi",
    "KpiResult",
    "Language",
    "Measurement",
    "MinimizeMethod",
    "MissingPolicy",
    "NO_DATA_BAND",
    "Objective",
    "ObjectiveResult",
    "OverallResult",
    "Period",
    "Perspective",
    "PerspectiveResult",
    "Polarity",
    "Profile",
    "Revision",
    "ScoreReport",
    "Scorecard",
    "Settings",
    "Severity",
    "TrendPoint",
    "parse_period",
    "parse_yes_no",
]
