"""Status bands of many scores at once (lower bounds inclusive, read top down)."""

from __future__ import annotations

from typing import Any

import numpy as np

from egov_bsc_xl.model.scorecard import NO_DATA_BAND, Band, Settings


def band_index(scores: Any, bands: list[Band]) -> np.ndarray:
    """Index into `bands` (sorted high to low) of each score; -1 for NaN (no data)."""
    ordered = sorted(bands, key=lambda b: b.lower_bound, reverse=True)
    bounds = np.array([b.lower_bound for b in ordered])[::-1]  # ascending
    values = np.atleast_1d(np.asarray(scores, dtype="float64"))
    pos = np.searchsorted(bounds, values, side="right") - 1  # last bound <= value
    pos = np.where(pos < 0, 0, pos)  # below every bound: the lowest band
    idx = len(ordered) - 1 - pos
    return np.where(np.isnan(values), -1, idx)


def band_labels(scores: Any, settings: Settings, lang: str | None = None) -> list[str]:
    """Band label of each score in the language `lang` (default: the settings' language)."""
    lang = lang or settings.language.value
    ordered = sorted(settings.bands, key=lambda b: b.lower_bound, reverse=True)
    labels = [b.label(lang) for b in ordered]
    no_data = NO_DATA_BAND.label(lang)
    return [labels[i] if i >= 0 else no_data for i in band_index(scores, settings.bands).tolist()]
