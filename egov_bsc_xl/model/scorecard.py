"""The scorecard as data: profile, settings, perspectives, objectives, KPIs, measurements, initiatives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from egov_bsc_xl.i18n.language import pick
from egov_bsc_xl.model.enums import (
    Aggregation,
    Frequency,
    Language,
    MinimizeMethod,
    MissingPolicy,
    Polarity,
)
from egov_bsc_xl.model.period import Period


class Band(BaseModel):
    """A status band: scores at or above `lower_bound` (fraction) get this band."""

    lower_bound: float
    label_id: str
    label_en: str
    colour: str  # "#RRGGBB"

    def label(self, lang: str) -> str:
        return pick(lang, self.label_id, self.label_en)


DEFAULT_BANDS: tuple[Band, ...] = (
    Band(lower_bound=0.91, label_id="Sangat Baik", label_en="Excellent", colour="#1B5E20"),
    Band(lower_bound=0.76, label_id="Baik", label_en="Good", colour="#43A047"),
    Band(lower_bound=0.66, label_id="Cukup", label_en="Fair", colour="#FDD835"),
    Band(lower_bound=0.51, label_id="Kurang", label_en="Poor", colour="#FB8C00"),
    Band(
        lower_bound=float("-inf"), label_id="Sangat Kurang", label_en="Very poor", colour="#E53935"
    ),
)


def is_light(colour: str) -> bool:
    """Whether a fill ('#RRGGBB' or 'RRGGBB') is light enough to need dark text (the yellow bands).

    The one rule of text on a band fill: the dashboard, the template, recalc's band rules and the
    deck all ask this.
    """
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return 0.299 * r + 0.587 * g + 0.114 * b > 150


def text_colour_on(fill: str) -> str:
    """'#000000' (black) on a light fill, '#FFFFFF' (white) on a dark one."""
    return "#000000" if is_light(fill) else "#FFFFFF"


def band_index(scores: Any, bands: list[Band]) -> np.ndarray:
    """Index into `bands` sorted high to low of each score; -1 for NaN (no data).

    The one band lookup (Settings.band for one score, calc.bands for many): lower bounds are
    inclusive and read top down; a score below every bound gets the lowest band.
    """
    ordered = sorted(bands, key=lambda b: b.lower_bound, reverse=True)
    bounds = np.array([b.lower_bound for b in ordered])[::-1]  # ascending
    values = np.atleast_1d(np.asarray(scores, dtype="float64"))
    pos = np.searchsorted(bounds, values, side="right") - 1  # last bound <= value
    pos = np.where(pos < 0, 0, pos)  # below every bound: the lowest band
    idx = len(ordered) - 1 - pos
    return np.where(np.isnan(values), -1, idx)


NO_DATA_BAND = Band(
    lower_bound=float("nan"), label_id="Belum ada data", label_en="No data", colour="#9E9E9E"
)


class Settings(BaseModel):
    cap: float = 1.20
    minimize_method: MinimizeMethod = MinimizeMethod.PERMENPAN
    missing: MissingPolicy = MissingPolicy.EXCLUDE
    language: Language = Language.ID
    attention_below: float = (
        1.0  # a KPI scored below this fraction needs attention (1.0: target not met)
    )
    bands: list[Band] = Field(default_factory=lambda: list(DEFAULT_BANDS))
    band_preset: str = (
        ""  # tblSettings.band_preset: the preset tblBands was filled from (informative)
    )

    def band(self, score: float | None) -> Band:
        """The band of a score (fraction); the grey no-data band for None. Bands are read top down."""
        if score is None or score != score:
            return NO_DATA_BAND
        ordered = sorted(self.bands, key=lambda b: b.lower_bound, reverse=True)
        return ordered[int(band_index([score], self.bands)[0])]


class Profile(BaseModel):
    agency: str = ""
    unit: str = ""
    year: int | None = None
    report_period: Period | None = None
    report_date: dt.date | None = None
    vision: str = ""
    missions: list[str] = Field(default_factory=list)
    language: Language | None = None
    logo: str = ""
    # SPEC 8 (optional)
    plan_start: int | None = None  # Renstra first year
    plan_end: int | None = None  # Renstra last year
    head_name: str = ""
    head_title: str = ""
    feedback_channel: str = ""  # e.g. SP4N-LAPOR!, shown at the end of the public deck


class Perspective(BaseModel):
    id: str
    name: str
    weight: float  # fraction as entered (0.25 = 25 %); normalised when scoring
    order: int = 0
    active: bool = True
    row: int | None = Field(
        default=None, exclude=True
    )  # 0-based data row of its table; None when not read


class Objective(BaseModel):
    id: str
    perspective_id: str
    name: str
    supports: list[str] = Field(default_factory=list)  # objective ids this one drives
    description: str = ""
    row: int | None = Field(
        default=None, exclude=True
    )  # 0-based data row of its table; None when not read


class Kpi(BaseModel):
    id: str
    objective_id: str
    name: str
    definition: str = ""
    unit: str = ""
    polarity: Polarity = Polarity.MAXIMIZE
    weight: float = 1.0  # relative
    baseline: float | None = None
    frequency: Frequency = Frequency.QUARTERLY
    aggregation: Aggregation = Aggregation.LAST
    data_source: str = ""
    method: str = ""
    owner: str = ""
    # SPEC 8 (optional)
    kpi_type: str = ""  # "outcome" | "output" | "" (not given)
    annual_target: float | None = None  # Perjanjian Kinerja target of the year
    plan_target: float | None = None  # Renstra end target
    national_target: float | None = None
    public: bool = True  # shown in the public deck
    # SPEC 9 (optional): fed by the units of a parent workbook
    rollup: str = ""  # "sum" | "average" | "weighted" | "min" | "max" | "" (not rolled up)
    source_kpi: str = ""  # the KPI id or library code in the unit workbooks ("" = this KPI's id)
    row: int | None = Field(
        default=None, exclude=True
    )  # 0-based data row of its table; None when not read


class Measurement(BaseModel):
    """One row of tblMeasurements; binary actuals and targets are 1.0 / 0.0."""

    kpi_id: str
    period: Period
    target: float | None = None
    target_upper: float | None = None
    actual: float | None = None
    note: str = ""
    evidence: str = ""
    # SPEC 8 (optional)
    analysis: str = ""
    action: str = ""
    action_owner: str = ""
    action_due: dt.date | None = None


class Initiative(BaseModel):
    id: str
    name: str
    objective_ids: list[str] = Field(default_factory=list)
    kpi_ids: list[str] = Field(default_factory=list)
    owner: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    budget: float | None = None  # rupiah
    spent: float | None = None  # rupiah
    progress: float | None = None  # fraction, 0..1
    status: str = ""
    note: str = ""
    row: int | None = Field(
        default=None, exclude=True
    )  # 0-based data row of its table; None when not read


class Unit(BaseModel):
    """A unit (OPD, bidang) of a parent workbook, SPEC 9 tblUnits."""

    id: str
    name: str
    file: str  # path relative to the parent workbook
    weight: float = 1.0
    owner: str = ""
    active: bool = True
    row: int | None = Field(
        default=None, exclude=True
    )  # 0-based data row of its table; None when not read


class Revision(BaseModel):
    date: dt.date | None = None
    kpi_id: str = ""
    field: str = ""
    old_value: str = ""
    new_value: str = ""
    reason: str = ""
    row: int | None = Field(
        default=None, exclude=True
    )  # 0-based data row of its table; None when not read


# Columns of the measurement frame the calc layer works on (one row per tblMeasurements row).
MEASUREMENT_COLUMNS = (
    "kpi_id",
    "period",
    "year",
    "end_month",
    "months",
    "target",
    "target_upper",
    "actual",
    "row",
)


def measurements_frame(rows: Iterable[Measurement]) -> pd.DataFrame:
    """The measurement frame of `rows`; `row` is the 0-based position in the table."""
    records = [
        (
            m.kpi_id,
            m.period.code,
            m.period.year,
            m.period.end_month,
            m.period.months,
            m.target,
            m.target_upper,
            m.actual,
            i,
        )
        for i, m in enumerate(rows)
    ]
    return frame_from_records(records)


# SPEC 8 texts of measurement rows (analysis and follow-up), apart from the number frame so that
# rows without them cost nothing: one row per measurement row (`row`, as in the measurement frame)
# that has any of them. action_due is a datetime.date or None.
FOLLOW_UP_COLUMNS = ("row", "analysis", "action", "action_owner", "action_due")


def follow_up_frame(rows: Iterable[Measurement]) -> pd.DataFrame:
    """The follow-up frame of `rows` (row = position in `rows`), only rows with any of the texts."""
    records = [
        (i, m.analysis, m.action, m.action_owner, m.action_due)
        for i, m in enumerate(rows)
        if m.analysis or m.action or m.action_owner or m.action_due is not None
    ]
    return follow_up_from_records(records)


def follow_up_from_records(records: list[tuple]) -> pd.DataFrame:
    if not records:
        return _EMPTY_FOLLOW_UPS.copy()
    return _follow_up_frame(records)


def _follow_up_frame(records: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(FOLLOW_UP_COLUMNS))
    return frame.astype({"row": "int64", "analysis": object, "action": object}).astype(
        {"action_owner": object, "action_due": object}
    )


def frame_from_records(records: list[tuple]) -> pd.DataFrame:
    if not records:
        return _EMPTY_MEASUREMENTS.copy()
    return _measurement_frame(records)


def _measurement_frame(records: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=list(MEASUREMENT_COLUMNS))
    for col in ("target", "target_upper", "actual"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    for col in ("year", "end_month", "months", "row"):
        frame[col] = frame[col].astype("int64")
    return frame.astype({"kpi_id": object, "period": object})


# Empty frames are made once and copied (every Scorecard starts with two; a consolidation reads
# hundreds of units).
_EMPTY_MEASUREMENTS = _measurement_frame([])
_EMPTY_FOLLOW_UPS = _follow_up_frame([])


class Scorecard(BaseModel):
    """The one model of a scorecard: what the reader reads from a workbook, what the template
    builder writes into one, what the engine scores and the dashboard and the deck show.

    `measurements` is a frame with MEASUREMENT_COLUMNS; a scorecard made in code may give it as
    a list of Measurement rows, which are kept as typed in `entries` (the template writes those,
    with their notes and evidence). A scorecard read from a workbook has no `entries`.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    profile: Profile = Field(default_factory=Profile)
    settings: Settings = Field(default_factory=Settings)
    perspectives: list[Perspective] = Field(default_factory=list)
    objectives: list[Objective] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    measurements: pd.DataFrame = Field(default_factory=lambda: frame_from_records([]))
    initiatives: list[Initiative] = Field(default_factory=list)
    revisions: list[Revision] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)  # SPEC 9: only a parent workbook has units
    entries: list[Measurement] = Field(default_factory=list)
    # SPEC 8: analysis and follow-up of measurement rows (FOLLOW_UP_COLUMNS), joined on `row`
    follow_ups: pd.DataFrame = Field(default_factory=lambda: follow_up_from_records([]))

    @model_validator(mode="before")
    @classmethod
    def _rows_as_frame(cls, data: Any) -> Any:
        """Measurement rows given as a list become the frame; the rows themselves are kept as `entries`."""
        if isinstance(data, dict) and isinstance(data.get("measurements"), list | tuple):
            rows = [
                m if isinstance(m, Measurement) else Measurement.model_validate(m)
                for m in data["measurements"]
            ]
            data = {**data, "measurements": measurements_frame(rows), "entries": rows}
            if "follow_ups" not in data:
                data["follow_ups"] = follow_up_frame(rows)
        return data

    @property
    def language(self) -> str:
        return self.settings.language.value

    def periods(self, year: int | None = None) -> list[Period]:
        """Distinct periods of the measurements (of `year` when given), in time order."""
        frame = self.measurements
        if year is not None:
            frame = frame[frame["year"] == year]
        keys = frame[["year", "end_month", "months"]].drop_duplicates().itertuples(index=False)
        return sorted(Period(int(y), int(e), int(m)) for y, e, m in keys)
