"""The cached values of tblMeasurements' computed columns Capaian / Achievement and Status.

One computation for both writers of those cells: the template builder (workbook/template/formulas)
and recalc (app.computed_values). Excel recomputes the formulas; these are the values a file shows
before it does (and what a reader without a calculation engine sees).
"""

from __future__ import annotations

from typing import Any

from egov_bsc_xl.calc.achievement import achievement
from egov_bsc_xl.calc.bands import band_labels
from egov_bsc_xl.model.scorecard import Settings


def measurement_cells(
    actual: Any, target: Any, target_upper: Any, polarity: Any, settings: Settings, lang: str
) -> list[tuple[float | str, str]]:
    """(achievement, status) of each measurement: the scored achievement ('' for no data, whose
    status is the no-data band) and its band label in `lang`."""
    _, scored = achievement(
        actual, target, target_upper, polarity, settings.cap, settings.minimize_method
    )
    labels = band_labels(scored, settings, lang)
    return [
        ("" if value != value else value, label)
        for value, label in zip(scored.tolist(), labels, strict=True)
    ]
