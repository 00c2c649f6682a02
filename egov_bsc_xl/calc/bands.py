"""Status bands of many scores at once (lower bounds inclusive, read top down)."""

from __future__ import annotations

from typing import Any

from egov_bsc_xl.model.report import ReportBand
from egov_bsc_xl.model.scorecard import NO_DATA_BAND, Settings, band_index

__all__ = ["band_index", "band_labels", "report_bands"]


def band_labels(scores: Any, settings: Settings, lang: str | None = None) -> list[str]:
    """Band label of each score in the language `lang` (default: the settings' language)."""
    lang = lang or settings.language.value
    ordered = sorted(settings.bands, key=lambda b: b.lower_bound, reverse=True)
    labels = [b.label(lang) for b in ordered]
    no_data = NO_DATA_BAND.label(lang)
    return [labels[i] if i >= 0 else no_data for i in band_index(scores, settings.bands).tolist()]


def report_bands(scores: Any, settings: Settings) -> list[ReportBand]:
    """The band of each score as the report carries it (labelled in the settings' language)."""
    lang = settings.language.value
    ordered = [
        ReportBand(b, lang)
        for b in sorted(settings.bands, key=lambda b: b.lower_bound, reverse=True)
    ]
    no_data = ReportBand(NO_DATA_BAND, lang)
    return [ordered[i] if i >= 0 else no_data for i in band_index(scores, settings.bands).tolist()]
