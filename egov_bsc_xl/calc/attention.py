"""Needs attention (SPEC 8): one rule for the dashboard, both decks and `score --json`.

A KPI needs attention when it has a scored achievement (fraction, 1.0 = 100 %) below the
setting `attention_below` (default 1.0: the target is not met); the list is lowest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import numpy as np

from egov_bsc_xl.model.scorecard import Settings

T = TypeVar("T")


def needs_attention(achievement: Any, settings: Settings) -> np.ndarray:
    """True per scored achievement below `settings.attention_below`; False for no data (NaN/None)."""
    values = np.atleast_1d(np.asarray(achievement, dtype="float64"))
    with np.errstate(invalid="ignore"):
        return ~np.isnan(values) & (values < settings.attention_below)


def attention_list(kpis: Iterable[T]) -> list[T]:
    """The KPI results (with `needs_attention`, `achievement`, `id`) that need attention, lowest first."""
    found = [k for k in kpis if getattr(k, "needs_attention", False)]
    return sorted(found, key=lambda k: (getattr(k, "achievement", 0.0), getattr(k, "id", "")))
