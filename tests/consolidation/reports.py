"""ConsolidationReports built by hand (the engine that makes them is `consolidate`'s)."""

from __future__ import annotations

from egov_bsc_xl.model.consolidation import (
    ConsolidationReport,
    RollupResult,
    UnitPerspective,
    UnitResult,
    UnitStatus,
    UnitValue,
)
from egov_bsc_xl.model.period import parse_period
from egov_bsc_xl.model.report import OverallResult, ReportBand, ReportPeriod
from egov_bsc_xl.model.scorecard import DEFAULT_BANDS, NO_DATA_BAND, Settings

SETTINGS = Settings()
PERSPECTIVES = (
    ("P1", "Pengguna Layanan"),
    ("P2", "Proses Bisnis Internal"),
    ("P3", "Pembelajaran dan Pertumbuhan"),
    ("P4", "Keuangan"),
)
EXCELLENT, GOOD, FAIR, POOR, VERY_POOR = (b.colour for b in DEFAULT_BANDS)


def band(score: float | None, lang: str = "id") -> ReportBand:
    return ReportBand(SETTINGS.band(score), lang)


def unit(
    uid: str,
    name: str,
    status: UnitStatus = UnitStatus.OK,
    overall: float | None = None,
    scores: tuple[float | None, ...] = (),
    coverage: float = 1.0,
    errors: int = 0,
    warnings: int = 0,
    reason: str = "",
    lang: str = "id",
) -> UnitResult:
    return UnitResult(
        id=uid,
        name=name,
        file=f"unit/{uid.lower()}.xlsm",
        status=status,
        overall=overall,
        band=band(overall, lang) if overall is not None else None,
        coverage=coverage if overall is not None else 0.0,
        errors=errors,
        warnings=warnings,
        perspectives=[
            UnitPerspective(id=pid, name=pname, score=s)
            for (pid, pname), s in zip(PERSPECTIVES, scores, strict=False)
        ],
        reason=reason,
    )


def sample_report(lang: str = "id", parent: bool = True) -> ConsolidationReport:
    """Five units: three scored (one tie-free order B > A > C), one missing, one without data."""
    units = [
        unit("DKI", "Diskominfo", overall=0.82, scores=(0.95, 0.80, 0.70, 0.60), lang=lang),
        unit("BAP", "Bappeda", overall=0.93, scores=(0.97, 0.92, 0.91, 0.90), lang=lang),
        unit(
            "DKS",
            "Dinas Kesehatan",
            overall=0.45,
            scores=(0.40, 0.50, None, 0.45),
            coverage=0.75,
            warnings=2,
            lang=lang,
        ),
        unit(
            "DPU",
            "Dinas PUPR",
            status=UnitStatus.MISSING,
            reason="Berkas tidak ditemukan: unit/dpu.xlsm (file not found)",
        ),
        unit("DSP", "Dinas Sosial", status=UnitStatus.NO_DATA, errors=0, warnings=1),
    ]
    rollups = [
        RollupResult(
            kpi_id="IKU-01",
            source_kpi="LYN-01",
            method="sum",
            actual=60.0,
            target=75.0,
            units=[
                UnitValue(id="DKI", actual=30.0, target=30.0),
                UnitValue(id="BAP", actual=20.0, target=25.0),
                UnitValue(id="DKS", actual=10.0, target=20.0),
            ],
        ),
        RollupResult(
            kpi_id="IKU-02",
            source_kpi="IKU-02",
            method="average",
            actual=80.5,
            target=90.0,
            units=[
                UnitValue(id="DKI", actual=85.0, target=90.0),
                UnitValue(id="BAP", actual=76.0, target=90.0),
            ],
        ),
    ]
    overall = OverallResult(score=0.78, band=band(0.78, lang), coverage=0.9) if parent else None
    return ConsolidationReport(
        period=ReportPeriod(parse_period("2026-Q3")),
        units=units,
        rollups=rollups,
        overall=overall,
    )


__all__ = [
    "EXCELLENT",
    "GOOD",
    "NO_DATA_BAND",
    "POOR",
    "VERY_POOR",
    "band",
    "sample_report",
    "unit",
]
